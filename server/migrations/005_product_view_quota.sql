-- Views come from the public internet (issue 9): anyone can rotate session ids or make up viewer
-- ids, and each new one was a counted view. Cap what one client can add: at most N counted views
-- per client and product per UTC day (the server's PODIUM_VIEWS_PER_CLIENT_PER_DAY).
--
-- A client is an HMAC-SHA-256 of its IP address keyed by the salt below: the raw address is never
-- stored. In the database (not in a process) so that every instance and every restart hashes an
-- address the same way, and the cap holds across them.
CREATE TABLE podium_product_view_quota (
  product_id TEXT NOT NULL REFERENCES podium_products (id) ON DELETE CASCADE,
  client_hash TEXT NOT NULL CHECK (length(client_hash) = 64),
  day DATE NOT NULL,
  -- Views counted for this client, product and day; the server increments it only while below the
  -- cap, in the same transaction as the view (a repeat viewer rolls the increment back).
  counted INTEGER NOT NULL CHECK (counted >= 1),
  PRIMARY KEY (product_id, client_hash, day)
);

-- Server-side secrets made once per database. gen_random_uuid() draws from the strong random
-- source: two of them give 244 random bits.
CREATE TABLE podium_server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO podium_server_secrets (name, value)
VALUES ('client_ip_salt', encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'));

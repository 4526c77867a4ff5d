-- User ids follow one grammar everywhere (issue 9): 1 to 255 printable characters, so that
-- identity providers' ids (auth0|…, user_…, UUIDs, emails) are valid seller and viewer ids too.
-- The server checks the grammar before any query; these CHECKs keep the bound in the database
-- (255 characters keep a btree row far below Postgres's limit of about 2.7 kB).
ALTER TABLE podium_products DROP CONSTRAINT podium_products_seller_id_check;
ALTER TABLE podium_products ADD CONSTRAINT podium_products_seller_id_check
  CHECK (length(seller_id) BETWEEN 1 AND 255);

-- 'user:' + a user id, or 'session:' + a sha-256 hex digest.
ALTER TABLE podium_product_views DROP CONSTRAINT podium_product_views_viewer_check;
ALTER TABLE podium_product_views ADD CONSTRAINT podium_product_views_viewer_check
  CHECK (length(viewer) <= 260);

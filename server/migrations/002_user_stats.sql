-- User stats (design note 000): identity, a local mirror of the marketplace subgraph, cached
-- per-subject stats, the calculation queue and the sync cursors.
--
-- Addresses are stored lower-case (the application normalises; the CHECKs make sure).

-- Identity: the host's users (PUT /users/:id) and their verified wallets.
CREATE TABLE podium_users (
  id TEXT PRIMARY KEY,
  username TEXT,
  display_name TEXT,
  avatar_url TEXT,
  created_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
-- Usernames are unique case-insensitively. Named: the server maps a violation to a 409 on `username`.
CREATE UNIQUE INDEX podium_users_username_key ON podium_users (lower(username));

CREATE TABLE podium_user_wallets (
  address TEXT PRIMARY KEY CHECK (address = lower(address)),
  user_id TEXT NOT NULL REFERENCES podium_users (id) ON DELETE CASCADE,
  added_at TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX podium_user_wallets_user_id_idx ON podium_user_wallets (user_id);

-- The mirror: the subgraph's entities as last seen. Rows are upserted by id (the sync is
-- idempotent, so a re-run after an interruption is harmless). Amounts are uint256: NUMERIC(78,0)
-- holds them exactly.
CREATE TABLE podium_market_listings (
  id TEXT PRIMARY KEY,
  seller TEXT NOT NULL CHECK (seller = lower(seller)),
  erc20 TEXT NOT NULL,
  token_address TEXT NOT NULL,
  token_id TEXT NOT NULL,
  listing_type TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ACTIVE', 'FINALIZED', 'CANCELLED')),
  created_at TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX podium_market_listings_seller_idx ON podium_market_listings (seller);

CREATE TABLE podium_market_purchases (
  id TEXT PRIMARY KEY,
  listing_id TEXT NOT NULL,
  buyer TEXT NOT NULL CHECK (buyer = lower(buyer)),
  -- From the listing (it never changes): saves a join on every read.
  seller TEXT NOT NULL CHECK (seller = lower(seller)),
  erc20 TEXT NOT NULL,
  token_address TEXT NOT NULL,
  token_id TEXT NOT NULL,
  amount NUMERIC(78, 0) NOT NULL CHECK (amount >= 0),
  count INTEGER NOT NULL CHECK (count >= 0),
  "timestamp" TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX podium_market_purchases_buyer_idx ON podium_market_purchases (buyer, "timestamp");
CREATE INDEX podium_market_purchases_seller_idx ON podium_market_purchases (seller, "timestamp");
CREATE INDEX podium_market_purchases_listing_idx ON podium_market_purchases (listing_id);

CREATE TABLE podium_market_bids (
  id TEXT PRIMARY KEY,
  listing_id TEXT NOT NULL,
  bidder TEXT NOT NULL CHECK (bidder = lower(bidder)),
  erc20 TEXT NOT NULL,
  amount NUMERIC(78, 0) NOT NULL CHECK (amount >= 0),
  "timestamp" TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX podium_market_bids_bidder_idx ON podium_market_bids (bidder, "timestamp");
-- A listing's status change touches its bidders' "active bids": the sync finds them by listing.
CREATE INDEX podium_market_bids_listing_idx ON podium_market_bids (listing_id);

CREATE TABLE podium_market_offers (
  id TEXT PRIMARY KEY,
  listing_id TEXT NOT NULL,
  offerer TEXT NOT NULL CHECK (offerer = lower(offerer)),
  seller TEXT NOT NULL CHECK (seller = lower(seller)),
  erc20 TEXT NOT NULL,
  amount NUMERIC(78, 0) NOT NULL CHECK (amount >= 0),
  status TEXT NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'RESCINDED', 'REJECTED')),
  "timestamp" TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX podium_market_offers_offerer_idx ON podium_market_offers (offerer);
CREATE INDEX podium_market_offers_seller_idx ON podium_market_offers (seller);

-- Cached stats, one row per subject: 'user:<id>' for a registered user (over all their wallets)
-- or the lower-case address of a wallet no user has claimed.
CREATE TABLE podium_user_stats (
  subject TEXT PRIMARY KEY,
  user_id TEXT REFERENCES podium_users (id) ON DELETE CASCADE,
  addresses TEXT[] NOT NULL,
  -- Every figure (the UserStats contract). The columns below repeat the ranked ones so that
  -- percentiles and leaders are plain indexed SQL.
  stats JSONB NOT NULL,
  sales_volume NUMERIC(78, 0) NOT NULL DEFAULT 0,
  sales_count INTEGER NOT NULL DEFAULT 0,
  unique_buyers INTEGER NOT NULL DEFAULT 0,
  purchases_volume NUMERIC(78, 0) NOT NULL DEFAULT 0,
  purchases_count INTEGER NOT NULL DEFAULT 0,
  unique_sellers INTEGER NOT NULL DEFAULT 0,
  bids_placed INTEGER NOT NULL DEFAULT 0,
  bids_won INTEGER NOT NULL DEFAULT 0,
  offers_made INTEGER NOT NULL DEFAULT 0,
  listings_created INTEGER NOT NULL DEFAULT 0,
  trades INTEGER NOT NULL DEFAULT 0,
  calculated_at TIMESTAMPTZ(3) NOT NULL,
  -- Set when a refresh failed (the row keeps the last good figures), cleared by the next success.
  refresh_failed_at TIMESTAMPTZ(3),
  last_error TEXT
);
CREATE INDEX podium_user_stats_calculated_at_idx ON podium_user_stats (calculated_at);
CREATE INDEX podium_user_stats_sales_volume_idx ON podium_user_stats (sales_volume DESC, subject);
CREATE INDEX podium_user_stats_purchases_count_idx ON podium_user_stats (purchases_count DESC, subject);
CREATE INDEX podium_user_stats_trades_idx ON podium_user_stats (trades DESC, subject);

-- Subjects waiting for a (re)calculation. The primary key is what makes "many requests for the
-- same user queue it once": INSERT ... ON CONFLICT DO NOTHING.
CREATE TABLE podium_stats_queue (
  subject TEXT PRIMARY KEY,
  queued_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  attempts INTEGER NOT NULL DEFAULT 0,
  -- Failed attempts back off: the worker takes only rows whose time has come.
  next_attempt_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  last_error TEXT
);
CREATE INDEX podium_stats_queue_next_attempt_idx ON podium_stats_queue (next_attempt_at);

-- Named progress markers of background jobs: the incremental sync's block cursor, a backfill's
-- position (so an interrupted run resumes).
CREATE TABLE podium_sync_state (
  name TEXT PRIMARY KEY,
  value JSONB NOT NULL,
  updated_at TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

-- Referral sharing (issue 12): creators (communities), their members with a referral code each,
-- what the members shared, and the clicks on their links. Members are never deleted, so a code,
-- once given, is never given again.
CREATE TABLE podium_referral_creators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- Where a referral link lands (http or https, checked by the contract).
  destination_url TEXT NOT NULL,
  -- { "type": "percent", "value" } or { "type": "fixed", "amount", "currency" }.
  commission JSONB NOT NULL,
  created_at TIMESTAMPTZ(3) NOT NULL,
  updated_at TIMESTAMPTZ(3) NOT NULL
);

-- A member is one user in one community: a user in two communities is two members.
CREATE TABLE podium_referral_members (
  id TEXT PRIMARY KEY,
  creator_id TEXT NOT NULL REFERENCES podium_referral_creators (id),
  user_id TEXT NOT NULL,
  display_name TEXT,
  -- 8 characters of 23456789ABCDEFGHJKMNPQRSTUVWXYZ, random, made once and kept.
  referral_code TEXT NOT NULL UNIQUE CHECK (referral_code ~ '^[2-9A-HJKMNP-Z]{8}$'),
  created_at TIMESTAMPTZ(3) NOT NULL,
  updated_at TIMESTAMPTZ(3) NOT NULL,
  UNIQUE (creator_id, user_id)
);
CREATE INDEX podium_referral_members_user_idx ON podium_referral_members (user_id);

-- The member's own devices as seen on their authenticated requests (and as the host passed
-- them), for the self-referral checks: one row per distinct (IP, fingerprint, user agent).
-- IPs are keyed hashes (HMAC-SHA256 with the server's referral secret), never in clear.
CREATE TABLE podium_referral_member_signals (
  member_id TEXT NOT NULL REFERENCES podium_referral_members (id),
  ip_hash TEXT,
  fingerprint TEXT,
  user_agent TEXT,
  first_seen_at TIMESTAMPTZ(3) NOT NULL,
  seen_at TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX podium_referral_member_signals_key ON podium_referral_member_signals (
  member_id, (coalesce(ip_hash, '')), (coalesce(fingerprint, '')), (coalesce(user_agent, ''))
);

CREATE TABLE podium_referral_shares (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES podium_referral_members (id),
  -- One of the eight share platforms, or copy, qr, native.
  platform TEXT NOT NULL,
  template_id TEXT,
  share_type TEXT,
  created_at TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX podium_referral_shares_member_idx ON podium_referral_shares (member_id, created_at);

CREATE TABLE podium_referral_clicks (
  click_id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES podium_referral_members (id),
  -- The share the link came from, when `s` named one of the member's shares.
  share_id TEXT REFERENCES podium_referral_shares (id),
  platform TEXT,
  ip_hash TEXT NOT NULL,
  user_agent TEXT,
  is_bot BOOLEAN NOT NULL,
  counted BOOLEAN NOT NULL,
  -- The UTC hour of a counted click, NULL otherwise: the unique index below lets one click per
  -- IP per code per hour be counted, whatever the concurrency (NULLs never conflict).
  counted_hour TIMESTAMPTZ(3),
  created_at TIMESTAMPTZ(3) NOT NULL,
  CHECK (counted = (counted_hour IS NOT NULL)),
  CHECK (NOT (is_bot AND counted))
);
CREATE UNIQUE INDEX podium_referral_clicks_dedupe ON podium_referral_clicks (member_id, ip_hash, counted_hour);
CREATE INDEX podium_referral_clicks_member_idx ON podium_referral_clicks (member_id, created_at);

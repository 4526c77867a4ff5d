-- Referral conversions (issue 12): the host reports a referred purchase or sign-up, Podium
-- attributes it to a member, works out the commission and scores it for fraud. Flagged ones wait
-- for a reviewer; refunds and chargebacks reverse them and feed the later checks.

-- The currency of a creator's sales and commissions (conversions in another one are refused).
ALTER TABLE podium_referral_creators ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD'
  CHECK (currency ~ '^[A-Z]{3}$');
UPDATE podium_referral_creators SET currency = commission->>'currency'
  WHERE commission->>'type' = 'fixed';

CREATE TABLE podium_referral_conversions (
  -- The host's own id (an order id): recording the same one twice answers the first.
  id TEXT PRIMARY KEY,
  creator_id TEXT NOT NULL REFERENCES podium_referral_creators (id),
  member_id TEXT NOT NULL REFERENCES podium_referral_members (id),
  click_id TEXT REFERENCES podium_referral_clicks (click_id),
  share_id TEXT,
  platform TEXT,
  -- The referee as the host saw them. E-mail (normalised: lower case, Gmail dots and +tags
  -- dropped) and IP are keyed hashes with the referral secret, never in clear: the checks only
  -- compare them.
  referee_user_id TEXT,
  referee_email_hash TEXT,
  referee_ip_hash TEXT,
  referee_fingerprint TEXT,
  referee_user_agent TEXT,
  -- In the currency's major unit (49.99).
  amount NUMERIC(20, 4) NOT NULL CHECK (amount >= 0),
  currency TEXT NOT NULL,
  commission NUMERIC(20, 4) NOT NULL CHECK (commission >= 0),
  risk_score INTEGER NOT NULL CHECK (risk_score BETWEEN 0 AND 100),
  status TEXT NOT NULL
    CHECK (status IN ('approved', 'flagged', 'blocked', 'rejected', 'refunded', 'chargedBack')),
  -- [{ "signal", "points", "detail" }]
  reasons JSONB NOT NULL,
  -- A hash of the request body: a retry with the same body answers the stored conversion, the
  -- same id with another body is a conflict.
  request_hash TEXT NOT NULL,
  occurred_at TIMESTAMPTZ(3) NOT NULL,
  created_at TIMESTAMPTZ(3) NOT NULL,
  review_decision TEXT CHECK (review_decision IN ('approve', 'reject')),
  reviewer TEXT,
  review_note TEXT,
  reviewed_at TIMESTAMPTZ(3),
  reversed_at TIMESTAMPTZ(3),
  reversal_reason TEXT
);
CREATE INDEX podium_referral_conversions_member_idx ON podium_referral_conversions (member_id, occurred_at);
CREATE INDEX podium_referral_conversions_creator_idx ON podium_referral_conversions (creator_id, occurred_at);
CREATE INDEX podium_referral_conversions_review_idx ON podium_referral_conversions (created_at)
  WHERE status = 'flagged';
CREATE INDEX podium_referral_conversions_fingerprint_idx
  ON podium_referral_conversions (member_id, referee_fingerprint) WHERE referee_fingerprint IS NOT NULL;
CREATE INDEX podium_referral_conversions_email_idx
  ON podium_referral_conversions (member_id, referee_email_hash) WHERE referee_email_hash IS NOT NULL;

-- Every change of a conversion's status, who made it and why: recorded, reviewed, reversed.
CREATE TABLE podium_referral_conversion_audit (
  id BIGSERIAL PRIMARY KEY,
  conversion_id TEXT NOT NULL REFERENCES podium_referral_conversions (id),
  action TEXT NOT NULL CHECK (action IN ('recorded', 'approve', 'reject', 'refund', 'chargeback')),
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor TEXT,
  note TEXT,
  at TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX podium_referral_conversion_audit_idx ON podium_referral_conversion_audit (conversion_id, id);

-- Background work that must run on one server instance at a time (the stats sync, the referral
-- view refresh, the scoring outbox and webhooks) holds a named lease here, renewed by a
-- heartbeat. A holder that dies stops renewing and its lease runs out, so another instance takes
-- the work over. Expiry is judged by the database's clock only (clock_timestamp()), never by the
-- instances' clocks. `term` grows each time the lease changes hands (a fencing token).
CREATE TABLE podium_background_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  term BIGINT NOT NULL,
  acquired_at TIMESTAMPTZ NOT NULL,
  renewed_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

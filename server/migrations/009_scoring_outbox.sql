-- The boards' outbox for the Redis projection (issue 11): each write transaction of the ledger
-- adds one row with its board changes; a drainer applies rows to Redis in id order and deletes
-- them. Exactly once comes from the id: for one user, ids grow in commit order (their writes hold
-- the user's row lock), and Redis remembers per board and user the last id applied, so a row
-- applied twice (a crash between Redis and the delete) changes nothing the second time.
CREATE TABLE podium_score_outbox (
  id BIGSERIAL PRIMARY KEY,
  deltas JSONB NOT NULL,
  created_at TIMESTAMPTZ(3) NOT NULL
);

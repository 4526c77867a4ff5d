-- Outgoing webhooks (issue 11: achievement unlocks, rank changes into the top 10, streak
-- changes). Rows are written in the same transaction as the change they announce, so none is
-- lost; a deliverer sends them, signed, retrying with backoff until the receiver answers 2xx
-- (at least once: receivers dedupe by `id`).
CREATE TABLE podium_webhook_deliveries (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  -- The body as sent: { id, type, createdAt, data }.
  body JSONB NOT NULL,
  created_at TIMESTAMPTZ(3) NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- NULL once delivered or given up.
  next_attempt_at TIMESTAMPTZ(3),
  delivered_at TIMESTAMPTZ(3),
  last_error TEXT
);
CREATE INDEX podium_webhook_deliveries_due_idx ON podium_webhook_deliveries (next_attempt_at)
  WHERE next_attempt_at IS NOT NULL;

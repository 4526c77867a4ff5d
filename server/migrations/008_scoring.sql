-- Points and achievements (design note 003, issue 11). The ledger of events is the source of
-- truth; the boards are a projection of it (podium_score_boards here, or Redis sorted sets when
-- REDIS_URL is set), which `podium-server scores:rebuild` recomputes from the ledger.
--
-- Every instant is the event's own `occurred_at` (what the host says happened, default the
-- arrival), never now(): backfilled events land in the day, ISO week and month they happened.

-- Streak days are counted in the user's own zone (IANA name; `PUT /users/:id` sets it).
ALTER TABLE podium_users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'
  CHECK (length(time_zone) BETWEEN 1 AND 64);

-- The ledger: every event a host sent (scored or ignored: a replay must answer the same), every
-- milestone the engine derived, every manual adjustment. Revocation marks a row, never deletes it.
CREATE TABLE podium_score_events (
  event_id TEXT PRIMARY KEY CHECK (length(event_id) BETWEEN 1 AND 200),
  -- Arrival order: the ledger's audit order and the rebuild's replay order.
  seq BIGSERIAL NOT NULL UNIQUE,
  user_id TEXT NOT NULL CHECK (length(user_id) BETWEEN 1 AND 255),
  kind TEXT NOT NULL CHECK (kind IN ('event', 'milestone', 'adjustment')),
  action TEXT NOT NULL,
  category TEXT NOT NULL,
  occurred_at TIMESTAMPTZ(3) NOT NULL,
  recorded_at TIMESTAMPTZ(3) NOT NULL,
  metadata JSONB NOT NULL DEFAULT '{}',
  -- A digest of what the host sent: the same id with another payload is a conflict, not a replay.
  request_hash TEXT,
  -- The event that earned this milestone (revoked with it).
  parent_event_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('scored', 'ignored')),
  reason TEXT,
  points INTEGER NOT NULL,
  -- points × (1/decay)^(days from the trending epoch to occurred_at): forward decay.
  trending_weight DOUBLE PRECISION NOT NULL DEFAULT 0,
  -- For a scored row of the streak action: its day in the user's zone.
  streak_day DATE,
  unlocked TEXT[] NOT NULL DEFAULT '{}',
  -- The answer given the first time (host events and adjustments), replayed verbatim.
  result JSONB,
  revoked_at TIMESTAMPTZ(3),
  revoke_reason TEXT,
  CHECK (status = 'scored' OR points = 0)
);
-- Recent actions, per-user aggregates and the rebuild's per-user replay.
CREATE INDEX podium_score_events_user_idx ON podium_score_events (user_id, occurred_at DESC);
-- The per-user rate limit counts arrivals in the last minute.
CREATE INDEX podium_score_events_arrival_idx ON podium_score_events (user_id, recorded_at);
CREATE INDEX podium_score_events_parent_idx ON podium_score_events (parent_event_id)
  WHERE parent_event_id IS NOT NULL;
-- Metrics: events today.
CREATE INDEX podium_score_events_occurred_idx ON podium_score_events (occurred_at);

-- Per-user state the engine reads under the user's row lock (so concurrent events of one user
-- apply one after the other). Derived from the ledger; the rebuild checks it too.
CREATE TABLE podium_score_users (
  user_id TEXT PRIMARY KEY,
  lifetime_points BIGINT NOT NULL DEFAULT 0,
  -- Scored, unrevoked events per action: { "TRADE_EXECUTE": 12, ... }.
  action_counts JSONB NOT NULL DEFAULT '{}',
  updated_at TIMESTAMPTZ(3) NOT NULL
);
-- Points per user and UTC day: the daily cap.
CREATE TABLE podium_score_user_days (
  user_id TEXT NOT NULL,
  day DATE NOT NULL,
  points BIGINT NOT NULL,
  PRIMARY KEY (user_id, day)
);
-- Days (user's zone) with a scored streak action, and how many such rows: a revocation that
-- takes the last one away makes the day inactive again.
CREATE TABLE podium_score_streak_days (
  user_id TEXT NOT NULL,
  day DATE NOT NULL,
  entries INTEGER NOT NULL CHECK (entries > 0),
  PRIMARY KEY (user_id, day)
);
CREATE TABLE podium_score_achievements (
  user_id TEXT NOT NULL,
  achievement_id TEXT NOT NULL,
  unlocked_at TIMESTAMPTZ(3) NOT NULL,
  event_id TEXT NOT NULL,
  PRIMARY KEY (user_id, achievement_id)
);
-- Rarity: holders per achievement.
CREATE INDEX podium_score_achievements_id_idx ON podium_score_achievements (achievement_id);

-- The audit trail: one row per change to a user's points (event, milestone, adjustment,
-- revocation), append-only, read by `GET /scores/:userId/ledger`.
CREATE TABLE podium_score_audit (
  seq BIGSERIAL PRIMARY KEY,
  user_id TEXT NOT NULL,
  change TEXT NOT NULL CHECK (change IN ('event', 'milestone', 'adjustment', 'revocation')),
  event_id TEXT NOT NULL,
  action TEXT NOT NULL,
  category TEXT NOT NULL,
  points INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scored', 'ignored')),
  reason TEXT,
  occurred_at TIMESTAMPTZ(3) NOT NULL,
  recorded_at TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX podium_score_audit_user_idx ON podium_score_audit (user_id, seq DESC);

-- Lifetime rank at the end of each day it was looked at: the rank history.
CREATE TABLE podium_score_rank_history (
  user_id TEXT NOT NULL,
  day DATE NOT NULL,
  rank INTEGER NOT NULL CHECK (rank > 0),
  PRIMARY KEY (user_id, day)
);

-- The SQL projection of the boards. `board` is 'lifetime', 'day:2026-11-27', 'week:2026-W48',
-- 'month:2026-11' or 'trending', optionally after 'cat:<category>:'. `value` is points (trending:
-- the forward-decay weight); `reached_at` the latest occurred_at counted (first-reached ties).
CREATE TABLE podium_score_boards (
  board TEXT NOT NULL,
  user_id TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  reached_at TIMESTAMPTZ(3) NOT NULL,
  PRIMARY KEY (board, user_id)
);
CREATE INDEX podium_score_boards_rank_idx
  ON podium_score_boards (board, value DESC, reached_at, user_id COLLATE "C");
-- When each board last changed: its "last updated", part of the ETag.
CREATE TABLE podium_score_board_versions (
  board TEXT PRIMARY KEY,
  updated_at TIMESTAMPTZ(3) NOT NULL
);

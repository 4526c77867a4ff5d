-- The outbox's deltas as plain text (issue 11, ingest speed): the server writes one JSON array per
-- transaction and reads it back whole, never querying inside it, so parsing it into jsonb on the
-- way in and printing it back on the way out was work for nothing (about a tenth of a batch's
-- database time at 1,000 events).
--
-- Exactly once now comes from marks per board and outbox row in Redis (the row's id in the
-- board's `:rows` hash, set by the same script that applies it, removed once the row's delete has
-- committed), so rows may be applied in any order; see redisScoreBoards.ts.
ALTER TABLE podium_score_outbox ALTER COLUMN deltas TYPE TEXT USING deltas::text;
-- Stored as is: compressing a row that lives for milliseconds cost more than it saved.
ALTER TABLE podium_score_outbox ALTER COLUMN deltas SET STORAGE EXTERNAL;

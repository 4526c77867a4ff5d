-- A version number of the cached stats, bumped by every statement that changes them. Readers
-- keep the distribution of every ranked metric in memory (percentiles are then a binary search,
-- not a scan of every subject per request) and reload it only when this number moves. It is a
-- row, not a sequence: it changes visibly only when the writing transaction commits, together
-- with the stats it versions.
INSERT INTO podium_sync_state (name, value) VALUES ('stats.version', '0'::jsonb) ON CONFLICT (name) DO NOTHING;

CREATE FUNCTION podium_bump_user_stats_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE podium_sync_state
     SET value = to_jsonb(value::text::bigint + 1), updated_at = now()
   WHERE name = 'stats.version';
  RETURN NULL;
END
$$;

CREATE TRIGGER podium_user_stats_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON podium_user_stats
  FOR EACH STATEMENT EXECUTE FUNCTION podium_bump_user_stats_version();

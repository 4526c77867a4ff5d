-- Live updates (issue 14): the recent events of every topic, so a stream that reconnects with
-- `Last-Event-ID` gets what it missed from whichever instance it reaches. The id is one global
-- sequence (every instance numbers alike); rows older than a few minutes are pruned, and a
-- resume from before the oldest kept row is told to refetch everything.
--
-- `topic_key` is `<kind>:<raw subject>` (a board key, or the user id as stored); the server
-- spells it as the public topic (user ids URL-encoded).
CREATE TABLE podium_live_events (
  id BIGSERIAL PRIMARY KEY,
  topic_key TEXT NOT NULL,
  event TEXT NOT NULL,
  version TEXT,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX podium_live_events_at ON podium_live_events (at);
CREATE INDEX podium_live_events_topic ON podium_live_events (topic_key, id);

-- Highest id pruned so far: a resume from at or below it may have missed events.
INSERT INTO podium_sync_state (name, value) VALUES ('live.pruned_through', '0'::jsonb) ON CONFLICT (name) DO NOTHING;

-- Stores events ([{ "key", "event", "version"? }]) and tells every instance (LISTEN
-- podium_live): the notification leaves at commit, so no stream hears of a change that rolled back.
CREATE FUNCTION podium_live_publish(events JSONB) RETURNS void
LANGUAGE sql AS $$
  WITH stored AS (
    INSERT INTO podium_live_events (topic_key, event, version)
    SELECT e.key, e.event, e.version FROM jsonb_to_recordset(events) AS e(key text, event text, version text)
    RETURNING id, topic_key, event, version, at
  )
  SELECT pg_notify('podium_live', json_build_object(
           'id', id, 'key', topic_key, 'event', event, 'version', coalesce(version, id::text),
           'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text)
    FROM stored
$$;

-- User stats change in the background (the sync, the cron, the queue), in transactions of their
-- own: a statement trigger announces the users whose figures moved, once per statement.
CREATE FUNCTION podium_user_stats_live() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed JSONB;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(DISTINCT jsonb_build_object('key', 'stats:' || n.user_id, 'event', 'stats.changed'))
      INTO changed
      FROM changed_new n JOIN changed_old o ON o.subject = n.subject
     WHERE n.user_id IS NOT NULL AND n.stats IS DISTINCT FROM o.stats;
  ELSE
    SELECT jsonb_agg(DISTINCT jsonb_build_object('key', 'stats:' || n.user_id, 'event', 'stats.changed'))
      INTO changed
      FROM changed_new n WHERE n.user_id IS NOT NULL;
  END IF;
  IF changed IS NOT NULL THEN PERFORM podium_live_publish(changed); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER podium_user_stats_live_inserted AFTER INSERT ON podium_user_stats
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_user_stats_live();
CREATE TRIGGER podium_user_stats_live_updated AFTER UPDATE ON podium_user_stats
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_user_stats_live();

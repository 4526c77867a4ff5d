-- Board versions that every instance keeps in memory (issue 13): an unchanged poll then runs no
-- query at all. Each change of a version notifies `podium_versions` with the key that changed,
-- and every instance listening drops that key (server/src/db/versionCache.ts). NOTIFY is sent at
-- commit, so a listener never hears of a change before it can read it.
--
-- Triggers rather than the writers' code: every writer (the API, the demo, a rebuild, a seed)
-- bumps these rows, and each already does it in a small statement after its change committed, so
-- the notification adds nothing to a write's own transaction.
--
-- Channel names are per database, not per schema, so the payload starts with the writer's schema
-- and a space: a listener ignores other schemas' changes (tests, or several apps in one database).

-- The seller boards: one version for every period (019).
CREATE FUNCTION podium_seller_boards_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('podium_versions', current_schema() || ' sellers');
  RETURN NULL;
END
$$;
CREATE TRIGGER podium_seller_board_versions_notify AFTER INSERT OR UPDATE OR DELETE ON podium_seller_board_versions
  FOR EACH STATEMENT EXECUTE FUNCTION podium_seller_boards_notify();

-- The points boards: one version per board key (018), so per row, with the key. (Postgres sends
-- a notification once per transaction however often it is raised.)
CREATE FUNCTION podium_score_board_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('podium_versions', current_schema() || ' points:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.board ELSE NEW.board END);
  RETURN NULL;
END
$$;
CREATE TRIGGER podium_score_board_versions_notify AFTER INSERT OR UPDATE OR DELETE ON podium_score_board_versions
  FOR EACH ROW EXECUTE FUNCTION podium_score_board_notify();

-- Names and avatars are part of every board's version (018): their change drops all of them.
CREATE OR REPLACE FUNCTION podium_bump_profiles_version() RETURNS void
LANGUAGE sql AS $$
  UPDATE podium_sync_state
     SET value = to_jsonb(value::text::bigint + 1), updated_at = now()
   WHERE name = 'profiles.version';
  SELECT pg_notify('podium_versions', current_schema() || ' *');
$$;

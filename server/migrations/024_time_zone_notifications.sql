-- A user's score answer (`GET /scores/:userId`) is kept in memory while this process hears of
-- every change to it (issue 13; channel and payload as in 022). The score writer announces a
-- user's own changes (`score:<user>`) after commit, with the boards' count: a trigger here would
-- NOTIFY from the ledger's own transaction, and NOTIFY serialises commits.
--
-- A user's time zone decides which day their streak counts: a change (rare: a host's PUT) drops
-- every answer kept.
CREATE FUNCTION podium_time_zones_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_old o JOIN changed_new n ON n.id = o.id
              WHERE n.time_zone IS DISTINCT FROM o.time_zone) THEN
    PERFORM pg_notify('podium_versions', current_schema() || ' *');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER podium_time_zones_updated AFTER UPDATE ON podium_users
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_time_zones_changed();

-- A user's score answer (`GET /scores/:userId`) kept in memory while this process hears of every
-- change to it (issue 13; the channel and payload of 022). The answer is made of the board's
-- standing, whose changes the board's version already notifies (`points:<board>`), and of the
-- user's own ledger state: recent actions, action counts, streak days. Every writer of that state
-- (an event, a revocation, an adjustment, a rebuild) updates the user's `podium_score_users` row
-- in the same transaction, so a change of that row notifies `score:<user>`.

CREATE FUNCTION podium_score_users_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('podium_versions', current_schema() || ' *');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('podium_versions', current_schema() || ' score:' || c.user_id)
       FROM (SELECT DISTINCT user_id FROM changed_old) c;
  ELSE
    PERFORM pg_notify('podium_versions', current_schema() || ' score:' || c.user_id)
       FROM (SELECT DISTINCT user_id FROM changed_new) c;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER podium_score_users_inserted_notify AFTER INSERT ON podium_score_users
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_score_users_notify();
CREATE TRIGGER podium_score_users_updated_notify AFTER UPDATE ON podium_score_users
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_score_users_notify();
CREATE TRIGGER podium_score_users_deleted_notify AFTER DELETE ON podium_score_users
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION podium_score_users_notify();
CREATE TRIGGER podium_score_users_truncated_notify AFTER TRUNCATE ON podium_score_users
  FOR EACH STATEMENT EXECUTE FUNCTION podium_score_users_notify();

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

-- A user's stats answer kept in memory while this process hears of every change to it (issue 13:
-- a poll of `GET /user/:identifier/stats` then runs no query). The answer depends on three
-- things, each with a version row in `podium_sync_state`, and each change notifies
-- `podium_versions` with the key `userStats` (see 022 for the payload and why triggers):
--
--   stats.version       the cached figures (003; its trigger now notifies too)
--   identities.version  which subject an identifier names: a wallet claimed or released, a
--                       username changed, a user added or removed (new here)
--   profiles.version    the names and avatars shown (018; it already notifies `*`, which drops
--                       every key)

CREATE OR REPLACE FUNCTION podium_bump_user_stats_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE podium_sync_state
     SET value = to_jsonb(value::text::bigint + 1), updated_at = now()
   WHERE name = 'stats.version';
  PERFORM pg_notify('podium_versions', current_schema() || ' userStats');
  RETURN NULL;
END
$$;

INSERT INTO podium_sync_state (name, value) VALUES ('identities.version', '0'::jsonb) ON CONFLICT (name) DO NOTHING;

-- A PUT of users may bump both rows, in either order (creating a user fires the identities
-- trigger first, renaming one and changing its wallets the profiles one): each bump locks both,
-- always in name order, so two PUTs never deadlock on them.
CREATE FUNCTION podium_lock_identity_versions() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM podium_sync_state WHERE name IN ('identities.version', 'profiles.version')
    ORDER BY name FOR UPDATE;
END
$$;

CREATE FUNCTION podium_bump_identities_version() RETURNS void
LANGUAGE sql AS $$
  SELECT podium_lock_identity_versions();
  UPDATE podium_sync_state
     SET value = to_jsonb(value::text::bigint + 1), updated_at = now()
   WHERE name = 'identities.version';
  SELECT pg_notify('podium_versions', current_schema() || ' userStats');
$$;

CREATE OR REPLACE FUNCTION podium_bump_profiles_version() RETURNS void
LANGUAGE sql AS $$
  SELECT podium_lock_identity_versions();
  UPDATE podium_sync_state
     SET value = to_jsonb(value::text::bigint + 1), updated_at = now()
   WHERE name = 'profiles.version';
  SELECT pg_notify('podium_versions', current_schema() || ' *');
$$;

-- Statement level with transition tables, as 018: a PUT /users/:id runs a wallet DELETE that
-- usually removes nothing and an UPDATE that usually keeps the username; neither may take the
-- version row's lock (every PUT would wait on every other) when it changed nothing.
CREATE FUNCTION podium_identities_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'podium_users' THEN
    IF EXISTS (SELECT 1 FROM changed_old o JOIN changed_new n ON n.id = o.id
                WHERE n.username IS DISTINCT FROM o.username) THEN
      PERFORM podium_bump_identities_version();
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM changed_new) THEN PERFORM podium_bump_identities_version(); END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM changed_old) THEN PERFORM podium_bump_identities_version(); END IF;
  ELSE
    -- A wallet moved to another user, or a TRUNCATE.
    PERFORM podium_bump_identities_version();
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER podium_identities_wallets_inserted AFTER INSERT ON podium_user_wallets
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_identities_changed();
CREATE TRIGGER podium_identities_wallets_updated AFTER UPDATE ON podium_user_wallets
  FOR EACH STATEMENT EXECUTE FUNCTION podium_identities_changed();
CREATE TRIGGER podium_identities_wallets_deleted AFTER DELETE ON podium_user_wallets
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION podium_identities_changed();
CREATE TRIGGER podium_identities_wallets_truncated AFTER TRUNCATE ON podium_user_wallets
  FOR EACH STATEMENT EXECUTE FUNCTION podium_identities_changed();

CREATE TRIGGER podium_identities_users_inserted AFTER INSERT ON podium_users
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_identities_changed();
CREATE TRIGGER podium_identities_users_updated AFTER UPDATE ON podium_users
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_identities_changed();
CREATE TRIGGER podium_identities_users_deleted AFTER DELETE ON podium_users
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION podium_identities_changed();
CREATE TRIGGER podium_identities_users_truncated AFTER TRUNCATE ON podium_users
  FOR EACH STATEMENT EXECUTE FUNCTION podium_identities_changed();

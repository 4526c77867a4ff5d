-- Versions that decide a board's ETag before any page query runs (issue 13: an unchanged poll
-- costs two key lookups, not a page read).
--
-- A points board's version counts its changes. `updated_at` could not serve: it never goes
-- backwards, so a change dated before the last one (a backdated event, a revocation) leaves it
-- as it was. Writers bump it after the change is visible (after the ledger commits; with Redis
-- boards when the drain's delete commits), so a version is never newer than the rows it stands for.
ALTER TABLE podium_score_board_versions ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- Boards show names and avatars: their version moves with any change of those, in the same
-- transaction (a row, not a sequence, so it is seen exactly when the new names are). Users are
-- written rarely (a host's PUT /users/:id), so one row's lock costs nothing here.
INSERT INTO podium_sync_state (name, value) VALUES ('profiles.version', '0'::jsonb) ON CONFLICT (name) DO NOTHING;

CREATE FUNCTION podium_bump_profiles_version() RETURNS void
LANGUAGE sql AS $$
  UPDATE podium_sync_state
     SET value = to_jsonb(value::text::bigint + 1), updated_at = now()
   WHERE name = 'profiles.version'
$$;

-- Statement level with transition tables: once per statement that changed something a board
-- shows. (Per row, a bulk insert of users would update the one version row once per user; and
-- the PUT's INSERT … ON CONFLICT DO NOTHING of a known user, or an UPDATE repeating the same
-- name and avatar, changes nothing.)
CREATE FUNCTION podium_profiles_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM changed_old o JOIN changed_new n ON n.id = o.id
                WHERE n.display_name IS DISTINCT FROM o.display_name
                   OR n.avatar_url IS DISTINCT FROM o.avatar_url) THEN
      PERFORM podium_bump_profiles_version();
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM changed_new) THEN PERFORM podium_bump_profiles_version(); END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM changed_old) THEN PERFORM podium_bump_profiles_version(); END IF;
  ELSE
    PERFORM podium_bump_profiles_version();
  END IF;
  RETURN NULL;
END
$$;

-- A trigger with transition tables handles one event, so one per kind of change.
CREATE TRIGGER podium_profiles_inserted AFTER INSERT ON podium_users
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_profiles_changed();
CREATE TRIGGER podium_profiles_updated AFTER UPDATE ON podium_users
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_profiles_changed();
CREATE TRIGGER podium_profiles_deleted AFTER DELETE ON podium_users
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION podium_profiles_changed();
CREATE TRIGGER podium_profiles_truncated AFTER TRUNCATE ON podium_users
  FOR EACH STATEMENT EXECUTE FUNCTION podium_profiles_changed();

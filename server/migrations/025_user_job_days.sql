-- Per-day sums of each user's jobs, in the time zones they read their stats in (issue 13), so
-- `GET /api/stats` sums ~30 day rows for a 30-day range instead of grouping every job in it (the
-- summary of ~1,000 jobs cost ~1.2 ms of Postgres per request; a heavy user's grew with their jobs).
--
-- A zone is added when the user first reads whole days in it (`jobsStore.ts`: at most a few per
-- user, filled from the jobs then); from then on the jobs' statement triggers keep its days, in the
-- writing statement's own transaction, so the sums are seen exactly when the jobs are. Each day is
-- split over eight shards that writers pick at random, like the versions (020): one user's
-- concurrent writes then rarely queue on one day's row lock. A day's sum is its shards' sum.
CREATE TABLE podium_user_job_zones (
  user_id TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  PRIMARY KEY (user_id, time_zone)
);

CREATE TABLE podium_user_job_days (
  user_id TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  day DATE NOT NULL,
  shard SMALLINT NOT NULL,
  jobs BIGINT NOT NULL,
  requested BIGINT NOT NULL,
  successful BIGINT NOT NULL,
  failed BIGINT NOT NULL,
  pending BIGINT NOT NULL,
  processing BIGINT NOT NULL,
  completed BIGINT NOT NULL,
  failed_jobs BIGINT NOT NULL,
  PRIMARY KEY (user_id, time_zone, day, shard)
);

-- One changed job row, counted +1 (its new state) or -1 (its old state).
CREATE TYPE podium_job_day_change AS (
  user_id TEXT,
  created_at TIMESTAMPTZ,
  sign INT,
  requested INT,
  successful INT,
  failed INT,
  status TEXT
);

-- Adds changes to the days of every zone their users have. Rows are taken in key order, so
-- concurrent statements agree on the lock order (after the versions' rows, which 020 takes first).
CREATE FUNCTION podium_add_user_job_days(p_changes podium_job_day_change[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO podium_user_job_days AS d
    (user_id, time_zone, day, shard, jobs, requested, successful, failed, pending, processing, completed, failed_jobs)
  SELECT g.user_id, g.time_zone, g.day, floor(random() * 8)::smallint,
         g.jobs, g.requested, g.successful, g.failed, g.pending, g.processing, g.completed, g.failed_jobs
    FROM (SELECT c.user_id, z.time_zone, (c.created_at AT TIME ZONE z.time_zone)::date AS day,
                 sum(c.sign) AS jobs, sum(c.sign * c.requested) AS requested,
                 sum(c.sign * c.successful) AS successful, sum(c.sign * c.failed) AS failed,
                 coalesce(sum(c.sign) FILTER (WHERE c.status = 'pending'), 0) AS pending,
                 coalesce(sum(c.sign) FILTER (WHERE c.status = 'processing'), 0) AS processing,
                 coalesce(sum(c.sign) FILTER (WHERE c.status = 'completed'), 0) AS completed,
                 coalesce(sum(c.sign) FILTER (WHERE c.status = 'failed'), 0) AS failed_jobs
            FROM unnest(p_changes) AS c
            JOIN podium_user_job_zones z ON z.user_id = c.user_id
           GROUP BY 1, 2, 3) g
   ORDER BY g.user_id COLLATE "C", g.time_zone COLLATE "C", g.day
  ON CONFLICT (user_id, time_zone, day, shard) DO UPDATE SET
    jobs = d.jobs + EXCLUDED.jobs, requested = d.requested + EXCLUDED.requested,
    successful = d.successful + EXCLUDED.successful, failed = d.failed + EXCLUDED.failed,
    pending = d.pending + EXCLUDED.pending, processing = d.processing + EXCLUDED.processing,
    completed = d.completed + EXCLUDED.completed, failed_jobs = d.failed_jobs + EXCLUDED.failed_jobs
$$;

-- 020's trigger function, now also keeping the days: the version first (a zone being added holds
-- every version row of the user, so a writer waits here until the zone's fill has committed, and
-- its own jobs are then either in the fill or added below, never both), then the days.
CREATE OR REPLACE FUNCTION podium_user_jobs_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Statement triggers fire even when no row changed (an upsert whose merge wrote nothing).
  IF TG_OP = 'INSERT' THEN
    PERFORM podium_count_user_jobs_changed(ARRAY(SELECT user_id FROM changed_new));
    PERFORM podium_add_user_job_days(ARRAY(
      SELECT (n.user_id, n.created_at, 1, n.requested_count, n.successful_count, n.failed_count, n.status)::podium_job_day_change
        FROM changed_new n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM podium_count_user_jobs_changed(ARRAY(SELECT user_id FROM changed_new));
    PERFORM podium_add_user_job_days(ARRAY(
      SELECT (n.user_id, n.created_at, 1, n.requested_count, n.successful_count, n.failed_count, n.status)::podium_job_day_change
        FROM changed_new n
      UNION ALL
      SELECT (o.user_id, o.created_at, -1, o.requested_count, o.successful_count, o.failed_count, o.status)::podium_job_day_change
        FROM changed_old o));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM podium_count_user_jobs_changed(ARRAY(SELECT user_id FROM changed_old));
    PERFORM podium_add_user_job_days(ARRAY(
      SELECT (o.user_id, o.created_at, -1, o.requested_count, o.successful_count, o.failed_count, o.status)::podium_job_day_change
        FROM changed_old o));
  END IF;
  RETURN NULL;
END
$$;

-- The update trigger needs the old rows too (what to take away from their days).
DROP TRIGGER podium_user_jobs_updated ON podium_user_jobs;
CREATE TRIGGER podium_user_jobs_updated AFTER UPDATE ON podium_user_jobs
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION podium_user_jobs_changed();

-- TRUNCATE has no transition table: every zone is forgotten, and filled again when next read.
CREATE OR REPLACE FUNCTION podium_user_jobs_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE podium_user_job_versions SET version = version + 1;
  DELETE FROM podium_user_job_zones;
  DELETE FROM podium_user_job_days;
  RETURN NULL;
END
$$;

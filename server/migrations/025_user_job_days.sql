-- Per-day sums of each user's jobs, in the time zones they read their stats in (issue 13), so
-- `GET /api/stats` sums ~30 day rows for a 30-day range instead of grouping every job in it
-- (~1,000 jobs: 0.67 ms of execution against 0.14 ms, and a heavy user's grew with their jobs).
--
-- A zone is added when the user first reads whole days in it (`keepJobDays` in `jobStatsSql.ts`:
-- at most a few per user, filled from the jobs then); from then on the jobs' statement triggers
-- keep its days, in the writing statement's own transaction, so the sums are seen exactly when
-- the jobs are. Each day is split over eight shards that writers pick at random, like the versions
-- (020): one user's concurrent writes then rarely queue on one day's row lock. A day's sum is its
-- shards' sum.
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

-- 020's trigger function, now also keeping the days, with every statement written out in it:
-- PL/pgSQL keeps the plans of its own statements for the session, while a LANGUAGE sql function
-- is planned again on every call. pgbench, 10 clients, one job upsert per transaction: no
-- triggers 6,700 a second; 020's SQL helper 2,990; days through a SQL helper too 1,650; written out
-- here 4,500, and 3,700 when every write also moves a kept day. The version
-- first (a zone being added holds every version row of the user, so a writer waits here until
-- the zone's fill has committed, and its jobs are then either in the fill or added below, never
-- both), then the days: each changed row counted +1 as it is now and -1 as it was. Rows are taken
-- in key order, so concurrent statements agree on the lock order.
CREATE OR REPLACE FUNCTION podium_user_jobs_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Statement triggers fire even when no row changed (an upsert whose merge wrote nothing).
  IF TG_OP = 'INSERT' THEN
    INSERT INTO podium_user_job_versions AS v (user_id, shard, version)
    SELECT d.u, d.shard, 1
      FROM (SELECT u, floor(random() * 8)::smallint AS shard FROM (SELECT DISTINCT user_id AS u FROM changed_new) users) d
     ORDER BY d.u COLLATE "C", d.shard
    ON CONFLICT (user_id, shard) DO UPDATE SET version = v.version + 1;
    INSERT INTO podium_user_job_days AS d
      (user_id, time_zone, day, shard, jobs, requested, successful, failed, pending, processing, completed, failed_jobs)
    SELECT g.user_id, g.time_zone, g.day, floor(random() * 8)::smallint,
           g.jobs, g.requested, g.successful, g.failed, g.pending, g.processing, g.completed, g.failed_jobs
      FROM (SELECT c.user_id, z.time_zone, (c.created_at AT TIME ZONE z.time_zone)::date AS day,
                   sum(c.sign) AS jobs, sum(c.sign * c.requested_count) AS requested,
                   sum(c.sign * c.successful_count) AS successful, sum(c.sign * c.failed_count) AS failed,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'pending'), 0) AS pending,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'processing'), 0) AS processing,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'completed'), 0) AS completed,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'failed'), 0) AS failed_jobs
              FROM (SELECT user_id, created_at, requested_count, successful_count, failed_count, status, 1 AS sign FROM changed_new) c
              JOIN podium_user_job_zones z ON z.user_id = c.user_id
             GROUP BY 1, 2, 3) g
     ORDER BY g.user_id COLLATE "C", g.time_zone COLLATE "C", g.day
    ON CONFLICT (user_id, time_zone, day, shard) DO UPDATE SET
      jobs = d.jobs + EXCLUDED.jobs, requested = d.requested + EXCLUDED.requested,
      successful = d.successful + EXCLUDED.successful, failed = d.failed + EXCLUDED.failed,
      pending = d.pending + EXCLUDED.pending, processing = d.processing + EXCLUDED.processing,
      completed = d.completed + EXCLUDED.completed, failed_jobs = d.failed_jobs + EXCLUDED.failed_jobs;
  ELSIF TG_OP = 'UPDATE' THEN
    -- The old rows' users too, whose days lose the old rows (the app never moves a job; a repair might).
    INSERT INTO podium_user_job_versions AS v (user_id, shard, version)
    SELECT d.u, d.shard, 1
      FROM (SELECT u, floor(random() * 8)::smallint AS shard
              FROM (SELECT user_id AS u FROM changed_new UNION SELECT user_id FROM changed_old) users) d
     ORDER BY d.u COLLATE "C", d.shard
    ON CONFLICT (user_id, shard) DO UPDATE SET version = v.version + 1;
    INSERT INTO podium_user_job_days AS d
      (user_id, time_zone, day, shard, jobs, requested, successful, failed, pending, processing, completed, failed_jobs)
    SELECT g.user_id, g.time_zone, g.day, floor(random() * 8)::smallint,
           g.jobs, g.requested, g.successful, g.failed, g.pending, g.processing, g.completed, g.failed_jobs
      FROM (SELECT c.user_id, z.time_zone, (c.created_at AT TIME ZONE z.time_zone)::date AS day,
                   sum(c.sign) AS jobs, sum(c.sign * c.requested_count) AS requested,
                   sum(c.sign * c.successful_count) AS successful, sum(c.sign * c.failed_count) AS failed,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'pending'), 0) AS pending,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'processing'), 0) AS processing,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'completed'), 0) AS completed,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'failed'), 0) AS failed_jobs
              FROM (SELECT user_id, created_at, requested_count, successful_count, failed_count, status, 1 AS sign FROM changed_new UNION ALL SELECT user_id, created_at, requested_count, successful_count, failed_count, status, -1 FROM changed_old) c
              JOIN podium_user_job_zones z ON z.user_id = c.user_id
             GROUP BY 1, 2, 3) g
     ORDER BY g.user_id COLLATE "C", g.time_zone COLLATE "C", g.day
    ON CONFLICT (user_id, time_zone, day, shard) DO UPDATE SET
      jobs = d.jobs + EXCLUDED.jobs, requested = d.requested + EXCLUDED.requested,
      successful = d.successful + EXCLUDED.successful, failed = d.failed + EXCLUDED.failed,
      pending = d.pending + EXCLUDED.pending, processing = d.processing + EXCLUDED.processing,
      completed = d.completed + EXCLUDED.completed, failed_jobs = d.failed_jobs + EXCLUDED.failed_jobs;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO podium_user_job_versions AS v (user_id, shard, version)
    SELECT d.u, d.shard, 1
      FROM (SELECT u, floor(random() * 8)::smallint AS shard FROM (SELECT DISTINCT user_id AS u FROM changed_old) users) d
     ORDER BY d.u COLLATE "C", d.shard
    ON CONFLICT (user_id, shard) DO UPDATE SET version = v.version + 1;
    INSERT INTO podium_user_job_days AS d
      (user_id, time_zone, day, shard, jobs, requested, successful, failed, pending, processing, completed, failed_jobs)
    SELECT g.user_id, g.time_zone, g.day, floor(random() * 8)::smallint,
           g.jobs, g.requested, g.successful, g.failed, g.pending, g.processing, g.completed, g.failed_jobs
      FROM (SELECT c.user_id, z.time_zone, (c.created_at AT TIME ZONE z.time_zone)::date AS day,
                   sum(c.sign) AS jobs, sum(c.sign * c.requested_count) AS requested,
                   sum(c.sign * c.successful_count) AS successful, sum(c.sign * c.failed_count) AS failed,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'pending'), 0) AS pending,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'processing'), 0) AS processing,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'completed'), 0) AS completed,
                   coalesce(sum(c.sign) FILTER (WHERE c.status = 'failed'), 0) AS failed_jobs
              FROM (SELECT user_id, created_at, requested_count, successful_count, failed_count, status, -1 AS sign FROM changed_old) c
              JOIN podium_user_job_zones z ON z.user_id = c.user_id
             GROUP BY 1, 2, 3) g
     ORDER BY g.user_id COLLATE "C", g.time_zone COLLATE "C", g.day
    ON CONFLICT (user_id, time_zone, day, shard) DO UPDATE SET
      jobs = d.jobs + EXCLUDED.jobs, requested = d.requested + EXCLUDED.requested,
      successful = d.successful + EXCLUDED.successful, failed = d.failed + EXCLUDED.failed,
      pending = d.pending + EXCLUDED.pending, processing = d.processing + EXCLUDED.processing,
      completed = d.completed + EXCLUDED.completed, failed_jobs = d.failed_jobs + EXCLUDED.failed_jobs;
  END IF;
  RETURN NULL;
END
$$;

-- Replaced by the statements above.
DROP FUNCTION podium_count_user_jobs_changed(TEXT[]);

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

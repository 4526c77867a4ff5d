-- Job statistics (design note 002): one row per job a host's user started.
--
-- Rules the server relies on live here too, so a bug in application code cannot store a job that
-- breaks them, and PGlite and Postgres enforce them identically.

-- Status order used by the "jobs only move forward" rule. Mirrors canApplyJobUpdate in
-- src/logic/jobStats.ts: pending 0 < processing 1 < completed = failed 2 (terminal).
CREATE FUNCTION podium_job_status_rank(status TEXT) RETURNS INTEGER
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE status
    WHEN 'pending' THEN 0
    WHEN 'processing' THEN 1
    WHEN 'completed' THEN 2
    WHEN 'failed' THEN 2
  END
$$;

CREATE TABLE podium_user_jobs (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Host user ids are opaque strings (the JWT `sub`), not UUIDs of ours.
  user_id TEXT NOT NULL,
  -- COLLATE "C": byte order, so the keyset order is the same on every server locale and matches
  -- the code-point order of the core's reference implementation.
  job_id TEXT COLLATE "C" NOT NULL,
  requested_count INTEGER NOT NULL DEFAULT 0,
  successful_count INTEGER NOT NULL DEFAULT 0,
  failed_count INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'pending',
  -- Millisecond precision: the instants round-trip through JavaScript Dates (and cursors) exactly.
  created_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  completed_at TIMESTAMPTZ(3),
  CONSTRAINT podium_user_jobs_job_id_key UNIQUE (job_id),
  CONSTRAINT podium_user_jobs_job_id_check CHECK (length(job_id) BETWEEN 1 AND 200),
  CONSTRAINT podium_user_jobs_counts_check CHECK (requested_count >= 0 AND successful_count >= 0 AND failed_count >= 0),
  -- Named: the server maps its violation (a merged update that does not add up) to a 400.
  CONSTRAINT podium_user_jobs_outcomes_check CHECK (successful_count::BIGINT + failed_count <= requested_count),
  CONSTRAINT podium_user_jobs_status_check CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
  -- completed_at is set exactly when the job is terminal.
  CONSTRAINT podium_user_jobs_completed_at_check CHECK ((status IN ('completed', 'failed')) = (completed_at IS NOT NULL))
);

-- GET /stats: one user's jobs in a time range, newest first, keyset-paginated on (created_at, job_id).
CREATE INDEX podium_user_jobs_user_created_idx ON podium_user_jobs (user_id, created_at DESC, job_id DESC);

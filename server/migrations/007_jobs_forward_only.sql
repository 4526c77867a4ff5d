-- Jobs only move forward (issue 9). The store's merge (GREATEST per count, the further status,
-- terminal is terminal) never writes a job backwards; this trigger makes the database refuse such
-- a write from any code, as 001 does for its other rules, so a future bug cannot make a reader
-- see a job go back. A refused write is a bug: it surfaces as a 500, never as silent data loss.

CREATE FUNCTION podium_user_jobs_forward_only() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF podium_job_status_rank(OLD.status) = 2 AND (
       NEW.status, NEW.requested_count, NEW.successful_count, NEW.failed_count, NEW.completed_at
     ) IS DISTINCT FROM (
       OLD.status, OLD.requested_count, OLD.successful_count, OLD.failed_count, OLD.completed_at
     ) THEN
    RAISE EXCEPTION 'podium_user_jobs: jobs only move forward (job % is % and final)', OLD.job_id, OLD.status;
  END IF;
  IF NEW.requested_count < OLD.requested_count
     OR NEW.successful_count < OLD.successful_count
     OR NEW.failed_count < OLD.failed_count
     OR podium_job_status_rank(NEW.status) < podium_job_status_rank(OLD.status) THEN
    RAISE EXCEPTION 'podium_user_jobs: jobs only move forward (job %: a count or the status went back)', OLD.job_id;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER podium_user_jobs_forward_only
  BEFORE UPDATE ON podium_user_jobs
  FOR EACH ROW EXECUTE FUNCTION podium_user_jobs_forward_only();

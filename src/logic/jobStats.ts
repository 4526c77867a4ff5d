import type { Job, JobDay, JobStatus, JobTotals } from '../contracts/jobs.js';
import { dayKey, daysInRange, type ResolvedRange } from './periods.js';

/**
 * The definitions behind `GET /stats`, as plain code. The server computes the same figures in SQL;
 * this module is what the mocks serve and what the server's tests compare the SQL against.
 */

const statusRank: Record<JobStatus, number> = { pending: 0, processing: 1, completed: 2, failed: 2 };

/** True for `completed` and `failed`: a job in one of them is final. */
export function isTerminalStatus(status: JobStatus): boolean {
  return statusRank[status] === 2;
}

/**
 * Whether an update that carries `next` may change a job now in `current`. Jobs only move
 * forward (pending -> processing -> completed | failed); a retried or late update that would move
 * one back is ignored, and a finished job is never changed again.
 */
export function canApplyJobUpdate(current: JobStatus, next: JobStatus): boolean {
  if (isTerminalStatus(current)) return false;
  return statusRank[next] >= statusRank[current];
}

/** successful / (successful + failed), or `null` when no outcome is known yet. */
export function successRate(successful: number, failed: number): number | null {
  const finished = successful + failed;
  return finished === 0 ? null : successful / finished;
}

/** Totals of the jobs whose `created_at` lies in `range`. */
export function summarizeJobs(jobs: readonly Job[], range: ResolvedRange): JobTotals {
  const totals: JobTotals = {
    jobs: 0,
    requested: 0,
    successful: 0,
    failed: 0,
    successRate: null,
    byStatus: { pending: 0, processing: 0, completed: 0, failed: 0 },
  };
  for (const job of jobsInRange(jobs, range)) {
    totals.jobs += 1;
    totals.requested += job.requested_count;
    totals.successful += job.successful_count;
    totals.failed += job.failed_count;
    totals.byStatus[job.status] += 1;
  }
  totals.successRate = successRate(totals.successful, totals.failed);
  return totals;
}

/** One entry per calendar day of `range` (in its zone), zeros included. */
export function dailyJobSeries(jobs: readonly Job[], range: ResolvedRange): JobDay[] {
  const byDay = new Map<string, JobDay>(
    daysInRange(range).map((date) => [date, { date, jobs: 0, requested: 0, successful: 0, failed: 0 }]),
  );
  for (const job of jobsInRange(jobs, range)) {
    const day = byDay.get(dayKey(new Date(job.created_at), range.timeZone));
    if (!day) continue;
    day.jobs += 1;
    day.requested += job.requested_count;
    day.successful += job.successful_count;
    day.failed += job.failed_count;
  }
  return [...byDay.values()];
}

/** Jobs created in `range`, newest first (ties broken by `job_id`, descending). */
export function jobsInRange(jobs: readonly Job[], range: ResolvedRange): Job[] {
  const start = range.start.getTime();
  const end = range.end.getTime();
  return jobs
    .filter((job) => {
      const at = Date.parse(job.created_at);
      return at >= start && at < end;
    })
    .sort((a, b) => compareNewestFirst(a, b));
}

function compareNewestFirst(a: Job, b: Job): number {
  const byTime = Date.parse(b.created_at) - Date.parse(a.created_at);
  if (byTime !== 0) return byTime;
  return a.job_id < b.job_id ? 1 : a.job_id > b.job_id ? -1 : 0;
}

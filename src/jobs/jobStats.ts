import type { Job, JobDay, JobStatus, JobTotals } from './contract.js';
import { dayKey, daysInRange, type ResolvedRange } from '../shared/periods.js';

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

/** What {@link mergeJobUpdate} needs of an update: `RecordJobBody` (after validation). */
export interface JobUpdate {
  job_id: string;
  requested_count?: number | undefined;
  successful_count?: number | undefined;
  failed_count?: number | undefined;
  status?: JobStatus | undefined;
}

/**
 * `PATCH /stats` as plain code (the server does the same in one SQL statement; the mocks serve
 * this). Jobs only move forward, so updates can arrive in any order, late or retried, and the
 * job still ends at the furthest state reported:
 * - a new job takes the sent values (0 / `pending` for missing ones);
 * - a terminal job (`completed` or `failed`) never changes again, whatever is sent;
 * - otherwise each count becomes the larger of the stored and the sent value, and the status the
 *   further along of the two (an update whose status is behind keeps the stored status; its
 *   counts still count when larger).
 *
 * `updated_at` moves only when something changed; `completed_at` is set once, when the job
 * becomes terminal. The caller checks that the merged outcomes add up (successful + failed <=
 * requested): a job that does not is refused, not stored.
 *
 * @returns The job to store and whether it differs from `current`.
 */
export function mergeJobUpdate(
  current: Job | undefined,
  update: JobUpdate,
  at: Date,
): { job: Job; changed: boolean } {
  const now = at.toISOString();
  if (current && isTerminalStatus(current.status)) return { job: current, changed: false };
  const sentStatus = update.status ?? current?.status ?? 'pending';
  const status = current && statusRank[current.status] > statusRank[sentStatus] ? current.status : sentStatus;
  const merged = (sent: number | undefined, stored: number | undefined) => Math.max(sent ?? 0, stored ?? 0);
  const job: Job = {
    job_id: current?.job_id ?? update.job_id,
    requested_count: merged(update.requested_count, current?.requested_count),
    successful_count: merged(update.successful_count, current?.successful_count),
    failed_count: merged(update.failed_count, current?.failed_count),
    status,
    created_at: current?.created_at ?? now,
    // Never back in time either, should clocks disagree.
    updated_at: current && Date.parse(current.updated_at) > at.getTime() ? current.updated_at : now,
    completed_at: isTerminalStatus(status) ? now : null,
  };
  const changed =
    !current ||
    job.status !== current.status ||
    job.requested_count !== current.requested_count ||
    job.successful_count !== current.successful_count ||
    job.failed_count !== current.failed_count;
  return changed ? { job, changed } : { job: current, changed };
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

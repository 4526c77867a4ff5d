import type { Queryable } from '../db/Database.js';
import type { SubjectKey } from './subjects.js';

/**
 * The queue of subjects waiting for a stats calculation (`podium_stats_queue`). One row per
 * subject: enqueueing a subject that is already waiting does nothing, which is what makes a
 * burst of requests for the same user queue one calculation.
 */

/** Queues a calculation; `true` when this call queued it, `false` when it was already waiting. */
export async function enqueueStatsCalculation(
  db: Queryable,
  subject: SubjectKey,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO podium_stats_queue (subject, queued_at, next_attempt_at) VALUES ($1, $2, $2)
     ON CONFLICT (subject) DO NOTHING RETURNING subject`,
    [subject, now],
  );
  return rows.length > 0;
}

/** Queues several subjects at once (see {@link enqueueStatsCalculation}); returns how many were new. */
export async function enqueueStatsCalculations(
  db: Queryable,
  subjects: readonly SubjectKey[],
  now: Date,
): Promise<number> {
  if (subjects.length === 0) return 0;
  const rows = await db.query(
    `INSERT INTO podium_stats_queue (subject, queued_at, next_attempt_at)
     SELECT DISTINCT s, $2::timestamptz, $2::timestamptz FROM unnest($1::text[]) AS s
     ON CONFLICT (subject) DO NOTHING RETURNING subject`,
    [subjects, now],
  );
  return rows.length;
}

/** A queued subject handed to a worker. */
export interface QueuedSubject {
  subject: SubjectKey;
  /** When it was queued: completion removes the row only if it was not queued again since. */
  queuedAt: Date;
  /** Failed attempts so far. */
  attempts: number;
}

/**
 * Takes up to `limit` subjects whose time has come and leases them for `leaseMs` (their
 * `next_attempt_at` moves forward), so a second worker does not take them meanwhile and a
 * worker that dies mid-way lets them come back after the lease.
 */
export async function takeDueSubjects(
  db: Queryable,
  limit: number,
  now: Date,
  leaseMs = 5 * 60_000,
): Promise<QueuedSubject[]> {
  const rows = await db.query<{ subject: string; queued_at: Date | string; attempts: number }>(
    `UPDATE podium_stats_queue q SET next_attempt_at = $3
      WHERE q.subject IN (
        SELECT subject FROM podium_stats_queue WHERE next_attempt_at <= $1
         ORDER BY next_attempt_at, subject LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING q.subject, q.queued_at, q.attempts`,
    [now, limit, new Date(now.getTime() + leaseMs)],
  );
  return rows.map((row) => ({
    subject: row.subject,
    queuedAt: new Date(row.queued_at),
    attempts: row.attempts,
  }));
}

/** Removes a finished subject, unless it was queued again after it was taken. */
export async function completeQueuedSubject(db: Queryable, item: QueuedSubject): Promise<void> {
  await db.query('DELETE FROM podium_stats_queue WHERE subject = $1 AND queued_at <= $2', [
    item.subject,
    item.queuedAt,
  ]);
}

/** Backoff after the n-th failure: 1 min, 2, 4, ... capped at 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(6 * 3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** Records a failed attempt: the subject stays queued and comes back after {@link retryDelayMs}. */
export async function failQueuedSubject(
  db: Queryable,
  item: QueuedSubject,
  error: string,
  now: Date,
): Promise<void> {
  const attempts = item.attempts + 1;
  await db.query(
    `UPDATE podium_stats_queue SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE subject = $1`,
    [item.subject, attempts, error.slice(0, 1000), new Date(now.getTime() + retryDelayMs(attempts))],
  );
}

/** Subjects waiting (due or backing off). */
export async function countQueuedSubjects(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number | string }>('SELECT count(*)::int AS n FROM podium_stats_queue');
  return Number(row?.n ?? 0);
}

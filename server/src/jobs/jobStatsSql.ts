import { addDays, dayKey, startOfDay, type ResolvedRange } from 'podium-kit/core';
import type { Database, Queryable } from '../db/Database.js';

/**
 * The statements of `GET /stats`' summary. Its days come from one of two places:
 *
 * - `rollup`: the per-day sums of migration 025, for a range of whole days in a zone the user
 *   reads in (~30 rows for 30 days, whatever the number of jobs);
 * - `jobs`: grouping the jobs themselves, for a range that starts or ends inside a day, or a zone
 *   beyond the user's {@link maxRolledUpZones}.
 *
 * Both read the days and the page in one statement, so one snapshot: they agree under concurrent
 * writes without a transaction's extra round trips. Parameters: $1 user, $2/$3 range, $4 time
 * zone, $5 page size + 1; `rollup` adds $6/$7 (its first and last day); the cursor's created_at and
 * job_id follow.
 */
export type JobDaysSource = 'rollup' | 'jobs';

/** Zones a user's days are kept in; another zone's summary groups the jobs. */
export const maxRolledUpZones = 4;

/** The local days a range covers when it starts and ends at midnight in its zone, else undefined. */
export function wholeDaysOf(range: ResolvedRange): { first: string; last: string } | undefined {
  const first = dayKey(range.start, range.timeZone);
  const last = dayKey(new Date(range.end.getTime() - 1), range.timeZone);
  const startsAtMidnight = startOfDay(first, range.timeZone).getTime() === range.start.getTime();
  const endsAtMidnight = startOfDay(addDays(last, 1), range.timeZone).getTime() === range.end.getTime();
  return startsAtMidnight && endsAtMidnight ? { first, last } : undefined;
}

/** The job columns of a row, NULL in a day's row. */
const noJob = `NULL::bigint AS id, NULL::text AS job_id, NULL::int AS requested_count,
  NULL::int AS successful_count, NULL::int AS failed_count, NULL::text AS status,
  NULL::timestamptz AS created_at, NULL::timestamptz AS updated_at, NULL::timestamptz AS completed_at`;

/**
 * A day's totals from its jobs' rows, in the columns of `podium_user_job_days`: the summary of
 * jobs that are not kept and the fill of a zone's days sum alike.
 */
const dayTotals = `count(*) AS jobs, sum(requested_count) AS requested, sum(successful_count) AS successful,
  sum(failed_count) AS failed,
  count(*) FILTER (WHERE status = 'pending') AS pending,
  count(*) FILTER (WHERE status = 'processing') AS processing,
  count(*) FILTER (WHERE status = 'completed') AS completed,
  count(*) FILTER (WHERE status = 'failed') AS failed_jobs`;

/** Day rows by grouping the range's jobs per local day (only the ~30 groups are formatted). */
const daysFromJobs = `
  SELECT 'day' AS kind, to_char(d.day, 'YYYY-MM-DD') AS day, NULL::bigint AS position,
         ${dayTotals}, ${noJob}
    FROM (SELECT (created_at AT TIME ZONE $4)::date AS day, requested_count, successful_count, failed_count, status
            FROM podium_user_jobs
           WHERE user_id = $1 AND created_at >= $2::timestamptz AND created_at < $3::timestamptz) d
   GROUP BY d.day`;

/**
 * Day rows from the kept sums (a day's shards added up), and one `zone` row when the zone is
 * kept: without it the sums are not there, and the caller adds the zone first.
 */
const daysFromRollup = `
  SELECT 'zone' AS kind, NULL AS day, NULL::bigint AS position, NULL::bigint AS jobs,
         NULL::bigint AS requested, NULL::bigint AS successful, NULL::bigint AS failed,
         NULL::bigint AS pending, NULL::bigint AS processing, NULL::bigint AS completed,
         NULL::bigint AS failed_jobs, ${noJob}
    FROM podium_user_job_zones WHERE user_id = $1 AND time_zone = $4
  UNION ALL
  SELECT 'day', to_char(d.day, 'YYYY-MM-DD'), NULL, sum(d.jobs), sum(d.requested), sum(d.successful),
         sum(d.failed), sum(d.pending), sum(d.processing), sum(d.completed), sum(d.failed_jobs), ${noJob}
    FROM podium_user_job_days d
   WHERE d.user_id = $1 AND d.time_zone = $4 AND d.day >= $6::date AND d.day <= $7::date
   GROUP BY d.day`;

/** The statement for one source, with or without a cursor. */
export function jobStatsSql(source: JobDaysSource, withCursor: boolean): string {
  const cursorAt = source === 'rollup' ? 8 : 6;
  return `
    ${source === 'rollup' ? daysFromRollup : daysFromJobs}
    UNION ALL
    SELECT 'job', NULL, row_number() OVER (ORDER BY p.created_at DESC, p.job_id DESC),
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           p.id, p.job_id, p.requested_count, p.successful_count, p.failed_count, p.status,
           p.created_at, p.updated_at, p.completed_at
      FROM (SELECT j.id, j.job_id, j.requested_count, j.successful_count, j.failed_count, j.status,
                   j.created_at, j.updated_at, j.completed_at
              FROM podium_user_jobs j
             WHERE j.user_id = $1 AND j.created_at >= $2::timestamptz AND j.created_at < $3::timestamptz
             ${withCursor ? `AND (j.created_at, j.job_id) < ($${cursorAt}::timestamptz, $${cursorAt + 1}::text COLLATE "C")` : ''}
             ORDER BY j.created_at DESC, j.job_id DESC
             LIMIT $5) p`;
}

/** What {@link keepJobDays} did: the zone is kept, refused for good, or left for a later read. */
export type KeepJobDaysResult = 'kept' | 'refused' | 'busy';

/**
 * Starts keeping the user's days in `timeZone`, filled from their jobs, in a transaction of its
 * own. Refused when the user has {@link maxRolledUpZones} zones already, or when Postgres would
 * read the name otherwise than the range was resolved (an abbreviation such as `IST` or `CST`,
 * which Intl takes for Asia/Kolkata and America/Chicago and Postgres for fixed offsets, or a name
 * it does not know): the days would then disagree with the range. `busy` when it could not take
 * its locks within half a second (a long writing transaction of the user): a later read tries
 * again, this one sums the jobs.
 *
 * The fill must neither miss nor double count a job written meanwhile. It takes every version row
 * of the user (020), which each writing statement's trigger takes one of before it adds to the
 * days: a writer already past that point holds its row until it commits, so the fill waits and
 * then sees its jobs (and the writer saw no zone); a later writer waits for the fill to commit,
 * and then adds its jobs to the zone's days itself (the fill did not see them). That needs READ
 * COMMITTED (each statement sees what committed before it), whatever the server's default.
 */
export async function keepJobDays(
  db: Database,
  userId: string,
  timeZone: string,
): Promise<KeepJobDaysResult> {
  if (!(await readAlikeByPostgres(db, timeZone))) return 'refused';
  try {
    return await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
      // Waits end in an error rather than a deadlock with a writer holding several version rows.
      await tx.query("SET LOCAL lock_timeout = '500ms'");
      // Before any row lock: a TRUNCATE (whose trigger updates every version row) then waits for
      // this transaction, or this one for it, never each for the other.
      await tx.query('LOCK TABLE podium_user_jobs IN ACCESS SHARE MODE');
      return (await fill(tx, userId, timeZone)) ? 'kept' : 'refused';
    });
  } catch (error) {
    if (busyCodes.has((error as { code?: unknown }).code as string)) return 'busy';
    throw error;
  }
}

/** lock_not_available (the lock timeout), deadlock_detected, serialization_failure. */
const busyCodes = new Set(['55P03', '40P01', '40001']);

async function fill(tx: Queryable, userId: string, timeZone: string): Promise<boolean> {
  const zones = async () =>
    (
      await tx.query<{ time_zone: string }>(
        'SELECT time_zone FROM podium_user_job_zones WHERE user_id = $1',
        [userId],
      )
    ).map((row) => row.time_zone);
  // Decided without a row lock first when it can be: a zone beyond the limit takes none.
  const before = await zones();
  if (before.includes(timeZone)) return true;
  if (before.length >= maxRolledUpZones) return false;
  // Every version row of the user, created if missing (a writer's insert of one then waits for
  // this transaction too); locked, not changed: the jobs do not change.
  await tx.query(
    `INSERT INTO podium_user_job_versions (user_id, shard, version)
     SELECT $1, shard, 0 FROM generate_series(0, 7) AS shard ORDER BY shard
     ON CONFLICT (user_id, shard) DO NOTHING`,
    [userId],
  );
  await tx.query('SELECT shard FROM podium_user_job_versions WHERE user_id = $1 ORDER BY shard FOR UPDATE', [
    userId,
  ]);
  const now = await zones();
  if (now.includes(timeZone)) return true;
  if (now.length >= maxRolledUpZones) return false;
  // Days left from a zone row deleted by hand would collide with the fill.
  await tx.query(
    `DELETE FROM podium_user_job_days d WHERE d.user_id = $1 AND d.time_zone = $2
       AND NOT EXISTS (SELECT 1 FROM podium_user_job_zones z WHERE z.user_id = $1 AND z.time_zone = $2)`,
    [userId, timeZone],
  );
  // One statement, and a no-op when the zone is there already (a statement replayed).
  await tx.query(
    `WITH zone AS (
       INSERT INTO podium_user_job_zones (user_id, time_zone) VALUES ($1, $2)
       ON CONFLICT (user_id, time_zone) DO NOTHING RETURNING 1)
     INSERT INTO podium_user_job_days
       (user_id, time_zone, day, shard, jobs, requested, successful, failed, pending, processing, completed, failed_jobs)
     SELECT $1, $2, (created_at AT TIME ZONE $2)::date, 0, ${dayTotals}
       FROM podium_user_jobs WHERE user_id = $1 AND EXISTS (SELECT 1 FROM zone)
      GROUP BY 3`,
    [userId, timeZone],
  );
  return true;
}

/**
 * Whether Postgres reads `timeZone` as the IANA zone Intl resolved the range in: not as one of its
 * abbreviations (UTC aside, which is the same either way), and at all (`22023` otherwise).
 */
async function readAlikeByPostgres(db: Queryable, timeZone: string): Promise<boolean> {
  if (timeZone === 'UTC') return true;
  try {
    const [row] = await db.query<{ abbreviation: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_timezone_abbrevs WHERE upper(abbrev) = upper($1)) AS abbreviation,
              (now() AT TIME ZONE $1) IS NOT NULL AS known`,
      [timeZone],
    );
    return row?.abbreviation === false;
  } catch (error) {
    if ((error as { code?: unknown }).code === '22023') return false;
    throw error;
  }
}

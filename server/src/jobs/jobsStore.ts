import {
  daysInRange,
  successRate,
  type Job,
  type JobDay,
  type JobStatsResponse,
  type JobStatus,
  type RecordJobBody,
  type ResolvedRange,
} from 'podium-kit/core';
import { invalidRequest, withSentFields, type FieldErrors } from '../errors.js';
import { toIsoString, toNumber, type Database } from '../db/Database.js';
import { decodeJobsCursor, encodeJobsCursor } from './jobsCursor.js';
import { jobStatsSql, keepJobDays, wholeDaysOf, type JobDaysSource } from './jobStatsSql.js';

/** What {@link JobsStore.getJobStats} reads: a validated range and one page of its jobs. */
export interface JobStatsPageParams {
  /** Resolved, non-empty range (the route rejects empty and over-long ranges). */
  range: ResolvedRange;
  /** Page size. */
  limit: number;
  /** `nextCursor` of the previous page. An unknown or forged cursor is a 400 naming `cursor`. */
  cursor?: string | undefined;
}

/** Storage of job statistics (design note 002). */
export interface JobsStore {
  /**
   * Creates the user's job or merges an update into it, forward only (see `mergeJobUpdate` in the
   * core): each count becomes the larger of stored and sent, the status the further along; a
   * terminal job (`completed` or `failed`) never changes again; an update that changes nothing
   * (late, retried, behind) writes nothing and the stored job is returned. Missing fields keep the
   * stored values (0 / `pending` for a new job); `completed_at` is set once, when the job becomes
   * terminal.
   *
   * @param at When this happens (`created_at` of a new job, `updated_at`). The HTTP route passes
   *   the app clock; the demo seed and tests pass past instants.
   * @returns The stored job, or `null` when `job_id` belongs to another user (nothing changed).
   * @throws {HttpError} 400 when the merged counts would not add up.
   */
  recordJob(userId: string, body: RecordJobBody, at?: Date): Promise<Job | null>;
  /** Totals, per-day series and one page (newest first) of the user's jobs created in the range. */
  getJobStats(userId: string, params: JobStatsPageParams): Promise<JobStatsResponse>;
  /**
   * The user's jobs' change count (migration 020, kept by triggers with every write): what
   * `GET /stats` makes its ETag from before computing anything. Optional for a store of the
   * host's own: without it, the ETag is the answer's hash.
   */
  getJobsVersion?(userId: string): Promise<string>;
}

/** A row of {@link jobStatsSql}: a day's sums, a job of the page, or the zone's mark. */
type StatsRow = Partial<JobRow> & {
  kind: 'zone' | 'day' | 'job';
  day: string | null;
  position: unknown;
  jobs: unknown;
  requested: unknown;
  successful: unknown;
  failed: unknown;
  pending: unknown;
  processing: unknown;
  completed: unknown;
  failed_jobs: unknown;
};

interface JobRow {
  id: unknown;
  user_id: string;
  job_id: string;
  requested_count: unknown;
  successful_count: unknown;
  failed_count: unknown;
  status: JobStatus;
  created_at: unknown;
  updated_at: unknown;
  completed_at: unknown;
}

const jobColumns =
  'j.id, j.user_id, j.job_id, j.requested_count, j.successful_count, j.failed_count, j.status, j.created_at, j.updated_at, j.completed_at';

/**
 * The merge of an update into the stored row ($3..$6 = body fields or NULL, $7 = `at`): the SQL
 * twin of `mergeJobUpdate` in the core. Each count becomes the larger of stored and sent
 * (GREATEST ignores NULL, so a missing field keeps the stored value) and the status the further
 * along, so updates may arrive in any order and the row still only moves forward. Every
 * expression reads the row version the statement locked, which is the latest committed one on
 * Postgres (INSERT ... ON CONFLICT and UPDATE both re-read it under the row lock), so concurrent
 * merges cannot lose each other's progress.
 */
const merged = {
  requested_count: 'GREATEST(j.requested_count, $3::int)',
  successful_count: 'GREATEST(j.successful_count, $4::int)',
  failed_count: 'GREATEST(j.failed_count, $5::int)',
  // rank(NULL) is NULL (the function is STRICT), so a missing status keeps the stored one.
  status: `CASE WHEN podium_job_status_rank($6::text) > podium_job_status_rank(j.status) THEN $6::text ELSE j.status END`,
};
const mergeSet = `
  requested_count = ${merged.requested_count},
  successful_count = ${merged.successful_count},
  failed_count = ${merged.failed_count},
  status = ${merged.status},
  updated_at = GREATEST(j.updated_at, $7::timestamptz),
  completed_at = CASE WHEN podium_job_status_rank(${merged.status}) = 2 THEN $7::timestamptz END`;
/**
 * Applied only to the caller's ($1) row, never to a terminal one (terminal is terminal), and only
 * when the merge changes something: a retried or late update writes nothing and leaves
 * `updated_at` alone (recordJob then answers the stored row).
 */
const mergeAllowed = `
  j.user_id = $1
  AND podium_job_status_rank(j.status) < 2
  AND (${merged.requested_count}, ${merged.successful_count}, ${merged.failed_count}, ${merged.status})
      IS DISTINCT FROM (j.requested_count, j.successful_count, j.failed_count, j.status)`;

/** Creates or updates in one atomic statement (no read-modify-write race). */
const upsertJobSql = `
  INSERT INTO podium_user_jobs AS j
    (user_id, job_id, requested_count, successful_count, failed_count, status, created_at, updated_at, completed_at)
  VALUES ($1, $2, coalesce($3::int, 0), coalesce($4::int, 0), coalesce($5::int, 0), coalesce($6::text, 'pending'),
          $7::timestamptz, $7::timestamptz,
          CASE WHEN podium_job_status_rank(coalesce($6::text, 'pending')) = 2 THEN $7::timestamptz END)
  ON CONFLICT (job_id) DO UPDATE SET ${mergeSet}
  WHERE ${mergeAllowed}
  RETURNING ${jobColumns}`;

/** Updates only (see recordJob for when), also one atomic statement. */
const updateJobSql = `
  UPDATE podium_user_jobs AS j SET ${mergeSet}
  WHERE j.job_id = $2 AND ${mergeAllowed}
  RETURNING ${jobColumns}`;

/** The SQL implementation, the same on PGlite and Postgres. */
export function createSqlJobsStore(db: Database): JobsStore {
  // A user's zones beyond the kept ones (see keepJobDays): summed from the jobs without asking.
  const unkeptZones = new Set<string>();
  return {
    async recordJob(userId, body, at = new Date()) {
      const params = [
        userId,
        body.job_id,
        body.requested_count ?? null,
        body.successful_count ?? null,
        body.failed_count ?? null,
        body.status ?? null,
        at.toISOString(),
      ];
      // Postgres checks the CHECK constraints of INSERT ... ON CONFLICT's proposed row even when
      // the statement ends up updating. A body that reports outcomes without requested_count
      // would propose (requested 0, successful N) and fail the check although the stored job may
      // well have room for it, so such a body can only be an update: it takes the UPDATE path,
      // where the check applies to the merged row.
      const outcomes = (body.successful_count ?? 0) + (body.failed_count ?? 0);
      const updateOnly = body.requested_count === undefined && outcomes > 0;
      const sent = Object.keys(body).filter((key) => body[key as keyof RecordJobBody] !== undefined);
      const [written] = await withSentFields(sent, () =>
        db.query<JobRow>(updateOnly ? updateJobSql : upsertJobSql, params),
      );
      if (written) return toJob(written);

      // Nothing written: tell "not yours" from "nothing to change" (and, on the update-only
      // path, "no such job"). The owner never changes and jobs only move forward, so this read
      // sees the job at least as far along as the statement above did.
      const [stored] = await db.query<JobRow>(
        `SELECT ${jobColumns} FROM podium_user_jobs j WHERE j.job_id = $1`,
        [body.job_id],
      );
      if (!stored) throw newJobNeedsRequestedCount(body, outcomes);
      if (stored.user_id !== userId) return null;
      return toJob(stored);
    },

    async getJobStats(userId, { range, limit, cursor }) {
      const anchor = cursor === undefined ? undefined : decodeJobsCursor(cursor);
      if (cursor !== undefined && !anchor) throw invalidCursor();

      // The anchor's created_at and job_id never change, so it may be read on its own.
      let after: { createdAt: string; jobId: string } | undefined;
      if (anchor) {
        const [row] = await db.query<{ job_id: string; created_at: unknown }>(
          'SELECT job_id, created_at FROM podium_user_jobs WHERE id = $1 AND user_id = $2',
          [anchor.id, userId],
        );
        const createdAt = row ? toIsoString(row.created_at) : undefined;
        if (!row || Date.parse(createdAt!) !== anchor.createdAtMs) throw invalidCursor();
        after = { createdAt: createdAt!, jobId: row.job_id };
      }

      const params: unknown[] = [
        userId,
        range.start.toISOString(),
        range.end.toISOString(),
        range.timeZone,
        // One extra job, to know whether another page follows.
        limit + 1,
      ];
      // Whole days are summed from the kept days; the first read in a zone starts keeping it.
      const days = wholeDaysOf(range);
      const read = (source: JobDaysSource) =>
        db.query<StatsRow>(jobStatsSql(source, after !== undefined), [
          ...params,
          ...(source === 'rollup' && days ? [days.first, days.last] : []),
          ...(after ? [after.createdAt, after.jobId] : []),
        ]);
      const zoneKey = `${userId}\u0000${range.timeZone}`;
      const rolledUp = days !== undefined && !unkeptZones.has(zoneKey);
      let rows = await read(rolledUp ? 'rollup' : 'jobs');
      const hasZone = () => rows.some((row) => row.kind === 'zone');
      if (rolledUp && !hasZone()) {
        const kept = await keepJobDays(db, userId, range.timeZone);
        if (kept === 'refused') {
          if (unkeptZones.size >= 10_000) unkeptZones.clear();
          unkeptZones.add(zoneKey);
        }
        rows = await read(kept === 'kept' ? 'rollup' : 'jobs');
        // Gone again meanwhile (a TRUNCATE forgets every zone): the jobs answer.
        if (kept === 'kept' && !hasZone()) rows = await read('jobs');
      }

      const dayRows = rows.filter((row) => row.kind === 'day');
      const pageRows = rows
        .filter((row) => row.kind === 'job')
        .sort((a, b) => toNumber(a.position) - toNumber(b.position));
      const sum = (field: keyof StatsRow) => dayRows.reduce((total, row) => total + toNumber(row[field]), 0);
      const page = pageRows.slice(0, limit);
      const last = page[page.length - 1];
      const successful = sum('successful');
      const failed = sum('failed');
      return {
        range: { from: range.start.toISOString(), to: range.end.toISOString(), tz: range.timeZone },
        totals: {
          jobs: sum('jobs'),
          requested: sum('requested'),
          successful,
          failed,
          successRate: successRate(successful, failed),
          byStatus: {
            pending: sum('pending'),
            processing: sum('processing'),
            completed: sum('completed'),
            failed: sum('failed_jobs'),
          },
        },
        series: fillSeries(range, dayRows as Array<StatsRow & { day: string }>),
        jobs: page.map((row) => toJob(row as JobRow)),
        nextCursor:
          pageRows.length > limit && last
            ? encodeJobsCursor({
                createdAtMs: Date.parse(toIsoString(last.created_at)),
                id: toNumber(last.id),
              })
            : null,
      };
    },

    async getJobsVersion(userId) {
      const [row] = await db.query<{ version: unknown }>(
        'SELECT sum(version) AS version FROM podium_user_job_versions WHERE user_id = $1',
        [userId],
      );
      return String(row?.version ?? 0);
    },
  };
}

/** Every day of the range in order, days without jobs as zeros. */
function fillSeries(range: ResolvedRange, rows: Array<Record<string, unknown> & { day: string }>): JobDay[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return daysInRange(range).map((date) => {
    const row = byDay.get(date);
    return {
      date,
      jobs: toNumber(row?.jobs),
      requested: toNumber(row?.requested),
      successful: toNumber(row?.successful),
      failed: toNumber(row?.failed),
    };
  });
}

function toJob(row: JobRow): Job {
  return {
    job_id: row.job_id,
    requested_count: toNumber(row.requested_count),
    successful_count: toNumber(row.successful_count),
    failed_count: toNumber(row.failed_count),
    status: row.status,
    created_at: toIsoString(row.created_at),
    updated_at: toIsoString(row.updated_at),
    completed_at:
      row.completed_at === null || row.completed_at === undefined ? null : toIsoString(row.completed_at),
  };
}

function invalidCursor() {
  return invalidRequest('The cursor is not valid', {
    cursor: ['is not a nextCursor from a previous response'],
  });
}

function newJobNeedsRequestedCount(body: RecordJobBody, outcomes: number) {
  const message = `successful_count + failed_count (${outcomes}) exceeds requested_count (0) of a new job`;
  const fields: FieldErrors = { requested_count: ['is required when a new job reports outcomes'] };
  for (const field of ['successful_count', 'failed_count'] as const) {
    if (body[field] !== undefined) fields[field] = [message];
  }
  return invalidRequest(message, fields);
}

import {
  statsMetrics,
  statsMetricValue,
  volumeStatsMetrics,
  type StatsMetric,
  type UserStats,
} from 'podium-kit/core';
import type { Queryable } from '../db/Database.js';
import { statsMetricColumns } from './percentileIndex.js';
import type { Subject, SubjectKey } from './subjects.js';
import { forgetUserStats } from './userStatsVersion.js';

/**
 * The cached stats rows (`podium_user_stats`): one per subject, holding every figure as JSON and
 * the ranked ones again as columns so percentiles and leaders are plain indexed SQL.
 */

/**
 * The ranked columns and the metric each repeats: from the one column map (`statsMetricColumns`)
 * so the writer and the readers cannot drift apart. Volumes are NUMERIC, counts INTEGER.
 */
const rankedColumns: ReadonlyArray<readonly [column: string, metric: StatsMetric, type: 'numeric' | 'int']> =
  statsMetrics.map(
    (metric) =>
      [statsMetricColumns[metric], metric, volumeStatsMetrics.includes(metric) ? 'numeric' : 'int'] as const,
  );

/**
 * The whole batch travels as one JSON parameter (`jsonb_to_recordset`): any number of rows in one
 * statement, no parameter limit, and a TEXT[] column per row (which `unnest` cannot carry).
 * A subject whose user was deleted meanwhile is skipped rather than failing the batch on the
 * foreign key.
 */
const saveSql = `
  INSERT INTO podium_user_stats AS s
    (subject, user_id, addresses, stats, ${rankedColumns.map(([column]) => column).join(', ')},
     calculated_at, refresh_failed_at, last_error)
  SELECT r.subject, r.user_id, ARRAY(SELECT jsonb_array_elements_text(r.addresses)), r.stats,
         ${rankedColumns.map(([column, , type]) => `r.${column}::${type}`).join(', ')},
         $2::timestamptz, NULL, NULL
    FROM jsonb_to_recordset($1::jsonb) AS r(subject text, user_id text, addresses jsonb, stats jsonb,
         ${rankedColumns.map(([column]) => `${column} text`).join(', ')})
   WHERE r.user_id IS NULL OR EXISTS (SELECT 1 FROM podium_users u WHERE u.id = r.user_id)
  ON CONFLICT (subject) DO UPDATE SET
    user_id = EXCLUDED.user_id, addresses = EXCLUDED.addresses, stats = EXCLUDED.stats,
    ${rankedColumns.map(([column]) => `${column} = EXCLUDED.${column}`).join(', ')},
    calculated_at = EXCLUDED.calculated_at, refresh_failed_at = NULL, last_error = NULL`;

/** One subject's freshly computed figures. */
export interface ComputedSubjectStats {
  subject: Subject;
  stats: UserStats;
}

/** Rows per statement of {@link saveSubjectsStats} (bounds the JSON parameter's size). */
const saveChunk = 500;

/**
 * Stores the stats of many subjects (created or replaced) with `calculated_at = now`, clearing
 * any recorded refresh failure.
 */
export async function saveSubjectsStats(
  db: Queryable,
  computed: readonly ComputedSubjectStats[],
  now: Date,
): Promise<void> {
  for (let start = 0; start < computed.length; start += saveChunk) {
    const rows = computed.slice(start, start + saveChunk).map(({ subject, stats }) => ({
      subject: subject.key,
      user_id: subject.userId,
      addresses: subject.addresses,
      stats,
      ...Object.fromEntries(
        rankedColumns.map(([column, metric]) => [column, statsMetricValue(stats, metric).toString()]),
      ),
    }));
    await db.query(saveSql, [JSON.stringify(rows), now.toISOString()]);
  }
  forgetUserStats(db);
}

/**
 * Replaces the figures of rows known to exist, for the same wallets (the delta update of the
 * sync): an UPDATE that carries only the sections of the figures that moved (merged into the
 * stored JSON) and the ranked columns, lighter than {@link saveSubjectsStats}' upsert. A row
 * deleted meanwhile (its subject is gone) stays deleted.
 */
const updateSql = `
  UPDATE podium_user_stats AS s SET
    stats = s.stats || r.stats,
    ${rankedColumns.map(([column, , type]) => `${column} = r.${column}::${type}`).join(', ')},
    calculated_at = $2::timestamptz, refresh_failed_at = NULL, last_error = NULL
    FROM jsonb_to_recordset($1::jsonb) AS r(subject text, stats jsonb,
         ${rankedColumns.map(([column]) => `${column} text`).join(', ')})
   WHERE s.subject = r.subject`;

/** Rows per statement of {@link updateSubjectsStats}. */
const updateChunk = 2_000;

/**
 * Stores new figures of existing rows with `calculated_at = now` (see `updateSql` above):
 * `sections` are the parts of `stats` that changed (every one when left out).
 */
export async function updateSubjectsStats(
  db: Queryable,
  computed: readonly (ComputedSubjectStats & { sections?: readonly (keyof UserStats)[] })[],
  now: Date,
): Promise<void> {
  for (let start = 0; start < computed.length; start += updateChunk) {
    const rows = computed.slice(start, start + updateChunk).map(({ subject, stats, sections }) => ({
      subject: subject.key,
      stats: sections ? Object.fromEntries(sections.map((section) => [section, stats[section]])) : stats,
      ...Object.fromEntries(
        rankedColumns.map(([column, metric]) => [column, statsMetricValue(stats, metric).toString()]),
      ),
    }));
    await db.query(updateSql, [JSON.stringify(rows), now.toISOString()]);
  }
  forgetUserStats(db);
}

/** Stores one subject's stats (see {@link saveSubjectsStats}). */
export async function saveSubjectStats(
  db: Queryable,
  subject: Subject,
  stats: UserStats,
  now: Date,
): Promise<void> {
  await saveSubjectsStats(db, [{ subject, stats }], now);
}

/**
 * Records that refreshing a subject failed: its row keeps the last good figures and gains
 * `refresh_failed_at` / `last_error`. Never writes figures: a subject with no row yet gets none
 * (the queue keeps the failure and retries). Returns whether a row was marked.
 */
export async function recordStatsFailure(
  db: Queryable,
  subjectKey: SubjectKey,
  error: unknown,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE podium_user_stats SET refresh_failed_at = $2, last_error = $3 WHERE subject = $1 RETURNING subject`,
    [subjectKey, now.toISOString(), errorMessage(error).slice(0, 1000)],
  );
  forgetUserStats(db);
  return rows.length > 0;
}

/**
 * Removes the rows of subjects that no longer exist: a deleted user, or an address a user has
 * since claimed (its activity now counts in the user's row; a leftover row would count it twice
 * on the leaderboards).
 */
export async function deleteSubjectStats(db: Queryable, subjectKeys: readonly SubjectKey[]): Promise<void> {
  if (subjectKeys.length === 0) return;
  await db.query('DELETE FROM podium_user_stats WHERE subject = ANY($1::text[])', [subjectKeys]);
  forgetUserStats(db);
}

/** A stored row, as tests and tools read it. */
export interface StoredSubjectStats {
  subject: SubjectKey;
  userId: string | null;
  addresses: string[];
  stats: UserStats;
  calculatedAt: Date;
  refreshFailedAt: Date | null;
  lastError: string | null;
  /** The ranked columns, as integer strings, keyed by metric. */
  ranked: Record<StatsMetric, string>;
}

/** Reads stored rows (all, or the given subjects), ordered by subject. */
export async function readStoredStats(
  db: Queryable,
  subjectKeys?: readonly SubjectKey[],
): Promise<StoredSubjectStats[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT subject, user_id, addresses, stats, calculated_at, refresh_failed_at, last_error,
            ${rankedColumns.map(([column]) => `${column}::text AS ${column}`).join(', ')}
       FROM podium_user_stats ${subjectKeys ? 'WHERE subject = ANY($1::text[])' : ''}
      ORDER BY subject COLLATE "C"`,
    subjectKeys ? [subjectKeys] : [],
  );
  return rows.map((row) => ({
    subject: row.subject as string,
    userId: (row.user_id as string | null) ?? null,
    addresses: row.addresses as string[],
    stats: (typeof row.stats === 'string' ? JSON.parse(row.stats) : row.stats) as UserStats,
    calculatedAt: new Date(row.calculated_at as string),
    refreshFailedAt: row.refresh_failed_at ? new Date(row.refresh_failed_at as string) : null,
    lastError: (row.last_error as string | null) ?? null,
    ranked: Object.fromEntries(
      rankedColumns.map(([column, metric]) => [metric, row[column] as string]),
    ) as Record<StatsMetric, string>,
  }));
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

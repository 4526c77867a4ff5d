import { computeUserStats, defaultTokenList, type TokenInfo, type UserStats } from '@podium/core';
import type { Queryable } from '../db/Database.js';
import { loadRecordsByAddress, mergeRecords, mirroredAddressesSql } from './mirrorStore.js';
import { loadSubjects, type Subject, type SubjectKey } from './subjects.js';
import { deleteSubjectStats, saveSubjectsStats, type ComputedSubjectStats } from './userStatsRows.js';

/** Options of {@link recalculateSubjects}. */
export interface RecalculateOptions {
  /** Known payment tokens (symbols and decimals of the breakdowns). @default defaultTokenList */
  tokens?: readonly TokenInfo[];
  /** The clock (`calculated_at`). @default () => new Date() */
  now?: () => Date;
  /** Subjects loaded, computed and saved together. @default 500 */
  batchSize?: number;
  /** Called after each batch with how many of the keys are done. */
  onBatch?: (done: number, total: number) => void;
}

/** What {@link recalculateSubjects} did. */
export interface RecalculateResult {
  /** Subjects computed and saved. */
  saved: number;
  /** Keys that no longer name a subject (deleted user, address since claimed): their rows were removed. */
  removed: number;
}

/**
 * Recomputes subjects from the mirror with `computeUserStats` and saves them. Batched: each batch
 * reads the records of all its subjects' wallets in six set queries and saves in one statement,
 * so thousands of subjects take seconds. Keys that no longer resolve lose their stats row.
 */
export async function recalculateSubjects(
  db: Queryable,
  subjectKeys: readonly SubjectKey[],
  options: RecalculateOptions = {},
): Promise<RecalculateResult> {
  const keys = [...new Set(subjectKeys)];
  const batchSize = options.batchSize ?? 500;
  const result: RecalculateResult = { saved: 0, removed: 0 };
  for (let start = 0; start < keys.length; start += batchSize) {
    const batch = keys.slice(start, start + batchSize);
    const subjects = await loadSubjects(db, batch);
    const found = new Set(subjects.map((subject) => subject.key));
    const gone = batch.filter((key) => !found.has(key));
    await deleteSubjectStats(db, gone);
    const computed = await computeSubjects(db, subjects, options.tokens);
    await saveSubjectsStats(db, computed, (options.now ?? (() => new Date()))());
    result.saved += computed.length;
    result.removed += gone.length;
    options.onBatch?.(Math.min(keys.length, start + batchSize), keys.length);
  }
  return result;
}

/** Computes subjects' figures from the mirror without saving them. */
export async function computeSubjects(
  db: Queryable,
  subjects: readonly Subject[],
  tokens: readonly TokenInfo[] = defaultTokenList,
): Promise<ComputedSubjectStats[]> {
  const byAddress = await loadRecordsByAddress(
    db,
    subjects.flatMap((subject) => subject.addresses),
  );
  return subjects.map((subject) => ({
    subject,
    stats: computeUserStats(mergeRecords(subject.addresses, byAddress), subject.addresses, tokens),
  }));
}

/** One subject's figures from the mirror (not saved). */
export async function computeSubjectFromMirror(
  db: Queryable,
  subject: Subject,
  tokens?: readonly TokenInfo[],
): Promise<UserStats> {
  const [computed] = await computeSubjects(db, [subject], tokens);
  return computed!.stats;
}

/**
 * Every subject key, sorted (byte order): each registered user, and each address the mirror has
 * seen that no user has claimed. The cron batches and the backfill walk this list.
 */
const subjectKeysSql = `
  SELECT 'user:' || id AS key FROM podium_users
  UNION ALL
  SELECT a.address FROM (${mirroredAddressesSql}) a
   WHERE NOT EXISTS (SELECT 1 FROM podium_user_wallets w WHERE w.address = a.address)`;

/** Options of {@link listSubjectKeys}. */
export interface ListSubjectKeysOptions {
  /** Only keys after this one (keyset paging, for resumable walks). */
  after?: SubjectKey | null;
  offset?: number;
  limit?: number;
}

/** Subject keys in byte order (see `subjectKeysSql` above for which). */
export async function listSubjectKeys(
  db: Queryable,
  { after = null, offset = 0, limit }: ListSubjectKeysOptions = {},
): Promise<SubjectKey[]> {
  const rows = await db.query<{ key: string }>(
    `SELECT key FROM (${subjectKeysSql}) k
      WHERE $1::text IS NULL OR key COLLATE "C" > $1::text COLLATE "C"
      ORDER BY key COLLATE "C" LIMIT $2 OFFSET $3`,
    [after, limit ?? null, offset],
  );
  return rows.map((row) => row.key);
}

/** How many subject keys {@link listSubjectKeys} walks. */
export async function countSubjectKeys(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(
    `SELECT count(*)::int AS n FROM (${subjectKeysSql}) k`,
  );
  return Number(row?.n ?? 0);
}

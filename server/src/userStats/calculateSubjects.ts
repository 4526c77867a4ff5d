import {
  computeUserStats,
  defaultTokenList,
  isAddress,
  normalizeAddress,
  type TokenInfo,
  type UserStats,
} from 'podium-kit/core';
import type { Database, Queryable } from '../db/Database.js';
import {
  streamMarketEntities,
  userFilters,
  type MarketEntityKind,
  type MarketEntityMap,
  type SubgraphClient,
  type SubgraphFilter,
} from '../indexer/index.js';
import {
  countEntities,
  loadRecordsByAddress,
  mergeRecords,
  mirroredAddressesSql,
  upsertMarketEntities,
  type MarketEntities,
} from './mirrorStore.js';
import {
  loadSubjects,
  subjectKeysForAddresses,
  userIdOfSubjectKey,
  type Subject,
  type SubjectKey,
} from './subjects.js';
import { addressesTouchedByChanges, lockStatsWriters } from './statsDelta.js';
import { forgetUserStats } from './userStatsVersion.js';
import {
  deleteSubjectStats,
  recordStatsFailure,
  saveSubjectsStats,
  type ComputedSubjectStats,
} from './userStatsRows.js';

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

/** Options of {@link calculateSubjectFromIndexer}. */
export interface IndexerCalculationOptions {
  /** Known payment tokens. @default defaultTokenList */
  tokens?: readonly TokenInfo[];
  /** The clock (`calculated_at`, `refresh_failed_at`). @default () => new Date() */
  now?: () => Date;
  signal?: AbortSignal;
}

/** What {@link calculateSubjectFromIndexer} calculated. */
export interface IndexerCalculation {
  subject: Subject;
  stats: UserStats;
  /** Entities the subgraph returned for the subject. */
  entities: number;
}

/** Listing ids per `id_in` query when fetching the listings a subject's bids are on. */
const listingIdsPerQuery = 100;

/**
 * The full calculation of one subject ("per user" in the design note): pages the subject's six
 * per-user queries from the subgraph, plus the listings its bids are on (their status decides
 * "active bids"), writes them into the mirror and recomputes the subject from the mirror.
 *
 * Everything is fetched before anything is written: if any query fails, nothing is saved for the
 * subject, the failure is recorded on its stats row (the last good figures stay) and the error is
 * thrown.
 *
 * @param target A subject key (`user:<id>` or an address key) or a wallet address, which
 *   resolves to its owner when a user has claimed it.
 * @returns `null` when the target names no subject: a deleted user, an address key a user has
 *   claimed since, or something that is neither a `user:` key nor an address.
 */
export async function calculateSubjectFromIndexer(
  db: Database,
  client: SubgraphClient,
  target: SubjectKey,
  options: IndexerCalculationOptions = {},
): Promise<IndexerCalculation | null> {
  const now = options.now ?? (() => new Date());
  let key = target;
  if (isAddress(target)) {
    const address = normalizeAddress(target);
    key = (await subjectKeysForAddresses(db, [address])).get(address)!;
  } else if (userIdOfSubjectKey(target) === null) {
    return null;
  }
  const [subject] = await loadSubjects(db, [key]);
  if (!subject) return null;

  let entities: MarketEntities;
  try {
    entities = await fetchSubjectEntities(client, subject.addresses, options.signal);
  } catch (error) {
    await recordStatsFailure(db, subject.key, error, now());
    throw error;
  }
  const computed = await storeSubjectEntities(db, subject, entities, { ...options, now });
  return { subject, stats: computed.stats, entities: countEntities(entities) };
}

/**
 * The write half of {@link calculateSubjectFromIndexer}: in one transaction, stores a subject's
 * entities in the mirror and recomputes the subject from it.
 *
 * The sync updates stored figures by delta from what it changes in the mirror, so rows stored
 * here first are no-ops for it: every other subject they touch (a counterparty) is recomputed here
 * too. Before the first sync (no cursor yet) only those with a stored row: that sync pages and
 * recomputes everything anyway.
 */
export async function storeSubjectEntities(
  db: Database,
  subject: Subject,
  entities: MarketEntities,
  options: { tokens?: readonly TokenInfo[]; now: () => Date },
): Promise<ComputedSubjectStats> {
  const computed = await db.transaction(async (tx) => {
    await lockStatsWriters(tx);
    const changes = await upsertMarketEntities(tx, entities);
    const [result] = await computeSubjects(tx, [subject], options.tokens);
    const touched = await addressesTouchedByChanges(tx, changes);
    const others = new Set((await subjectKeysForAddresses(tx, [...touched.all])).values());
    others.delete(subject.key);
    // 'stats.sync' is the sync cursor (syncCursorName in syncStats.ts, which imports this module).
    const synced = await tx.query("SELECT 1 FROM podium_sync_state WHERE name = 'stats.sync'");
    const stored =
      others.size === 0
        ? []
        : synced.length > 0
          ? [...others].map((key) => ({ subject: key }))
          : await tx.query<{ subject: string }>(
              'SELECT subject FROM podium_user_stats WHERE subject = ANY($1::text[])',
              [[...others]],
            );
    const counterparties = await computeSubjects(
      tx,
      await loadSubjects(
        tx,
        stored.map((row) => row.subject),
      ),
      options.tokens,
    );
    await saveSubjectsStats(tx, [result!, ...counterparties], options.now());
    return result!;
  });
  forgetUserStats(db);
  return computed;
}

/** Everything the subgraph holds about some wallets (see {@link calculateSubjectFromIndexer}). */
export async function fetchSubjectEntities(
  client: SubgraphClient,
  addresses: readonly string[],
  signal?: AbortSignal,
): Promise<Required<MarketEntities>> {
  const filters = userFilters(addresses);
  const collect = async <K extends MarketEntityKind>(kind: K, wheres: readonly SubgraphFilter[]) => {
    const rows: MarketEntityMap[K][] = [];
    for (const where of wheres) {
      for await (const page of streamMarketEntities(client, kind, where, signal ? { signal } : {})) {
        rows.push(...page);
      }
    }
    return rows;
  };
  // The six queries are independent: run them together (one subject at a time keeps this bounded).
  const [listings, bought, sold, bids, offersMade, offersReceived] = await Promise.all([
    collect('listings', filters.listingsBySeller),
    collect('purchases', filters.purchasesAsBuyer),
    collect('purchases', filters.purchasesAsSeller),
    collect('bids', filters.bidsByBidder),
    collect('offers', filters.offersMade),
    collect('offers', filters.offersReceived),
  ]);
  const known = new Set(listings.map((listing) => listing.id));
  const missing = [...new Set(bids.map((bid) => bid.listingId))].filter((id) => !known.has(id));
  const wheres: SubgraphFilter[] = [];
  for (let start = 0; start < missing.length; start += listingIdsPerQuery) {
    wheres.push({ id_in: missing.slice(start, start + listingIdsPerQuery) });
  }
  const bidListings = await collect('listings', wheres);
  return {
    listings: [...listings, ...bidListings],
    purchases: [...bought, ...sold],
    bids,
    offers: [...offersMade, ...offersReceived],
  };
}

import { performance } from 'node:perf_hooks';
import type { TokenInfo } from 'podium-kit/core';
import type { Database, Queryable } from '../db/Database.js';
import {
  changedSince,
  streamMarketEntities,
  type MarketEntityKind,
  type MarketEntityMap,
  type SubgraphClient,
} from '../indexer/index.js';
import { listSubjectKeys, recalculateSubjects } from './calculateSubjects.js';
import {
  addressesTouchedBy,
  countEntities,
  upsertMarketEntities,
  type MarketEntities,
} from './mirrorStore.js';
import { applyMarketEntities, lockStatsWriters } from './statsDelta.js';
import { subjectKeysForAddresses } from './subjects.js';
import { forgetUserStats } from './userStatsVersion.js';

/**
 * Keeping the mirror and the cached stats up to date from the subgraph: the incremental sync
 * (only what changed since the last synced block) and the full backfill (everything, resumable).
 */

/** The four collections, in the order they are paged. */
export const marketEntityKinds: readonly MarketEntityKind[] = ['listings', 'purchases', 'bids', 'offers'];

/** `podium_sync_state` name of the incremental sync's cursor: `{ block }`, the last fully synced block. */
export const syncCursorName = 'stats.sync';
/** `podium_sync_state` name of a backfill's progress (see {@link BackfillState}). */
export const backfillStateName = 'stats.backfill';

/** A progress report, for the CLI's progress bar. */
export interface StatsProgressEvent {
  /** A collection being paged, or `subjects` being recalculated. */
  phase: MarketEntityKind | 'subjects';
  done: number;
  /** Known for `subjects`; a subgraph cannot count its entities cheaply. */
  total?: number;
}

/** Options shared by {@link syncStatsIncremental} and {@link backfillStats}. */
export interface StatsRunOptions {
  /** Known payment tokens. @default defaultTokenList */
  tokens?: readonly TokenInfo[];
  /** The clock. @default () => new Date() */
  now?: () => Date;
  onProgress?: (event: StatsProgressEvent) => void;
  /** Rows per subgraph request. @default 1000 */
  pageSize?: number;
  /** Subjects recalculated (and, for a backfill, checkpointed) together. @default 500 */
  batchSize?: number;
  /** Stops between pages (a backfill resumes where it stopped). */
  signal?: AbortSignal;
  /** Entities an incremental cycle applies by delta at most. @default deltaCycleLimit */
  deltaLimit?: number;
}

/** What one incremental sync did. */
export interface SyncResult {
  /** First block looked at (the stored cursor + 1). */
  fromBlock: number;
  /** The head block read at the start: the new cursor. */
  toBlock: number;
  /** Entities paged and upserted. */
  entities: number;
  /** Subjects recalculated. */
  subjects: number;
  durationMs: number;
}

/** Reads a named progress marker. */
export async function readSyncState<T>(db: Queryable, name: string): Promise<T | undefined> {
  const [row] = await db.query<{ value: unknown }>('SELECT value FROM podium_sync_state WHERE name = $1', [
    name,
  ]);
  if (!row) return undefined;
  return (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as T;
}

/** Writes a named progress marker. */
export async function writeSyncState(db: Queryable, name: string, value: unknown, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO podium_sync_state (name, value, updated_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
    [name, JSON.stringify(value), now.toISOString()],
  );
}

/** The last fully synced block, or `undefined` before the first sync or backfill. */
export async function readSyncCursor(db: Queryable): Promise<number | undefined> {
  return (await readSyncState<{ block: number }>(db, syncCursorName))?.block;
}

/**
 * `podium_sync_state` name of the marker a cycle that recomputes whole subjects sets before it
 * writes the mirror: while it is set, the next cycle recomputes too (a delta would miss the rows
 * the interrupted cycle already stored).
 */
export const fullSyncPendingName = 'stats.sync.full';

/**
 * Entities a cycle holds in memory to apply by delta in one transaction. A bigger cycle (the first
 * sync, a long outage) recomputes the subjects it touches from the mirror instead.
 */
export const deltaCycleLimit = 20_000;

/**
 * One incremental sync: reads the head block first, pages every entity changed since the cursor
 * (no upper bound: upserts are idempotent, and what changes after the head is seen again next
 * time), and then, in one transaction, upserts them, updates the stats of what actually changed by
 * delta (statsDelta.ts) and moves the cursor to the head. An interrupted cycle leaves the cursor
 * and the stats where they were and is simply redone; rows it is shown again are no-ops, so
 * nothing counts twice.
 *
 * The first cycle (before any backfill the cursor is unset and the sync starts at block 0, which
 * loads everything) and one of more than {@link deltaCycleLimit} entities upsert page by page and
 * recompute every subject the pages touch from the mirror, as a backfill does.
 */
export async function syncStatsIncremental(
  db: Database,
  client: SubgraphClient,
  options: StatsRunOptions = {},
): Promise<SyncResult> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  client.startRun();
  const cursor = await readSyncCursor(db);
  const head = await client.headBlock(options.signal);
  const fromBlock = cursor === undefined ? 0 : cursor + 1;
  const result: SyncResult = { fromBlock, toBlock: head, entities: 0, subjects: 0, durationMs: 0 };
  if (fromBlock > head) {
    result.toBlock = cursor ?? head;
    // Nothing new, but the sync succeeded: its time is what the health check's "last sync" reads.
    if (cursor !== undefined) await writeSyncState(db, syncCursorName, { block: cursor }, now());
    result.durationMs = performance.now() - started;
    return result;
  }

  // The first sync (no cursor: everything from block 0) recomputes whatever its pages touch, as a
  // backfill does, whatever its size: rows a per-user calculation stored before it are no-ops for
  // a delta, and their counterparties have no row yet.
  const full = cursor === undefined || (await readSyncState<boolean>(db, fullSyncPendingName)) === true;
  const held = full ? undefined : await pageForDelta(client, fromBlock, options);
  if (held) {
    result.entities = countEntities(held);
    const applied = await applyMarketEntities(db, held, {
      ...(options.tokens ? { tokens: options.tokens } : {}),
      now: now(),
      beforeCommit: (tx) => writeSyncState(tx, syncCursorName, { block: head }, now()),
    });
    result.subjects = applied.updated + applied.recalculated;
    options.onProgress?.({ phase: 'subjects', done: result.subjects, total: result.subjects });
    result.durationMs = performance.now() - started;
    return result;
  }

  // Recomputing: marked first, so a crash before the end is followed by a recomputing cycle too.
  await writeSyncState(db, fullSyncPendingName, true, now());
  const touched = new Set<string>();
  for (const kind of marketEntityKinds) {
    let done = 0;
    for await (const page of streamMarketEntities(
      client,
      kind,
      changedSince(fromBlock),
      streamOptions(options),
    )) {
      await upsertMarketEntities(db, { [kind]: page });
      for (const address of await addressesTouchedBy(db, { [kind]: page })) touched.add(address);
      done += page.length;
      options.onProgress?.({ phase: kind, done });
    }
    result.entities += done;
  }

  const keys = [...new Set((await subjectKeysForAddresses(db, [...touched])).values())];
  await recalculateSubjects(db, keys, {
    ...(options.tokens ? { tokens: options.tokens } : {}),
    now,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    onBatch: (done, total) => options.onProgress?.({ phase: 'subjects', done, total }),
  });
  result.subjects = keys.length;
  await analyze(db, [...mirrorTables, 'podium_user_stats']);
  await db.transaction(async (tx) => {
    await writeSyncState(tx, syncCursorName, { block: head }, now());
    await tx.query('DELETE FROM podium_sync_state WHERE name = $1', [fullSyncPendingName]);
  });
  result.durationMs = performance.now() - started;
  return result;
}

/**
 * Pages the four collections' changes together (they are independent requests) into memory, for
 * a delta cycle. Returns `undefined`, having stopped paging, once they exceed
 * {@link deltaCycleLimit}: the cycle then recomputes instead. Nothing is written here.
 */
async function pageForDelta(
  client: SubgraphClient,
  fromBlock: number,
  options: StatsRunOptions,
): Promise<Required<MarketEntities> | undefined> {
  const held: Required<MarketEntities> = { listings: [], purchases: [], bids: [], offers: [] };
  let total = 0;
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let overLimit = false;
  let firstError: { error: unknown } | undefined;
  await Promise.all(
    marketEntityKinds.map(async (kind) => {
      let done = 0;
      try {
        for await (const page of streamMarketEntities(client, kind, changedSince(fromBlock), {
          ...streamOptions(options),
          signal,
        })) {
          total += page.length;
          if (total > (options.deltaLimit ?? deltaCycleLimit)) {
            overLimit = true;
            stop.abort();
            return;
          }
          (held[kind] as MarketEntityMap[typeof kind][]).push(...page);
          done += page.length;
          options.onProgress?.({ phase: kind, done });
        }
      } catch (error) {
        // The first failure stops the other collections; theirs (aborted) are not the cause.
        firstError ??= { error };
        stop.abort();
      }
    }),
  );
  if (overLimit && !options.signal?.aborted) return undefined;
  if (firstError) throw firstError.error;
  return held;
}

/**
 * A backfill's progress, saved after every page and every batch of subjects so an interrupted run
 * resumes where it stopped.
 */
export interface BackfillState {
  /** The head block read when the backfill started: the sync cursor it sets at the end. */
  head: number;
  startedAt: string;
  /** Per collection: the last id stored (`null` before the first page) and whether it is complete. */
  kinds: Record<MarketEntityKind, { lastId: string | null; done: boolean; entities: number }>;
  /** The last subject key recalculated, and how many are done. */
  subjects: { lastKey: string | null; done: number };
  /** The whole backfill finished (a new run starts over). */
  complete: boolean;
}

/** Options of {@link backfillStats}. */
export interface BackfillOptions extends StatsRunOptions {
  /** Discard the progress of an unfinished backfill and start over. */
  restart?: boolean;
}

/** What a backfill did. */
export interface BackfillResult {
  /** The sync cursor it set. */
  head: number;
  /** Entities in the mirror after the backfill's paging, by collection (this run and resumed ones). */
  entities: Record<MarketEntityKind, number>;
  /** Subjects recalculated (all of them). */
  subjects: number;
  /** Whether this run continued an interrupted one. */
  resumed: boolean;
  durationMs: number;
}

/**
 * The full load: pages every entity of each collection into the mirror (checkpointing the last id
 * after each page), then recalculates every subject (all registered users and every address seen
 * that no user has claimed) in batches, checkpointing after each, and finally sets the sync
 * cursor to the head read at the start, so the incremental sync picks up whatever changed while
 * the backfill ran. Interrupted (an error, Ctrl-C), the next run resumes; `restart` starts over.
 */
export async function backfillStats(
  db: Database,
  client: SubgraphClient,
  options: BackfillOptions = {},
): Promise<BackfillResult> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  client.startRun();
  const saved = options.restart ? undefined : await readSyncState<BackfillState>(db, backfillStateName);
  const resumed = saved !== undefined && !saved.complete;
  let state: BackfillState;
  if (resumed) {
    state = saved;
  } else {
    state = {
      head: await client.headBlock(options.signal),
      startedAt: now().toISOString(),
      kinds: {
        listings: { lastId: null, done: false, entities: 0 },
        purchases: { lastId: null, done: false, entities: 0 },
        bids: { lastId: null, done: false, entities: 0 },
        offers: { lastId: null, done: false, entities: 0 },
      },
      subjects: { lastKey: null, done: 0 },
      complete: false,
    };
    await writeSyncState(db, backfillStateName, state, now());
  }

  for (const kind of marketEntityKinds) {
    const progress = state.kinds[kind];
    if (progress.done) continue;
    const where = progress.lastId === null ? {} : { id_gt: progress.lastId };
    for await (const page of streamMarketEntities(client, kind, where, streamOptions(options))) {
      progress.lastId = page[page.length - 1]!.id;
      progress.entities += page.length;
      // The page and the checkpoint that records it commit together.
      await db.transaction(async (tx) => {
        await upsertMarketEntities(tx, { [kind]: page });
        await writeSyncState(tx, backfillStateName, state, now());
      });
      options.onProgress?.({ phase: kind, done: progress.entities });
    }
    progress.done = true;
    await writeSyncState(db, backfillStateName, state, now());
  }

  // The key list is read once (one scan of the mirror), not once per batch.
  const batchSize = options.batchSize ?? 500;
  const remaining = await listSubjectKeys(db, { after: state.subjects.lastKey });
  const total = state.subjects.done + remaining.length;
  options.onProgress?.({ phase: 'subjects', done: state.subjects.done, total });
  for (let start = 0; start < remaining.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const keys = remaining.slice(start, start + batchSize);
    await db.transaction(async (tx) => {
      await lockStatsWriters(tx);
      await recalculateSubjects(tx, keys, {
        ...(options.tokens ? { tokens: options.tokens } : {}),
        now,
        batchSize,
      });
      state.subjects = { lastKey: keys[keys.length - 1]!, done: state.subjects.done + keys.length };
      await writeSyncState(tx, backfillStateName, state, now());
    });
    forgetUserStats(db);
    options.onProgress?.({ phase: 'subjects', done: state.subjects.done, total });
  }

  await analyze(db, [...mirrorTables, 'podium_user_stats']);
  state.complete = true;
  await db.transaction(async (tx) => {
    await writeSyncState(tx, syncCursorName, { block: state.head }, now());
    await writeSyncState(tx, backfillStateName, state, now());
    // Every subject was recomputed: an interrupted recomputing sync left nothing to catch up.
    await tx.query('DELETE FROM podium_sync_state WHERE name = $1', [fullSyncPendingName]);
  });
  return {
    head: state.head,
    entities: {
      listings: state.kinds.listings.entities,
      purchases: state.kinds.purchases.entities,
      bids: state.kinds.bids.entities,
      offers: state.kinds.offers.entities,
    },
    subjects: state.subjects.done,
    resumed,
    durationMs: performance.now() - started,
  };
}

const mirrorTables = [
  'podium_market_listings',
  'podium_market_purchases',
  'podium_market_bids',
  'podium_market_offers',
] as const;

/**
 * Refreshes the planner's statistics of tables a bulk load just filled. Without them the cycles
 * after a backfill are planned for tables of unknown contents: sequential scans of the whole
 * mirror, and on Postgres a JIT compilation (~150 ms) of queries costed a hundred times too high.
 * Postgres's autovacuum gets there within a minute or so; PGlite has no autovacuum at all.
 * Run once the subjects are computed, not before: with the statistics in place first, the whole
 * backfill of 10,000 subjects on Postgres took 14.6 s and 12.3 s in two runs, against 9.6-11.5 s
 * in four runs without (`npm run bench:stats-sync`).
 */
async function analyze(db: Queryable, tables: readonly string[]): Promise<void> {
  await db.query(`ANALYZE ${tables.join(', ')}`);
}

function streamOptions(options: StatsRunOptions) {
  return {
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

import { defaultTokenList, type UserStats } from 'podium-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendMarketplaceEvents, type MarketplaceEventKind } from '../../src/subgraph/index.js';
import {
  backfillStats,
  readSyncCursor,
  readSyncState,
  syncStatsIncremental,
  type BackfillState,
  type StatsProgressEvent,
} from '../../src/userStats/syncStats.js';
import { readStoredStats } from '../../src/userStats/userStatsRows.js';
import type { Database } from '../../src/db/Database.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { addUser, mirrorCounts } from './fixtures.js';
import { changedEntityCount, createStandIn, expectedStats, type StandIn } from './standIn.js';

const tokens = [
  ...defaultTokenList,
  { address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', symbol: 'USDC', decimals: 6 },
];

async function storedStats(db: Database): Promise<Map<string, UserStats>> {
  return new Map((await readStoredStats(db)).map((row) => [row.subject, row.stats]));
}

/** Sorted entries, so a mismatch prints as a readable diff. */
function sorted(stats: Map<string, UserStats>) {
  return [...stats].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('stats sync from the subgraph', () => {
  let databases: TestDatabase[];
  let standIn: StandIn;
  let users: Record<string, string[]>;

  async function newDatabase(): Promise<Database> {
    const test = await createTestDatabase();
    databases.push(test);
    for (const [id, wallets] of Object.entries(users)) await addUser(test.db, id, wallets);
    return test.db;
  }

  beforeEach(() => {
    databases = [];
    standIn = createStandIn({ walletCount: 50, events: 3_000, seed: 11 });
    // A two-wallet user, a one-wallet user and a user with no wallet yet.
    users = { alice: standIn.wallets.slice(0, 2), bob: standIn.wallets.slice(2, 3), carol: [] };
  });
  afterEach(async () => {
    for (const test of databases) await test.cleanup();
  });

  it('backfills, then keeps every subject equal to a full recomputation through incremental syncs', async () => {
    const db = await newDatabase();
    const events: StatsProgressEvent[] = [];
    const started = performance.now();
    const backfill = await backfillStats(db, standIn.client, {
      tokens,
      onProgress: (event) => events.push(event),
    });
    const backfillMs = performance.now() - started;
    const counts = standIn.data.counts();
    expect(backfill.entities).toEqual(counts);
    expect(await mirrorCounts(db)).toEqual(counts);
    expect(backfill.head).toBe(standIn.data.head);
    expect(await readSyncCursor(db)).toBe(standIn.data.head);
    expect(sorted(await storedStats(db))).toEqual(sorted(expectedStats(standIn.data, users, tokens)));
    expect(events.at(-1)).toEqual({ phase: 'subjects', done: backfill.subjects, total: backfill.subjects });
    expect(events.map((event) => event.phase)).toEqual(
      expect.arrayContaining(['listings', 'offers', 'subjects']),
    );

    // Nothing new: one request (the head block), nothing paged.
    standIn.resetCounts();
    const idle = await syncStatsIncremental(db, standIn.client, { tokens });
    expect(idle).toMatchObject({ entities: 0, subjects: 0, toBlock: standIn.data.head });
    expect(standIn.counts.requests).toBe(1);

    const seen: Record<MarketplaceEventKind, number> = {
      listing: 0,
      purchase: 0,
      bid: 0,
      offer: 0,
      offerStatus: 0,
      cancel: 0,
      finalize: 0,
    };
    const syncTimes: number[] = [];
    for (let cycle = 1; cycle <= 4; cycle++) {
      const before = standIn.data.head;
      const appended = appendMarketplaceEvents(standIn.data, { events: 150, seed: 100 + cycle });
      for (const [kind, n] of Object.entries(appended.events)) seen[kind as MarketplaceEventKind] += n;
      const changed = changedEntityCount(standIn.data, before + 1);

      standIn.resetCounts();
      const sync = await syncStatsIncremental(db, standIn.client, { tokens });
      syncTimes.push(sync.durationMs);
      expect(sync.fromBlock).toBe(before + 1);
      expect(sync.toBlock).toBe(standIn.data.head);
      // Only what changed was paged: no full reload.
      expect(sync.entities).toBe(changed);
      expect(standIn.counts.rows).toBe(changed);
      expect(changed).toBeLessThan(Object.values(standIn.data.counts()).reduce((a, b) => a + b) / 5);
      expect(sync.subjects).toBeGreaterThan(0);
      expect(await readSyncCursor(db)).toBe(standIn.data.head);
      expect(sorted(await storedStats(db)), `cycle ${cycle}`).toEqual(
        sorted(expectedStats(standIn.data, users, tokens)),
      );
    }
    // The cycles exercised the state changes that touch others (bidders of a closed listing).
    expect(seen.cancel + seen.finalize).toBeGreaterThan(0);
    expect(seen.offerStatus).toBeGreaterThan(0);

    // And a fresh backfill into a second database agrees row for row.
    const fresh = await newDatabase();
    await backfillStats(fresh, standIn.client, { tokens });
    expect(sorted(await storedStats(fresh))).toEqual(sorted(await storedStats(db)));
    console.info(
      `backfill of ${Object.values(counts).reduce((a, b) => a + b)} entities / ${backfill.subjects} subjects: ` +
        `${Math.round(backfillMs)} ms; incremental syncs: ${syncTimes.map(Math.round).join(', ')} ms`,
    );
  });

  it('starts from block 0 before any backfill', async () => {
    const db = await newDatabase();
    const sync = await syncStatsIncremental(db, standIn.client, { tokens });
    expect(sync.fromBlock).toBe(0);
    expect(sync.entities).toBe(Object.values(standIn.data.counts()).reduce((a, b) => a + b));
    // Everyone with activity; carol has no wallet, so nothing touches her (PUT /users queues her).
    const expected = expectedStats(standIn.data, users, tokens);
    expected.delete('user:carol');
    expect(sorted(await storedStats(db))).toEqual(sorted(expected));
  });

  it('leaves planner statistics behind a backfill and a first sync (PGlite has no autovacuum)', async () => {
    const analyzed = async (db: Database) =>
      (
        await db.query<{ relname: string }>(
          `SELECT relname FROM pg_stat_user_tables
            WHERE schemaname = current_schema() AND last_analyze IS NOT NULL
              AND (relname LIKE 'podium_market_%' OR relname = 'podium_user_stats')
            ORDER BY relname`,
        )
      ).map((row) => row.relname);
    const expected = [
      'podium_market_bids',
      'podium_market_listings',
      'podium_market_offers',
      'podium_market_purchases',
      'podium_user_stats',
    ];
    const backfilled = await newDatabase();
    expect(await analyzed(backfilled)).toEqual([]);
    await backfillStats(backfilled, standIn.client, { tokens });
    expect(await analyzed(backfilled)).toEqual(expected);
    const synced = await newDatabase();
    await syncStatsIncremental(synced, standIn.client, { tokens });
    expect(await analyzed(synced)).toEqual(expected);
  });

  it('leaves the cursor alone when a sync fails, and the next one catches up', async () => {
    const db = await newDatabase();
    await backfillStats(db, standIn.client, { tokens });
    const cursor = await readSyncCursor(db);
    appendMarketplaceEvents(standIn.data, { events: 100, seed: 5 });
    standIn.failWhen = (body) => body.query.includes('rows: bids');
    await expect(syncStatsIncremental(db, standIn.client, { tokens })).rejects.toThrow(/simulated outage/);
    expect(await readSyncCursor(db)).toBe(cursor);

    standIn.failWhen = undefined;
    const sync = await syncStatsIncremental(db, standIn.client, { tokens });
    expect(sync.fromBlock).toBe(cursor! + 1);
    expect(sorted(await storedStats(db))).toEqual(sorted(expectedStats(standIn.data, users, tokens)));
  });

  it('resumes an interrupted backfill where it stopped and ends like an uninterrupted one', async () => {
    const reference = await newDatabase();
    standIn.resetCounts();
    await backfillStats(reference, standIn.client, { tokens, pageSize: 100, batchSize: 10 });
    const fullRequests = standIn.counts.requests;

    const db = await newDatabase();
    // Fail the third page of bids: listings and purchases are done, bids are half-way.
    let bidPages = 0;
    standIn.failWhen = (body) => body.query.includes('rows: bids') && ++bidPages === 3;
    await expect(backfillStats(db, standIn.client, { tokens, pageSize: 100, batchSize: 10 })).rejects.toThrow(
      /simulated outage/,
    );
    const state = (await readSyncState<BackfillState>(db, 'stats.backfill'))!;
    expect(state.complete).toBe(false);
    expect(state.kinds.purchases.done).toBe(true);
    expect(state.kinds.bids).toMatchObject({ done: false, entities: 200 });
    expect(await readSyncCursor(db)).toBeUndefined();

    // Meanwhile the market moves on: the resumed backfill still ends at its original head, and
    // the incremental sync picks up the rest.
    const head = standIn.data.head;
    standIn.failWhen = undefined;
    standIn.resetCounts();
    const resumed = await backfillStats(db, standIn.client, { tokens, pageSize: 100, batchSize: 10 });
    expect(resumed.resumed).toBe(true);
    expect(resumed.head).toBe(head);
    // It did not start over: listings and purchases were not paged again.
    expect(standIn.counts.requests).toBeLessThan(fullRequests * 0.8);
    expect(await mirrorCounts(db)).toEqual(await mirrorCounts(reference));
    expect(sorted(await storedStats(db))).toEqual(sorted(await storedStats(reference)));

    // Interrupted during the subjects phase too.
    const third = await newDatabase();
    let saves = 0;
    await expect(
      backfillStats(third, standIn.client, {
        tokens,
        batchSize: 10,
        onProgress: (event) => {
          if (event.phase === 'subjects' && event.done > 0 && ++saves === 2) throw new Error('Ctrl-C');
        },
      }),
    ).rejects.toThrow('Ctrl-C');
    const midway = (await readSyncState<BackfillState>(third, 'stats.backfill'))!;
    expect(midway.subjects.done).toBe(20);
    const finished = await backfillStats(third, standIn.client, { tokens, batchSize: 10 });
    expect(finished).toMatchObject({ resumed: true, subjects: resumed.subjects });
    expect(sorted(await storedStats(third))).toEqual(sorted(await storedStats(reference)));

    // A finished backfill is not resumed: the next run starts over; restart discards progress.
    const again = await backfillStats(third, standIn.client, { tokens, restart: true });
    expect(again.resumed).toBe(false);
  });
});

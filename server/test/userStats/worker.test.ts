import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { calculateSubjectFromIndexer } from '../../src/userStats/calculateSubjects.js';
import {
  countQueuedSubjects,
  enqueueStatsCalculation,
  enqueueStatsCalculations,
} from '../../src/userStats/statsQueue.js';
import { processStatsQueue, startStatsScheduler } from '../../src/userStats/statsWorker.js';
import { readSyncCursor, type SyncResult } from '../../src/userStats/syncStats.js';
import { readStoredStats } from '../../src/userStats/userStatsRows.js';
import { appendMarketplaceEvents } from '../../src/subgraph/index.js';
import { createRecordingLogger } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { addUser, mirrorCounts } from './fixtures.js';
import { addressesIn, createStandIn, expectedStats, type StandIn } from './standIn.js';

const t0 = new Date('2025-03-01T00:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('per-subject calculation from the indexer, and the queue worker', () => {
  let test: TestDatabase;
  let db: Database;
  let standIn: StandIn;
  let users: Record<string, string[]>;

  beforeEach(async () => {
    test = await createTestDatabase();
    db = test.db;
    standIn = createStandIn({ walletCount: 20, events: 800, seed: 3 });
    users = { alice: standIn.wallets.slice(0, 2) };
    await addUser(db, 'alice', users.alice!, 'alice');
  });
  afterEach(() => test.cleanup());

  it('calculates one subject over all its wallets, on an empty mirror', async () => {
    const result = await calculateSubjectFromIndexer(db, standIn.client, 'user:alice', { now: () => t0 });
    const expected = expectedStats(standIn.data, users);
    expect(result!.subject).toEqual({
      key: 'user:alice',
      userId: 'alice',
      addresses: [...users.alice!].sort(),
    });
    // "Active bids" needs the status of listings other sellers own: fetched by id.
    expect(result!.stats).toEqual(expected.get('user:alice'));
    expect(result!.stats.bids.placed).toBeGreaterThan(0);
    const [row] = await readStoredStats(db, ['user:alice']);
    expect(row).toMatchObject({ stats: expected.get('user:alice'), calculatedAt: t0, refreshFailedAt: null });

    // An address resolves to its owner; an unclaimed one is its own subject; an unknown user is null.
    const viaWallet = await calculateSubjectFromIndexer(
      db,
      standIn.client,
      users.alice![1]!.toUpperCase().replace('0X', '0x'),
    );
    expect(viaWallet!.subject.key).toBe('user:alice');
    const other = standIn.wallets[5]!;
    expect((await calculateSubjectFromIndexer(db, standIn.client, other))!.stats).toEqual(
      expected.get(other),
    );
    expect(await calculateSubjectFromIndexer(db, standIn.client, 'user:nobody')).toBeNull();
    expect(await calculateSubjectFromIndexer(db, standIn.client, 'not-a-key')).toBeNull();
  });

  it('keeps the last good figures when a calculation fails, records it, and the queue retries later', async () => {
    await calculateSubjectFromIndexer(db, standIn.client, 'user:alice', { now: () => t0 });
    const [good] = await readStoredStats(db, ['user:alice']);
    const mirrored = await mirrorCounts(db);

    appendMarketplaceEvents(standIn.data, { events: 400, seed: 9 });
    const fresh = expectedStats(standIn.data, users).get('user:alice')!;
    expect(fresh).not.toEqual(good!.stats); // the failure below would otherwise prove nothing

    standIn.failWhen = (body) => body.query.includes('rows: offers');
    await expect(
      calculateSubjectFromIndexer(db, standIn.client, 'user:alice', { now: () => later(1_000) }),
    ).rejects.toThrow(/simulated outage/);
    const [failed] = await readStoredStats(db, ['user:alice']);
    expect(failed!.stats).toEqual(good!.stats);
    expect(failed!.ranked).toEqual(good!.ranked);
    expect(failed!.calculatedAt).toEqual(t0);
    expect(failed!.refreshFailedAt).toEqual(later(1_000));
    expect(failed!.lastError).toMatch(/simulated outage/);
    // Nothing fetched before the failure was written either.
    expect(await mirrorCounts(db)).toEqual(mirrored);

    // A subject with no row yet gets none: no zeros, no partial numbers.
    const stranger = standIn.wallets[7]!;
    await expect(calculateSubjectFromIndexer(db, standIn.client, stranger)).rejects.toThrow();
    expect(await readStoredStats(db, [stranger])).toEqual([]);

    await enqueueStatsCalculation(db, 'user:alice', later(2_000));
    const first = await processStatsQueue(db, standIn.client, { now: () => later(2_000) });
    expect(first).toMatchObject({ taken: 1, succeeded: 0, failed: 1 });
    expect(first.errors[0]).toMatchObject({
      subject: 'user:alice',
      error: expect.stringMatching(/simulated/),
    });
    const [queued] = await db.query<{ attempts: number; last_error: string }>(
      'SELECT attempts, last_error FROM podium_stats_queue WHERE subject = $1',
      ['user:alice'],
    );
    expect(queued).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/simulated/) });

    standIn.failWhen = undefined;
    // Backing off: not due 30 s later, due after the first retry delay (1 min).
    expect(await processStatsQueue(db, standIn.client, { now: () => later(32_000) })).toMatchObject({
      taken: 0,
    });
    const retry = await processStatsQueue(db, standIn.client, { now: () => later(63_000) });
    expect(retry).toMatchObject({ taken: 1, succeeded: 1, failed: 0 });
    expect(await countQueuedSubjects(db)).toBe(0);
    const [recovered] = await readStoredStats(db, ['user:alice']);
    expect(recovered).toMatchObject({
      stats: fresh,
      refreshFailedAt: null,
      lastError: null,
      calculatedAt: later(63_000),
    });
  });

  it('works through a queue of many subjects a few at a time', async () => {
    const keys = ['user:alice', ...addressesIn(standIn.data).filter((a) => !users.alice!.includes(a))];
    await enqueueStatsCalculations(db, [...keys, 'user:gone'], t0);
    const result = await processStatsQueue(db, standIn.client, { now: () => t0, limit: 100, concurrency: 3 });
    expect(result).toMatchObject({ taken: keys.length + 1, succeeded: keys.length + 1, failed: 0 });
    expect(await countQueuedSubjects(db)).toBe(0);
    // Six queries per subject at once, three subjects at a time: bounded, but concurrent.
    expect(standIn.counts.maxInFlight).toBeLessThanOrEqual(18);
    expect(standIn.counts.maxInFlight).toBeGreaterThan(6);
    const stored = new Map((await readStoredStats(db)).map((row) => [row.subject, row.stats]));
    expect(stored).toEqual(expectedStats(standIn.data, users));
  });

  it('schedules the sync and the queue worker, one run at a time, survives failures and stops cleanly', async () => {
    const logger = createRecordingLogger();
    const syncs: SyncResult[] = [];
    let queueRuns = 0;
    let overlapped = false;
    standIn.failWhen = (body) => {
      // A per-subject query while a sync query is in flight, or the reverse, would be two runs at once.
      const kinds = new Set(
        [...standIn.inFlight, body].map((b) =>
          '_change_block' in ((b.variables?.where as object) ?? {}) ? 'sync' : 'other',
        ),
      );
      if (kinds.size > 1) overlapped = true;
      return false;
    };
    await enqueueStatsCalculation(db, 'user:alice', new Date());
    const scheduler = startStatsScheduler({
      db,
      client: standIn.client,
      intervalMs: 150,
      queueIntervalMs: 20,
      logger,
      onSync: (result) => void syncs.push(result),
      onQueue: () => void queueRuns++,
    });
    try {
      await waitFor(() => syncs.length >= 1 && queueRuns >= 1);
      expect(syncs[0]!.fromBlock).toBe(0);
      expect(await countQueuedSubjects(db)).toBe(0);

      appendMarketplaceEvents(standIn.data, { events: 100, seed: 4 });
      await waitFor(() => syncs.some((sync) => sync.entities > 0 && sync.fromBlock > 0));
      expect(await readSyncCursor(db)).toBe(standIn.data.head);

      // A failing sync is logged, and the schedule goes on.
      const before = syncs.length;
      const check = standIn.failWhen;
      standIn.failWhen = (body) => check(body) || body.query.includes('_meta');
      await waitFor(() => logger.entries.some((entry) => entry.message.startsWith('Stats sync failed')));
      standIn.failWhen = check;
      await waitFor(() => syncs.length > before);
    } finally {
      await scheduler.stop();
    }
    const requests = standIn.counts.requests;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(standIn.counts.requests).toBe(requests);
    expect(overlapped).toBe(false);
  });

  it('with a sync interval of 0 works only the queue: a 202 still turns into stats, nothing is synced', async () => {
    const logger = createRecordingLogger();
    const syncs: SyncResult[] = [];
    let queueRuns = 0;
    await enqueueStatsCalculation(db, 'user:alice', new Date());
    const scheduler = startStatsScheduler({
      db,
      client: standIn.client,
      intervalMs: 0,
      queueIntervalMs: 20,
      logger,
      onSync: (result) => void syncs.push(result),
      onQueue: () => void queueRuns++,
    });
    try {
      await waitFor(() => queueRuns >= 1);
      expect(await countQueuedSubjects(db)).toBe(0);
      expect((await readStoredStats(db, ['user:alice'])).length).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await scheduler.stop();
    }
    expect(syncs).toEqual([]);
    expect(await readSyncCursor(db)).toBeUndefined();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the scheduler');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

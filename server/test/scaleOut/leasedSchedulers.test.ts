import { afterEach, describe, expect, it } from 'vitest';
import { createBackgroundLeases } from '../../src/background/createBackgroundLeases.js';
import { startReferralViewsScheduler } from '../../src/referrals/analytics/referralViewsScheduler.js';
import { appendMarketplaceEvents } from '../../src/subgraph/index.js';
import { startStatsScheduler } from '../../src/userStats/statsWorker.js';
import type { SyncResult } from '../../src/userStats/syncStats.js';
import { createRecordingLogger } from '../helpers/testApp.js';
import { createTestDatabase } from '../helpers/testDatabase.js';
import { createStandIn } from '../userStats/standIn.js';

/**
 * The real schedulers of two instances against one database, each under its own instance's
 * lease (1 s): the stats sync and the view refresh run on one of them only, and on the other once
 * the first crashes.
 */
const leaseMs = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs = 8_000): Promise<number> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await sleep(10);
  }
  return performance.now() - start;
}

describe('leased schedulers on two instances', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('syncs the stats on one instance only, and on the other once it crashes', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const standIn = createStandIn({ walletCount: 10, events: 200, seed: 7 });
    const instances = (['a', 'b'] as const).map((name, index) => {
      const db = index === 0 ? test.db : test.openAnother();
      const leases = createBackgroundLeases({ db, leaseMs, holder: `instance-${name}` });
      const syncs: SyncResult[] = [];
      const scheduler = startStatsScheduler({
        db,
        client: standIn.client,
        intervalMs: 100,
        queueIntervalMs: 50,
        logger: createRecordingLogger(),
        lease: leases.lease('userStats:sync'),
        onSync: (result) => void syncs.push(result),
      });
      return { name, leases, scheduler, syncs };
    });
    cleanups.push(
      ...instances.flatMap(({ leases, scheduler }) => [() => leases.stop(), () => scheduler.stop()]),
    );

    await waitFor(() => instances.some((instance) => instance.syncs.length >= 5));
    await sleep(500);
    const [holder, other] = instances[0]!.syncs.length > 0 ? instances : [instances[1]!, instances[0]!];
    expect(holder!.syncs.length).toBeGreaterThanOrEqual(5);
    expect(other!.syncs).toEqual([]);

    // The holder dies: its work and heartbeat stop, nothing is released.
    await holder!.scheduler.stop();
    await holder!.leases.stop({ release: false });
    const crashedAt = performance.now();
    appendMarketplaceEvents(standIn.data, { events: 50, seed: 8 });
    await waitFor(() => other!.syncs.some((sync) => sync.entities > 0));
    const tookOverMs = performance.now() - crashedAt;
    // One lease, one heartbeat and one sync, with slack for a shared 2-core machine.
    expect(tookOverMs).toBeLessThan(leaseMs * 3);
    // The new holder started at the old one's cursor: nothing was synced twice from block 0.
    expect(other!.syncs[0]!.fromBlock).toBeGreaterThan(0);
  });

  it('refreshes the referral views on one instance only', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const refreshes = { a: 0, b: 0 };
    for (const name of ['a', 'b'] as const) {
      const db = name === 'a' ? test.db : test.openAnother();
      const leases = createBackgroundLeases({ db, leaseMs, holder: `instance-${name}` });
      const work = startReferralViewsScheduler({
        db,
        intervalMs: 200,
        firstDelayMs: 0,
        retryMs: 50,
        lease: leases.lease('referrals:views'),
        logger: { info: () => void refreshes[name]++, warn: () => {} },
      });
      cleanups.push(
        () => leases.stop(),
        () => work.stop(),
      );
    }
    await waitFor(() => refreshes.a + refreshes.b >= 4);
    expect(Math.min(refreshes.a, refreshes.b)).toBe(0);
  });
});

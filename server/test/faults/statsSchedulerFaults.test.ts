import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../src/db/createPostgresDatabase.js';
import { countQueuedSubjects, enqueueStatsCalculation } from '../../src/userStats/statsQueue.js';
import { processStatsQueue, startStatsScheduler } from '../../src/userStats/statsWorker.js';
import type { SyncResult } from '../../src/userStats/syncStats.js';
import { createRecordingLogger } from '../helpers/testApp.js';
import { createTestDatabase, testDatabaseUrl } from '../helpers/testDatabase.js';
import { addUser } from '../userStats/fixtures.js';
import { createStandIn } from '../userStats/standIn.js';
import { startTcpProxy } from './tcpProxy.js';

/**
 * The background stats work (queue worker + incremental sync) during a database outage: each
 * failed run is logged and tried again on the next tick; nothing is thrown out of the scheduler
 * (an unhandled rejection would fail this file), and it resumes by itself when the database is back.
 */
describe('the stats scheduler during a database outage', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('logs and retries on every tick while the database is closed, and stops cleanly', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const standIn = createStandIn({ walletCount: 10, events: 200, seed: 5 });
    const logger = createRecordingLogger();
    const syncs: SyncResult[] = [];
    const scheduler = startStatsScheduler({
      db: test.db,
      client: standIn.client,
      intervalMs: 50,
      queueIntervalMs: 20,
      logger,
      onSync: (result) => void syncs.push(result),
    });
    cleanups.push(() => scheduler.stop());
    await waitFor(() => syncs.length >= 1);

    await test.db.close();
    const failures = () => logger.entries.filter((entry) => entry.level === 'error').length;
    await waitFor(() => failures() >= 3);
    await scheduler.stop();
    expect(logger.entries.filter((entry) => entry.level === 'error').map((entry) => entry.message)).toContain(
      'Stats queue run failed',
    );
  });

  // Postgres only: a closed PGlite cannot come back, a cut connection can.
  it.skipIf(!testDatabaseUrl)(
    'resumes by itself when Postgres comes back (TCP proxy cut for 1 s)',
    async () => {
      const test = await createTestDatabase();
      cleanups.push(test.cleanup);
      const target = new URL(testDatabaseUrl!);
      const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      cleanups.push(() => proxy.close());
      const url = new URL(test.connectionUrl!);
      url.host = `127.0.0.1:${proxy.port}`;
      const logger = createRecordingLogger();
      const db = createPostgresDatabase({ url: url.toString(), logger, connectionTimeoutMs: 1_000 });
      cleanups.push(() => db.close());

      const standIn = createStandIn({ walletCount: 10, events: 200, seed: 5 });
      await addUser(test.db, 'alice', standIn.wallets.slice(0, 2), 'alice');
      const syncs: SyncResult[] = [];
      const scheduler = startStatsScheduler({
        db,
        client: standIn.client,
        intervalMs: 50,
        queueIntervalMs: 20,
        logger,
        onSync: (result) => void syncs.push(result),
      });
      cleanups.push(() => scheduler.stop());
      await waitFor(() => syncs.length >= 1);

      await proxy.cut();
      const failed = () => logger.entries.filter((entry) => entry.message.startsWith('Stats')).length;
      await waitFor(() => failed() >= 3);
      // Work queued during the outage (by another instance) is done once the database is back.
      await enqueueStatsCalculation(test.db, 'user:alice', new Date());
      const syncsBefore = syncs.length;
      await proxy.restore();
      await waitFor(() => syncs.length > syncsBefore);
      await waitFor(async () => (await countQueuedSubjects(test.db)) === 0);
    },
  );
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a queue run when the database goes away mid-run', () => {
  it('reports every subject as failed instead of abandoning the ones still running', async () => {
    const test = await createTestDatabase();
    try {
      const standIn = createStandIn({ walletCount: 10, events: 200, seed: 5 });
      for (const [index, name] of ['alice', 'bob', 'carol'].entries()) {
        await addUser(test.db, name, standIn.wallets.slice(index * 2, index * 2 + 2), name);
        await enqueueStatsCalculation(test.db, `user:${name}`, new Date());
      }
      // The database closes as the indexer is first asked: every calculation, and the recording
      // of its failure, then meets a closed database.
      standIn.failWhen = () => {
        void test.db.close();
        return true;
      };
      const result = await processStatsQueue(test.db, standIn.client, { concurrency: 3 });
      expect(result).toMatchObject({ taken: 3, succeeded: 0, failed: 3 });
      expect(result.errors.map((error) => error.subject).sort()).toEqual([
        'user:alice',
        'user:bob',
        'user:carol',
      ]);
    } finally {
      await test.cleanup();
    }
  });
});

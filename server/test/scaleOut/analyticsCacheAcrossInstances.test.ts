import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateAppOptions } from '../../src/app.js';
import { createPostgresDatabase } from '../../src/db/createPostgresDatabase.js';
import type { Database } from '../../src/db/Database.js';
import { referralAnalyticsCacheOf } from '../../src/referrals/analytics/referralAnalyticsCacheOf.js';
import { createTestDatabase, testDatabaseUrl } from '../helpers/testDatabase.js';

/**
 * The referral analytics cache without Redis lives in each instance's memory: an invalidation on
 * one instance reaches the others as a Postgres notification (in-process on PGlite), and a lost
 * listening connection makes the instance forget its cache (it may have missed some).
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<number> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await sleep(20);
  }
  return performance.now() - start;
}

/** The cache of an app on `db` (only `db` matters to it without Redis). */
const cacheOn = (db: Database) => referralAnalyticsCacheOf({ db } as CreateAppOptions);

describe('the referral analytics cache across instances without Redis', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('an invalidation on one instance reaches the other', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const a = cacheOn(test.db);
    const b = cacheOn(test.openAnother());
    let loads = 0;
    const read = () => b.read({ memberId: 'm1', creatorId: 'c1' }, 'member', 60_000, async () => ++loads);
    // Let both start listening.
    await sleep(300);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);

    await a.invalidate({ memberId: 'm1' });
    const ms = await waitFor(async () => (await read()) === 2);
    expect(ms).toBeLessThan(2_000);
    // Another member's invalidation leaves this answer alone.
    await a.invalidate({ memberId: 'm2' });
    await sleep(300);
    expect(await read()).toBe(2);
  });

  it.skipIf(!testDatabaseUrl)('forgets its cache when its listening connection is lost', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const applicationName = `podium-listen-${randomBytes(4).toString('hex')}`;
    const db = createPostgresDatabase({ url: test.connectionUrl!, applicationName });
    cleanups.push(() => db.close());
    const cache = cacheOn(db);
    let loads = 0;
    const read = () => cache.read({ memberId: 'm1' }, 'member', 60_000, async () => ++loads);
    await sleep(300);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);

    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    try {
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = $1 AND query LIKE 'LISTEN %'`,
        [applicationName],
      );
      expect(killed.rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    await waitFor(async () => (await read()) === 2);
    // It listens again: a later invalidation from elsewhere still arrives.
    await sleep(1_500);
    await cacheOn(test.db).invalidate({ memberId: 'm1' });
    await waitFor(async () => (await read()) === 3);
  });
});

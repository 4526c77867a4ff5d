import { afterEach, describe, expect, it } from 'vitest';
import { rebuildSellerBoards } from '../../src/sellerBoards/rebuildSellerBoards.js';
import { demoUsers } from '../../src/demo/demoUsers.js';
import { seedDemo } from '../../src/demo/seedDemo.js';
import { serverFeatures } from '../../src/features.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const monday = new Date('2026-11-23T09:00:00Z');
const mondayLater = new Date('2026-11-23T21:00:00Z');
const wednesday = new Date('2026-11-25T09:00:00Z');

/** What a demo start does with its database (the seed startServer runs, without a marketplace). */
async function demoStart(db: TestDatabase['db'], now: Date) {
  const { cleared, reports } = await seedDemo(serverFeatures, {
    db,
    now,
    users: demoUsers,
    config: loadConfig({}),
  });
  return { cleared, jobs: reports['jobs']!.counts, boards: reports['sellerBoards']!.counts };
}

async function newestDemoJob(db: TestDatabase['db']) {
  const [row] = await db.query<{ at: Date }>(
    "SELECT max(created_at) AS at FROM podium_user_jobs WHERE job_id LIKE 'demo-%'",
  );
  return new Date(row!.at);
}

describe('demo data of an earlier day (a persisted .podium-data)', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.cleanup();
    test = undefined;
  });

  it('is kept on a restart the same day and replaced by data ending now on a later day', async () => {
    test = await createTestDatabase();
    const first = await demoStart(test.db, monday);
    expect(first.jobs.created).toBeGreaterThan(100);
    // A user's own activity in the demo is not generated data: it stays.
    await test.db.query(
      `INSERT INTO podium_user_jobs (user_id, job_id, requested_count, status, created_at, updated_at)
       VALUES ('alice', 'my-own-job', 3, 'pending', $1, $1)`,
      [monday],
    );

    const sameDay = await demoStart(test.db, mondayLater);
    expect(sameDay).toEqual({
      cleared: false,
      jobs: { created: 0, skipped: first.jobs.created },
      boards: { products: 0, views: 0 },
    });

    const later = await demoStart(test.db, wednesday);
    expect(later.cleared).toBe(true);
    expect(later.jobs.skipped).toBe(0);
    expect(later.jobs.created).toBeGreaterThan(100);
    expect(later.boards.products).toBeGreaterThan(100);
    // Alice always has a job started within the last hour of the start: the data ends now again.
    expect(wednesday.getTime() - (await newestDemoJob(test.db)).getTime()).toBeLessThan(3_600_000);
    // The board cache the triggers kept through the delete and the reseed equals a rebuild.
    expect((await rebuildSellerBoards(test.db, wednesday)).rowsChanged).toBe(0);
    const [own] = await test.db.query("SELECT job_id FROM podium_user_jobs WHERE job_id = 'my-own-job'");
    expect(own).toBeDefined();
    // Three whole demo seeds: ~10 s on a quiet machine, 46 s seen on a loaded CI one.
  }, 120_000);
});

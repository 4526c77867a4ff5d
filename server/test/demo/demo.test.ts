import { jobSchema } from 'podium-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/jobs/seedDemoData.js';
import { demoUsers } from '../../src/demo/demoUsers.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const now = new Date('2025-06-15T14:30:00Z');

async function dumpJobs(test: TestDatabase) {
  return test.db.query<Record<string, unknown>>(
    `SELECT user_id, job_id, requested_count, successful_count, failed_count, status,
            created_at::text AS created_at, updated_at::text AS updated_at, completed_at::text AS completed_at
     FROM podium_user_jobs ORDER BY job_id`,
  );
}

describe('seedDemoData', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  async function database() {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    return test;
  }

  it('seeds ~90 days for alice, bob and a sparse carol, ending now, with a mix of statuses', async () => {
    const test = await database();
    const result = await seedDemoData(test.db, { now });
    expect(result.skipped).toBe(0);
    const rows = await test.db.query<{
      user_id: string;
      status: string;
      jobs: unknown;
      first: Date | string;
      last: Date | string;
    }>(
      `SELECT user_id, status, count(*) AS jobs, min(created_at) AS first, max(created_at) AS last
       FROM podium_user_jobs GROUP BY user_id, status ORDER BY user_id, status`,
    );
    const jobsOf = (user: string) =>
      rows.filter((row) => row.user_id === user).reduce((sum, row) => sum + Number(row.jobs), 0);
    expect(jobsOf('alice') + jobsOf('bob') + jobsOf('carol')).toBe(result.created);
    expect(new Set(rows.map((row) => row.user_id))).toEqual(new Set(demoUsers.map((user) => user.id)));
    expect(jobsOf('alice')).toBeGreaterThan(150);
    expect(jobsOf('carol')).toBeLessThan(jobsOf('bob'));
    expect(jobsOf('carol')).toBeGreaterThan(3);
    expect(new Set(rows.map((row) => row.status))).toEqual(
      new Set(['pending', 'processing', 'completed', 'failed']),
    );

    const first = Math.min(...rows.map((row) => new Date(row.first).getTime()));
    const last = Math.max(...rows.map((row) => new Date(row.last).getTime()));
    expect(last).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - first).toBeGreaterThan(85 * 86_400_000);
    expect(now.getTime() - first).toBeLessThanOrEqual(90 * 86_400_000);

    // Unfinished jobs are recent; every stored job obeys the contract.
    const unfinished = await test.db.query<{ created_at: Date | string }>(
      "SELECT created_at FROM podium_user_jobs WHERE status IN ('pending', 'processing')",
    );
    for (const row of unfinished)
      expect(now.getTime() - new Date(row.created_at).getTime()).toBeLessThan(86_400_000);
    const sample = await test.db.query<Record<string, unknown>>(
      "SELECT * FROM podium_user_jobs WHERE job_id LIKE 'demo-alice-00%' LIMIT 5",
    );
    for (const row of sample) {
      jobSchema.parse({
        ...row,
        created_at: new Date(row.created_at as string).toISOString(),
        updated_at: new Date(row.updated_at as string).toISOString(),
        completed_at: row.completed_at === null ? null : new Date(row.completed_at as string).toISOString(),
      });
      expect(row.job_id).toMatch(/^demo-alice-\d{4}$/);
    }
  });

  it('is deterministic and idempotent', async () => {
    const a = await database();
    const b = await database();
    const first = await seedDemoData(a.db, { now });
    await seedDemoData(b.db, { now });
    const snapshot = await dumpJobs(a);
    expect(await dumpJobs(b)).toEqual(snapshot);

    const again = await seedDemoData(a.db, { now: new Date(now.getTime() + 3_600_000) });
    expect(again).toEqual({ created: 0, skipped: first.created });
    expect(await dumpJobs(a)).toEqual(snapshot);
  });
});

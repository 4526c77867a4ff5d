import { createSeededRandom, jobSchema, type RecordJobBody } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * Hundreds of PATCHes at once. On Postgres the app's pool runs them on ten connections for real,
 * so this is where a read-modify-write race in recordJob would show.
 */
describe('recordJob under concurrency', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db);
  });
  afterAll(() => test.cleanup());

  it('ends with exactly one row per job holding the completed values', async () => {
    const random = createSeededRandom(7);
    const finals = new Map<string, Required<RecordJobBody>>();
    const inOrder: RecordJobBody[] = [];
    for (let job = 0; job < 30; job += 1) {
      const jobId = `race-${job}`;
      const requested = random.int(10, 100);
      const successful = random.int(0, requested);
      const failed = random.int(0, requested - successful);
      const final = {
        job_id: jobId,
        requested_count: requested,
        successful_count: successful,
        failed_count: failed,
        status: 'completed' as const,
      };
      finals.set(jobId, final);
      for (let step = 0; step < 10; step += 1) {
        const done = Math.floor(((successful + failed) * step) / 10);
        inOrder.push({
          job_id: jobId,
          requested_count: requested,
          successful_count: Math.min(done, successful),
          status: 'processing',
        });
      }
      inOrder.push(final);
      // Every third job's completion is delivered three times (two retries).
      if (job % 3 === 0) inOrder.push({ ...final }, { ...final });
    }
    while (inOrder.length < 400) inOrder.push({ ...inOrder[random.int(0, inOrder.length - 1)]! }); // retried progress
    const requests = createSeededRandom(11).shuffled(inOrder);

    const responses = await Promise.all(requests.map((body) => client.patchJob('alice', body)));
    expect(responses.map((response) => response.status)).toEqual(requests.map(() => 200));
    for (const response of responses) jobSchema.parse(await response.json());

    const rows = await test.db.query<Record<string, unknown>>(
      'SELECT job_id, requested_count, successful_count, failed_count, status, completed_at IS NOT NULL AS has_completed_at FROM podium_user_jobs ORDER BY job_id',
    );
    expect(rows).toHaveLength(finals.size);
    for (const row of rows) {
      const { job_id, ...expected } = finals.get(row.job_id as string)!;
      expect(row).toEqual({ job_id, ...expected, has_completed_at: true });
    }
  });

  it('gives a new job id to exactly one of two users racing to create it', async () => {
    const requests = createSeededRandom(5).shuffled(
      Array.from({ length: 10 }, (_, job) => [
        { user: 'bob', body: { job_id: `claim-${job}`, requested_count: 1 } },
        { user: 'mallory', body: { job_id: `claim-${job}`, requested_count: 2 } },
        { user: 'bob', body: { job_id: `claim-${job}`, requested_count: 1 } },
        { user: 'mallory', body: { job_id: `claim-${job}`, requested_count: 2 } },
      ]).flat(),
    );
    const statuses = await Promise.all(
      requests.map(async ({ user, body }) => ({
        user,
        jobId: body.job_id,
        status: (await client.patchJob(user, body)).status,
      })),
    );
    const owners = new Map(
      (
        await test.db.query<{ job_id: string; user_id: string; requested_count: number }>(
          "SELECT job_id, user_id, requested_count FROM podium_user_jobs WHERE job_id LIKE 'claim-%'",
        )
      ).map((row) => [row.job_id, row]),
    );
    expect(owners.size).toBe(10);
    for (const { user, jobId, status } of statuses) {
      const owner = owners.get(jobId)!;
      expect(status).toBe(owner.user_id === user ? 200 : 404);
      // The loser's values never reached the row.
      expect(owner.requested_count).toBe(owner.user_id === 'bob' ? 1 : 2);
    }
  });
});

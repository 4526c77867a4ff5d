import {
  createSeededRandom,
  jobSchema,
  jobStatsResponseSchema,
  type Job,
  type RecordJobBody,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * A reader loop must give the event loop a turn: an in-process engine (PGlite) can answer within
 * microtasks, and a loop that never yields would starve the writers (signing tokens, I/O).
 */
const yieldToWriters = () => new Promise((resolve) => setImmediate(resolve));

const statusRank = { pending: 0, processing: 1, completed: 2, failed: 2 } as const;

/**
 * Issue 9: "500 concurrent PATCHes of one job end in a state that depends on arrival order".
 * Counts and status only move forward, so a burst of updates in any order ends at the furthest
 * state, and no reader ever sees a job go back. On Postgres, three apps on three pools (plus the
 * readers' own) send the burst over many connections at once; on PGlite the same test runs on
 * its one connection.
 */
describe('recordJob: jobs only move forward, under concurrency', () => {
  let test: TestDatabase;
  let clients: Array<ReturnType<typeof createTestApp>>;
  let reader: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    test = await createTestDatabase();
    clients = [test.db, test.openAnother(), test.openAnother()].map((db) => createTestApp(db));
    reader = createTestApp(test.openAnother());
  });
  afterAll(() => test.cleanup());

  /** Step i of a job's life: every count grows with i, the status moves forward with it. */
  function step(jobId: string, i: number, last: number, finish: boolean): RecordJobBody {
    return {
      job_id: jobId,
      requested_count: 1000 + i,
      successful_count: i,
      failed_count: Math.floor(i / 2),
      status: i < 100 ? 'pending' : finish && i === last ? 'completed' : 'processing',
    };
  }

  /** Asserts that `seen` (one reader's observations, in order) never goes back. */
  function expectForwardOnly(seen: Job[]) {
    for (let k = 1; k < seen.length; k += 1) {
      const before = seen[k - 1]!;
      const after = seen[k]!;
      const moves = {
        requested: after.requested_count >= before.requested_count,
        successful: after.successful_count >= before.successful_count,
        failed: after.failed_count >= before.failed_count,
        status: statusRank[after.status] >= statusRank[before.status],
      };
      expect({ k, before, after, moves }).toEqual({
        k,
        before,
        after,
        moves: { requested: true, successful: true, failed: true, status: true },
      });
    }
  }

  async function burst(jobId: string, finish: boolean, seed: number) {
    const updates = createSeededRandom(seed).shuffled(
      Array.from({ length: 500 }, (_, i) => step(jobId, i, 499, finish)),
    );
    let writing = true;
    // The jobs are created now: a range around today (ranges are bounded to 400 days).
    const today = Date.now();
    const range = {
      from: new Date(today - 86_400_000).toISOString().slice(0, 10),
      to: new Date(today + 86_400_000).toISOString().slice(0, 10),
      limit: 100,
    };
    const viaApi: Job[] = [];
    const viaTable: Job[] = [];
    // Two readers poll while the burst runs: the public read and the table itself.
    const pollApi = (async () => {
      while (writing) {
        const response = await reader.getStats('alice', range);
        expect(response.status).toBe(200);
        const job = jobStatsResponseSchema.parse(await response.json()).jobs.find((j) => j.job_id === jobId);
        if (job) viaApi.push(job);
        await yieldToWriters();
      }
    })();
    const readerDb = test.openAnother();
    const pollTable = (async () => {
      while (writing) {
        const [row] = await readerDb.query<Job>(
          'SELECT requested_count, successful_count, failed_count, status FROM podium_user_jobs WHERE job_id = $1',
          [jobId],
        );
        if (row) viaTable.push(row);
        await yieldToWriters();
      }
    })();

    const writes = Promise.all(
      updates.map((body, index) => clients[index % clients.length]!.patchJob('alice', body)),
    ).finally(() => (writing = false));
    const [responses] = await Promise.all([writes, pollApi, pollTable]);
    expect(responses.map((response) => response.status)).toEqual(updates.map(() => 200));
    // Every answer is the stored job at that moment: it never reports less than what was sent.
    for (const [index, response] of responses.entries()) {
      const job = jobSchema.parse(await response.json());
      const sent = updates[index]!;
      expect(job.requested_count).toBeGreaterThanOrEqual(sent.requested_count!);
      expect(statusRank[job.status]).toBeGreaterThanOrEqual(statusRank[sent.status!]);
    }
    expectForwardOnly(viaApi);
    expectForwardOnly(viaTable);
    return { viaApi, viaTable };
  }

  it('has the database refuse any write that moves a job back, whatever code sends it', async () => {
    expect(
      (await clients[0]!.patchJob('alice', { job_id: 'db-rule', requested_count: 5, status: 'processing' }))
        .status,
    ).toBe(200);
    for (const [set, why] of [
      ['requested_count = 4', 'a count went down'],
      ["status = 'pending'", 'the status went back'],
    ] as const) {
      await expect(
        test.db.query(`UPDATE podium_user_jobs SET ${set} WHERE job_id = 'db-rule'`),
        why,
      ).rejects.toThrow(/only move forward/);
    }
    await test.db.query(
      "UPDATE podium_user_jobs SET status = 'failed', completed_at = now() WHERE job_id = 'db-rule'",
    );
    await expect(
      test.db.query("UPDATE podium_user_jobs SET status = 'completed' WHERE job_id = 'db-rule'"),
      'a terminal job changed',
    ).rejects.toThrow(/only move forward/);
    await expect(
      test.db.query("UPDATE podium_user_jobs SET requested_count = 6 WHERE job_id = 'db-rule'"),
    ).rejects.toThrow(/only move forward/);
  });

  it('ends 500 updates of one job in any order at the furthest state; readers never see it go back', async () => {
    const { viaApi, viaTable } = await burst('burst-open', false, 3);
    const [row] = await test.db.query(
      'SELECT requested_count, successful_count, failed_count, status FROM podium_user_jobs WHERE job_id = $1',
      ['burst-open'],
    );
    expect(row).toEqual({
      requested_count: 1499,
      successful_count: 499,
      failed_count: 249,
      status: 'processing',
    });
    // The readers did read during the burst (else the monotonicity checks prove nothing). PGlite
    // has one connection and answers in-process, so there the burst can finish between two reads.
    console.info(`readers saw the job ${viaApi.length} (API) + ${viaTable.length} (table) times`);
    if (test.kind === 'postgres') expect(viaApi.length + viaTable.length).toBeGreaterThan(1);
  });

  it('ends at the completion when one of the 500 completes the job, wherever it arrives', async () => {
    await burst('burst-done', true, 9);
    const [row] = await test.db.query(
      'SELECT requested_count, successful_count, failed_count, status, completed_at IS NOT NULL AS done FROM podium_user_jobs WHERE job_id = $1',
      ['burst-done'],
    );
    expect(row).toMatchObject({
      status: 'completed',
      done: true,
      requested_count: 1499,
      successful_count: 499,
    });
  });
});

import {
  canApplyJobUpdate,
  errorBodySchema,
  isTerminalStatus,
  jobSchema,
  jobStatuses,
  type Job,
  type JobStatus,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/** The job as stored, read straight from the table (not through the code under test). */
async function storedRow(test: TestDatabase, jobId: string) {
  const [row] = await test.db.query<Record<string, unknown>>(
    `SELECT user_id, requested_count, successful_count, failed_count, status,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
            to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
            to_char(completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS completed_at
     FROM podium_user_jobs WHERE job_id = $1`,
    [jobId],
  );
  return row;
}

describe('PATCH /api/stats semantics', () => {
  let test: TestDatabase;
  let clock = new Date('2025-05-01T09:00:00.000Z');
  let client: ReturnType<typeof createTestApp>;
  const tick = (ms = 60_000) => (clock = new Date(clock.getTime() + ms));

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { now: () => clock });
  });
  afterAll(() => test.cleanup());

  async function patch(
    userId: string,
    body: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }> {
    const response = await client.patchJob(userId, body);
    return { status: response.status, body: await response.json() };
  }

  it('creates a job with defaults for missing fields and answers the stored record', async () => {
    const created = await patch('alice', { job_id: 'job-create' });
    expect(created.status).toBe(200);
    const job = jobSchema.parse(created.body);
    expect(job).toEqual({
      job_id: 'job-create',
      requested_count: 0,
      successful_count: 0,
      failed_count: 0,
      status: 'pending',
      created_at: clock.toISOString(),
      updated_at: clock.toISOString(),
      completed_at: null,
    });
    expect(await storedRow(test, 'job-create')).toMatchObject({
      user_id: 'alice',
      status: 'pending',
      created_at: clock.toISOString(),
    });
  });

  it('keeps stored values for missing fields on update and sets completed_at once', async () => {
    const createdAt = clock.toISOString();
    await patch('alice', { job_id: 'job-life', requested_count: 10, status: 'processing' });
    tick();
    const progress = await patch('alice', { job_id: 'job-life', successful_count: 4 });
    expect(progress.body).toMatchObject({
      requested_count: 10,
      successful_count: 4,
      failed_count: 0,
      status: 'processing',
      completed_at: null,
      created_at: createdAt,
    });

    tick();
    const completedAt = clock.toISOString();
    const done = await patch('alice', {
      job_id: 'job-life',
      successful_count: 8,
      failed_count: 2,
      status: 'completed',
    });
    expect(done.body).toMatchObject({
      requested_count: 10,
      successful_count: 8,
      failed_count: 2,
      status: 'completed',
      completed_at: completedAt,
      updated_at: completedAt,
    });
    expect(await storedRow(test, 'job-life')).toMatchObject({
      completed_at: completedAt,
      created_at: createdAt,
    });

    // A retry of the same completion later must not move completed_at (nor anything else).
    tick();
    const retry = await patch('alice', {
      job_id: 'job-life',
      successful_count: 8,
      failed_count: 2,
      status: 'completed',
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(done.body);
    expect(await storedRow(test, 'job-life')).toMatchObject({
      completed_at: completedAt,
      updated_at: completedAt,
    });
  });

  it('ignores a late update that would move a job backwards and answers the stored job', async () => {
    await patch('alice', {
      job_id: 'job-late',
      requested_count: 5,
      successful_count: 5,
      status: 'completed',
    });
    const before = await storedRow(test, 'job-late');
    tick();
    const late = await patch('alice', { job_id: 'job-late', successful_count: 1, status: 'processing' });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ status: 'completed', successful_count: 5, requested_count: 5 });
    expect(await storedRow(test, 'job-late')).toEqual(before);

    // processing -> pending is ignored too, and its counts are not applied.
    await patch('alice', {
      job_id: 'job-late-2',
      requested_count: 5,
      successful_count: 2,
      status: 'processing',
    });
    const stale = await patch('alice', { job_id: 'job-late-2', successful_count: 0, status: 'pending' });
    expect(stale.body).toMatchObject({ status: 'processing', successful_count: 2 });
  });

  it('keeps the larger of the stored and the sent count: 10 then 5 keeps 10', async () => {
    await patch('alice', { job_id: 'job-max', requested_count: 10, status: 'processing' });
    const lower = await patch('alice', { job_id: 'job-max', requested_count: 5 });
    expect(lower.status).toBe(200);
    expect(lower.body).toMatchObject({ requested_count: 10, status: 'processing' });
    expect(await storedRow(test, 'job-max')).toMatchObject({ requested_count: 10 });

    // Each count merges on its own: a lower successful_count does not undo progress, a higher
    // failed_count in the same body still counts.
    await patch('alice', { job_id: 'job-max', successful_count: 6 });
    const mixed = await patch('alice', { job_id: 'job-max', successful_count: 2, failed_count: 3 });
    expect(mixed.body).toMatchObject({ requested_count: 10, successful_count: 6, failed_count: 3 });
  });

  it('does not touch updated_at when an update changes nothing', async () => {
    await patch('alice', {
      job_id: 'job-noop',
      requested_count: 4,
      successful_count: 2,
      status: 'processing',
    });
    const before = await storedRow(test, 'job-noop');
    tick();
    const noop = await patch('alice', { job_id: 'job-noop', requested_count: 3, successful_count: 1 });
    expect(noop.status).toBe(200);
    expect(await storedRow(test, 'job-noop')).toEqual(before);
    expect((noop.body as Job).updated_at).toBe(before!.updated_at);
  });

  it('merges the counts of an update whose status is behind, but keeps the stored status', async () => {
    await patch('alice', { job_id: 'job-behind', requested_count: 2, status: 'processing' });
    const behind = await patch('alice', { job_id: 'job-behind', requested_count: 9, status: 'pending' });
    expect(behind.status).toBe(200);
    expect(behind.body).toMatchObject({ status: 'processing', requested_count: 9 });
  });

  it('never changes a terminal job: completed then failed stays completed, and counts freeze', async () => {
    const done = await patch('alice', {
      job_id: 'job-final',
      requested_count: 4,
      successful_count: 4,
      status: 'completed',
    });
    const before = await storedRow(test, 'job-final');
    tick();
    for (const body of [
      { job_id: 'job-final', status: 'failed', failed_count: 4, successful_count: 0 },
      { job_id: 'job-final', requested_count: 40 },
      { job_id: 'job-final', status: 'completed', requested_count: 40, successful_count: 40 },
    ]) {
      const late = await patch('alice', body);
      expect(late.status).toBe(200);
      expect(late.body).toEqual(done.body);
    }
    expect(await storedRow(test, 'job-final')).toEqual(before);
  });

  it('refuses a merge that would not add up, naming the sent fields, and stores nothing', async () => {
    await patch('alice', {
      job_id: 'job-sum',
      requested_count: 10,
      successful_count: 8,
      status: 'processing',
    });
    const before = await storedRow(test, 'job-sum');
    // Consistent on its own (5 <= 10), but 8 stored successes + 5 failures exceed 10.
    const response = await client.patchJob('alice', {
      job_id: 'job-sum',
      requested_count: 10,
      failed_count: 5,
    });
    expect(response.status).toBe(400);
    const error = errorBodySchema.parse(await response.json()).error;
    expect(Object.keys((error.details as { fields: object }).fields).sort()).toEqual([
      'failed_count',
      'requested_count',
    ]);
    expect(await storedRow(test, 'job-sum')).toEqual(before);
  });

  it("answers 404 for another user's job and leaves the row unchanged", async () => {
    await patch('alice', { job_id: 'job-alice', requested_count: 3, status: 'processing' });
    const before = await storedRow(test, 'job-alice');
    tick();
    for (const body of [
      { job_id: 'job-alice', status: 'completed', successful_count: 3 },
      { job_id: 'job-alice', requested_count: 9 },
      { job_id: 'job-alice' },
    ]) {
      const response = await client.patchJob('mallory', body);
      expect(response.status).toBe(404);
      const error = errorBodySchema.parse(await response.json()).error;
      expect(error.code).toBe('not_found');
    }
    expect(await storedRow(test, 'job-alice')).toEqual(before);
  });

  it('follows canApplyJobUpdate for every pair of statuses', async () => {
    let index = 0;
    for (const current of jobStatuses) {
      for (const next of jobStatuses) {
        const jobId = `pair-${index++}`;
        await patch('bob', { job_id: jobId, requested_count: 4, status: current });
        const response = await patch('bob', { job_id: jobId, requested_count: 6, status: next });
        expect(response.status).toBe(200);
        const job = response.body as Job;
        // The status follows canApplyJobUpdate; the larger count is kept unless the job is final.
        const applied = canApplyJobUpdate(current, next);
        expect({ current, next, status: job.status, requested: job.requested_count }).toEqual({
          current,
          next,
          status: applied ? next : current,
          requested: isTerminalStatus(current) ? 4 : 6,
        });
        const terminal: JobStatus[] = ['completed', 'failed'];
        expect(job.completed_at === null).toBe(!terminal.includes(job.status));
      }
    }
  });

  it('trims job ids, so " job-x " and "job-x" are the same job', async () => {
    await patch('carol', { job_id: ' job-trim ', requested_count: 2 });
    const again = await patch('carol', { job_id: 'job-trim', successful_count: 1 });
    expect(again.body).toMatchObject({ job_id: 'job-trim', requested_count: 2, successful_count: 1 });
    expect(await test.db.query("SELECT 1 FROM podium_user_jobs WHERE job_id LIKE '%job-trim%'")).toHaveLength(
      1,
    );
  });
});

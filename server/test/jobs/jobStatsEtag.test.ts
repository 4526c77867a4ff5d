import { jobStatsResponseSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/testApp.js';
import { recordingDatabase } from '../helpers/recordingDatabase.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/** Statements that read the jobs themselves (the summary, the page). */
const readsJobs = (sql: string) => /FROM podium_user_jobs\b/.test(sql);

/**
 * `GET /api/stats` decides its ETag from the user's jobs' change count (migration 020) before
 * computing the summary (issue 13): an unchanged poll is a 304 after one key lookup, an unchanged
 * answer comes from memory, and every write of the user's jobs (through the API or straight into
 * the table) moves the tag, while another user's writes and retried updates do not.
 */
describe('GET /api/stats ETag', () => {
  const clock = new Date('2026-11-27T12:00:00.000Z');
  const query = { from: '2026-11-01', to: '2026-11-27', tz: 'UTC' };
  const log: string[] = [];
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(recordingDatabase(test.db, log), { now: () => clock });
    expect((await client.patchJob('ada', { job_id: 'ada-1', requested_count: 10 })).status).toBe(200);
  });
  afterAll(() => test.cleanup());

  async function current(userId = 'ada') {
    const response = await client.getStats(userId, query);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    return { etag: response.headers.get('etag')!, body: jobStatsResponseSchema.parse(await response.json()) };
  }
  async function poll(etag: string, userId = 'ada') {
    const search = new URLSearchParams(query).toString();
    return client.app.request(`/api/stats?${search}`, {
      headers: { authorization: `Bearer ${await client.tokenFor(userId)}`, 'if-none-match': etag },
    });
  }

  it('answers an unchanged poll with a 304 without reading the jobs', async () => {
    const { etag } = await current();
    log.length = 0;
    const response = await poll(etag);
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(etag);
    expect(log.filter(readsJobs)).toEqual([]);
  });

  it('serves an unchanged answer from memory', async () => {
    const first = await current();
    log.length = 0;
    expect(await current()).toEqual(first);
    expect(log.filter(readsJobs)).toEqual([]);
  });

  it('moves the tag with a write of the user, not with a retried update or another user', async () => {
    const before = await current();
    expect((await client.patchJob('bea', { job_id: 'bea-1', requested_count: 3 })).status).toBe(200);
    expect((await poll(before.etag)).status).toBe(304);

    expect((await client.patchJob('ada', { job_id: 'ada-1', successful_count: 4 })).status).toBe(200);
    const progressed = await current();
    expect(progressed.etag).not.toBe(before.etag);
    expect(progressed.body.totals.successful).toBe(4);

    // The same update again changes nothing, so the answer (and its tag) stays.
    expect((await client.patchJob('ada', { job_id: 'ada-1', successful_count: 4 })).status).toBe(200);
    expect((await poll(progressed.etag)).status).toBe(304);
  });

  it('moves the tag for jobs written straight into the table (an import)', async () => {
    const before = await current();
    await test.db.query(
      `INSERT INTO podium_user_jobs (user_id, job_id, requested_count, status, created_at, updated_at)
       VALUES ('ada', 'ada-imported', 7, 'pending', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')`,
    );
    expect((await poll(before.etag)).status).toBe(200);
    expect((await current()).body.totals).toMatchObject({ jobs: 2, requested: 17 });
    await test.db.query("DELETE FROM podium_user_jobs WHERE job_id = 'ada-imported'");
    expect((await current()).body.totals).toMatchObject({ jobs: 1, requested: 10 });
  });

  it('gives other ranges, zones and users other tags', async () => {
    const a = await current();
    const other = await current('bea');
    const paris = await client.getStats('ada', { ...query, tz: 'Europe/Paris' });
    expect(new Set([a.etag, other.etag, paris.headers.get('etag')]).size).toBe(3);
    expect((await poll(a.etag, 'bea')).status).toBe(200);
  });
});

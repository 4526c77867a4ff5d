import { errorBodySchema, maxJobCount } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { createSqlJobsStore } from '../../src/jobs/jobsStore.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/** Body of an error response, checked against the contract's error shape. */
async function errorOf(response: Response) {
  return errorBodySchema.parse(await response.json()).error;
}

describe('PATCH /api/stats validation', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db);
  });
  afterAll(() => test.cleanup());

  const rowCount = async () =>
    (await test.db.query<{ n: unknown }>('SELECT count(*) AS n FROM podium_user_jobs')).map((row) =>
      Number(row.n),
    )[0];

  it.each([
    ['a negative count', { job_id: 'v-1', requested_count: -1 }, 'requested_count', 'must not be negative'],
    [
      'a fractional count',
      { job_id: 'v-2', requested_count: 1.5 },
      'requested_count',
      'must be a whole number',
    ],
    [
      'a count above the 32-bit column',
      { job_id: 'v-3', requested_count: maxJobCount + 1 },
      'requested_count',
      `must be at most ${maxJobCount}`,
    ],
    ['a string count', { job_id: 'v-4', failed_count: '3' }, 'failed_count', 'must be a number'],
    ['an empty job_id', { job_id: '   ' }, 'job_id', 'must not be empty'],
    ['a missing job_id', { requested_count: 1 }, 'job_id', 'is required'],
    ['an unknown status', { job_id: 'v-5', status: 'done' }, 'status', ''],
    [
      'an unknown field',
      { job_id: 'v-6', requested_count: 1, user_id: 'mallory' },
      'user_id',
      'is not a known field',
    ],
    [
      'outcomes above requested',
      { job_id: 'v-7', requested_count: 2, successful_count: 2, failed_count: 1 },
      'successful_count',
      'exceeds requested_count',
    ],
  ])('answers 400 naming the field for %s, and stores nothing', async (_label, body, field, message) => {
    const before = await rowCount();
    const response = await client.patchJob('alice', body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_request');
    expect(Object.keys(error.details?.fields ?? {})).toContain(field);
    expect(error.details!.fields![field]!.join(' ')).toContain(message);
    expect(await rowCount()).toBe(before);
  });

  it('rejects outcomes that exceed requested_count only once merged with the stored job', async () => {
    expect(
      (await client.patchJob('alice', { job_id: 'merge-1', requested_count: 5, successful_count: 3 })).status,
    ).toBe(200);
    // The body alone is fine (no requested_count); merged with the stored 5 it is 3 + 4 > 5.
    const response = await client.patchJob('alice', { job_id: 'merge-1', failed_count: 4 });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    // Only the field the caller sent is named.
    expect(Object.keys(error.details?.fields ?? {})).toEqual(['failed_count']);
    // A lower requested_count cannot break the rule: counts only grow, so the stored 5 stays.
    const lowered = await client.patchJob('alice', { job_id: 'merge-1', requested_count: 2 });
    expect(lowered.status).toBe(200);
    expect(await lowered.json()).toMatchObject({ requested_count: 5, successful_count: 3 });

    const [row] = await test.db.query<Record<string, unknown>>(
      'SELECT requested_count, successful_count, failed_count FROM podium_user_jobs WHERE job_id = $1',
      ['merge-1'],
    );
    expect(row).toEqual({ requested_count: 5, successful_count: 3, failed_count: 0 });
  });

  it('rejects outcomes on a new job that has no requested_count (it would default to 0)', async () => {
    const response = await client.patchJob('alice', { job_id: 'new-with-outcomes', successful_count: 2 });
    expect(response.status).toBe(400);
    expect(Object.keys((await errorOf(response)).details?.fields ?? {}).sort()).toEqual([
      'requested_count',
      'successful_count',
    ]);
    expect(
      await test.db.query('SELECT 1 FROM podium_user_jobs WHERE job_id = $1', ['new-with-outcomes']),
    ).toEqual([]);
  });

  it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    const token = await client.tokenFor('alice');
    const malformed = await client.app.request('/api/stats', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"job_id": "x",',
    });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe('invalid_request');

    const form = await client.app.request('/api/stats', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'job_id=x',
    });
    expect(form.status).toBe(415);
    expect((await errorOf(form)).code).toBe('unsupported_media_type');

    const missingType = await client.app.request('/api/stats', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}` },
      body: '{"job_id":"x"}',
    });
    expect(missingType.status).toBe(415);
  });

  it('answers 400 for a JSON body that is not an object', async () => {
    const response = await client.patchJob('alice', ['job_id']);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.fields).toHaveProperty('body');
  });

  it('answers 413 for a body over 64 KiB', async () => {
    const response = await client.patchJob('alice', { job_id: 'big', padding: 'x'.repeat(70_000) });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
  });

  it('accepts a charset parameter and +json media types', async () => {
    const token = await client.tokenFor('alice');
    for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const response = await client.app.request('/api/stats', {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: JSON.stringify({ job_id: `type-${type.length}` }),
      });
      expect(response.status).toBe(200);
    }
  });
});

describe('GET /api/stats validation', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { now: () => new Date('2025-03-15T12:00:00Z') });
  });
  afterAll(() => test.cleanup());

  it.each([
    ['from after to', { from: '2025-03-10', to: '2025-03-01' }, 'from'],
    ['from equal to (timestamps)', { from: '2025-03-10T00:00:00Z', to: '2025-03-10T00:00:00Z' }, 'from'],
    ['a range over 400 days', { from: '2024-01-01', to: '2025-03-01' }, 'to'],
    ['a huge range', { from: '1970-01-01', to: '2025-03-01' }, 'to'],
    ['a date before 1970', { from: '1900-01-01', to: '2025-03-01' }, 'from'],
    ['a bad date', { from: '2025-02-30' }, 'from'],
    ['a timestamp without offset', { to: '2025-03-01T10:00:00' }, 'to'],
    ['an unknown time zone', { tz: 'Mars/Olympus_Mons' }, 'tz'],
    ['a zero limit', { limit: 0 }, 'limit'],
    ['a limit over 100', { limit: 101 }, 'limit'],
    ['a non-numeric limit', { limit: 'ten' }, 'limit'],
    ['a garbage cursor', { cursor: 'not-a-cursor' }, 'cursor'],
    [
      'a well-formed cursor for no row of the user',
      { cursor: Buffer.from('v1:1741000000000:999999').toString('base64url') },
      'cursor',
    ],
  ])('answers 400 naming the field for %s', async (_label, query, field) => {
    const response = await client.getStats('alice', query);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_request');
    expect(Object.keys(error.details?.fields ?? {})).toContain(field);
  });

  it('accepts exactly 400 days', async () => {
    const response = await client.getStats('alice', { from: '2024-01-01', to: '2025-02-03' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { series: unknown[] }).series).toHaveLength(400);
  });

  it('answers 400 naming tz when the database does not know a zone the runtime accepted', async () => {
    // Node's ICU and the database's tz data can disagree (an older tzdata on the host). Stand in
    // for such a database: the real one, handed an unknown name wherever Europe/Paris is bound.
    const unknownToDb = (params?: readonly unknown[]) =>
      params?.map((value) => (value === 'Europe/Paris' ? 'Podium/Nowhere' : value));
    const olderTzData: Database = {
      ...test.db,
      query: (sql, params) => test.db.query(sql, unknownToDb(params)),
      transaction: (fn) =>
        test.db.transaction((tx) =>
          fn({ query: (sql, params) => tx.query(sql, unknownToDb(params)), exec: (sql) => tx.exec(sql) }),
        ),
    };
    const skewed = createTestApp(test.db, { jobs: createSqlJobsStore(olderTzData) });
    // The zone is only read when a row is grouped by day, so the user needs a job in range.
    expect((await skewed.patchJob('tz-user', { job_id: 'tz-1', requested_count: 1 })).status).toBe(200);
    const response = await skewed.getStats('tz-user', { tz: 'Europe/Paris' });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.details?.fields?.tz?.[0]).toMatch(/time zone/);
    expect((await skewed.getStats('tz-user', { tz: 'UTC' })).status).toBe(200);
  });
});

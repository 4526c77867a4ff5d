// @vitest-environment jsdom
// (the handlers resolve their default relative base URL against the page, as in a browser)
import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../src/shared/errors.js';
import { jobSchema, jobStatsResponseSchema, type Job } from '../../src/jobs/contract.js';
import {
  createJobFixtures,
  createPodiumMocks,
  podiumHandlers,
} from '../../mocks/index.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const now = new Date('2025-06-15T12:00:00.000Z');
const { server, serve } = setupMswServer({ mocks: { now } });
// jsdom gives the page an origin; relative handler paths match against it, like in a browser.
const statsUrl = new URL('/api/stats', globalThis.location.href).href;
const auth = { authorization: 'Bearer test-token' };

async function patch(body: unknown, headers: Record<string, string> = auth) {
  const response = await fetch(statsUrl, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function get(
  query: Record<string, string> = {},
  headers: Record<string, string> = auth,
  url = statsUrl,
) {
  const response = await fetch(`${url}?${new URLSearchParams(query)}`, { headers });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function getStats(query: Record<string, string> = {}) {
  const { status, body } = await get(query);
  expect(status).toBe(200);
  return jobStatsResponseSchema.parse(body);
}

function fieldsOf(body: unknown): Record<string, string[]> {
  const parsed = errorBodySchema.parse(body);
  return parsed.error.details?.fields ?? {};
}

describe('PATCH /stats', () => {
  it('records a job that the next GET reflects', async () => {
    serve({ scenario: 'empty' });
    const created = await patch({ job_id: 'j-1', requested_count: 5, status: 'processing' });
    expect(created.status).toBe(200);
    expect(jobSchema.parse(created.body)).toMatchObject({
      job_id: 'j-1',
      requested_count: 5,
      successful_count: 0,
      status: 'processing',
      created_at: now.toISOString(),
      completed_at: null,
    });

    const done = await patch({ job_id: 'j-1', successful_count: 4, failed_count: 1, status: 'completed' });
    expect(jobSchema.parse(done.body)).toMatchObject({
      requested_count: 5,
      successful_count: 4,
      status: 'completed',
      completed_at: now.toISOString(),
    });

    const stats = await getStats();
    expect(stats.totals).toMatchObject({ jobs: 1, requested: 5, successful: 4, failed: 1, successRate: 0.8 });
    expect(stats.jobs.map((job) => job.job_id)).toEqual(['j-1']);
    expect(stats.series.at(-1)).toEqual({
      date: '2025-06-15',
      jobs: 1,
      requested: 5,
      successful: 4,
      failed: 1,
    });
  });

  it('answers 400 naming the invalid fields, in the error shape', async () => {
    serve({ scenario: 'empty' });
    const bad = await patch({ requested_count: -1, status: 'done', user_id: 'x' });
    expect(bad.status).toBe(400);
    expect(errorBodySchema.parse(bad.body).error.code).toBe('invalid_request');
    expect(Object.keys(fieldsOf(bad.body)).sort()).toEqual([
      'job_id',
      'requested_count',
      'status',
      'user_id',
    ]);
    expect(fieldsOf(bad.body).requested_count).toEqual(['must not be negative']);

    const notJson = await patch('{nope');
    expect(notJson.status).toBe(400);
    expect(fieldsOf(notJson.body)).toHaveProperty('body');
  });

  it('rejects outcomes above the stored requested count, as the server does', async () => {
    serve({ scenario: 'empty' });
    const orphan = await patch({ job_id: 'new', successful_count: 1 });
    expect(orphan.status).toBe(400);
    expect(Object.keys(fieldsOf(orphan.body)).sort()).toEqual(['requested_count', 'successful_count']);

    await patch({ job_id: 'j', requested_count: 3 });
    const over = await patch({ job_id: 'j', successful_count: 4 });
    expect(over.status).toBe(400);
    // Only the fields the caller sent are named, as the server does.
    expect(Object.keys(fieldsOf(over.body))).toEqual(['successful_count']);
    expect((await patch({ job_id: 'j', successful_count: 3 })).status).toBe(200);
  });

  it('answers 415 when the body is not sent as JSON', async () => {
    serve({ scenario: 'empty' });
    const response = await fetch(statsUrl, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: JSON.stringify({ job_id: 'j' }),
    });
    expect(response.status).toBe(415);
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('unsupported_media_type');
  });

  it('answers 401 without a bearer token, on both methods', async () => {
    serve();
    const noToken = await patch({ job_id: 'j' }, {});
    expect(noToken.status).toBe(401);
    expect(errorBodySchema.parse(noToken.body).error.code).toBe('unauthorized');
    expect((await get({}, {})).status).toBe(401);
    expect((await get({}, { authorization: 'Basic abc' })).status).toBe(401);
  });

  it('moves jobs forward only, like the server: the larger count wins, 10 then 5 keeps 10', async () => {
    serve({ scenario: 'empty' });
    await patch({ job_id: 'm', requested_count: 10, successful_count: 6, status: 'processing' });
    const lower = await patch({ job_id: 'm', requested_count: 5, successful_count: 2, failed_count: 1 });
    expect(lower.status).toBe(200);
    expect(lower.body).toMatchObject({
      requested_count: 10,
      successful_count: 6,
      failed_count: 1,
      status: 'processing',
    });
    // A merge that does not add up (6 stored successes + 5 failures > 10) is refused.
    const over = await patch({ job_id: 'm', failed_count: 5 });
    expect(over.status).toBe(400);
    expect(Object.keys(fieldsOf(over.body))).toEqual(['failed_count']);
  });

  it('ignores stale updates and returns the stored job', async () => {
    serve({ scenario: 'empty' });
    await patch({ job_id: 'j', requested_count: 2, status: 'processing' });
    // A status behind the stored one is ignored; a larger count still counts.
    const back = await patch({ job_id: 'j', status: 'pending', requested_count: 9 });
    expect(back.body).toMatchObject({ status: 'processing', requested_count: 9 });
    const unchanged = jobSchema.parse((await patch({ job_id: 'j', requested_count: 3 })).body);
    expect(unchanged).toEqual(back.body);

    const finished = jobSchema.parse(
      (await patch({ job_id: 'j', successful_count: 2, status: 'completed' })).body,
    );
    const late = await patch({ job_id: 'j', failed_count: 2, successful_count: 0, status: 'failed' });
    expect(late.status).toBe(200);
    expect(late.body).toEqual(finished);
  });
});

describe('GET /stats', () => {
  it('names invalid query fields', async () => {
    serve();
    const bad = await get({ from: 'yesterday', tz: 'Mars/Olympus', limit: '500' });
    expect(bad.status).toBe(400);
    expect(Object.keys(fieldsOf(bad.body)).sort()).toEqual(['from', 'limit', 'tz']);
    expect(fieldsOf((await get({ cursor: 'garbage' })).body)).toHaveProperty('cursor');
    // Same fields as the server's route: an empty range names `from`, a long one names `to`.
    expect(fieldsOf((await get({ from: '2025-06-10', to: '2025-06-01' })).body)).toHaveProperty('from');
    expect(fieldsOf((await get({ from: '2023-01-01', to: '2025-06-01' })).body)).toHaveProperty('to');
  });

  it('applies from, to and tz', async () => {
    const jobs: Job[] = [
      {
        job_id: 'late-utc',
        requested_count: 1,
        successful_count: 1,
        failed_count: 0,
        status: 'completed',
        created_at: '2025-06-10T23:30:00.000Z',
        updated_at: '2025-06-10T23:31:00.000Z',
        completed_at: '2025-06-10T23:31:00.000Z',
      },
    ];
    serve({ jobs });
    const utc = await getStats({ from: '2025-06-10', to: '2025-06-10' });
    expect(utc.totals.jobs).toBe(1);
    // In Berlin that instant is already June 11th.
    const berlin = await getStats({ from: '2025-06-10', to: '2025-06-10', tz: 'Europe/Berlin' });
    expect(berlin.totals.jobs).toBe(0);
    expect(berlin.range).toEqual({
      from: '2025-06-09T22:00:00.000Z',
      to: '2025-06-10T22:00:00.000Z',
      tz: 'Europe/Berlin',
    });
  });

  it('pages through nextCursor covering every job exactly once', async () => {
    // Jobs sharing an instant exercise the tie-break inside the keyset.
    const base = createJobFixtures({ count: 45, seed: 11, now, days: 20 });
    const ties = base
      .slice(0, 6)
      .map((job, i) => ({ ...job, job_id: `tie-${i}`, created_at: base[10]!.created_at }));
    serve({ jobs: [...base, ...ties] });
    const first = await getStats({ limit: '7' });
    const expected = first.totals.jobs;
    expect(expected).toBeGreaterThan(20);

    const seen: string[] = [];
    let page = first;
    for (let guard = 0; guard < 50; guard += 1) {
      expect(page.jobs.length).toBeLessThanOrEqual(7);
      seen.push(...page.jobs.map((job) => job.job_id));
      if (page.nextCursor === null) break;
      page = await getStats({ limit: '7', cursor: page.nextCursor });
    }
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
    const times = seen.map((id) =>
      Date.parse([...base, ...ties].find((job) => job.job_id === id)!.created_at),
    );
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('scenarios', () => {
  it('success has jobs over the last 30 days', async () => {
    serve({ scenario: 'success' });
    const stats = await getStats();
    expect(stats.totals.jobs).toBeGreaterThan(0);
    expect(stats.series).toHaveLength(30);
  });

  it('empty answers zero totals', async () => {
    serve({ scenario: 'empty' });
    const stats = await getStats();
    expect(stats.totals).toEqual({
      jobs: 0,
      requested: 0,
      successful: 0,
      failed: 0,
      successRate: null,
      byStatus: { pending: 0, processing: 0, completed: 0, failed: 0 },
    });
    expect(stats.jobs).toEqual([]);
    expect(stats.nextCursor).toBeNull();
  });

  it('partial has pending or processing jobs', async () => {
    serve({ scenario: 'partial' });
    const { byStatus } = (await getStats()).totals;
    expect(byStatus.pending + byStatus.processing).toBeGreaterThan(0);
    expect(byStatus.completed).toBeGreaterThan(0);
  });

  it('largeNumbers answers totals in the hundreds of millions', async () => {
    serve({ scenario: 'largeNumbers' });
    expect((await getStats()).totals.requested).toBeGreaterThan(100_000_000);
  });

  it('error answers 500 in the error shape on both methods', async () => {
    serve({ scenario: 'error' });
    const failed = await get();
    expect(failed.status).toBe(500);
    expect(errorBodySchema.parse(failed.body).error.code).toBe('internal_error');
    expect((await patch({ job_id: 'j' })).status).toBe(500);
  });

  it('error with errorCount recovers, and reset() restores the failures and the store', async () => {
    const mocks = serve({ scenario: 'error', errorCount: 1 });
    expect((await get()).status).toBe(500);
    expect((await get()).status).toBe(200);
    await patch({ job_id: 'extra' });
    expect(mocks.jobs().some((job) => job.job_id === 'extra')).toBe(true);
    mocks.reset();
    expect(mocks.jobs().some((job) => job.job_id === 'extra')).toBe(false);
    expect((await get()).status).toBe(500);
  });

  it('setScenario switches live behaviour and keeps the store', async () => {
    const mocks = serve({ scenario: 'error' });
    expect((await get()).status).toBe(500);
    mocks.setScenario('success');
    await patch({ job_id: 'kept' });
    mocks.setScenario('error');
    expect((await get()).status).toBe(500);
    mocks.setScenario('partial');
    expect((await getStats()).jobs.some((job) => job.job_id === 'kept')).toBe(true);
  });

  it('slow answers after its delay', async () => {
    serve({ scenario: 'slow', delayMs: 150 });
    const started = performance.now();
    await getStats();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('loading never answers', async () => {
    serve({ scenario: 'loading' });
    const outcome = await Promise.race([
      fetch(statsUrl, { headers: auth }).then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 300)),
    ]);
    expect(outcome).toBe('pending');
  });

  it('handler sets keep separate stores', async () => {
    const a = createPodiumMocks({ scenario: 'empty', now });
    const b = createPodiumMocks({ scenario: 'empty', now });
    server.use(...a.handlers);
    await patch({ job_id: 'only-a' });
    expect(a.jobs()).toHaveLength(1);
    expect(b.jobs()).toHaveLength(0);
  });
});

describe('baseUrl', () => {
  it('serves an absolute base URL and nothing else', async () => {
    serve({ baseUrl: 'http://localhost:4000/api/', scenario: 'success' });
    const remote = await get({}, auth, 'http://localhost:4000/api/stats');
    expect(remote.status).toBe(200);
    expect(jobStatsResponseSchema.parse(remote.body).totals.jobs).toBeGreaterThan(0);
    await expect(fetch(statsUrl, { headers: auth })).rejects.toThrow();
  });

  it('podiumHandlers serve /api with the success data', async () => {
    server.use(...podiumHandlers);
    expect((await getStats()).totals.jobs).toBeGreaterThan(0);
  });
});

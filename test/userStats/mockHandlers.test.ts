// @vitest-environment jsdom
// (the handlers resolve their default relative base URL against the page, as in a browser)
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/shared/createApiClient.js';
import {
  getStatsLeaders,
  getUserStats,
  getUserStatsHistory,
  userTransactionsCsvUrl,
} from '../../src/userStats/api.js';
import { errorBodySchema } from '../../src/shared/errors.js';
import {
  statsHistoryResponseSchema,
  statsLeadersResponseSchema,
  statsMetrics,
  userStatsResponseSchema,
  transactionsCsvColumns,
} from '../../src/userStats/contract.js';
import { emptyUserStats } from '../../src/userStats/userStats.js';
import {
  createStatsLeadersFixture,
  createUserStatsFixture,
  defaultStatsSubject,
  userStatsCacheControl,
  userStatsCdnCacheControl,
  userStatsScenarios,
} from '../../mocks/index.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const now = new Date('2025-06-15T12:00:00.000Z');
const { server, serve } = setupMswServer({ mocks: { now } });
const base = new URL('/api', globalThis.location.href).href;
const alice = defaultStatsSubject;

async function get(path: string) {
  const response = await fetch(`${base}${path}`);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text.startsWith('{') ? (JSON.parse(text) as unknown) : undefined,
  };
}

const client = () => createApiClient({ baseUrl: base });

describe('user stats fixtures', () => {
  it('are valid against the contract, with null percentiles exactly where a value is zero', () => {
    for (const scenario of Object.values(userStatsScenarios)) {
      expect(userStatsResponseSchema.safeParse(scenario.createResponse({ now })).success).toBe(true);
    }
    const noSales = createUserStatsFixture({
      stats: { sales: { count: 0, volumeWei: '0', uniqueBuyers: 0, tokens: [] } },
    });
    expect(noSales.percentiles.salesCount).toBeNull();
    expect(noSales.percentiles.salesVolume).toBeNull();
    expect(noSales.percentiles.purchasesCount).not.toBeNull();
    expect(createUserStatsFixture().percentiles.salesVolume).toEqual({ rank: 52, of: 1840, topPercent: 3 });
    expect(createUserStatsFixture({ percentiles: { trades: null } }).percentiles.trades).toBeNull();
  });

  it('rank leaders by value with shared ranks for ties', () => {
    const { leaders } = createStatsLeadersFixture({ limit: 24 });
    expect(statsLeadersResponseSchema.safeParse(createStatsLeadersFixture()).success).toBe(true);
    leaders.forEach((leader, index) => {
      const higher = leaders.filter((other) => BigInt(other.value) > BigInt(leader.value)).length;
      expect(leader.rank).toBe(higher + 1);
      if (index > 0) expect(BigInt(leader.value) <= BigInt(leaders[index - 1]!.value)).toBe(true);
    });
  });
});

describe('GET /user/:identifier/stats', () => {
  it('answers 200 with cached stats and the cache policy, by username, user id or wallet', async () => {
    serve();
    for (const identifier of [
      'alice',
      'ALICE',
      alice.userId!,
      alice.addresses[1]!.toUpperCase().replace('0X', '0x'),
    ]) {
      const { status, headers, body } = await get(`/user/${identifier}/stats`);
      expect(status).toBe(200);
      // The server's policy: CDNs cache, browsers revalidate by ETag.
      expect(headers.get('cache-control')).toBe('no-cache');
      expect(headers.get('cache-control')).toBe(userStatsCacheControl);
      expect(headers.get('cdn-cache-control')).toBe('public, s-maxage=3600, stale-while-revalidate=7200');
      expect(headers.get('cdn-cache-control')).toBe(userStatsCdnCacheControl);
      expect(headers.get('etag')).toMatch(/^"[\w-]+"$/);
      const parsed = userStatsResponseSchema.parse(body);
      expect(parsed).toMatchObject({ cached: true, stale: false, refreshFailedAt: null, subject: alice });
      expect(parsed.calculatedAt).toBe('2025-06-15T09:00:00.000Z');
    }
  });

  it('answers an If-None-Match that still matches with a bodiless 304, like the server', async () => {
    serve();
    for (const path of ['/user/alice/stats', '/user/alice/stats/history']) {
      const first = await get(path);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      for (const ifNoneMatch of [etag, `W/${etag}`, `"x", ${etag}`, '*']) {
        const response = await fetch(`${base}${path}`, { headers: { 'if-none-match': ifNoneMatch } });
        expect({ path, ifNoneMatch, status: response.status }).toEqual({ path, ifNoneMatch, status: 304 });
        expect(await response.text()).toBe('');
        expect(response.headers.get('etag')).toBe(etag);
        expect(response.headers.get('cache-control')).toBe('no-cache');
      }
      const other = await fetch(`${base}${path}`, { headers: { 'if-none-match': '"x"' } });
      expect(other.status).toBe(200);
    }
    // A 202 is never cached and has no ETag.
    serve({ scenario: 'pending' });
    const pending = await get('/user/alice/stats');
    expect(pending.status).toBe(202);
    expect(pending.headers.get('cache-control')).toBe('no-store');
    expect(pending.headers.get('etag')).toBeNull();
  });

  it('serves any other address as a subject of its own', async () => {
    serve();
    const address = '0x00000000000000000000000000000000000000aa';
    const { body } = await get(`/user/${address}/stats`);
    expect(userStatsResponseSchema.parse(body).subject).toMatchObject({
      kind: 'address',
      userId: null,
      addresses: [address],
    });
  });

  it('answers 400 naming the identifier for a malformed one, and 404 for an unknown username', async () => {
    serve();
    const bad = await get('/user/0x123/stats');
    expect(bad.status).toBe(400);
    const error = errorBodySchema.parse(bad.body).error;
    expect(error.code).toBe('invalid_request');
    expect(error.details?.fields?.identifier?.[0]).toMatch(/address/);

    const missing = await get('/user/nobody/stats');
    expect(missing.status).toBe(404);
    expect(errorBodySchema.parse(missing.body).error.code).toBe('not_found');
  });

  it('pending: answers 202 with zeros, null percentiles and Retry-After, then 200; reset starts over', async () => {
    const mocks = serve({ scenario: 'pending', pendingResponses: 2, retryAfterSeconds: 3 });
    for (let i = 0; i < 2; i += 1) {
      const { status, headers, body } = await get('/user/alice/stats');
      expect(status).toBe(202);
      expect(headers.get('retry-after')).toBe('3');
      const parsed = userStatsResponseSchema.parse(body);
      expect(parsed).toMatchObject({
        cached: false,
        stale: false,
        calculatedAt: null,
        retryAfterSeconds: 3,
        stats: emptyUserStats(),
      });
      expect(statsMetrics.every((metric) => parsed.percentiles[metric] === null)).toBe(true);
    }
    expect((await get('/user/alice/stats')).status).toBe(200);
    mocks.reset();
    expect((await get('/user/alice/stats')).status).toBe(202);
  });

  it('is read by the client as pending on a 202 and as ready on a 200', async () => {
    serve({ scenario: 'pending', pendingResponses: 1, retryAfterSeconds: 4 });
    const first = await getUserStats(client(), 'alice');
    expect(first).toMatchObject({ status: 202, pending: true, retryAfterSeconds: 4 });
    const second = await getUserStats(client(), 'alice');
    expect(second).toMatchObject({ status: 200, pending: false, retryAfterSeconds: null });
    expect(second.data.stats.sales.count).toBe(42);
  });

  it.each([
    [
      'empty',
      (body: ReturnType<typeof createUserStatsFixture>) => expect(body.stats).toEqual(emptyUserStats()),
    ],
    ['stale', (body: ReturnType<typeof createUserStatsFixture>) => expect(body.stale).toBe(true)],
    [
      'refreshFailed',
      (body: ReturnType<typeof createUserStatsFixture>) => expect(body.refreshFailedAt).not.toBeNull(),
    ],
    [
      'largeNumbers',
      (body: ReturnType<typeof createUserStatsFixture>) =>
        expect(BigInt(body.stats.sales.volumeWei) > 10n ** 29n).toBe(true),
    ],
  ] as const)('serves the %s scenario', async (scenario, check) => {
    serve({ scenario });
    const { status, body } = await get('/user/alice/stats');
    expect(status).toBe(200);
    check(userStatsResponseSchema.parse(body));
  });

  it('serves a given body, fails in the error scenario, then recovers after errorCount', async () => {
    serve({ userStats: createUserStatsFixture({ stats: { offers: { made: 99 } } }) });
    expect(userStatsResponseSchema.parse((await get('/user/alice/stats')).body).stats.offers.made).toBe(99);
    server.resetHandlers();
    serve({ scenario: 'error', errorCount: 1 });
    expect((await get('/user/alice/stats')).status).toBe(500);
    expect((await get('/user/alice/stats')).status).toBe(200);
  });
});

describe('GET /user/:identifier/stats/history', () => {
  it('answers every UTC day of the last 90 by default, zeros on quiet days', async () => {
    serve();
    const history = await getUserStatsHistory(client(), 'alice');
    expect(statsHistoryResponseSchema.safeParse(history).success).toBe(true);
    expect(history).toMatchObject({ from: '2025-03-18', to: '2025-06-15' });
    expect(history.days).toHaveLength(90);
    expect(history.days.some((day) => day.salesCount === 0 && day.salesVolumeWei === '0')).toBe(true);
    expect(history.days.some((day) => day.salesCount > 0)).toBe(true);
  });

  it('keeps a day the same whatever range it is asked in, and refuses bad ranges', async () => {
    serve();
    const wide = await getUserStatsHistory(client(), 'alice', { from: '2025-06-01', to: '2025-06-10' });
    const narrow = await getUserStatsHistory(client(), 'alice', { from: '2025-06-05', to: '2025-06-05' });
    expect(narrow.days).toEqual([wide.days[4]]);
    expect((await get('/user/alice/stats/history?from=2025-06-10&to=2025-06-01')).status).toBe(400);
    expect((await get('/user/alice/stats/history?from=2020-01-01&to=2025-06-01')).status).toBe(400);
    expect((await get('/user/alice/stats/history?from=2025-02-30')).status).toBe(400);
  });

  it('is all zeros in the empty scenario', async () => {
    serve({ scenario: 'empty' });
    const history = await getUserStatsHistory(client(), 'alice');
    expect(history.days.every((day) => day.salesCount === 0 && day.purchasesCount === 0)).toBe(true);
  });
});

describe('GET /stats/leaders', () => {
  it('answers the metric and limit asked for, and 400 for a bad one', async () => {
    serve();
    const top = await getStatsLeaders(client(), { metric: 'trades', limit: 5 });
    expect(top.metric).toBe('trades');
    expect(top.leaders).toHaveLength(5);
    expect(top.total).toBe(24);
    expect((await get('/stats/leaders?limit=500')).status).toBe(400);
    expect((await get('/stats/leaders?metric=nope')).status).toBe(400);
  });

  it('has nobody to rank in the empty scenario', async () => {
    serve({ scenario: 'empty' });
    expect(await getStatsLeaders(client())).toMatchObject({ leaders: [], total: 0, updatedAt: null });
  });
});

describe('GET /user/:identifier/transactions.csv', () => {
  it('downloads a CSV attachment at the URL the client builds', async () => {
    serve();
    const url = userTransactionsCsvUrl(client(), 'alice');
    expect(url).toBe(`${base}/user/alice/transactions.csv`);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="alice-transactions.csv"');
    const lines = (await response.text()).trim().split('\r\n');
    // The server's columns, from the contract, and a row for every one of them.
    expect(lines[0]).toBe(transactionsCsvColumns.join(','));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.split(',')).toHaveLength(transactionsCsvColumns.length);
    expect((await get('/user/nobody/transactions.csv')).status).toBe(404);
  });
});

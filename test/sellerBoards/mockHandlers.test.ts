// @vitest-environment jsdom
// (the handlers resolve their default relative base URL against the page, as in a browser)
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/shared/createApiClient.js';
import { getLeaderboard, type LeaderboardParams } from '../../src/shared/leaderboardApi.js';
import { getSellerDashboard } from '../../src/sellerBoards/dashboardApi.js';
import { errorBodySchema } from '../../src/shared/errors.js';
import { sellerDashboardSchema } from '../../src/sellerBoards/contract.js';
import { leaderboardResponseSchema, type LeaderboardResponse } from '../../src/shared/leaderboard.js';
import {
  createLeaderboardFixture,
  createLeaderboardSellers,
  createSellerDashboardFixture,
  leaderboardCurrentUserId,
  type LeaderboardSeller,
} from '../../mocks/index.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const now = new Date('2025-06-15T12:00:00.000Z');
const { server, serve } = setupMswServer({ mocks: { now } });
const base = new URL('/api', globalThis.location.href).href;
const client = createApiClient({ baseUrl: base });

async function board(params: LeaderboardParams<'sellers'> = {}, etag?: string | null) {
  const result = await getLeaderboard(client, 'sellers', params, { etag });
  if (result.notModified) throw new Error('unexpected 304');
  return result;
}

/** Sellers with chosen monthly sales; everything else zero. */
function sellersWith(values: Record<string, number>, reachedAt: Record<string, string> = {}): LeaderboardSeller[] {
  return Object.entries(values).map(([userId, value]) => ({
    userId,
    displayName: userId.toUpperCase(),
    avatarUrl: null,
    values: { 'sales:month': value, 'sales:all-time': value, 'views:month': 0, 'views:all-time': 0 },
    reachedAt: {
      'sales:month': reachedAt[userId] ?? '2025-06-01T00:00:00.000Z',
      'sales:all-time': '2025-06-01T00:00:00.000Z',
      'views:month': '2025-06-01T00:00:00.000Z',
      'views:all-time': '2025-06-01T00:00:00.000Z',
    },
    activeListings: 1,
    earnings: { month: [], allTime: [] },
  }));
}

describe('leaderboard mocks', () => {
  it('serves a contract-valid board with an ETag, ranked best first, month period in UTC', async () => {
    serve();
    const { data, etag } = await board({ limit: 5 });
    expect(leaderboardResponseSchema.parse(data)).toEqual(data);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(data).toMatchObject({ board: 'sellers', metric: 'sales', ties: 'standard', offset: 0, limit: 5 });
    expect(data.period).toEqual({
      kind: 'month',
      month: '2025-06',
      start: '2025-06-01T00:00:00.000Z',
      end: '2025-07-01T00:00:00.000Z',
    });
    expect(data.entries).toHaveLength(5);
    const values = data.entries.map((entry) => entry.value);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    // Sellers with no sales this month are not ranked.
    expect(data.total).toBeLessThan(24);
    expect(data.updatedAt).not.toBeNull();
  });

  it('answers a bodiless 304 to a matching If-None-Match, and 200 once the board changed', async () => {
    const mocks = serve();
    const first = await board({ limit: 10 });
    const again = await getLeaderboard(client, 'sellers', { limit: 10 }, { etag: first.etag });
    expect(again).toEqual({ notModified: true });

    const raw = await fetch(`${base}/leaderboards/sellers?limit=10`, { headers: { 'If-None-Match': first.etag! } });
    expect(raw.status).toBe(304);
    expect(await raw.text()).toBe('');
    expect(raw.headers.get('etag')).toBe(first.etag);

    // A different page has its own ETag.
    const other = await getLeaderboard(client, 'sellers', { limit: 5 }, { etag: first.etag });
    expect(other.notModified).toBeFalsy();

    mocks.bumpLeaderboard('u_alice');
    const changed = await board({ limit: 10 }, first.etag);
    expect(changed.etag).not.toBe(first.etag);
  });

  it('ranks ties by the chosen mode', async () => {
    serve({
      leaderboardSellers: sellersWith(
        { a: 10, b: 8, c: 8, d: 5, e: 0 },
        { b: '2025-06-03T00:00:00.000Z', c: '2025-06-02T00:00:00.000Z' },
      ),
    });
    const ranks = async (ties: 'standard' | 'dense' | 'first-reached') =>
      (await board({ ties })).data.entries.map((entry) => `${entry.userId}${entry.rank}`);
    expect(await ranks('standard')).toEqual(['a1', 'c2', 'b2', 'd4']);
    expect(await ranks('dense')).toEqual(['a1', 'c2', 'b2', 'd3']);
    expect(await ranks('first-reached')).toEqual(['a1', 'c2', 'b3', 'd4']);
    expect((await board()).data.total).toBe(4);
  });

  it('pages with limit and offset', async () => {
    serve();
    const all = (await board({ limit: 100 })).data;
    const page = (await board({ limit: 5, offset: 5 })).data;
    expect(page.offset).toBe(5);
    expect(page.entries).toEqual(all.entries.slice(5, 10));
    expect(page.total).toBe(all.total);
  });

  it('centres the page on `around` and reports that user, or null when not on the board', async () => {
    serve();
    const all = (await board({ limit: 100 })).data;
    const index = all.entries.findIndex((entry) => entry.userId === leaderboardCurrentUserId);
    expect(index).toBeGreaterThan(5);
    const page = (await board({ limit: 5, around: leaderboardCurrentUserId, offset: 99 })).data;
    expect(page.offset).toBe(index - 2);
    expect(page.entries[2]!.userId).toBe(leaderboardCurrentUserId);
    expect(page.around).toEqual({
      userId: leaderboardCurrentUserId,
      rank: all.entries[index]!.rank,
      value: all.entries[index]!.value,
    });
    const nobody = (await board({ limit: 5, around: 'nobody' })).data;
    expect(nobody.around).toBeNull();
    expect(nobody.offset).toBe(0);
  });

  it('rejects bad params with the server error shape and named fields', async () => {
    serve();
    const response = await fetch(`${base}/leaderboards/sellers?metric=likes&limit=500`);
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(await response.json());
    expect(Object.keys(body.error.details?.fields ?? {})).toEqual(expect.arrayContaining(['metric', 'limit']));
  });

  it('serves empty, largeNumbers, error and live scenarios', async () => {
    serve({ scenario: 'empty' });
    const empty = (await board()).data;
    expect(empty).toMatchObject({ entries: [], total: 0, updatedAt: null });

    server.resetHandlers();
    serve({ scenario: 'largeNumbers' });
    expect((await board()).data.entries[0]!.value).toBeGreaterThan(1e9);

    server.resetHandlers();
    serve({ scenario: 'error' });
    await expect(getLeaderboard(client, 'sellers')).rejects.toMatchObject({ status: 500 });

    server.resetHandlers();
    serve({ live: true });
    const first = await board({ limit: 100 });
    const rankOf = (data: LeaderboardResponse) => data.entries.find((e) => e.userId === leaderboardCurrentUserId)!.rank;
    const polled = await board({ limit: 100 }, first.etag);
    expect(rankOf(polled.data)).toBeLessThan(rankOf(first.data));
    expect(polled.data.updatedAt).toBe(now.toISOString());
  });

  it('serves seller dashboards that agree with the boards', async () => {
    serve();
    const dashboard = await getSellerDashboard(client, leaderboardCurrentUserId);
    expect(sellerDashboardSchema.parse(dashboard)).toEqual(dashboard);
    const sales = (await board({ around: leaderboardCurrentUserId, limit: 1 })).data.around;
    expect(dashboard.sales.month).toBe(sales?.value);
    expect(dashboard.rank.sales.month).toBe(sales?.rank);
    expect(dashboard.earnings.month.map((money) => money.currency)).toEqual(['USD', 'ETH']);
    expect(dashboard.month).toBe('2025-06');

    const newcomer = await getSellerDashboard(client, 'nobody');
    expect(newcomer).toMatchObject({ activeListings: 0, sales: { month: 0, allTime: 0 }, rank: { sales: { month: null } } });
    const bad = await fetch(`${base}/sellers/${encodeURIComponent('not\u0000a user')}/dashboard`);
    expect(bad.status).toBe(400);
  });

  it('builds fixtures deterministically', () => {
    expect(createLeaderboardFixture({ limit: 3 })).toEqual(createLeaderboardFixture({ limit: 3 }));
    expect(createLeaderboardSellers()).toHaveLength(24);
    expect(createSellerDashboardFixture().sellerId).toBe(leaderboardCurrentUserId);
    expect(createSellerDashboardFixture({}, { activeListings: 3 }).activeListings).toBe(3);
  });
});

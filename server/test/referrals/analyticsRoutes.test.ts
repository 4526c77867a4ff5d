import {
  creatorAnalyticsSchema,
  errorBodySchema,
  leaderboardResponseSchema,
  memberStatsSchema,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import {
  insertClick,
  insertConversion,
  insertCreator,
  insertMember,
  insertShare,
} from './analyticsFixtures.js';

const apiKey = 'analytics-api-key-0123456789';
const cronSecret = 'analytics-cron-secret-0123456789';

describe('referral analytics routes', () => {
  let test: TestDatabase;
  let clock = new Date('2026-11-27T12:00:00.000Z');
  let client: ReturnType<typeof createTestApp>;
  const get = async (path: string, auth: { user?: string; key?: string; cron?: string } = {}, headers = {}) =>
    client.app.request(`/api${path}`, {
      headers: {
        ...headers,
        ...(auth.user ? { authorization: `Bearer ${await client.tokenFor(auth.user)}` } : {}),
        ...(auth.key ? { 'x-api-key': auth.key } : {}),
        ...(auth.cron ? { authorization: `Bearer ${auth.cron}` } : {}),
      },
    });
  const fields = async (response: Response) =>
    Object.keys(errorBodySchema.parse(await response.json()).error.details?.fields ?? {});
  const refresh = async () =>
    expect((await get('/cron/refresh-views', { cron: cronSecret })).status).toBe(200);

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey, cronSecret, now: () => clock });
    const { db } = test;
    // 2024-12-30 is in ISO week 2025-W01: the growth keys must say so.
    await insertCreator(db, 'c1', new Date('2024-12-30T10:00:00Z'));
    await insertMember(db, 'm1', 'c1', 'alice', new Date('2024-12-30T10:00:00Z'));
    await insertMember(db, 'm2', 'c1', 'bob', clock);
    await insertMember(db, 'm3', 'c1', 'carol', clock);
  });
  afterAll(() => test.cleanup());

  it('lets the member (own token) and the API key read the stats, not another user', async () => {
    expect((await get('/members/m1/stats', { user: 'alice' })).status).toBe(200);
    expect((await get('/members/m1/stats', { key: apiKey })).status).toBe(200);
    expect((await get('/members/m1/stats', { user: 'bob' })).status).toBe(403);
    expect((await get('/members/m1/share-analytics', { user: 'bob' })).status).toBe(403);
    expect((await get('/members/m1/stats')).status).toBe(401);
    expect((await get('/members/m1/stats', { key: 'wrong' })).status).toBe(401);
    expect((await get('/members/nobody/stats', { key: apiKey })).status).toBe(404);
    const bad = await get('/members/m%201/stats', { key: apiKey });
    expect(bad.status).toBe(400);
    expect(await fields(bad)).toEqual(['id']);
    const zone = await get('/members/m1/share-analytics?timeZone=Mars/Olympus', { user: 'alice' });
    expect(zone.status).toBe(400);
    expect(await fields(zone)).toEqual(['timeZone']);
    expect((await get('/creators/c1/analytics', { user: 'alice' })).status).toBe(401);
    expect((await get('/creators/none/analytics', { key: apiKey })).status).toBe(404);
    // The community's board is for its members too (what a member's widget shows), not the rest.
    expect((await get('/creators/c1/leaderboard', { user: 'alice' })).status).toBe(200);
    expect((await get('/creators/c1/leaderboard', { user: 'mallory' })).status).toBe(403);
    expect((await get('/creators/c1/leaderboard')).status).toBe(401);
    expect((await get('/creators/none/leaderboard', { user: 'alice' })).status).toBe(404);
    const metric = await get('/creators/c1/leaderboard?metric=clicks&limit=0', { key: apiKey });
    expect(metric.status).toBe(400);
    expect((await fields(metric)).sort()).toEqual(['limit', 'metric']);
  });

  it('counts what happened since the last refresh; the rank waits for the refresh', async () => {
    const before = memberStatsSchema.parse(await (await get('/members/m1/stats', { user: 'alice' })).json());
    expect(before).toMatchObject({ clicks: 0, referrals: 0, rank: null, rankedMembers: 0, asOf: null });
    await insertClick(test.db, 'm1', 'x', clock);
    await insertClick(test.db, 'm1', 'x', clock, false);
    await insertConversion(test.db, {
      creatorId: 'c1',
      memberId: 'm1',
      status: 'approved',
      amount: 50,
      commission: 5.25,
      at: clock,
      refereeUserId: 'r1',
    });
    await insertConversion(test.db, {
      creatorId: 'c1',
      memberId: 'm1',
      status: 'flagged',
      amount: 20,
      commission: 2,
      at: clock,
      refereeUserId: 'r2',
    });
    // The conversion writer calls invalidateReferralAnalytics; plain INSERTs wait out the TTL.
    clock = new Date(clock.getTime() + 61_000);
    const live = memberStatsSchema.parse(await (await get('/members/m1/stats', { key: apiKey })).json());
    expect(live).toMatchObject({
      clicks: 1,
      referrals: 2,
      conversions: 1,
      conversionRate: 1,
      earnings: { amount: 5.25, currency: 'USD' },
      pendingEarnings: { amount: 2, currency: 'USD' },
      rank: null,
      asOf: null,
    });
    await refresh();
    clock = new Date(clock.getTime() + 61_000);
    const ranked = memberStatsSchema.parse(await (await get('/members/m1/stats', { key: apiKey })).json());
    expect(ranked).toMatchObject({
      rank: 1,
      rankedMembers: 1,
      asOf: new Date(clock.getTime() - 61_000).toISOString(),
    });
  });

  it('answers the creator analytics from the views with ISO week-year growth keys', async () => {
    await insertShare(test.db, 'm2', 'email', clock);
    await refresh();
    const body = creatorAnalyticsSchema.parse(
      await (await get('/creators/c1/analytics', { key: apiKey })).json(),
    );
    expect(body).toMatchObject({
      revenue: { amount: 50, currency: 'USD' },
      commissions: { amount: 5.25, currency: 'USD' },
      members: 3,
      activeMembers: 1,
      funnel: { shares: 1, clicks: 1, conversions: 1, clicksPerShare: 1, conversionRate: 1 },
      flagged: 1,
      blocked: 0,
      topMembers: [{ memberId: 'm1', userId: 'alice', referrals: 2, earnings: 5.25 }],
    });
    expect(body.growth).toHaveLength(12);
    expect(body.growth.at(-1)).toMatchObject({
      week: '2026-W48',
      newMembers: 2,
      clicks: 1,
      conversions: 1,
      revenue: 50,
    });
    clock = new Date('2025-01-02T12:00:00Z');
    await refresh();
    const then = creatorAnalyticsSchema.parse(
      await (await get('/creators/c1/analytics', { key: apiKey })).json(),
    );
    expect(then.growth.at(-1)).toMatchObject({ week: '2025-W01', newMembers: 1 });
    expect(then.growth[0]!.week).toBe('2024-W42');
    clock = new Date('2026-11-27T12:05:00.000Z');
  });

  it('serves the referrers board with an ETag, 304 until the next refresh', async () => {
    await insertConversion(test.db, {
      creatorId: 'c1',
      memberId: 'm2',
      status: 'approved',
      amount: 10,
      commission: 9,
      at: clock,
      refereeUserId: 'r9',
    });
    await insertConversion(test.db, {
      creatorId: 'c1',
      memberId: 'm3',
      status: 'approved',
      amount: 10,
      commission: 1,
      at: clock,
      refereeUserId: 'r8',
    });
    await refresh();
    const first = await get('/creators/c1/leaderboard?limit=2', { key: apiKey });
    const etag = first.headers.get('etag')!;
    const board = leaderboardResponseSchema.parse(await first.json());
    expect(board).toMatchObject({
      board: 'referrers',
      metric: 'referrals',
      total: 3,
      limit: 2,
      ties: 'standard',
    });
    expect(board.entries.map((e) => [e.rank, e.userId, e.value])).toEqual([
      [1, 'alice', 2],
      [2, 'bob', 1],
    ]);
    const earnings = leaderboardResponseSchema.parse(
      await (await get('/creators/c1/leaderboard?metric=earnings&offset=1', { key: apiKey })).json(),
    );
    expect(earnings.entries.map((e) => [e.rank, e.userId, e.value])).toEqual([
      [2, 'alice', 5.25],
      [3, 'carol', 1],
    ]);
    expect(
      (await get('/creators/c1/leaderboard?limit=2', { key: apiKey }, { 'if-none-match': etag })).status,
    ).toBe(304);
    // A new conversion changes nothing on the board until a refresh; then the tag changes.
    await insertConversion(test.db, {
      creatorId: 'c1',
      memberId: 'm3',
      status: 'approved',
      amount: 10,
      commission: 1,
      at: clock,
      refereeUserId: 'r7',
    });
    expect(
      (await get('/creators/c1/leaderboard?limit=2', { key: apiKey }, { 'if-none-match': etag })).status,
    ).toBe(304);
    clock = new Date(clock.getTime() + 1_000);
    await refresh();
    const after = await get('/creators/c1/leaderboard?limit=2', { key: apiKey }, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(
      leaderboardResponseSchema.parse(await after.json()).entries.map((e) => [e.rank, e.userId]),
    ).toEqual([
      [1, 'alice'],
      [1, 'carol'],
    ]);
  });
});

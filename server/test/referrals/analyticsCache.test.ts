import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { memberStatsSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyticsCache } from '../../src/referrals/analytics/analyticsCache.js';
import { createTestApp } from '../helpers/testApp.js';
import { recordingDatabase } from '../helpers/recordingDatabase.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../helpers/testDatabase.js';
import { insertConversion, insertCreator, insertMember } from './analyticsFixtures.js';

const apiKey = 'cache-api-key-0123456789';
const prefix = `podium-test:${randomBytes(4).toString('hex')}:`;

describe.each([
  { kind: 'memory', redisUrl: undefined },
  ...(testRedisUrl ? [{ kind: 'redis', redisUrl: testRedisUrl }] : []),
])('referral analytics cache ($kind)', ({ redisUrl }) => {
  let test: TestDatabase;
  let redis: Redis | undefined;
  const clock = new Date('2026-11-27T12:00:00.000Z');
  let client: ReturnType<typeof createTestApp>;
  const stats = async () =>
    memberStatsSchema.parse(
      await (await client.app.request('/api/members/m1/stats', { headers: { 'x-api-key': apiKey } })).json(),
    );

  beforeAll(async () => {
    test = await createTestDatabase();
    redis = redisUrl ? new Redis(redisUrl) : undefined;
    // A run prefix of its own, so runs (and Postgres/PGlite suites) sharing one Redis never meet.
    const scoring = redis ? { redis: { client: redis, prefix: `${prefix}app:` } } : undefined;
    client = createTestApp(test.db, {
      apiKey,
      now: () => clock,
      trustProxy: true,
      ...(scoring ? { scoring } : {}),
    });
    await insertCreator(test.db, 'c1', clock);
    await insertMember(test.db, 'm1', 'c1', 'alice', clock);
  });
  afterAll(async () => {
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    await test.cleanup();
  });

  it("answers a member's repeated poll without a statement: a member's user never changes", async () => {
    const log: string[] = [];
    const recorded = createTestApp(recordingDatabase(test.db, log), { apiKey, now: () => clock });
    const poll = async (userId: string) =>
      recorded.app.request('/api/members/m1/stats', {
        headers: { authorization: `Bearer ${await recorded.tokenFor(userId)}` },
      });
    expect((await poll('alice')).status).toBe(200);
    log.length = 0;
    expect((await poll('alice')).status).toBe(200);
    expect(log).toEqual([]);
    // Known, the member is still only its own user's.
    expect((await poll('bob')).status).toBe(403);
  });

  it('serves a cached answer until a share or a counted click invalidates it', async () => {
    expect((await stats()).conversions).toBe(0);
    // A plain INSERT does not invalidate: the cached answer stands (a hit).
    await insertConversion(test.db, {
      creatorId: 'c1',
      memberId: 'm1',
      status: 'approved',
      amount: 5,
      commission: 1,
      at: clock,
    });
    expect((await stats()).conversions).toBe(0);
    const share = await client.app.request('/api/shares', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await client.tokenFor('alice')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ memberId: 'm1', platform: 'x' }),
    });
    expect(share.status).toBe(201);
    expect((await stats()).conversions).toBe(1);

    const [{ referral_code: code } = { referral_code: '' }] = await test.db.query<{ referral_code: string }>(
      "SELECT referral_code FROM podium_referral_members WHERE id = 'm1'",
    );
    const click = await client.app.request(`/api/r/${code}`, {
      headers: { 'user-agent': 'Mozilla/5.0 Chrome/120', 'x-forwarded-for': '203.0.113.5' },
    });
    expect(click.status).toBe(302);
    expect((await stats()).clicks).toBe(1);
  });

  it('expires entries after their TTL, shares invalidation between instances, and counts hits', async () => {
    let nowMs = 0;
    const options = {
      redis: redis ? { client: redis, prefix: `${prefix}unit:` } : undefined,
      nowMs: () => nowMs,
    };
    const one = createAnalyticsCache(options);
    const other = redis ? createAnalyticsCache(options) : one;
    let loads = 0;
    const load = async () => (loads += 1);
    expect(await one.read({ memberId: 'a' }, 'k', 60_000, load)).toBe(1);
    expect(await other.read({ memberId: 'a' }, 'k', 60_000, load)).toBe(1);
    await other.invalidate({ memberId: 'a' });
    expect(await one.read({ memberId: 'a' }, 'k', 60_000, load)).toBe(2);
    // Another member's and creator's entries are untouched by it.
    expect(await one.read({ creatorId: 'a' }, 'k', 60_000, load)).toBe(3);
    await one.invalidate({ memberId: 'b', creatorId: 'b' });
    expect(await one.read({ creatorId: 'a' }, 'k', 60_000, load)).toBe(3);
    expect(one.stats()).toMatchObject({ hits: redis ? 1 : 2, misses: 3, errors: 0 });
    if (!redis) {
      nowMs += 60_001;
      expect(await one.read({ creatorId: 'a' }, 'k', 60_000, load)).toBe(4);
    }
  });

  it('warns in health when the hit rate is low over enough lookups', async () => {
    const check = async () =>
      (
        (await (await client.app.request('/api/health')).json()) as {
          checks: Record<string, Array<{ status: string; output?: string; details?: unknown }>>;
        }
      ).checks['referralAnalyticsCache:hitRate']![0]!;
    // The figures are there while it passes too, for a dashboard to plot.
    const before = await check();
    expect(before).toMatchObject({
      status: 'pass',
      details: { store: redis ? 'redis' : 'memory', errors: 0 },
    });
    const { lookups, hits } = before.details as { lookups: number; hits: number };
    // A new query string is a key of its own: one miss, then one hit.
    for (let i = 0; i < 2; i += 1)
      await client.app.request('/api/members/m1/share-analytics?timeZone=Asia/Tokyo', {
        headers: { 'x-api-key': apiKey },
      });
    const after = (await check()).details as { lookups: number; hits: number; hitRate: number };
    expect(after).toMatchObject({ lookups: lookups + 2, hits: hits + 1 });
    expect(after.hitRate).toBeCloseTo((hits + 1) / (lookups + 2), 3);
    // Every time zone is a key of its own: 100 misses.
    const zones = Intl.supportedValuesOf('timeZone').slice(0, 100);
    for (const zone of zones)
      await client.app.request(`/api/members/m1/share-analytics?timeZone=${zone}`, {
        headers: { 'x-api-key': apiKey },
      });
    expect(await check()).toMatchObject({
      status: 'warn',
      output: expect.stringMatching(/^hit rate \d+ % of \d+ lookups$/),
    });
  });
});

import {
  computeUserStats,
  emptyUserStats,
  errorBodySchema,
  statsMetrics,
  userStatsResponseSchema,
  type PurchaseRecord,
  type UserStats,
} from 'podium-kit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { createUserStatsRoutes } from '../../src/userStats/userStatsRoutes.js';
import { forgetUserStats } from '../../src/userStats/userStatsVersion.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const apiKey = 'podium-test-api-key';
const eth = '0x0000000000000000000000000000000000000000';
const hourMs = 3_600_000;
const address = (digit: string) => `0x${digit.repeat(40)}`;

/** Stats of a seller with one ETH sale of `wei` per entry of `sales` to distinct buyers. */
function sellerStats(seller: string, sales: readonly bigint[]): UserStats {
  const records: PurchaseRecord[] = sales.map((amount, i) => ({
    id: `${seller}-${i}`,
    listingId: `${seller}-l${i}`,
    buyer: `0x${String(i).padStart(40, 'f')}`,
    seller,
    erc20: eth,
    amount,
    count: 1,
    timestamp: new Date(Date.UTC(2025, 0, 1 + i)),
  }));
  return computeUserStats(
    { listings: [], sales: records, purchases: [], bids: [], offersMade: [], offersReceived: [] },
    [seller],
  );
}

/** Inserts a cached row the way the sync would: the JSON plus its ranked columns. */
async function insertStatsRow(
  db: Database,
  subject: string,
  stats: UserStats,
  calculatedAt: Date,
  extra: { userId?: string; addresses?: string[]; refreshFailedAt?: Date } = {},
) {
  await db.query(
    `INSERT INTO podium_user_stats (subject, user_id, addresses, stats, sales_volume, sales_count, unique_buyers,
       purchases_volume, purchases_count, unique_sellers, bids_placed, bids_won, offers_made, listings_created,
       trades, calculated_at, refresh_failed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      subject,
      extra.userId ?? null,
      extra.addresses ?? [subject],
      JSON.stringify(stats),
      stats.sales.volumeWei,
      stats.sales.count,
      stats.sales.uniqueBuyers,
      stats.purchases.volumeWei,
      stats.purchases.count,
      stats.purchases.uniqueSellers,
      stats.bids.placed,
      stats.bids.won,
      stats.offers.made,
      stats.listings.created,
      stats.sales.count + stats.purchases.count,
      calculatedAt,
      extra.refreshFailedAt ?? null,
    ],
  );
  // A writer in this process forgets the stats version it changed, as the sync does.
  forgetUserStats(db);
}

/** A raw change of cached rows, made known to this process like {@link insertStatsRow}'s. */
async function changeStats(db: Database, sql: string, params: unknown[]) {
  await db.query(sql, params);
  forgetUserStats(db);
}

const queueRows = async (db: Database) =>
  (await db.query<{ subject: string }>('SELECT subject FROM podium_stats_queue ORDER BY subject')).map(
    (row) => row.subject,
  );

describe('GET /api/user/:identifier/stats', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  let clock = new Date('2025-06-01T12:00:00.000Z');
  const [w1, w2] = [address('1'), address('2')];
  const aliceStats = sellerStats(w1, [10n ** 18n, 2n * 10n ** 18n]);

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey, now: () => clock });
    const response = await client.app.request('/api/users/u-alice', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({
        username: 'Alice',
        displayName: 'Alice A.',
        avatarUrl: 'https://example.com/alice.png',
        wallets: [w2, w1],
      }),
    });
    expect(response.status).toBe(201);
    await insertStatsRow(test.db, 'user:u-alice', aliceStats, new Date(clock.getTime() - hourMs), {
      userId: 'u-alice',
      addresses: [w1, w2],
    });
  });
  afterAll(() => test.cleanup());
  beforeEach(async () => {
    clock = new Date('2025-06-01T12:00:00.000Z');
    await test.db.exec('DELETE FROM podium_stats_queue');
  });

  const get = (identifier: string) => client.app.request(`/api/user/${encodeURIComponent(identifier)}/stats`);

  it.each(['u-alice', 'alice', 'ALICE', w1, w1.toUpperCase().replace('0X', '0x'), w2])(
    'finds the user by %s and answers the cached stats with cache headers',
    async (identifier) => {
      const response = await get(identifier);
      expect(response.status).toBe(200);
      // CDNs cache (they read CDN-Cache-Control); browsers revalidate every time, by ETag.
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('cdn-cache-control')).toBe(
        'public, s-maxage=3600, stale-while-revalidate=7200',
      );
      expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
      const body = userStatsResponseSchema.parse(await response.json());
      expect(body).toMatchObject({
        subject: {
          kind: 'user',
          userId: 'u-alice',
          username: 'Alice',
          displayName: 'Alice A.',
          avatarUrl: 'https://example.com/alice.png',
          addresses: [w1, w2],
        },
        stats: aliceStats,
        cached: true,
        stale: false,
        calculatedAt: '2025-06-01T11:00:00.000Z',
        refreshFailedAt: null,
      });
      expect(body.stats.sales.volumeWei).toBe('3000000000000000000');
      // Alone in the population: first of one on what she has, null on what she has not.
      expect(body.percentiles.salesVolume).toEqual({ rank: 1, of: 1, topPercent: 100 });
      expect(body.percentiles.purchasesCount).toBeNull();
      expect(body.retryAfterSeconds).toBeUndefined();
      expect(await queueRows(test.db)).toEqual([]);
    },
  );

  it('answers a matching If-None-Match (also weak, in a list, or *) with a bodiless 304', async () => {
    const first = await get('u-alice');
    const etag = first.headers.get('etag')!;
    // The same figures asked by another identifier are the same representation.
    expect((await get('alice')).headers.get('etag')).toBe(etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await client.app.request('/api/user/u-alice/stats', {
        headers: { 'if-none-match': ifNoneMatch },
      });
      expect({ ifNoneMatch, status: response.status }).toEqual({ ifNoneMatch, status: 304 });
      expect(await response.text()).toBe('');
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('cdn-cache-control')).toBe(
        'public, s-maxage=3600, stale-while-revalidate=7200',
      );
    }
    const stale = await client.app.request('/api/user/u-alice/stats', {
      headers: { 'if-none-match': '"other"' },
    });
    expect(stale.status).toBe(200);
    userStatsResponseSchema.parse(await stale.json());
  });

  it('changes the ETag when the stats row changes', async () => {
    const before = (await get('u-alice')).headers.get('etag');
    await changeStats(
      test.db,
      `UPDATE podium_user_stats SET calculated_at = $1 WHERE subject = 'user:u-alice'`,
      [new Date(clock.getTime() - hourMs / 2)],
    );
    const after = await client.app.request('/api/user/u-alice/stats', {
      headers: { 'if-none-match': before! },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    expect(userStatsResponseSchema.parse(await after.json()).calculatedAt).toBe('2025-06-01T11:30:00.000Z');
    await changeStats(
      test.db,
      `UPDATE podium_user_stats SET calculated_at = $1 WHERE subject = 'user:u-alice'`,
      [new Date(clock.getTime() - hourMs)],
    );
  });

  it('answers 202 for a valid address with no user and no stats, then 200 once a row exists', async () => {
    const bare = address('9');
    const pending = await get(bare.toUpperCase().replace('0X', '0x'));
    expect(pending.status).toBe(202);
    expect(pending.headers.get('retry-after')).toBe('5');
    expect(pending.headers.get('cache-control')).toBe('no-store');
    expect(pending.headers.get('cdn-cache-control')).toBeNull();
    expect(pending.headers.get('etag')).toBeNull();
    const body = userStatsResponseSchema.parse(await pending.json());
    expect(body).toEqual({
      subject: {
        kind: 'address',
        userId: null,
        username: null,
        displayName: null,
        avatarUrl: null,
        addresses: [bare],
      },
      stats: emptyUserStats(),
      percentiles: Object.fromEntries(statsMetrics.map((metric) => [metric, null])),
      cached: false,
      stale: false,
      calculatedAt: null,
      refreshFailedAt: null,
      retryAfterSeconds: 5,
    });
    expect(await queueRows(test.db)).toEqual([bare]);

    await insertStatsRow(test.db, bare, emptyUserStats(), clock);
    const ready = await get(bare);
    expect(ready.status).toBe(200);
    expect(userStatsResponseSchema.parse(await ready.json())).toMatchObject({
      subject: { kind: 'address', addresses: [bare] },
      cached: true,
      calculatedAt: clock.toISOString(),
    });
  });

  it('answers 404 for an unknown username and 400 naming identifier for malformed ones', async () => {
    const missing = await get('nobody');
    expect(missing.status).toBe(404);
    const notFound = errorBodySchema.parse(await missing.json()).error;
    expect(notFound.code).toBe('not_found');
    expect(notFound.message).toContain('nobody');
    for (const malformed of ['0x123', 'bad\u0000id', 'x'.repeat(256)]) {
      const response = await get(malformed);
      expect(response.status).toBe(400);
      const error = errorBodySchema.parse(await response.json()).error;
      expect(Object.keys((error.details as { fields: object }).fields)).toEqual(['identifier']);
    }
    expect(await queueRows(test.db)).toEqual([]);
  });

  it('flags stats older than the stale age and queues a refresh; a failed refresh is reported', async () => {
    clock = new Date(clock.getTime() - hourMs + 24 * hourMs);
    const fresh = userStatsResponseSchema.parse(await (await get('alice')).json());
    expect(fresh.stale).toBe(false);
    expect(await queueRows(test.db)).toEqual([]);

    clock = new Date(clock.getTime() + 1);
    const stale = await get('alice');
    expect(stale.status).toBe(200);
    expect(userStatsResponseSchema.parse(await stale.json()).stale).toBe(true);
    expect(await queueRows(test.db)).toEqual(['user:u-alice']);

    const failedAt = new Date('2025-06-01T11:30:00.000Z');
    await changeStats(test.db, 'UPDATE podium_user_stats SET refresh_failed_at = $1 WHERE subject = $2', [
      failedAt,
      'user:u-alice',
    ]);
    expect(userStatsResponseSchema.parse(await (await get('alice')).json()).refreshFailedAt).toBe(
      failedAt.toISOString(),
    );
  });

  it('honours a configured stale age', async () => {
    const strict = createTestApp(test.db, { now: () => clock, statsStaleAfterMs: hourMs - 1 });
    const body = userStatsResponseSchema.parse(
      await (await strict.app.request('/api/user/alice/stats')).json(),
    );
    expect(body.stale).toBe(true);
  });

  it('queues a burst of 100 concurrent requests for a new subject exactly once', async () => {
    const fresh = address('7');
    const statuses = await Promise.all(Array.from({ length: 100 }, async () => (await get(fresh)).status));
    expect(new Set(statuses)).toEqual(new Set([202]));
    expect(await queueRows(test.db)).toEqual([fresh]);
  });

  it('takes retryAfterSeconds from the route options', async () => {
    const routes = createUserStatsRoutes({ db: test.db, retryAfterSeconds: 7, now: () => clock });
    const response = await routes.request(`/user/${address('8')}/stats`);
    expect(response.status).toBe(202);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(userStatsResponseSchema.parse(await response.json()).retryAfterSeconds).toBe(7);
  });
});

describe('percentiles', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  const now = new Date('2025-06-01T12:00:00.000Z');
  const eth = (n: number) => BigInt(n) * 10n ** 18n;

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { now: () => now });
    // Sales counts 4, 2, 2, 1, 0, 3 and volumes 9, 5, 5, 1, 0, 0 ETH: ties on both, one subject
    // with nothing, and one whose sales are all zero-value (ranked by count, not by volume).
    const population: Array<[string, bigint[]]> = [
      [address('a'), [eth(3), eth(3), eth(2), eth(1)]],
      [address('b'), [eth(4), eth(1)]],
      [address('c'), [eth(2), eth(3)]],
      [address('d'), [eth(1)]],
      [address('e'), []],
      [address('f'), [0n, 0n, 0n]],
    ];
    for (const [subject, sales] of population) {
      await insertStatsRow(test.db, subject, sellerStats(subject, sales), now);
    }
  });
  afterAll(() => test.cleanup());

  const percentiles = async (subject: string) =>
    userStatsResponseSchema.parse(await (await client.app.request(`/api/user/${subject}/stats`)).json())
      .percentiles;

  it('ranks the top subject first among the non-zero ones', async () => {
    const top = await percentiles(address('a'));
    expect(top.salesCount).toEqual({ rank: 1, of: 5, topPercent: 20 });
    expect(top.salesVolume).toEqual({ rank: 1, of: 4, topPercent: 25 });
    expect(top.trades).toEqual({ rank: 1, of: 5, topPercent: 20 });
    expect(top.purchasesCount).toBeNull();
  });

  it('gives tied subjects the same rank, and the next one the rank after the tie', async () => {
    expect((await percentiles(address('b'))).salesVolume).toEqual({ rank: 2, of: 4, topPercent: 50 });
    expect((await percentiles(address('c'))).salesVolume).toEqual({ rank: 2, of: 4, topPercent: 50 });
    // Counts 4, 3, 2, 2, 1: b and c share rank 3, d is 5th of 5.
    expect((await percentiles(address('b'))).salesCount).toEqual({ rank: 3, of: 5, topPercent: 60 });
    expect((await percentiles(address('d'))).salesCount).toEqual({ rank: 5, of: 5, topPercent: 100 });
    expect((await percentiles(address('d'))).salesVolume).toEqual({ rank: 4, of: 4, topPercent: 100 });
  });

  it('is null on every metric whose own value is zero', async () => {
    expect(Object.values(await percentiles(address('e')))).toEqual(statsMetrics.map(() => null));
    const zeroValue = await percentiles(address('f'));
    expect(zeroValue.salesVolume).toBeNull();
    expect(zeroValue.salesCount).toEqual({ rank: 2, of: 5, topPercent: 40 });
  });
});

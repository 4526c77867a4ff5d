import {
  computeUserStats,
  errorBodySchema,
  jobStatsResponseSchema,
  statsLeadersResponseSchema,
  type PurchaseRecord,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const apiKey = 'podium-test-api-key';
const eth = '0x0000000000000000000000000000000000000000';
const address = (digit: string) => `0x${digit.repeat(40)}`;
const wei = (n: number) => BigInt(n) * 10n ** 18n;

/**
 * A cached row as the sync writes it: `sales` are the subject's ETH sales (one per amount),
 * `purchases` how many purchases it made; JSON from `computeUserStats`, columns from the JSON.
 */
async function insertStatsRow(
  db: Database,
  subject: string,
  wallets: string[],
  activity: { sales: bigint[]; purchases: number },
  calculatedAt: string,
) {
  const [own] = wallets as [string];
  const record = (i: number, seller: string, buyer: string, amount: bigint): PurchaseRecord => ({
    id: `${subject}-${seller === own ? 's' : 'p'}${i}`,
    listingId: `${subject}-l${i}`,
    buyer,
    seller,
    erc20: eth,
    amount,
    count: 1,
    timestamp: new Date('2025-01-01T00:00:00Z'),
  });
  const stats = computeUserStats(
    {
      listings: [],
      sales: activity.sales.map((amount, i) => record(i, own, address('f'), amount)),
      purchases: Array.from({ length: activity.purchases }, (_, i) => record(i, address('e'), own, 1n)),
      bids: [],
      offersMade: [],
      offersReceived: [],
    },
    wallets,
  );
  await db.query(
    `INSERT INTO podium_user_stats (subject, user_id, addresses, stats, sales_volume, sales_count, unique_buyers,
       purchases_volume, purchases_count, unique_sellers, trades, calculated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      subject,
      subject.startsWith('user:') ? subject.slice(5) : null,
      wallets,
      JSON.stringify(stats),
      stats.sales.volumeWei,
      stats.sales.count,
      stats.sales.uniqueBuyers,
      stats.purchases.volumeWei,
      stats.purchases.count,
      stats.purchases.uniqueSellers,
      stats.sales.count + stats.purchases.count,
      calculatedAt,
    ],
  );
}

describe('GET /api/stats/leaders', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey });
  });
  afterAll(() => test.cleanup());

  const leaders = async (query = '') => {
    const response = await client.app.request(`/api/stats/leaders${query}`);
    expect(response.status).toBe(200);
    return statsLeadersResponseSchema.parse(await response.json());
  };
  const fieldsOf = async (response: Response) =>
    Object.keys(
      (errorBodySchema.parse(await response.json()).error.details as { fields: Record<string, unknown> })
        .fields,
    );

  it('answers an empty board before any stats exist', async () => {
    expect(await leaders()).toEqual({ metric: 'salesVolume', leaders: [], total: 0, updatedAt: null });
  });

  describe('with a population', () => {
    beforeAll(async () => {
      const put = await client.app.request('/api/users/u-top', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({
          username: 'Top',
          displayName: 'Top Seller',
          avatarUrl: 'https://example.com/top.png',
          wallets: [address('2'), address('1')],
        }),
      });
      expect(put.status).toBe(201);
      // Sales volumes 9, 5, 5, 1, 0 ETH; purchases 0, 3, 1, 0, 2. The zero-volume subject has the
      // newest calculation: it is not ranked by volume, so it must not move updatedAt.
      await insertStatsRow(
        test.db,
        'user:u-top',
        [address('1'), address('2')],
        { sales: [wei(4), wei(5)], purchases: 0 },
        '2025-05-01T00:00:00Z',
      );
      await insertStatsRow(
        test.db,
        address('b'),
        [address('b')],
        { sales: [wei(5)], purchases: 3 },
        '2025-05-03T00:00:00Z',
      );
      await insertStatsRow(
        test.db,
        address('a'),
        [address('a')],
        { sales: [wei(2), wei(3)], purchases: 1 },
        '2025-05-02T00:00:00Z',
      );
      await insertStatsRow(
        test.db,
        address('c'),
        [address('c')],
        { sales: [wei(1)], purchases: 0 },
        '2025-04-01T00:00:00Z',
      );
      await insertStatsRow(
        test.db,
        address('d'),
        [address('d')],
        { sales: [], purchases: 2 },
        '2025-06-01T00:00:00Z',
      );
    });

    it('ranks by sales volume by default with ties sharing a rank (1, 2, 2, 4)', async () => {
      const board = await leaders();
      expect(board.metric).toBe('salesVolume');
      expect(board.total).toBe(4);
      expect(board.updatedAt).toBe('2025-05-03T00:00:00.000Z');
      expect(board.leaders.map((leader) => [leader.rank, leader.value])).toEqual([
        [1, wei(9).toString()],
        [2, wei(5).toString()],
        [2, wei(5).toString()],
        [4, wei(1).toString()],
      ]);
      expect(board.leaders[0]!.subject).toEqual({
        kind: 'user',
        userId: 'u-top',
        username: 'Top',
        displayName: 'Top Seller',
        avatarUrl: 'https://example.com/top.png',
        addresses: [address('1'), address('2')],
      });
      // Ties in a stable order (the subject key); bare addresses have no profile.
      expect(board.leaders.slice(1).map((leader) => leader.subject)).toEqual(
        ['a', 'b', 'c'].map((digit) => ({
          kind: 'address',
          userId: null,
          username: null,
          displayName: null,
          avatarUrl: null,
          addresses: [address(digit)],
        })),
      );
    });

    it('cuts at the limit but counts every ranked subject in total', async () => {
      const board = await leaders('?limit=2');
      expect(board.leaders.map((leader) => leader.rank)).toEqual([1, 2]);
      expect(board.total).toBe(4);
    });

    it('ranks by another metric, leaving out zeros', async () => {
      const board = await leaders('?metric=purchasesCount&limit=100');
      expect(board.leaders.map((leader) => [leader.rank, leader.value, leader.subject.addresses[0]])).toEqual(
        [
          [1, '3', address('b')],
          [2, '2', address('d')],
          [3, '1', address('a')],
        ],
      );
      expect(board.total).toBe(3);
      expect(board.updatedAt).toBe('2025-06-01T00:00:00.000Z');
      const trades = await leaders('?metric=trades');
      expect(trades.leaders.map((leader) => [leader.rank, leader.value])).toEqual([
        [1, '4'],
        [2, '3'],
        [3, '2'],
        [3, '2'],
        [5, '1'],
      ]);
    });

    it.each([
      ['?metric=bogus', 'metric'],
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=1.5', 'limit'],
    ])('refuses %s naming %s', async (query, field) => {
      const response = await client.app.request(`/api/stats/leaders${query}`);
      expect(response.status).toBe(400);
      expect(await fieldsOf(response)).toEqual([field]);
    });

    it('is public while GET /api/stats (job stats) still needs a user token', async () => {
      const response = await client.app.request('/api/stats/leaders', {
        headers: { authorization: 'Bearer not-a-token' },
      });
      expect(response.status).toBe(200);
      expect((await client.app.request('/api/stats')).status).toBe(401);
      const jobs = await client.getStats('leader-user');
      expect(jobs.status).toBe(200);
      expect(jobStatsResponseSchema.parse(await jobs.json()).jobs).toEqual([]);
    });
  });
});

import { errorBodySchema, leaderboardResponseSchema, sellerDashboardSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardsApiKey as apiKey, jsonRequest } from './sellerBoardsFixtures.js';
import { createTestApp, signTestToken } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

describe('GET /api/sellers/:id/dashboard', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  let clock = new Date('2025-10-01T00:00:00.000Z');

  async function putProduct(
    id: string,
    sellerId: string,
    status: string,
    price: string,
    currency: string,
    at: string,
  ) {
    clock = new Date(at);
    const response = await client.app.request(
      `/api/products/${id}`,
      jsonRequest('PUT', { sellerId, status, price, currency }, { 'x-api-key': apiKey }),
    );
    expect(response.status).toBeLessThan(300);
  }
  async function view(id: string, viewerId: string, at: string) {
    clock = new Date(at);
    expect(
      (await client.app.request(`/api/products/${id}/views`, jsonRequest('POST', { viewerId }))).status,
    ).toBe(200);
  }
  const dashboard = (id: string, headers: Record<string, string>) =>
    client.app.request(`/api/sellers/${id}/dashboard`, { headers });

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey, now: () => clock });
    // September: one sale in ETH. October: two USD sales (one later un-sold), one draft, one active.
    await putProduct('d-1', 'maya', 'sold', '0.1', 'ETH', '2025-09-20T00:00:00.000Z');
    await putProduct('d-2', 'maya', 'sold', '12.50', 'USD', '2025-10-02T00:00:00.000Z');
    await putProduct('d-3', 'maya', 'sold', '0.20', 'ETH', '2025-10-03T00:00:00.000Z');
    await putProduct('d-4', 'maya', 'sold', '7.25', 'USD', '2025-10-04T00:00:00.000Z');
    await putProduct('d-5', 'maya', 'active', '3.00', 'USD', '2025-10-05T00:00:00.000Z');
    await putProduct('d-6', 'maya', 'draft', '3.00', 'USD', '2025-10-05T00:00:00.000Z');
    await putProduct('d-7', 'maya', 'active', '0.000000000000000001', 'ETH', '2025-10-05T00:00:00.000Z');
    await putProduct('d-4', 'maya', 'active', '7.25', 'USD', '2025-10-06T00:00:00.000Z');
    await view('d-1', 'v1', '2025-09-21T00:00:00.000Z');
    await view('d-5', 'v1', '2025-10-07T00:00:00.000Z');
    await view('d-5', 'v2', '2025-10-07T00:00:00.000Z');
    await view('d-6', 'v3', '2025-10-07T00:00:00.000Z'); // a draft: not counted
    // Competitors: one ahead of maya on October sales, one behind on views.
    await putProduct('o-1', 'omar', 'sold', '1', 'USD', '2025-10-08T00:00:00.000Z');
    await putProduct('o-2', 'omar', 'sold', '1', 'USD', '2025-10-08T00:00:00.000Z');
    await putProduct('o-3', 'omar', 'sold', '1', 'USD', '2025-10-08T00:00:00.000Z');
    await view('o-1', 'v1', '2025-10-09T00:00:00.000Z');
    clock = new Date('2025-10-31T23:59:59.999Z');
  });
  afterAll(() => test.cleanup());

  it('refuses anonymous callers, other users (403) and a wrong API key', async () => {
    expect((await dashboard('maya', {})).status).toBe(401);
    const other = await dashboard('maya', { authorization: `Bearer ${await client.tokenFor('omar')}` });
    expect(other.status).toBe(403);
    expect(errorBodySchema.parse(await other.json()).error.code).toBe('forbidden');
    expect((await dashboard('maya', { 'x-api-key': 'wrong' })).status).toBe(401);
    const forged = await signTestToken('maya', { secret: 'another-secret-of-enough-length-0123456789' });
    expect((await dashboard('maya', { authorization: `Bearer ${forged}` })).status).toBe(401);
  });

  it('answers the seller their own figures: listings, views, sales, exact earnings, ranks', async () => {
    const response = await dashboard('maya', { authorization: `Bearer ${await client.tokenFor('maya')}` });
    expect(response.status).toBe(200);
    expect(sellerDashboardSchema.parse(await response.json())).toEqual({
      sellerId: 'maya',
      month: '2025-10',
      activeListings: 3,
      views: { month: 2, allTime: 3 },
      sales: { month: 2, allTime: 3 },
      earnings: {
        month: [
          { currency: 'ETH', amount: '0.20' },
          { currency: 'USD', amount: '12.50' },
        ],
        allTime: [
          { currency: 'ETH', amount: '0.30' },
          { currency: 'USD', amount: '12.50' },
        ],
      },
      rank: { sales: { month: 2, allTime: 1 }, views: { month: 1, allTime: 1 } },
    });
  });

  it('answers the API key for any seller, agreeing with every board it ranks on', async () => {
    for (const seller of ['maya', 'omar']) {
      const headers: Array<Record<string, string>> = [
        { 'x-api-key': apiKey },
        { authorization: `Bearer ${apiKey}` },
      ];
      for (const header of headers) {
        const response = await dashboard(seller, header);
        expect(response.status).toBe(200);
        const mine = sellerDashboardSchema.parse(await response.json());
        for (const metric of ['sales', 'views'] as const) {
          for (const [period, key] of [
            ['month', 'month'],
            ['all-time', 'allTime'],
          ] as const) {
            const board = leaderboardResponseSchema.parse(
              await (
                await client.app.request(
                  `/api/leaderboards/sellers?metric=${metric}&period=${period}&around=${seller}`,
                )
              ).json(),
            );
            expect(board.around?.value ?? 0, `${seller} ${metric} ${period}`).toBe(mine[metric][key]);
            expect(board.around?.rank ?? null, `${seller} ${metric} ${period}`).toBe(mine.rank[metric][key]);
          }
        }
      }
    }
  });

  it('answers zeros for a seller with nothing, and 400 naming `id` for a malformed id', async () => {
    const empty = sellerDashboardSchema.parse(
      await (await dashboard('nobody', { 'x-api-key': apiKey })).json(),
    );
    expect(empty).toMatchObject({
      activeListings: 0,
      views: { month: 0, allTime: 0 },
      sales: { month: 0, allTime: 0 },
      earnings: { month: [], allTime: [] },
      rank: { sales: { month: null, allTime: null }, views: { month: null, allTime: null } },
    });
    const bad = await dashboard('bad%00id', { 'x-api-key': apiKey });
    expect(bad.status).toBe(400);
    expect(
      Object.keys((errorBodySchema.parse(await bad.json()).error.details as { fields: object }).fields),
    ).toEqual(['id']);
  });

  it('counts this month from zero once the clock moves on', async () => {
    clock = new Date('2025-11-01T00:00:00.000Z');
    const november = sellerDashboardSchema.parse(
      await (await dashboard('maya', { 'x-api-key': apiKey })).json(),
    );
    expect(november).toMatchObject({
      month: '2025-11',
      views: { month: 0, allTime: 3 },
      sales: { month: 0, allTime: 3 },
      earnings: { month: [] },
      rank: { sales: { month: null, allTime: 1 } },
    });
  });
});

import { errorBodySchema, recordViewResponseSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateAppOptions } from '../../src/app.js';
import { boardsApiKey as apiKey, jsonRequest, readBoards } from './sellerBoardsFixtures.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// View inflation (issue 9): rotated session ids, made-up viewer ids and padded ids from one client.
describe('POST /api/products/:id/views under abuse', () => {
  let test: TestDatabase;
  let clock = new Date('2025-10-15T12:00:00.000Z');

  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.cleanup());

  const appFor = (options: Partial<CreateAppOptions> = {}) =>
    createTestApp(test.db, { apiKey, now: () => clock, ...options }).app;
  const peer = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
  const newProduct = async (app: ReturnType<typeof appFor>, id: string, sellerId: string) => {
    const response = await app.request(
      `/api/products/${id}`,
      jsonRequest(
        'PUT',
        { sellerId, status: 'active', price: '1.00', currency: 'USD' },
        { 'x-api-key': apiKey },
      ),
    );
    expect(response.status).toBe(201);
  };
  const view = async (
    app: ReturnType<typeof appFor>,
    id: string,
    body: unknown,
    env: unknown = peer('198.51.100.1'),
    headers: Record<string, string> = {},
  ) => {
    const response = await app.request(`/api/products/${id}/views`, jsonRequest('POST', body, headers), env);
    expect(response.status, JSON.stringify(body)).toBe(200);
    return recordViewResponseSchema.parse(await response.json()).counted;
  };
  const viewsOf = async (sellerId: string) =>
    (await readBoards(test.db)).find((row) => row.period === 'all' && row.sellerId === sellerId)?.views ?? 0;

  it('counts at most 20 new viewers per client and product a day, session and viewer ids alike', async () => {
    clock = new Date('2025-10-15T12:00:00.000Z');
    const app = appFor();
    await newProduct(app, 'inflated', 'seller-inflated');
    const counted = [];
    for (let n = 0; n < 15; n += 1)
      counted.push(await view(app, 'inflated', { sessionId: `rotated-session-${n}` }));
    for (let n = 0; n < 10; n += 1) counted.push(await view(app, 'inflated', { viewerId: `made-up-${n}` }));
    expect(counted.filter(Boolean)).toHaveLength(20);
    expect(counted.slice(20)).toEqual([false, false, false, false, false]);
    expect(await viewsOf('seller-inflated')).toBe(20);

    // Another client is not held back by the first; the next UTC day the first may add 20 more.
    expect(await view(app, 'inflated', { sessionId: 'someone-else-01' }, peer('203.0.113.9'))).toBe(true);
    clock = new Date('2025-10-16T00:00:00.000Z');
    expect(await view(app, 'inflated', { sessionId: 'rotated-session-99' })).toBe(true);
    expect(await viewsOf('seller-inflated')).toBe(22);
  });

  it('forgets the quota of past days: the first capped view of a new UTC day prunes them', async () => {
    clock = new Date('2025-11-01T23:00:00.000Z');
    const app = appFor();
    await newProduct(app, 'pruned', 'seller-pruned');
    await view(app, 'pruned', { sessionId: 'day-one-session' });
    const days = async () =>
      (
        await test.db.query<{ day: unknown }>(
          "SELECT to_char(day, 'YYYY-MM-DD') AS day FROM podium_product_view_quota WHERE product_id = 'pruned'",
        )
      ).map((row) => String(row.day));
    expect(await days()).toEqual(['2025-11-01']);
    clock = new Date('2025-11-02T00:30:00.000Z');
    await view(app, 'pruned', { sessionId: 'day-two-session' });
    await expect.poll(days).toEqual(['2025-11-02']);
  });

  it('uses no quota for views that do not count, and stores the client only as a salted hash', async () => {
    clock = new Date('2025-10-17T12:00:00.000Z');
    const app = appFor({ viewsPerClientPerDay: 2 });
    await newProduct(app, 'quota', 'seller-quota');
    expect(await view(app, 'quota', { viewerId: 'seller-quota' })).toBe(false); // the seller
    expect(await view(app, 'quota', { sessionId: 'first-session' })).toBe(true);
    expect(await view(app, 'quota', { sessionId: 'first-session' })).toBe(false); // a repeat
    expect(await view(app, 'quota', { sessionId: 'second-session' })).toBe(true);
    expect(await view(app, 'quota', { sessionId: 'third-session' })).toBe(false); // the cap
    const rows = await test.db.query<{ client_hash: string; counted: number }>(
      "SELECT client_hash, counted FROM podium_product_view_quota WHERE product_id = 'quota'",
    );
    expect(rows).toEqual([{ client_hash: expect.stringMatching(/^[0-9a-f]{64}$/), counted: 2 }]);
    expect(JSON.stringify(await test.db.query('SELECT * FROM podium_product_view_quota'))).not.toContain(
      '198.51.100.1',
    );
  });

  it('trims ids, so a padded session id is the same viewer, and refuses control characters naming the field', async () => {
    clock = new Date('2025-10-18T12:00:00.000Z');
    const app = appFor();
    await newProduct(app, 'padded', 'seller-padded');
    expect(await view(app, 'padded', { sessionId: 'padded-session' })).toBe(true);
    expect(await view(app, 'padded', { sessionId: 'padded-session ' })).toBe(false);
    expect(await view(app, 'padded', { sessionId: '  padded-session' })).toBe(false);
    expect(await view(app, 'padded', { viewerId: ' padded-viewer ' })).toBe(true);
    expect(await view(app, 'padded', { viewerId: 'padded-viewer' })).toBe(false);

    for (const [body, field] of [
      [{ sessionId: 'session-\u0000-nul' }, 'sessionId'],
      [{ sessionId: 'session-with-\u001b-escape' }, 'sessionId'],
      [{ viewerId: 'viewer\u0000' }, 'viewerId'],
    ] as const) {
      const response = await app.request('/api/products/padded/views', jsonRequest('POST', body));
      expect(response.status).toBe(400);
      const { error } = errorBodySchema.parse(await response.json());
      expect(Object.keys(error.details?.fields ?? {})).toEqual([field]);
    }
  });

  it('takes the client from X-Forwarded-For only with trustProxy', async () => {
    clock = new Date('2025-10-19T12:00:00.000Z');
    const rotating = (app: ReturnType<typeof appFor>, product: string) => async (n: number) =>
      view(app, product, { sessionId: `proxied-session-${n}` }, peer('10.0.0.1'), {
        'x-forwarded-for': `192.0.2.${n}`,
      });
    const direct = appFor({ viewsPerClientPerDay: 1 });
    await newProduct(direct, 'direct', 'seller-direct');
    expect([await rotating(direct, 'direct')(1), await rotating(direct, 'direct')(2)]).toEqual([true, false]);
    const proxied = appFor({ viewsPerClientPerDay: 1, trustProxy: true });
    await newProduct(proxied, 'proxied', 'seller-proxied');
    expect([await rotating(proxied, 'proxied')(1), await rotating(proxied, 'proxied')(2)]).toEqual([
      true,
      true,
    ]);
  });

  it('counts exactly 20 of 60 concurrent new viewers from one client', async () => {
    clock = new Date('2025-10-20T12:00:00.000Z');
    // Two apps on two handles: on Postgres, two pools racing for the same quota row.
    const apps = [appFor(), createTestApp(test.openAnother(), { apiKey, now: () => clock }).app];
    await newProduct(apps[0]!, 'raced', 'seller-raced');
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, n) => view(apps[n % 2]!, 'raced', { sessionId: `concurrent-${n}` })),
    );
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(await viewsOf('seller-raced')).toBe(20);
    const [row] = await test.db.query<{ n: unknown }>(
      "SELECT count(*)::int AS n FROM podium_product_views WHERE product_id = 'raced'",
    );
    expect(Number(row?.n)).toBe(20);
  });
});

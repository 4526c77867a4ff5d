import { errorBodySchema, productSchema, recordViewResponseSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardsApiKey as apiKey, jsonRequest, readBoards } from './sellerBoardsFixtures.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

async function fieldsOf(response: Response): Promise<string[]> {
  const { error } = errorBodySchema.parse(await response.json());
  return Object.keys((error.details as { fields: object }).fields);
}

describe('PUT /api/products/:id and POST /api/products/:id/views', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  let clock = new Date('2025-10-15T12:00:00.000Z');

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey, now: () => clock });
  });
  afterAll(() => test.cleanup());

  const put = (id: string, body: unknown, headers: Record<string, string> = { 'x-api-key': apiKey }) =>
    client.app.request(`/api/products/${id}`, jsonRequest('PUT', body, headers));
  const view = (id: string, body: unknown) =>
    client.app.request(`/api/products/${id}/views`, jsonRequest('POST', body));
  const product = (sellerId: string, status: string, price = '10.00') => ({
    sellerId,
    status,
    price,
    currency: 'USD',
  });
  const row = async (period: string, sellerId: string) =>
    (await readBoards(test.db)).find((r) => r.period === period && r.sellerId === sellerId);

  it('refuses writes without the right API key, and when none is configured', async () => {
    expect((await put('p-auth', product('s-auth', 'active'), {})).status).toBe(401);
    expect((await put('p-auth', product('s-auth', 'active'), { 'x-api-key': 'nope' })).status).toBe(401);
    const keyless = createTestApp(test.db);
    const response = await keyless.app.request(
      '/api/products/p-auth',
      jsonRequest('PUT', product('s-auth', 'active'), { 'x-api-key': apiKey }),
    );
    expect(response.status).toBe(401);
    expect(await test.db.query("SELECT 1 FROM podium_products WHERE id = 'p-auth'")).toEqual([]);
  });

  it.each([
    ['a malformed id', 'bad%20id!', product('s', 'active'), 'id'],
    ['an unknown status', 'p-v', product('s', 'reserved'), 'status'],
    ['a float price', 'p-v', { ...product('s', 'active'), price: 12.5 }, 'price'],
    ['a negative price', 'p-v', product('s', 'active', '-1'), 'price'],
    ['a lower-case currency', 'p-v', { ...product('s', 'active'), currency: 'usd' }, 'currency'],
    ['a missing seller', 'p-v', { status: 'active', price: '1', currency: 'USD' }, 'sellerId'],
    ['an unknown field', 'p-v', { ...product('s', 'active'), title: 'x' }, 'title'],
  ])('answers 400 naming the field for %s', async (_name, id, body, field) => {
    const response = await put(id, body);
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual([field]);
  });

  it('creates (201), updates (200), stamps sold_at once and clears it on un-sell', async () => {
    clock = new Date('2025-10-15T12:00:00.000Z');
    const created = await put('p-life', product('s-life', 'active', '12.50'));
    expect(created.status).toBe(201);
    expect(productSchema.parse(await created.json())).toEqual({
      id: 'p-life',
      sellerId: 's-life',
      status: 'active',
      price: '12.50',
      currency: 'USD',
      soldAt: null,
      createdAt: clock.toISOString(),
      updatedAt: clock.toISOString(),
    });

    clock = new Date('2025-10-20T08:00:00.000Z');
    const sold = productSchema.parse(await (await put('p-life', product('s-life', 'sold', '12.50'))).json());
    expect(sold.soldAt).toBe('2025-10-20T08:00:00.000Z');
    expect(sold.createdAt).toBe('2025-10-15T12:00:00.000Z');

    // Still sold (say a price fix): the sale keeps its instant and is not counted twice.
    clock = new Date('2025-10-25T08:00:00.000Z');
    const again = await put('p-life', product('s-life', 'sold', '12.00'));
    expect(again.status).toBe(200);
    expect(productSchema.parse(await again.json())).toMatchObject({ soldAt: sold.soldAt, price: '12.00' });
    expect((await row('2025-10', 's-life'))?.sales).toBe(1);

    clock = new Date('2025-11-02T08:00:00.000Z');
    const unsold = productSchema.parse(
      await (await put('p-life', product('s-life', 'active', '12.00'))).json(),
    );
    expect(unsold.soldAt).toBeNull();
    expect(await row('2025-10', 's-life')).toBeUndefined();
    expect(await row('all', 's-life')).toBeUndefined();
  });

  it('answers 409 naming sellerId when the seller would change, and changes nothing', async () => {
    expect((await put('p-owned', product('s-owner', 'active', '5'))).status).toBe(201);
    const response = await put('p-owned', product('s-other', 'sold', '5'));
    expect(response.status).toBe(409);
    expect(await fieldsOf(response)).toEqual(['sellerId']);
    const [stored] = await test.db.query<{ seller_id: string; status: string }>(
      "SELECT seller_id, status FROM podium_products WHERE id = 'p-owned'",
    );
    expect(stored).toEqual({ seller_id: 's-owner', status: 'active' });
  });

  it('counts a viewer once per product, sessions separately, drafts and own views never', async () => {
    clock = new Date('2025-10-15T12:00:00.000Z');
    await put('p-seen', product('s-seen', 'active'));
    await put('p-draft', product('s-seen', 'draft'));
    const counted = async (id: string, body: unknown) => {
      const response = await view(id, body);
      expect(response.status).toBe(200);
      return recordViewResponseSchema.parse(await response.json()).counted;
    };
    expect(await counted('p-seen', { viewerId: 'v1' })).toBe(true);
    expect(await counted('p-seen', { viewerId: 'v1' })).toBe(false);
    expect(await counted('p-seen', { sessionId: 'session-0001' })).toBe(true);
    expect(await counted('p-seen', { sessionId: 'session-0001' })).toBe(false);
    expect(await counted('p-seen', { viewerId: 's-seen' })).toBe(false);
    expect(await counted('p-draft', { viewerId: 'v1' })).toBe(false);
    expect((await row('all', 's-seen'))?.views).toBe(2);
    // Session ids are stored hashed.
    const viewers = await test.db.query<{ viewer: string }>(
      "SELECT viewer FROM podium_product_views WHERE product_id = 'p-seen' ORDER BY viewer",
    );
    expect(viewers.map((v) => v.viewer)).toEqual([
      expect.stringMatching(/^session:[0-9a-f]{64}$/),
      'user:v1',
    ]);

    // Published later: the first view now counts.
    await put('p-draft', product('s-seen', 'active'));
    expect(await counted('p-draft', { viewerId: 'v1' })).toBe(true);
  });

  it('answers 404 for an unknown product and 400 naming the field for a bad body', async () => {
    const missing = await view('p-nowhere', { viewerId: 'v1' });
    expect(missing.status).toBe(404);
    expect(errorBodySchema.parse(await missing.json()).error.code).toBe('not_found');

    await put('p-body', product('s-body', 'active'));
    for (const [body, field] of [
      [{}, 'viewerId'],
      [{ viewerId: 'v1', sessionId: 'session-0001' }, 'viewerId'],
      [{ viewerId: 'has\nnewline' }, 'viewerId'],
      [{ viewerId: 'v'.repeat(256) }, 'viewerId'],
      [{ sessionId: 'short' }, 'sessionId'],
      [{ sessionId: 'x'.repeat(129) }, 'sessionId'],
      [{ viewerId: 'v1', referrer: 'x' }, 'referrer'],
    ] as const) {
      const response = await view('p-body', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await fieldsOf(response)).toEqual([field]);
    }
    expect((await view('bad%20id', { viewerId: 'v1' })).status).toBe(400);
    const notJson = await client.app.request('/api/products/p-body/views', {
      method: 'POST',
      body: 'viewerId=v1',
    });
    expect(notJson.status).toBe(415);
    expect(await test.db.query("SELECT 1 FROM podium_product_views WHERE product_id = 'p-body'")).toEqual([]);
  });
});

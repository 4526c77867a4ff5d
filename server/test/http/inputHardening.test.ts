import { errorBodySchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signTestToken, testJwtSecret } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * Issue 9, input slice: request-supplied keys, dates, control characters and over-long ids are
 * the caller's mistake, so each must answer a 4xx naming the field, never a 500.
 */

const apiKey = 'podium-test-api-key';
const prototypeKeys = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

/** The raw error body (read as JSON, not through zod, so a `__proto__` field name survives). */
async function rawError(response: Response) {
  const body = (await response.json()) as {
    error: { code: string; message: string; details?: { fields?: Record<string, string[]> } };
  };
  errorBodySchema.parse(body);
  return body.error;
}

describe('input hardening', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  const clock = new Date('2025-10-15T12:00:00.000Z');

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey, now: () => clock });
    // A product whose views can be recorded.
    const created = await putJson('/api/products/p-1', {
      sellerId: 'seller-1',
      status: 'active',
      price: '1',
      currency: 'USD',
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => test.cleanup());

  function putJson(
    path: string,
    body: string | object,
    method = 'PUT',
    headers: Record<string, string> = { 'x-api-key': apiKey },
  ): Promise<Response> {
    return Promise.resolve(
      client.app.request(path, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  }

  /** Every JSON endpoint: a valid body (as JSON text, to splice keys into) and how to send it. */
  const endpoints: Array<{ name: string; valid: object; send: (body: string) => Promise<Response> }> = [
    {
      name: 'PATCH /api/stats',
      valid: { job_id: 'job-1' },
      send: async (body) =>
        putJson('/api/stats', body, 'PATCH', { authorization: `Bearer ${await client.tokenFor('alice')}` }),
    },
    {
      name: 'PUT /api/users/:id',
      valid: { username: 'alice' },
      send: (body) => putJson('/api/users/alice', body),
    },
    {
      name: 'PUT /api/products/:id',
      valid: { sellerId: 'seller-1', status: 'active', price: '1', currency: 'USD' },
      send: (body) => putJson('/api/products/p-1', body),
    },
    {
      name: 'POST /api/products/:id/views',
      valid: { sessionId: 'session-0001' },
      send: (body) => putJson('/api/products/p-1/views', body, 'POST', {}),
    },
  ];

  describe.each(endpoints)('$name', ({ valid, send }) => {
    it.each(prototypeKeys)('answers 400 naming an unknown top-level field %s', async (key) => {
      // Spliced into the JSON text: JSON.stringify would drop a `__proto__` property.
      const body = `{${JSON.stringify(key)}:1,${JSON.stringify(valid).slice(1)}`;
      const response = await send(body);
      expect(response.status).toBe(400);
      const error = await rawError(response);
      expect(Object.keys(error.details!.fields!)).toContain(key);
      expect(Object.hasOwn(error.details!.fields!, key)).toBe(true);
      expect(error.details!.fields![key]).toEqual(['is not a known field']);
    });

    it.each(prototypeKeys)('answers 400 for %s nested in a field and as a field value', async (key) => {
      const [field] = Object.keys(valid);
      const nested = await send(
        JSON.stringify({ ...valid, [field!]: JSON.parse(`{${JSON.stringify(key)}:{"${key}":1}}`) }),
      );
      expect(nested.status).toBe(400);
      expect(Object.keys((await rawError(nested)).details!.fields!)).toEqual([field]);
      const asValue = await send(JSON.stringify({ ...valid, [field!]: key }));
      expect(asValue.status).toBeLessThan(500);
    });

    it('answers 400 naming the field for a NUL or a control character in any string', async () => {
      for (const [field, value] of Object.entries(valid)) {
        for (const bad of [`a\u0000b`, `x\u0001`, '\u001b[31m']) {
          const response = await send(JSON.stringify({ ...valid, [field]: bad }));
          expect(response.status, `${field}=${JSON.stringify(bad)} (valid ${String(value)})`).toBe(400);
          expect(Object.keys((await rawError(response)).details!.fields!)).toEqual([field]);
        }
      }
    });

    it('answers 400 naming the path of a NUL anywhere in the body, in a value or a key', async () => {
      const deep = await send(JSON.stringify({ ...valid, extra: { deep: ['ok', 'a\u0000'] } }));
      expect(deep.status).toBe(400);
      expect((await rawError(deep)).details!.fields).toEqual({
        'extra.deep.1': ['must not contain NUL characters'],
      });
      const key = await send(JSON.stringify({ ...valid, 'k\u0000': 1 }));
      expect(key.status).toBe(400);
      expect(Object.keys((await rawError(key)).details!.fields!)).toEqual(['k\u0000']);
      // Deep nesting is walked without recursion.
      const nested = await send(`${'['.repeat(10_000)}"\u0000"${']'.repeat(10_000)}`);
      expect(nested.status).toBe(400);
    });

    it('answers 400 with a friendly message for a body that is not an object', async () => {
      for (const body of ['[]', '"text"', '12', 'null']) {
        const response = await send(body);
        expect(response.status).toBe(400);
        expect((await rawError(response)).details!.fields).toEqual({ body: ['must be a JSON object'] });
      }
    });
  });

  it('answers 400 naming the field for a NUL in a display name, an avatar URL or a wallet', async () => {
    for (const [field, value] of [
      ['displayName', 'Ali\u0000ce'],
      ['avatarUrl', 'https://example.com/a\u0000.png'],
      ['wallets', ['0x' + 'a'.repeat(39) + '\u0000']],
    ] as const) {
      const response = await putJson('/api/users/alice', { [field]: value });
      expect(response.status, field).toBe(400);
      expect(Object.keys((await rawError(response)).details!.fields!).join()).toContain(field);
    }
  });

  describe('user ids: 1 to 255 printable characters', () => {
    it.each([
      'auth0|65f0c1d2e3',
      'user_2NkQ3xYz',
      '3f8a2c1e-9b7d-4e6f-a5c4-1d2e3f4a5b6c',
      'ann@example.com',
      'a'.repeat(255),
    ])('accepts %s as a user id, a token sub and a seller id', async (id) => {
      const put = await putJson(`/api/users/${encodeURIComponent(id)}`, { displayName: 'Ann' });
      expect([200, 201]).toContain(put.status);
      const job = await client.patchJob(id, { job_id: 'job-of-' + id.length });
      expect(job.status).toBe(200);
      const product = await putJson(`/api/products/by-${id.length}`, {
        sellerId: id,
        status: 'active',
        price: '1',
        currency: 'USD',
      });
      expect([200, 201]).toContain(product.status);
      const stats = await client.app.request(`/api/user/${encodeURIComponent(id)}/stats`);
      expect(stats.status).toBe(202);
    });

    it.each([
      ['256 characters', 'a'.repeat(256)],
      ['3,200 characters', 'x'.repeat(3200)],
      ['a NUL', 'ali\u0000ce'],
      ['a newline', 'ali\nce'],
      ['a DEL', 'ali\u007fce'],
      ['a leading space', ' alice'],
    ])(
      'refuses a user id with %s: 400 on PUT /users/:id and seller ids, 401 as a token sub',
      async (_label, id) => {
        const put = await putJson(`/api/users/${encodeURIComponent(id)}`, { displayName: 'Ann' });
        expect(put.status).toBe(400);
        expect(Object.keys((await rawError(put)).details!.fields!)).toEqual(['id']);
        const product = await putJson('/api/products/p-2', {
          sellerId: id,
          status: 'active',
          price: '1',
          currency: 'USD',
        });
        expect(product.status).toBe(400);
        expect(Object.keys((await rawError(product)).details!.fields!)).toEqual(['sellerId']);
        const token = await signTestToken(id, { now: clock, secret: testJwtSecret });
        const job = await putJson('/api/stats', { job_id: 'j' }, 'PATCH', {
          authorization: `Bearer ${token}`,
        });
        expect(job.status).toBe(401);
        expect((await rawError(job)).message).toMatch(/"sub"/);
      },
    );

    it('answers 400 naming the field for an over-long or NUL user id in a path, a query or a view', async () => {
      for (const id of ['x'.repeat(3200), 'a\u0000b']) {
        const path = encodeURIComponent(id);
        const stats = await client.app.request(`/api/user/${path}/stats`);
        expect(stats.status).toBe(400);
        expect(Object.keys((await rawError(stats)).details!.fields!)).toEqual(['identifier']);
        const dashboard = await client.app.request(`/api/sellers/${path}/dashboard`, {
          headers: { 'x-api-key': apiKey },
        });
        expect(dashboard.status).toBe(400);
        const board = await client.app.request(`/api/leaderboards/sellers?around=${path}`);
        expect(board.status).toBe(400);
        expect(Object.keys((await rawError(board)).details!.fields!)).toEqual(['around']);
        const view = await putJson('/api/products/p-1/views', { viewerId: id }, 'POST', {});
        expect(view.status).toBe(400);
        expect(Object.keys((await rawError(view)).details!.fields!)).toEqual(['viewerId']);
      }
    });

    it('still resolves an address-shaped identifier as an address', async () => {
      const address = '0x' + 'AbC'.repeat(13) + 'a';
      const response = await client.app.request(`/api/user/${address}/stats`);
      expect(response.status).toBe(202);
      const body = (await response.json()) as { subject: { kind: string; addresses: string[] } };
      expect(body.subject).toMatchObject({ kind: 'address', addresses: [address.toLowerCase()] });
      expect((await client.app.request('/api/user/0x1234/stats')).status).toBe(400);
    });
  });

  it('answers 400 naming the field for a NUL or an over-long id in job ids and product ids', async () => {
    for (const jobId of ['a\u0000b', 'j'.repeat(3200)]) {
      const response = await client.patchJob('alice', { job_id: jobId });
      expect(response.status).toBe(400);
      expect(Object.keys((await rawError(response)).details!.fields!)).toEqual(['job_id']);
    }
    for (const productId of ['a%00b', 'p'.repeat(3200)]) {
      const response = await putJson(
        `/api/products/${productId}/views`,
        { sessionId: 'session-0001' },
        'POST',
        {},
      );
      expect(response.status).toBe(400);
      expect(Object.keys((await rawError(response)).details!.fields!)).toEqual(['id']);
    }
  });

  it('answers 400 naming the parameter for a control character in any query parameter', async () => {
    const token = await client.tokenFor('alice');
    for (const [path, param, headers] of [
      ['/api/stats?cursor=a%00b', 'cursor', { authorization: `Bearer ${token}` }],
      ['/api/stats?tz=UTC%00', 'tz', { authorization: `Bearer ${token}` }],
      ['/api/leaderboards/sellers?month=2025-10%00', 'month', {}],
      ['/api/stats/leaders?metric=trades%01', 'metric', {}],
    ] as const) {
      const response = await client.app.request(path, { headers });
      expect(response.status, path).toBe(400);
      expect(Object.keys((await rawError(response)).details!.fields!), path).toEqual([param]);
    }
  });

  it('exports the CSV of a user whose id is not ASCII, with a safe file name', async () => {
    const id = 'Zoë "the" \\ 用户';
    expect((await putJson(`/api/users/${encodeURIComponent(id)}`, { displayName: 'Zoë' })).status).toBe(201);
    const response = await client.app.request(`/api/user/${encodeURIComponent(id)}/transactions.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="Zo___the______-transactions.csv"',
    );
  });

  it('answers GETs with prototype-named query parameters like any unknown parameter', async () => {
    const query = prototypeKeys.map((key) => `${key}=1`).join('&');
    for (const path of ['/api/leaderboards/sellers', '/api/stats/leaders', '/api/user/alice/stats/history']) {
      expect((await client.app.request(`${path}?${query}`)).status, path).toBeLessThan(500);
    }
    const stats = await client.app.request(`/api/stats?${query}`, {
      headers: { authorization: `Bearer ${await client.tokenFor('alice')}` },
    });
    expect(stats.status).toBe(200);
  });

  describe('dates', () => {
    it.each([
      [{ from: '2024-13-01' }, 'from'],
      [{ from: '' }, 'from'],
      [{ from: 'abc' }, 'from'],
      [{ to: '2024-02-30' }, 'to'],
      [{ to: '2024-00-10' }, 'to'],
      [{ from: '0000-01-01' }, 'from'],
    ])('GET /user/:identifier/stats/history answers 400 for %j', async (query, field) => {
      await putJson('/api/users/hist-user', { displayName: 'H' });
      const response = await client.app.request(
        `/api/user/hist-user/stats/history?${new URLSearchParams(query)}`,
      );
      expect(response.status).toBe(400);
      const error = await rawError(response);
      expect(Object.keys(error.details!.fields!)).toEqual([field]);
      expect(error.details!.fields![field]!.join()).toMatch(/^must be/);
    });

    it.each([
      [{ from: '0001-01-01', to: '9999-12-31' }, ['from', 'to']],
      [{ from: '2024-13-01' }, ['from']],
      [{ to: '' }, ['to']],
      [{ from: '275760-09-13' }, ['from']],
      [{ from: '9999-12-31T23:59:59+14:00' }, ['from']],
      [{ from: '2024-01-01', to: '9999-12-31' }, ['to']],
    ])('GET /stats answers 400 for %j', async (query, fields) => {
      const response = await client.getStats('alice', query);
      expect(response.status).toBe(400);
      expect(Object.keys((await rawError(response)).details!.fields!).sort()).toEqual(fields);
    });
  });

  describe('friendly messages', () => {
    it.each([
      [
        'PATCH /api/stats',
        { job_id: 'j', status: 'done' },
        'status',
        'must be one of: pending, processing, completed, failed',
      ],
      ['PATCH /api/stats', { job_id: 12 }, 'job_id', 'must be a string'],
      ['PATCH /api/stats', { job_id: 'j'.repeat(201) }, 'job_id', 'must be at most 200 characters'],
      ['PUT /api/users/:id', { displayName: 12 }, 'displayName', 'must be a string'],
      ['PUT /api/users/:id', { wallets: 'x' }, 'wallets', 'must be a list'],
      ['POST /api/products/:id/views', { sessionId: 5 }, 'sessionId', 'must be a string'],
    ])('%s names the field with a friendly message for %j', async (name, body, field, message) => {
      const response = await endpoints.find((endpoint) => endpoint.name === name)!.send(JSON.stringify(body));
      expect(response.status).toBe(400);
      const error = await rawError(response);
      expect(error.details!.fields![field]).toEqual([message]);
      expect(JSON.stringify(error)).not.toMatch(/Invalid (input|option)|expected \w+, received/);
    });
  });
});

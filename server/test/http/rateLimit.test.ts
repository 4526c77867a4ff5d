import { errorBodySchema } from 'podium-kit/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreateAppOptions } from '../../src/app.js';
import { createTestApp, signTestToken } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// Rate limits with a fake clock: only Date is faked (rate-limiter-flexible's memory store reads
// Date.now() to decide whether a window is over), so the database's own timers keep running.
// The real date (whole seconds): timers computed from a faked Date must stay sensible.
const start = new Date(Math.ceil(Date.now() / 1000) * 1000);
const apiKey = 'rate-limit-test-api-key-0123456789';
const board = '/api/leaderboards/sellers';

describe('rate limits (in memory, fake clock)', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.cleanup());
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
  });
  afterEach(() => vi.useRealTimers());

  const appWith = (
    rules: NonNullable<Exclude<CreateAppOptions['rateLimits'], false>>['rules'],
    extra: Partial<CreateAppOptions> = {},
  ) => createTestApp(test.db, { apiKey, rateLimits: { rules }, now: () => new Date(), ...extra }).app;
  const headersOf = (response: Response) => ({
    status: response.status,
    policy: response.headers.get('ratelimit-policy'),
    state: response.headers.get('ratelimit'),
    retryAfter: response.headers.get('retry-after'),
  });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('counts public requests per IP down to a 429 with Retry-After, and lets them through after the reset', async () => {
    const app = appWith({ public: { limit: 3, windowSeconds: 60 } });
    const seen = [];
    for (let n = 0; n < 3; n += 1) seen.push(headersOf(await app.request(board)));
    expect(seen).toEqual(
      [2, 1, 0].map((remaining) => ({
        status: 200,
        policy: '3;w=60',
        state: `limit=3, remaining=${remaining}, reset=60`,
        retryAfter: null,
      })),
    );

    const refused = await app.request(board);
    expect(headersOf(refused)).toEqual({
      status: 429,
      policy: '3;w=60',
      state: 'limit=3, remaining=0, reset=60',
      retryAfter: '60',
    });
    expect(errorBodySchema.parse(await refused.json()).error.code).toBe('rate_limited');

    vi.setSystemTime(start.getTime() + 45_000);
    expect(headersOf(await app.request(board))).toMatchObject({ status: 429, retryAfter: '15' });

    vi.setSystemTime(start.getTime() + 60_001);
    expect(headersOf(await app.request(board))).toMatchObject({
      status: 200,
      state: 'limit=3, remaining=2, reset=60',
    });
  });

  it('lets browsers on allowed origins read the rate-limit fields', async () => {
    const app = appWith({}, { corsOrigins: ['https://shop.example'] });
    const response = await app.request(board, { headers: { origin: 'https://shop.example' } });
    expect(response.headers.get('access-control-expose-headers')?.split(/,\s*/)).toEqual(
      expect.arrayContaining(['RateLimit', 'RateLimit-Policy', 'Retry-After']),
    );
  });

  it('never limits the health check, and limits unknown paths too', async () => {
    const app = appWith({ public: { limit: 1, windowSeconds: 60 } });
    for (let n = 0; n < 5; n += 1) {
      const health = await app.request('/api/health');
      expect(health.status).toBe(200);
      expect(health.headers.get('ratelimit')).toBeNull();
    }
    expect((await app.request('/api/nothing-here')).status).toBe(404);
    expect((await app.request('/api/nothing-here')).status).toBe(429);
  });

  it('counts each user and the API key in their own buckets, apart from the IP', async () => {
    const app = appWith({
      public: { limit: 2, windowSeconds: 60 },
      user: { limit: 2, windowSeconds: 60 },
      apiKey: { limit: 3, windowSeconds: 60 },
    });
    const alice = bearer(await signTestToken('alice'));
    const bob = bearer(await signTestToken('bob'));
    const statuses = async (headers: Record<string, string>, n: number) => {
      const out = [];
      for (let i = 0; i < n; i += 1) out.push((await app.request('/api/stats', { headers })).status);
      return out;
    };
    expect(await statuses(alice, 3)).toEqual([200, 200, 429]);
    expect(await statuses(bob, 2)).toEqual([200, 200]);
    const byKey = await app.request(board, { headers: { 'x-api-key': apiKey } });
    expect(byKey.headers.get('ratelimit')).toBe('limit=3, remaining=2, reset=60');
    expect(await statuses({ authorization: `Bearer ${apiKey}` }, 3)).toEqual([401, 401, 429]);
    // The anonymous public bucket of this (unknown) address was never touched.
    expect(headersOf(await app.request(board))).toMatchObject({
      status: 200,
      state: 'limit=2, remaining=1, reset=60',
    });
  });

  it('counts a token as its user only until it expires', async () => {
    const app = appWith({ public: { limit: 5, windowSeconds: 60 }, user: { limit: 9, windowSeconds: 60 } });
    const shortLived = bearer(await signTestToken('carol', { expiresIn: 30 }));
    for (let n = 0; n < 2; n += 1) {
      const response = await app.request(board, { headers: shortLived });
      expect(response.headers.get('ratelimit-policy')).toBe('9;w=60');
    }
    vi.setSystemTime(start.getTime() + 31_000);
    const expired = await app.request(board, { headers: shortLived });
    expect(expired.headers.get('ratelimit')).toBe('limit=5, remaining=4, reset=60');
  });

  it('answers 429 to credentials from an address past its failed authentications, until the reset', async () => {
    const app = appWith({ failedAuth: { limit: 2, windowSeconds: 60 } });
    const forged = bearer(await signTestToken('mallory', { secret: 'another-secret-0123456789abcdef0123' }));
    const good = bearer(await signTestToken('alice'));

    const first = await app.request('/api/stats', { headers: forged });
    expect(headersOf(first)).toMatchObject({
      status: 401,
      policy: '2;w=60',
      state: 'limit=2, remaining=1, reset=60',
    });
    expect((await app.request('/api/stats', { headers: forged })).status).toBe(401);

    const blocked = await app.request('/api/stats', { headers: forged });
    expect(headersOf(blocked)).toEqual({
      status: 429,
      policy: '2;w=60',
      state: 'limit=2, remaining=0, reset=60',
      retryAfter: '60',
    });
    // Good credentials wait too: a right guess must look like the wrong ones.
    expect((await app.request('/api/stats', { headers: good })).status).toBe(429);
    // A protected route without credentials would be a 401: a 429 instead.
    expect((await app.request('/api/stats')).status).toBe(429);
    // Public reads without credentials only meet the public limit.
    expect((await app.request(board)).status).toBe(200);

    vi.setSystemTime(start.getTime() + 61_000);
    expect((await app.request('/api/stats', { headers: good })).status).toBe(200);
  });

  it('keys by the TCP peer, and by the right-most X-Forwarded-For hop only with trustProxy', async () => {
    const rules = { public: { limit: 1, windowSeconds: 60 } };
    const peer = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    const forwarded = (chain: string) => ({ headers: { 'x-forwarded-for': chain } });

    const direct = appWith(rules);
    expect((await direct.request(board, forwarded('1.1.1.1'), peer('10.0.0.1'))).status).toBe(200);
    // Without trustProxy the header is the client's word: the same peer, the same bucket.
    expect((await direct.request(board, forwarded('2.2.2.2'), peer('10.0.0.1'))).status).toBe(429);
    expect((await direct.request(board, {}, peer('::ffff:10.0.0.2'))).status).toBe(200);
    expect((await direct.request(board, {}, peer('10.0.0.2'))).status).toBe(429);

    const proxied = appWith(rules, { trustProxy: true });
    expect((await proxied.request(board, forwarded('6.6.6.6, 203.0.113.7'), peer('10.0.0.1'))).status).toBe(
      200,
    );
    // A forged left-most hop does not buy a new bucket; another client behind the proxy has its own.
    expect((await proxied.request(board, forwarded('7.7.7.7, 203.0.113.7'), peer('10.0.0.1'))).status).toBe(
      429,
    );
    expect((await proxied.request(board, forwarded('203.0.113.8'), peer('10.0.0.1'))).status).toBe(200);
  });

  it('leaves loopback alone when asked (the local demo), and can be turned off', async () => {
    const loopback = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
    const demo = createTestApp(test.db, {
      rateLimits: { rules: { public: { limit: 1, windowSeconds: 60 } }, exemptLoopback: true },
    }).app;
    for (let n = 0; n < 3; n += 1) expect((await demo.request(board, {}, loopback)).status).toBe(200);
    expect(
      (await demo.request(board, {}, { incoming: { socket: { remoteAddress: '10.1.1.1' } } })).status,
    ).toBe(200);
    expect(
      (await demo.request(board, {}, { incoming: { socket: { remoteAddress: '10.1.1.1' } } })).status,
    ).toBe(429);

    const off = createTestApp(test.db, { rateLimits: false }).app;
    const response = await off.request(board);
    expect(response.headers.get('ratelimit')).toBeNull();
  });
});

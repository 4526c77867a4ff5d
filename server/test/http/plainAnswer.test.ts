import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// The hot reads answer with one plain header object (http/plainAnswer.ts): the rate limiter hands
// its fields over before the route runs instead of adding them afterwards.
describe('plain answers', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.cleanup());

  const board = '/api/leaderboards/sellers?metric=views';
  const fields = (response: Response) => ({
    status: response.status,
    etag: response.headers.get('etag') !== null,
    cacheControl: response.headers.get('cache-control'),
    contentType: response.headers.get('content-type'),
    policy: response.headers.get('ratelimit-policy'),
    state: response.headers.get('ratelimit'),
  });

  it('carry the cache headers and the rate limit fields, on a 200 and on a 304', async () => {
    const { app } = createTestApp(test.db, {
      rateLimits: { rules: { public: { limit: 5, windowSeconds: 60 } } },
    });
    const first = await app.request(board);
    expect(fields(first)).toMatchObject({
      status: 200,
      etag: true,
      cacheControl: 'no-cache',
      contentType: 'application/json',
      policy: '5;w=60',
      state: expect.stringMatching(/^limit=5, remaining=4, reset=\d+$/),
    });
    expect((await first.json()) as unknown).toMatchObject({ board: 'sellers', metric: 'views' });
    // Twice: the second answer comes from memory (the parsed query, the tag and the body).
    for (const remaining of [3, 2]) {
      const again = await app.request(board, { headers: { 'if-none-match': first.headers.get('etag')! } });
      expect(fields(again)).toMatchObject({
        status: 304,
        etag: true,
        cacheControl: 'no-cache',
        contentType: null,
        policy: '5;w=60',
        state: expect.stringMatching(new RegExp(`^limit=5, remaining=${remaining}, reset=\\d+$`)),
      });
      expect(await again.text()).toBe('');
    }
  });

  it('carry no rate limit fields when the limits are off', async () => {
    const { app } = createTestApp(test.db, { rateLimits: false });
    const response = await app.request(board);
    expect(fields(response)).toMatchObject({ status: 200, etag: true, policy: null, state: null });
  });

  it("carry a host's headers set before next() only with plainAnswers: false", async () => {
    const hosted = (plainAnswers: boolean | undefined) => {
      const host = new Hono();
      host.use('*', requestId());
      host.route('/', createTestApp(test.db, plainAnswers === undefined ? {} : { plainAnswers }).app);
      return host;
    };
    const requestIdOf = async (host: Hono, init?: RequestInit) => {
      const response = await host.request(board, init);
      return { status: response.status, id: response.headers.get('x-request-id') !== null };
    };
    expect(await requestIdOf(hosted(undefined))).toEqual({ status: 200, id: false });
    const throughContext = hosted(false);
    const first = await throughContext.request(board);
    expect(fields(first)).toMatchObject({ status: 200, etag: true, cacheControl: 'no-cache' });
    expect(first.headers.get('x-request-id')).not.toBeNull();
    const etag = first.headers.get('etag')!;
    expect(await requestIdOf(throughContext, { headers: { 'if-none-match': etag } })).toEqual({
      status: 304,
      id: true,
    });
  });

  it("keep a host's middleware headers set on the response after next()", async () => {
    const { app } = createTestApp(test.db, {
      rateLimits: { rules: { public: { limit: 5, windowSeconds: 60 } } },
    });
    const host = new Hono();
    host.use('*', async (c, next) => {
      await next();
      c.res.headers.set('X-Host', 'kept');
    });
    host.route('/', app);
    const response = await host.request(board);
    expect(response.headers.get('x-host')).toBe('kept');
    expect(fields(response)).toMatchObject({ status: 200, etag: true, policy: '5;w=60' });
  });
});

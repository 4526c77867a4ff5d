import { errorBodySchema } from 'podium-kit/core';
import { Hono, type MiddlewareHandler } from 'hono';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requireApiKey,
  requireCronSecret,
  requireUser,
  safeEqual,
  secretMatcher,
} from '../src/auth/guards.js';
import { errorResponse } from '../src/errors.js';
import type { AppEnv } from '../src/http/AppEnv.js';
import { silentLogger } from '../src/logger.js';
import { createTestApp, signTestToken, testJwtSecret } from './helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase.js';

describe('safeEqual', () => {
  it('is true exactly for equal strings, whatever their lengths', () => {
    expect(safeEqual('secret-value', 'secret-value')).toBe(true);
    expect(safeEqual('secret-value', 'secret-valuf')).toBe(false);
    expect(safeEqual('secret-value', 'secret-value-longer')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('é', 'e\u0301')).toBe(false); // no normalisation: bytes must match
  });
});

describe('secretMatcher', () => {
  it('matches the configured secret exactly, and nothing when none is configured', () => {
    const isKey = secretMatcher('secret-value');
    expect(['secret-value', 'secret-valuf', 'secret-value-longer', 'secret-valu', ''].map(isKey)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    for (const unset of [undefined, '']) {
      const matcher = secretMatcher(unset);
      expect([matcher(''), matcher('anything')]).toEqual([false, false]);
    }
  });

  it('answers the same for repeated values, however many misses it has seen', () => {
    const isKey = secretMatcher('secret-value');
    // More distinct misses than it remembers (1,024), one longer than it remembers (2,048).
    const misses = Array.from({ length: 1_500 }, (_, n) => `wrong-${n}`).concat('x'.repeat(3_000));
    for (let round = 0; round < 2; round += 1) {
      expect(misses.filter(isKey)).toEqual([]);
      expect(isKey('secret-value')).toBe(true);
    }
  });
});

/** A tiny app behind one middleware, answering errors like the real app. */
function guarded(middleware: MiddlewareHandler<AppEnv>) {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => errorResponse(c, error, silentLogger));
  app.use('*', middleware);
  app.get('/', (c) => c.json({ ok: true, userId: c.get('userId') ?? null }));
  return app;
}

async function expectUnauthorized(response: Response, message: RegExp) {
  expect(response.status).toBe(401);
  const { error } = errorBodySchema.parse(await response.json());
  expect(error.code).toBe('unauthorized');
  expect(error.message).toMatch(message);
}

describe('requireApiKey', () => {
  const app = guarded(requireApiKey('the-api-key-123'));

  it('accepts the key as x-api-key or as a bearer token', async () => {
    expect((await app.request('/', { headers: { 'x-api-key': 'the-api-key-123' } })).status).toBe(200);
    expect((await app.request('/', { headers: { authorization: 'Bearer the-api-key-123' } })).status).toBe(
      200,
    );
  });

  it('refuses a missing, wrong or prefixed key', async () => {
    await expectUnauthorized(await app.request('/'), /API key/);
    await expectUnauthorized(
      await app.request('/', { headers: { 'x-api-key': 'the-api-key-12' } }),
      /API key/,
    );
    await expectUnauthorized(
      await app.request('/', { headers: { 'x-api-key': 'the-api-key-1234' } }),
      /API key/,
    );
  });

  it('refuses everything when no key is configured, and says so', async () => {
    await expectUnauthorized(
      await guarded(requireApiKey(undefined)).request('/', { headers: { 'x-api-key': '' } }),
      /no PODIUM_API_KEY/,
    );
  });
});

describe('requireCronSecret', () => {
  it('accepts only the bearer secret', async () => {
    const app = guarded(requireCronSecret('cron-secret-abc'));
    expect((await app.request('/', { headers: { authorization: 'Bearer cron-secret-abc' } })).status).toBe(
      200,
    );
    await expectUnauthorized(
      await app.request('/', { headers: { authorization: 'Bearer cron-secret-abd' } }),
      /cron secret/,
    );
    await expectUnauthorized(
      await app.request('/', { headers: { 'x-api-key': 'cron-secret-abc' } }),
      /cron secret/,
    );
    await expectUnauthorized(await guarded(requireCronSecret(undefined)).request('/'), /no CRON_SECRET/);
  });
});

describe('requireUser', () => {
  const now = new Date('2025-01-10T12:00:00Z');
  const app = guarded(requireUser({ jwtSecret: testJwtSecret, now: () => now }));
  const get = (token: string) => app.request('/', { headers: { authorization: `Bearer ${token}` } });

  it('sets the user id from sub', async () => {
    const response = await get(await signTestToken('user-42', { now }));
    expect(await response.json()).toEqual({ ok: true, userId: 'user-42' });
  });

  it('refuses a missing header, a non-bearer scheme and garbage', async () => {
    await expectUnauthorized(await app.request('/'), /Missing user token/);
    await expectUnauthorized(
      await app.request('/', { headers: { authorization: `Basic ${btoa('a:b')}` } }),
      /Missing user token/,
    );
    await expectUnauthorized(await get('not.a.jwt'), /malformed/);
  });

  it('refuses expired, not-yet-valid, wrongly signed and sub-less tokens', async () => {
    await expectUnauthorized(await get(await signTestToken('u', { now, expiresIn: -1 })), /expired/);
    await expectUnauthorized(await get(await signTestToken('u', { now, notBefore: 600 })), /not valid yet/);
    await expectUnauthorized(
      await get(await signTestToken('u', { now, secret: 'another-secret-that-is-long-enough-0000' })),
      /signature/,
    );
    await expectUnauthorized(await get(await signTestToken(undefined, { now })), /sub/);
  });

  it('refuses tokens signed with another algorithm', async () => {
    const hs512 = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('u')
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 60)
      .sign(new TextEncoder().encode(testJwtSecret));
    await expectUnauthorized(await get(hs512), /HS256/);
    const unsigned =
      `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ sub: 'u' }))}.`.replace(/=/g, '');
    await expectUnauthorized(await get(unsigned), /./);
  });

  it('refuses everything, saying why, when the server has no secret', async () => {
    const noSecret = guarded(requireUser({ jwtSecret: undefined, now: () => now }));
    await expectUnauthorized(
      await noSecret.request('/', {
        headers: { authorization: `Bearer ${await signTestToken('u', { now })}` },
      }),
      /no PODIUM_JWT_SECRET/,
    );
  });
});

describe('/api/stats authentication', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.cleanup());

  it('answers 401 without a token, with a bad one and with an expired one, and stores nothing', async () => {
    const { app } = createTestApp(test.db);
    const body = JSON.stringify({ job_id: 'auth-1', requested_count: 1 });
    const patch = (headers: Record<string, string>) =>
      app.request('/api/stats', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });

    await expectUnauthorized(await patch({}), /Missing user token/);
    await expectUnauthorized(await patch({ authorization: 'Bearer abc.def.ghi' }), /malformed/);
    await expectUnauthorized(
      await patch({ authorization: `Bearer ${await signTestToken('alice', { expiresIn: -60 })}` }),
      /expired/,
    );
    await expectUnauthorized(await app.request('/api/stats'), /Missing user token/);
    expect(await test.db.query('SELECT 1 FROM podium_user_jobs')).toEqual([]);
  });

  it('answers 401 on a server without PODIUM_JWT_SECRET', async () => {
    const { app } = createTestApp(test.db, { jwtSecret: undefined });
    const response = await app.request('/api/stats', {
      headers: { authorization: `Bearer ${await signTestToken('alice')}` },
    });
    await expectUnauthorized(response, /no PODIUM_JWT_SECRET/);
  });
});

import { errorBodySchema, jobStatsResponseSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../src/demo/demoUsers.js';
import type { JobsStore } from '../src/jobs/jobsStore.js';
import { createTestApp, signTestToken } from './helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase.js';

async function errorOf(response: Response) {
  return errorBodySchema.parse(await response.json()).error;
}

describe('createApp', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.cleanup());

  it('answers unknown routes with a JSON 404, inside and outside the base path', async () => {
    const { app } = createTestApp(test.db);
    for (const path of ['/api/nope', '/', '/stats', '/api']) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('not_found');
    }
    const wrongMethod = await app.request('/api/stats', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(404);
  });

  it('mounts everything under a custom base path', async () => {
    const { app } = createTestApp(test.db, { basePath: '/podium/v1' });
    expect((await app.request('/podium/v1/health')).status).toBe(200);
    expect((await app.request('/api/health')).status).toBe(404);
  });

  it('answers 500 with a generic message and logs the real error', async () => {
    const failing: JobsStore = {
      recordJob: () => Promise.reject(new Error('connection to 10.0.0.7 lost: password=hunter2')),
      getJobStats: () => Promise.reject(new Error('boom')),
    };
    const client = createTestApp(test.db, { jobs: failing });
    const response = await client.patchJob('alice', { job_id: 'x' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('10.0.0.7');
    expect(errorBodySchema.parse(JSON.parse(text)).error.code).toBe('internal_error');
    const logged = client.logger.entries.find((entry) => entry.level === 'error');
    expect(String((logged?.meta?.error as Error | undefined)?.message)).toContain('hunter2');
  });

  describe('CORS', () => {
    it('sends no CORS headers by default', async () => {
      const { app } = createTestApp(test.db);
      const response = await app.request('/api/health', { headers: { origin: 'https://host.example' } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('allows the configured origins only, on preflight, success and error responses', async () => {
      const { app } = createTestApp(test.db, { corsOrigins: ['https://host.example'] });
      const preflight = await app.request('/api/stats', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://host.example',
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://host.example');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

      // A browser can only read an error if it carries the CORS headers too.
      const unauthorized = await app.request('/api/stats', { headers: { origin: 'https://host.example' } });
      expect(unauthorized.status).toBe(401);
      expect(unauthorized.headers.get('access-control-allow-origin')).toBe('https://host.example');

      const other = await app.request('/api/health', { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    });

    it('allows any origin with *', async () => {
      const { app } = createTestApp(test.db, { corsOrigins: ['*'] });
      const response = await app.request('/api/health', { headers: { origin: 'https://anything.example' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    });
  });

  describe('demo routes', () => {
    it('do not exist unless demo mode is on', async () => {
      const { app } = createTestApp(test.db);
      for (const path of ['/api/demo/users', '/api/demo/token?user=alice']) {
        const response = await app.request(path);
        expect(response.status).toBe(404);
        expect((await errorOf(response)).code).toBe('not_found');
      }
    });

    it('list the demo users and sign tokens the app accepts', async () => {
      const { app } = createTestApp(test.db, { demo: { users: demoUsers } });
      const users = await app.request('/api/demo/users');
      expect(await users.json()).toEqual({
        users: demoUsers.map(({ id, displayName, username, wallets }) => ({
          id,
          displayName,
          username,
          wallets,
        })),
      });

      const { token } = (await (await app.request('/api/demo/token?user=bob')).json()) as { token: string };
      const stats = await app.request('/api/stats', { headers: { authorization: `Bearer ${token}` } });
      expect(stats.status).toBe(200);
      jobStatsResponseSchema.parse(await stats.json());
    });

    it('refuse unknown users and a missing user', async () => {
      const { app } = createTestApp(test.db, { demo: { users: demoUsers } });
      expect((await app.request('/api/demo/token?user=mallory')).status).toBe(404);
      const missing = await app.request('/api/demo/token');
      expect(missing.status).toBe(400);
      expect((await errorOf(missing)).details?.fields).toHaveProperty('user');
    });

    it('refuse to start without a secret to sign with', () => {
      expect(() => createTestApp(test.db, { jwtSecret: undefined, demo: { users: demoUsers } })).toThrow(
        /JWT secret/,
      );
    });
  });

  it('uses the app clock for token expiry', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const { app } = createTestApp(test.db, { now: () => now });
    const validThen = await signTestToken('alice', { now, expiresIn: 60 });
    expect(
      (await app.request('/api/stats', { headers: { authorization: `Bearer ${validThen}` } })).status,
    ).toBe(200);
    const expiredThen = await signTestToken('alice', {
      now: new Date('2029-12-31T23:00:00Z'),
      expiresIn: 60,
    });
    expect(
      (await app.request('/api/stats', { headers: { authorization: `Bearer ${expiredThen}` } })).status,
    ).toBe(401);
  });
});

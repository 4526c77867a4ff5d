import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/startServer.js';
import { createRecordingLogger } from './helpers/testApp.js';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  createTestDatabase,
  testDatabaseUrl,
  testRedisUrl,
  type TestDatabase,
} from './helpers/testDatabase.js';

/** The variables reach the served app, and the limits key a real TCP peer. */
describe('startServer rate limits', () => {
  let dir: string;
  let postgres: TestDatabase | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-rate-limits-'));
    postgres = testDatabaseUrl ? await createTestDatabase({ migrated: false }) : undefined;
  });
  afterAll(async () => {
    await postgres?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('limits a loopback client over HTTP as PODIUM_RATE_LIMITS says, and never the health check', async () => {
    const server = await startServer({
      config: loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        PODIUM_DATA_DIR: join(dir, 'data'),
        DATABASE_URL: postgres?.connectionUrl ?? '',
        // Memory: a fixed Redis key (the loopback address) would be shared with other runs.
        REDIS_URL: '',
        PODIUM_RATE_LIMITS: '{"public":2}',
      }),
      logger: createRecordingLogger(),
    });
    try {
      const statuses = [];
      for (let n = 0; n < 3; n += 1) {
        const response = await fetch(`${server.url}/api/leaderboards/sellers`);
        statuses.push(`${response.status} ${response.headers.get('ratelimit-policy')}`);
      }
      expect(statuses).toEqual(['200 2;w=60', '200 2;w=60', '429 2;w=60']);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  // Two instances behind a load balancer count one client together; another app on the same
  // Redis (another PODIUM_REDIS_PREFIX) counts apart.
  it.runIf(testRedisUrl)('shares the limits through Redis under PODIUM_REDIS_PREFIX', async () => {
    const prefix = `podium-test:${randomBytes(6).toString('hex')}:`;
    const start = (redisPrefix: string, data: string) =>
      startServer({
        config: loadConfig({
          PORT: '0',
          HOST: '127.0.0.1',
          PODIUM_DATA_DIR: join(dir, data),
          DATABASE_URL: '',
          REDIS_URL: testRedisUrl!,
          PODIUM_REDIS_PREFIX: redisPrefix,
          PODIUM_RATE_LIMITS: '{"public":2}',
        }),
        logger: createRecordingLogger(),
      });
    const one = await start(`${prefix}app:`, 'one');
    const two = await start(`${prefix}app:`, 'two');
    const other = await start(`${prefix}other:`, 'other');
    try {
      const get = async (server: { url: string }) =>
        (await fetch(`${server.url}/api/leaderboards/sellers`)).status;
      expect([await get(one), await get(two), await get(one), await get(two)]).toEqual([200, 200, 429, 429]);
      expect(await get(other)).toBe(200);
    } finally {
      await Promise.all([one.close(), two.close(), other.close()]);
      const redis = new Redis(testRedisUrl!);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });
});

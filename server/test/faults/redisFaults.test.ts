import { healthResponseSchema } from 'podium-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisClient } from '../../src/redis.js';
import { createRecordingLogger, createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, testRedisUrl } from '../helpers/testDatabase.js';
import { startTcpProxy } from './tcpProxy.js';

/**
 * Redis (optional) going away and coming back, through a TCP proxy in front of the real Redis at
 * REDIS_URL (never the shared server itself): health degrades to `warn` (200), nothing crashes
 * (an unhandled 'error' would fail this file), and it passes again by itself once Redis is back.
 */
describe('Redis going away', () => {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.skipIf(!testRedisUrl)(
    'degrades health to warn, then passes again when Redis returns (needs REDIS_URL)',
    async () => {
      const test = await createTestDatabase();
      cleanups.push(test.cleanup);
      const target = new URL(testRedisUrl!);
      const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
      cleanups.push(() => proxy.close());
      const url = new URL(testRedisUrl!);
      url.host = `127.0.0.1:${proxy.port}`;
      const logger = createRecordingLogger();
      const redis = createRedisClient(url.toString(), logger);
      cleanups.push(() => redis.disconnect());
      const { app } = createTestApp(test.db, { redis, healthTimeoutMs: 500 });
      const health = async () => {
        const response = await app.request('/api/health');
        return { status: response.status, body: healthResponseSchema.parse(await response.json()) };
      };

      expect(await health()).toMatchObject({ status: 200, body: { status: 'pass' } });
      await proxy.cut();
      const during = await health();
      expect(during).toMatchObject({ status: 200, body: { status: 'warn' } });
      expect(during.body.checks['redis:responseTime']![0]!.status).toBe('warn');
      expect(
        logger.entries.some((entry) => entry.level === 'warn' && entry.message.startsWith('Redis')),
      ).toBe(true);

      await proxy.restore();
      // ioredis reconnects with a backoff (at most 5 s apart): back to pass without a restart.
      const deadline = Date.now() + 10_000;
      let after = await health();
      while (after.body.status !== 'pass' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await health();
      }
      expect(after).toMatchObject({ status: 200, body: { status: 'pass' } });
    },
  );
});

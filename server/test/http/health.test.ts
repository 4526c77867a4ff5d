import { healthResponseSchema, type HealthResponse } from 'podium-kit/core';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../src/db/createPostgresDatabase.js';
import { createRedisClient } from '../../src/redis.js';
import { createRecordingLogger, createTestApp } from '../helpers/testApp.js';
import { startHungServer } from '../helpers/hungServer.js';
import { createTestDatabase, testRedisUrl } from '../helpers/testDatabase.js';

async function health(app: { request: (path: string) => Response | Promise<Response> }) {
  const started = performance.now();
  const response = await app.request('/api/health');
  const elapsedMs = performance.now() - started;
  expect(response.headers.get('content-type')).toBe('application/health+json');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body: HealthResponse = healthResponseSchema.parse(await response.json());
  return { status: response.status, body, elapsedMs };
}

describe('GET /api/health', () => {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('passes with a working database, reporting its latency', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const { status, body } = await health(createTestApp(test.db).app);
    expect(status).toBe(200);
    expect(body.status).toBe('pass');
    // Referral analytics (issue 12) adds its views' ages and its cache's hit rate, live updates
    // (issue 14) the streams open: not dependencies.
    const dependencies = Object.keys(body.checks).filter(
      (key) =>
        !key.startsWith('podium_referral_') &&
        !key.startsWith('referralAnalyticsCache:') &&
        key !== 'live:connections',
    );
    expect(dependencies).toEqual(['database:responseTime']);
    const [check] = body.checks['database:responseTime']!;
    expect(check).toMatchObject({ componentId: test.kind, status: 'pass', observedUnit: 'ms' });
    expect(check!.observedValue).toBeGreaterThanOrEqual(0);
  });

  it('fails with 503 when the database query throws, without leaking the error', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const client = createTestApp(test.db);
    await test.db.close();
    const { status, body } = await health(client.app);
    expect(status).toBe(503);
    expect(body.status).toBe('fail');
    expect(body.checks['database:responseTime']![0]).toMatchObject({
      status: 'fail',
      output: 'check failed',
    });
    expect(
      client.logger.entries.some((entry) => entry.level === 'warn' && entry.message.includes('database')),
    ).toBe(true);
  });

  it('answers within the timeout when the database hangs', async () => {
    const hung = await startHungServer();
    cleanups.push(() => hung.close());
    const db = createPostgresDatabase({ url: `${hung.url('postgres')}/podium` });
    cleanups.push(() => Promise.race([db.close(), new Promise((resolve) => setTimeout(resolve, 100))]));
    const { status, body, elapsedMs } = await health(createTestApp(db, { healthTimeoutMs: 300 }).app);
    expect(status).toBe(503);
    expect(body.checks['database:responseTime']![0]).toMatchObject({
      status: 'fail',
      output: 'timed out after 300 ms',
      observedValue: 300,
    });
    expect(elapsedMs).toBeLessThan(1_500);
  });

  it('warns (200) within the timeout when Redis hangs', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const hung = await startHungServer();
    cleanups.push(() => hung.close());
    const redis = createRedisClient(hung.url('redis'), createRecordingLogger());
    cleanups.push(() => redis.disconnect());

    const { status, body, elapsedMs } = await health(
      createTestApp(test.db, { redis, healthTimeoutMs: 300 }).app,
    );
    expect(status).toBe(200);
    expect(body.status).toBe('warn');
    expect(body.checks['database:responseTime']![0]!.status).toBe('pass');
    expect(body.checks['redis:responseTime']![0]).toMatchObject({
      componentId: 'redis',
      status: 'warn',
      output: 'timed out after 300 ms',
    });
    expect(elapsedMs).toBeLessThan(1_500);
  });

  it('warns when Redis refuses connections', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    // A port that was free a moment ago: nothing listens there.
    const hung = await startHungServer();
    const url = hung.url('redis');
    await hung.close();
    const redis = createRedisClient(url, createRecordingLogger());
    cleanups.push(() => redis.disconnect());
    const { status, body } = await health(createTestApp(test.db, { redis, healthTimeoutMs: 1_000 }).app);
    expect(status).toBe(200);
    expect(body.checks['redis:responseTime']![0]!.status).toBe('warn');
  });

  it('still passes when a dependency is slow but answers within the timeout', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const slowRedis = { ping: () => new Promise((resolve) => setTimeout(() => resolve('PONG'), 150)) };
    const { status, body } = await health(
      createTestApp(test.db, { redis: slowRedis, healthTimeoutMs: 1_000 }).app,
    );
    expect(status).toBe(200);
    expect(body.status).toBe('pass');
    expect(body.checks['redis:responseTime']![0]!.observedValue).toBeGreaterThanOrEqual(140);
  });

  // CI sets REDIS_URL: then this must pass against the real server (an unreachable Redis fails it).
  it.skipIf(!testRedisUrl)('passes against the real Redis at REDIS_URL', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const redis: Redis = createRedisClient(testRedisUrl!, createRecordingLogger());
    cleanups.push(() => redis.quit());
    const { status, body } = await health(createTestApp(test.db, { redis }).app);
    expect(body.checks['redis:responseTime']![0]).toMatchObject({ componentId: 'redis', status: 'pass' });
    expect(body.status).toBe('pass');
    expect(status).toBe(200);
  });
});

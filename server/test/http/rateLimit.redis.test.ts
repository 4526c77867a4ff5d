import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient } from '../../src/redis.js';
import { createRecordingLogger, createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../helpers/testDatabase.js';

// Runs whenever REDIS_URL is set (CI's `npm run test:postgres` sets it) and then fails, never
// skips, when that Redis cannot be reached.
describe.runIf(testRedisUrl)('rate limits shared through Redis', () => {
  const keyPrefix = `podium-test:rl:${randomBytes(6).toString('hex')}`;
  const board = '/api/leaderboards/sellers';
  const rules = { public: { limit: 4, windowSeconds: 60 } };
  const clients: Redis[] = [];
  let test: TestDatabase;

  const connectedClient = async () => {
    const client = createRedisClient(testRedisUrl!, createRecordingLogger());
    clients.push(client);
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    return client;
  };

  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    const admin = await connectedClient();
    const keys = await admin.keys(`${keyPrefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    for (const client of clients) client.disconnect();
    await test.cleanup();
  });

  it('enforces one limit across two app instances', async () => {
    const [first, second] = [
      createTestApp(test.db, {
        rateLimits: { rules, keyPrefix: `${keyPrefix}:shared`, redis: await connectedClient() },
      }).app,
      createTestApp(test.db, {
        rateLimits: { rules, keyPrefix: `${keyPrefix}:shared`, redis: await connectedClient() },
      }).app,
    ];
    const seen: string[] = [];
    for (let n = 0; n < 6; n += 1) {
      const response = await (n % 2 === 0 ? first : second).request(board);
      seen.push(`${response.status} ${response.headers.get('ratelimit')?.replace(/, reset=\d+/, '')}`);
    }
    expect(seen).toEqual([
      '200 limit=4, remaining=3',
      '200 limit=4, remaining=2',
      '200 limit=4, remaining=1',
      '200 limit=4, remaining=0',
      '429 limit=4, remaining=0',
      '429 limit=4, remaining=0',
    ]);
    expect((await (await connectedClient()).keys(`${keyPrefix}:shared*`)).length).toBeGreaterThan(0);
  });

  it('falls back to memory, without a 5xx, when Redis goes away', async () => {
    const redis = await connectedClient();
    const app = createTestApp(test.db, { rateLimits: { rules, keyPrefix: `${keyPrefix}:away`, redis } }).app;
    expect((await app.request(board)).headers.get('ratelimit')).toMatch(/^limit=4, remaining=3,/);
    redis.disconnect();
    const statuses = [];
    for (let n = 0; n < 6; n += 1) statuses.push((await app.request(board)).status);
    // Memory starts its own count: four more, then the limit holds.
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('uses memory from the start when Redis is unreachable', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const redis = createRedisClient(`redis://127.0.0.1:${closedPort}`, createRecordingLogger());
    clients.push(redis);
    const app = createTestApp(test.db, {
      rateLimits: { rules, keyPrefix: `${keyPrefix}:closed`, redis },
    }).app;
    const statuses = [];
    for (let n = 0; n < 6; n += 1) statuses.push((await app.request(board)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});

import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisClient } from '../../src/redis.js';
import { createRecordingLogger, createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, testRedisUrl } from '../helpers/testDatabase.js';
import { scoresApiKey, scoresClient } from '../scoring/scoringFixtures.js';
import { dataOf, listenOnFreePort, openEventStream } from './sseClient.js';

/**
 * With the boards in Redis the change is counted by the outbox drain: the event must still come
 * within a second, with the version the drain counted. Needs REDIS_URL (keys under their own prefix).
 */
describe.runIf(testRedisUrl)('live updates with the points boards in Redis (needs REDIS_URL)', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('announces a board change once Redis has it', async () => {
    const prefix = `podium-test:${randomBytes(6).toString('hex')}:`;
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const redis = createRedisClient(testRedisUrl!, createRecordingLogger());
    cleanups.push(async () => {
      const keys = await redis.keys(`*${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    });
    const { app } = createTestApp(test.db, {
      apiKey: scoresApiKey,
      scoring: { redis: { client: redis, prefix } },
    });
    const server = await listenOnFreePort(app);
    cleanups.push(server.close);
    const stream = await openEventStream(`${server.url}/api/events?topics=points:lifetime`);
    cleanups.push(stream.close);
    await stream.next((m) => m.retry !== undefined);

    // The first write loads the Redis scripts; the second is the one measured.
    await scoresClient(app).record({ eventId: 'rb0', userId: 'bob', action: 'TRADE_EXECUTE' });
    await stream.next((m) => m.event === 'leaderboard.changed', 3_000);
    await new Promise((resolve) => setTimeout(resolve, 250)); // past the coalescing window
    const wrote = performance.now();
    await scoresClient(app).record({ eventId: 'rb1', userId: 'alice', action: 'TRADE_EXECUTE' });
    const event = await stream.next((m) => m.event === 'leaderboard.changed', 1_000);
    expect(performance.now() - wrote).toBeLessThan(1_000);
    const [row] = await test.db.query<{ version: unknown }>(
      "SELECT version FROM podium_score_board_versions WHERE board = 'lifetime'",
    );
    expect(dataOf(event).version).toBe(String(row!.version));
  });
});

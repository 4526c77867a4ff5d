import { randomBytes } from 'node:crypto';
import { leaderboardResponseSchema, tieModes, type LeaderboardResponse } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../helpers/testDatabase.js';
import { startRedisCluster, type TestRedisCluster } from '../helpers/redisCluster.js';
import { scoresApiKey as apiKey, scoresClient, sendConcurrentBurst } from './scoringFixtures.js';

/**
 * The Redis projection on a real three-node Redis Cluster that this file starts on free ports:
 * the boards spread over the nodes, answer like SQL, and a burst of concurrent events with
 * replays gives exact totals. Runs with the Redis suite (REDIS_URL set, as in CI), and fails
 * rather than skips when redis-server cannot start a cluster.
 */
describe.runIf(testRedisUrl)('points boards on a Redis Cluster', () => {
  const prefix = `podium-test:${randomBytes(4).toString('hex')}:`;
  const now = new Date('2026-11-27T12:00:00.000Z');
  let cluster: TestRedisCluster;
  let sqlTest: TestDatabase;
  let clusterTest: TestDatabase;
  let handles: Database[];

  beforeAll(async () => {
    cluster = await startRedisCluster();
    sqlTest = await createTestDatabase();
    clusterTest = await createTestDatabase();
    handles = Array.from({ length: 3 }, () => clusterTest.openAnother());
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    await sqlTest?.cleanup();
    await clusterTest?.cleanup();
  });

  const clusterApp = (db: Database) =>
    scoresClient(
      createTestApp(db, { apiKey, now: () => now, scoring: { redis: { client: cluster.client, prefix } } })
        .app,
    );

  it('counts a burst of concurrent events with replays exactly, like SQL, with boards on every node', async () => {
    const sql = scoresClient(createTestApp(sqlTest.db, { apiKey, now: () => now }).app);
    const viaCluster = handles.map(clusterApp);
    const burst = { distinct: 400, duplicates: 100, now, prefix: 'burst' };
    expect(await sendConcurrentBurst(viaCluster, burst)).toEqual({ scored: 400, replayed: 100 });
    expect(await sendConcurrentBurst([sql], burst)).toEqual({ scored: 400, replayed: 100 });

    const read = async (client: ReturnType<typeof scoresClient>, query: string) =>
      ({
        ...leaderboardResponseSchema.parse(await client.json(client.get(`/scores/leaderboard?${query}`))),
        updatedAt: null,
      }) as LeaderboardResponse;
    for (const ties of tieModes) {
      for (const query of [
        `ties=${ties}&limit=100`,
        `ties=${ties}&timeframe=daily&category=referral`,
        `ties=${ties}&limit=5&around=burst-u7`,
      ]) {
        expect(await read(viaCluster[0]!, query)).toEqual(await read(sql, query));
      }
    }

    // The boards' keys are spread: more than one primary holds some of them.
    const holders = await Promise.all(
      cluster.client.nodes('master').map(async (node) => (await node.keys(`*${prefix}*`)).length),
    );
    expect(holders.filter((n) => n > 0).length).toBeGreaterThan(1);
  }, 120_000);
});

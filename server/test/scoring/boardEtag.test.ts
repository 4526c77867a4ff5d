import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { leaderboardResponseSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { createRedisClient } from '../../src/redis.js';
import { rebuildRedisScoreBoards } from '../../src/scoring/rebuildRedisScoreBoards.js';
import { rebuildScores } from '../../src/scoring/rebuildScores.js';
import { createRecordingLogger, createTestApp } from '../helpers/testApp.js';
import { recordingDatabase } from '../helpers/recordingDatabase.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { boardStores, dropRedisRun, scoresApiKey as apiKey, scoresClient } from './scoringFixtures.js';

/** Statements that read the board's rows (the page, its total, its ranks). */
const readsBoardRows = (sql: string) => /\bpodium_score_boards\b|podium_score_events/.test(sql);

/**
 * The points board's ETag is decided from versions before any page query runs (issue 13: an
 * unchanged poll costs two key lookups, not a page), and every change that alters the answer
 * moves it: a write (even one dated before the board's last update), a revocation, a user's new
 * name; with Redis boards, the change reaching Redis.
 */
describe.each(boardStores)('points board ETag ($kind)', ({ redisUrl }) => {
  const prefix = `podium-test:${randomBytes(6).toString('hex')}:`;
  const clock = new Date('2026-11-27T12:00:00.000Z');
  const log: string[] = [];
  let test: TestDatabase;
  let redis: Redis | undefined;
  let api: ReturnType<typeof scoresClient>;

  beforeAll(async () => {
    test = await createTestDatabase();
    redis = redisUrl ? createRedisClient(redisUrl, createRecordingLogger()) : undefined;
    const { app } = createTestApp(recordingDatabase(test.db, log), {
      apiKey,
      now: () => clock,
      ...(redis ? { scoring: { redis: { client: redis, prefix } } } : {}),
    });
    api = scoresClient(app);
    await api.record({ eventId: 'seed-1', userId: 'ada', action: 'REFERRAL_TRADE' });
  });
  afterAll(async () => {
    await dropRedisRun(redis, prefix);
    await test.cleanup();
  });

  const poll = (etag: string, path = '/scores/leaderboard') =>
    api.send('GET', path, undefined, { 'if-none-match': etag });
  const current = async (path = '/scores/leaderboard') => {
    const response = await api.get(path);
    expect(response.status).toBe(200);
    return {
      etag: response.headers.get('etag')!,
      body: leaderboardResponseSchema.parse(await response.json()),
    };
  };

  it('answers an unchanged poll with a 304 without reading the board', async () => {
    for (const path of ['/scores/leaderboard', '/scores/leaderboard?ties=dense&limit=5&around=ada']) {
      const { etag } = await current(path);
      log.length = 0;
      const response = await poll(etag, path);
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(log.filter(readsBoardRows)).toEqual([]);
    }
  });

  it('serves an unchanged answer from memory: the same body, no board read', async () => {
    const first = await current('/scores/leaderboard?limit=3');
    log.length = 0;
    expect(await current('/scores/leaderboard?limit=3')).toEqual(first);
    expect(log.filter(readsBoardRows)).toEqual([]);
  });

  it('moves on a write dated before the board was last updated', async () => {
    const { etag } = await current();
    const earlier = new Date(clock.getTime() - 2 * 3_600_000).toISOString();
    await api.record({ eventId: 'late-1', userId: 'bea', action: 'REFERRAL_TRADE', occurredAt: earlier });
    expect((await poll(etag)).status).toBe(200);
    expect((await current()).body.entries.map((e) => e.userId)).toContain('bea');
  });

  it('moves on a revocation', async () => {
    await api.record({ eventId: 'gone-1', userId: 'cy', action: 'REFERRAL_TRADE' });
    const { etag } = await current();
    expect((await api.revoke('gone-1')).status).toBe(200);
    expect((await poll(etag)).status).toBe(200);
    expect((await current()).body.entries.map((e) => e.userId)).not.toContain('cy');
  });

  it("moves when a ranked user's name or avatar changes, and only then", async () => {
    const { etag } = await current();
    const put = (body: unknown) =>
      api.send('PUT', '/users/ada', body, { 'content-type': 'application/json' });
    expect((await put({ displayName: 'Ada L.' })).status).toBeLessThan(300);
    expect((await poll(etag)).status).toBe(200);
    const renamed = await current();
    expect(renamed.body.entries.find((e) => e.userId === 'ada')?.displayName).toBe('Ada L.');
    // The same name again changes nothing a board shows.
    expect((await put({ displayName: 'Ada L.' })).status).toBeLessThan(300);
    expect((await poll(renamed.etag)).status).toBe(304);
  });

  it('moves when a rebuild corrects boards that drifted behind its back', async () => {
    const { etag, body } = await current();
    const leader = body.entries[0]!;
    if (redis) {
      await redis.zincrby(`{${prefix}b:lifetime}`, 1_000, leader.userId);
      expect((await poll(etag)).status).toBe(304); // the drift itself is invisible to the version
      await rebuildRedisScoreBoards(test.db, redis, prefix);
    } else {
      await test.db.query("UPDATE podium_score_boards SET value = value + 1000 WHERE board = 'lifetime'");
      expect((await poll(etag)).status).toBe(304);
      await rebuildScores(test.db, clock);
    }
    // The rebuild ran on its own handle (another process, as the CLI is): this instance hears of
    // it through a notification, a few milliseconds later.
    await expect.poll(async () => (await poll(etag)).status).toBe(200);
    expect((await current()).body.entries[0]).toEqual(leader);
  });

  it('gives different pages and tie modes different ETags', async () => {
    const a = await current('/scores/leaderboard?limit=1');
    const b = await current('/scores/leaderboard?limit=1&offset=1');
    const c = await current('/scores/leaderboard?limit=1&ties=dense');
    expect(new Set([a.etag, b.etag, c.etag]).size).toBe(3);
    expect((await poll(a.etag, '/scores/leaderboard?limit=1&offset=1')).status).toBe(200);
  });
});

describe('points board ETag when counting a change fails after the commit', () => {
  it('answers the write 200 (a retry would be a replay) and counts the change with the next attempt', async () => {
    const test = await createTestDatabase();
    try {
      let failCounts = 1;
      const flaky: Database = {
        ...test.db,
        query: (sql, params) => {
          if (/INSERT INTO podium_score_board_versions/.test(sql) && failCounts-- > 0)
            return Promise.reject(new Error('connection lost'));
          return test.db.query(sql, params);
        },
      };
      const clock = new Date('2026-11-27T12:00:00.000Z');
      const api = scoresClient(createTestApp(flaky, { apiKey, now: () => clock }).app);
      await api.record({ eventId: 'a-1', userId: 'ada', action: 'REFERRAL_TRADE' });
      const etag = (await api.get('/scores/leaderboard')).headers.get('etag')!;
      const write = await api.record({ eventId: 'a-2', userId: 'bea', action: 'REFERRAL_TRADE' });
      expect(write.status).toBe(200);
      expect(await write.json()).toMatchObject({ status: 'scored' });
      // Not counted yet: the old ETag would still be "unchanged"; the retry (within a second) counts it.
      await expect
        .poll(
          async () =>
            (await api.send('GET', '/scores/leaderboard', undefined, { 'if-none-match': etag })).status,
          {
            timeout: 5_000,
          },
        )
        .toBe(200);
    } finally {
      await test.cleanup();
    }
  });
});

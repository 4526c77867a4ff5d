import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { userScoreSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedisClient } from '../../src/redis.js';
import { recordDailyRanks } from '../../src/scoring/rankHistory.js';
import { createRecordingLogger, createTestApp } from '../helpers/testApp.js';
import { recordingDatabase } from '../helpers/recordingDatabase.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { boardStores, dropRedisRun, scoresApiKey as apiKey, scoresClient } from './scoringFixtures.js';

/**
 * A user's score answer is made from what is kept in memory by the board's version and the user's
 * generation (issue 13): an unchanged poll runs no statement, and every change that alters the
 * answer shows on whichever instance it was written: the user's own event or revocation, another
 * user overtaking them.
 */
describe.each(boardStores)('user score answers from memory ($kind)', ({ redisUrl }) => {
  const prefix = `podium-test:${randomBytes(6).toString('hex')}:`;
  const clock = new Date('2026-11-27T12:00:00.000Z');
  const log: string[] = [];
  let test: TestDatabase;
  let redis: Redis | undefined;
  let a: ReturnType<typeof scoresClient>;
  let b: ReturnType<typeof scoresClient>;
  let serial = 0;

  beforeAll(async () => {
    test = await createTestDatabase();
    redis = redisUrl ? createRedisClient(redisUrl, createRecordingLogger()) : undefined;
    const options = {
      apiKey,
      now: () => clock,
      ...(redis ? { scoring: { redis: { client: redis, prefix } } } : {}),
    };
    // Two instances on one database (and one Redis).
    a = scoresClient(createTestApp(recordingDatabase(test.db, log), options).app);
    b = scoresClient(createTestApp(test.db, options).app);
    await record(b, 'ada');
  });
  afterAll(async () => {
    await dropRedisRun(redis, prefix);
    await test.cleanup();
  });

  async function record(client: typeof a, userId: string) {
    const eventId = `e-${(serial += 1)}`;
    const response = await client.record({ eventId, userId, action: 'REFERRAL_TRADE' });
    expect(response.status).toBe(200);
    return eventId;
  }
  async function score(client: typeof a, userId: string) {
    const response = await client.get(`/scores/${userId}`);
    expect(response.status).toBe(200);
    return userScoreSchema.parse(await response.json());
  }

  it('answers an unchanged poll without any statement once it hears of every change', async () => {
    await vi.waitFor(async () => {
      await score(a, 'ada');
      log.length = 0;
      expect((await score(a, 'ada')).recentActions).toHaveLength(1);
      expect(log).toEqual([]);
    });
  });

  it("shows the user's own event written on the other instance", async () => {
    const before = await score(a, 'ada');
    const eventId = await record(b, 'ada');
    await vi.waitFor(async () => expect((await score(a, 'ada')).recentActions[0]?.eventId).toBe(eventId));
    expect((await score(a, 'ada')).score).toBeGreaterThan(before.score);
  });

  it('shows an event on another board in the recent actions (the board asked for did not change)', async () => {
    const path = '/scores/ada?category=trading';
    expect((await a.get(path)).status).toBe(200);
    const eventId = await record(b, 'ada');
    await vi.waitFor(async () => {
      const answer = userScoreSchema.parse(await (await a.get(path)).json());
      expect(answer.recentActions[0]?.eventId).toBe(eventId);
    });
  });

  it("shows this instance's own event at once, on every board", async () => {
    for (let i = 0; i < 3; i += 1) {
      // Read first, so the answer is in memory when the event is written.
      const other = await a.get('/scores/ada?category=trading');
      expect(other.status).toBe(200);
      const eventId = await record(a, 'ada');
      const now = await score(a, 'ada');
      expect(now.recentActions[0]?.eventId).toBe(eventId);
      // A board the event did not touch: only the user's own key says it changed.
      const trading = userScoreSchema.parse(await (await a.get('/scores/ada?category=trading')).json());
      expect(trading.recentActions[0]?.eventId).toBe(eventId);
    }
  });

  it('moves the rank when another user overtakes on the other instance', async () => {
    expect((await score(a, 'ada')).rank).toBe(1);
    const ada = await score(a, 'ada');
    for (let i = 0; i <= ada.recentActions.length; i += 1) await record(b, 'bob');
    await vi.waitFor(async () => expect((await score(a, 'ada')).rank).toBe(2));
  });

  it('shows the day ranks recorded by the other instance in the rank history', async () => {
    const before = await score(a, 'ada');
    expect(before.rankHistory.map((point) => point.day)).not.toContain('2026-11-26');
    expect(await recordDailyRanks(test.db, '2026-11-26', clock)).toBeGreaterThan(0);
    await vi.waitFor(async () =>
      expect((await score(a, 'ada')).rankHistory.map((point) => point.day)).toContain('2026-11-26'),
    );
  });

  it('keeps apps on one database handle apart (they share its version cache)', async () => {
    const options = {
      apiKey,
      now: () => clock,
      ...(redis ? { scoring: { redis: { client: redis, prefix } } } : {}),
    };
    const sharedLog: string[] = [];
    const shared = recordingDatabase(test.db, sharedLog);
    const [one, two] = [1, 2].map(() => scoresClient(createTestApp(shared, options).app));
    const path = '/scores/dee?category=trading';
    await record(b, 'dee');
    // Both keep the answer in memory (once the handle hears of every change).
    await vi.waitFor(async () => {
      for (const app of [one!, two!]) expect((await app.get(path)).status).toBe(200);
      sharedLog.length = 0;
      for (const app of [one!, two!]) expect((await app.get(path)).status).toBe(200);
      expect(sharedLog).toEqual([]);
    });
    // A change of the user that moves no board of this query.
    const eventId = await record(b, 'dee');
    // The second app first: its own first generation is the one the first app made.
    for (const app of [two!, one!]) {
      await vi.waitFor(async () => {
        const answer = userScoreSchema.parse(await (await app.get(path)).json());
        expect(answer.recentActions[0]?.eventId).toBe(eventId);
      });
    }
  });

  it("moves the streak at the user's own midnight while the answer is kept (a quarter hour of UTC)", async () => {
    // Kathmandu is UTC+05:45: its midnight falls on a quarter hour, not on a whole hour of UTC.
    let at = new Date('2026-11-27T12:00:00.000Z');
    const ownLog: string[] = [];
    const app = scoresClient(
      createTestApp(recordingDatabase(test.db, ownLog), {
        apiKey,
        now: () => at,
        ...(redis ? { scoring: { redis: { client: redis, prefix } } } : {}),
      }).app,
    );
    expect((await app.send('PUT', '/users/kathmandu', { timeZone: 'Asia/Kathmandu' })).status).toBe(201);
    const event = { eventId: `e-${(serial += 1)}`, userId: 'kathmandu', action: 'TRADE_EXECUTE' };
    expect((await app.record(event)).status).toBe(200);
    const streakAt = async (instant: string) => {
      at = new Date(instant);
      return (await score(app, 'kathmandu')).streak;
    };
    // 23:59:59 on the 28th in Kathmandu: the day after the event, nothing missed yet.
    const lastMinute = await vi.waitFor(async () => {
      const streak = await streakAt('2026-11-28T18:14:59.000Z');
      ownLog.length = 0;
      expect(await streakAt('2026-11-28T18:14:59.500Z')).toEqual(streak);
      expect(ownLog).toEqual([]);
      return streak;
    });
    expect(lastMinute).toMatchObject({ current: 1, lastActiveDay: '2026-11-27' });
    // 00:00 on the 29th: the 28th went by without an action (a freeze spent, or the streak lost).
    expect(await streakAt('2026-11-28T18:15:00.000Z')).not.toEqual(lastMinute);
  });

  it('shows the time zone given by the first PUT of a user who already has points', async () => {
    let at = new Date('2026-11-27T12:00:00.000Z');
    const ownLog: string[] = [];
    const options = {
      apiKey,
      now: () => at,
      ...(redis ? { scoring: { redis: { client: redis, prefix } } } : {}),
    };
    const one = scoresClient(createTestApp(recordingDatabase(test.db, ownLog), options).app);
    const two = scoresClient(createTestApp(test.db, options).app);
    const event = { eventId: `e-${(serial += 1)}`, userId: 'latecomer', action: 'TRADE_EXECUTE' };
    expect((await two.record(event)).status).toBe(200);
    // 20:00 UTC on the 28th: still the 28th in UTC (nothing missed), the 29th in Tokyo.
    at = new Date('2026-11-28T20:00:00.000Z');
    const inUtc = await vi.waitFor(async () => {
      const streak = (await score(one, 'latecomer')).streak;
      ownLog.length = 0;
      expect((await score(one, 'latecomer')).streak).toEqual(streak);
      expect(ownLog).toEqual([]);
      return streak;
    });
    expect((await two.send('PUT', '/users/latecomer', { timeZone: 'Asia/Tokyo' })).status).toBe(201);
    await vi.waitFor(async () => expect((await score(one, 'latecomer')).streak).not.toEqual(inUtc));
  });

  it('shows a revocation made on the other instance', async () => {
    const eventId = await record(a, 'cy');
    expect((await score(a, 'cy')).recentActions.map((action) => action.eventId)).toEqual([eventId]);
    expect((await b.revoke(eventId)).status).toBe(200);
    await vi.waitFor(async () => expect((await score(a, 'cy')).recentActions).toEqual([]));
  });
});

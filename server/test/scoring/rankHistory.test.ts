import { userScoreSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDailyRanks } from '../../src/scoring/rankHistory.js';
import { recordingDatabase } from '../helpers/recordingDatabase.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { scoresApiKey as apiKey, scoresClient } from './scoringFixtures.js';

describe('the rank history', () => {
  let test: TestDatabase;
  let clock = new Date('2026-11-26T12:00:00.000Z');
  let api: ReturnType<typeof scoresClient>;

  beforeAll(async () => {
    test = await createTestDatabase();
    api = scoresClient(createTestApp(test.db, { apiKey, now: () => clock }).app);
  });
  afterAll(() => test.cleanup());

  const history = async (userId: string) =>
    userScoreSchema.parse(await api.json(api.get(`/scores/${userId}`))).rankHistory;

  it('has a point a day for every ranked user, whether or not they looked, recorded once a day', async () => {
    // 100 + 100 + 25 points: a tie for first, then third (standard ranks), and one revoked to zero.
    for (const [eventId, userId, action] of [
      ['r1', 'ana', 'REFERRAL_SIGNUP'],
      ['r2', 'ben', 'REFERRAL_SIGNUP'],
      ['r3', 'cai', 'REFERRAL_TRADE'],
      ['r4', 'dee', 'REFERRAL_TRADE'],
    ] as const) {
      expect((await api.record({ eventId, userId, action })).status).toBe(200);
    }
    expect((await api.revoke('r4')).status).toBe(200);

    // Just after midnight UTC: the day that ended is recorded, for everyone ranked.
    clock = new Date('2026-11-27T00:00:05.000Z');
    expect(await recordDailyRanks(test.db, '2026-11-26', clock)).toBe(3);
    const ranks = await test.db.query<{ user_id: string; rank: unknown }>(
      "SELECT user_id, rank FROM podium_score_rank_history WHERE day = '2026-11-26' ORDER BY user_id",
    );
    expect(ranks.map((r) => [r.user_id, Number(r.rank)])).toEqual([
      ['ana', 1],
      ['ben', 1],
      ['cai', 3],
    ]);
    // Another instance (or a restart) the same day records nothing again.
    expect(await recordDailyRanks(test.db, '2026-11-26', clock)).toBeNull();
    expect(await recordDailyRanks(test.db, '2026-11-25', clock)).toBeNull();

    // Cai climbs; the next night records the new order. Cai never read their score.
    expect((await api.record({ eventId: 'r5', userId: 'cai', action: 'REFERRAL_SIGNUP' })).status).toBe(200);
    clock = new Date('2026-11-28T00:00:05.000Z');
    expect(await recordDailyRanks(test.db, '2026-11-27', clock)).toBe(3);
    expect(await history('cai')).toEqual([
      { day: '2026-11-26', rank: 3 },
      { day: '2026-11-27', rank: 1 },
      // Reading it adds today's point (the rank now).
      { day: '2026-11-28', rank: 1 },
    ]);
    expect(await history('dee')).toEqual([]);
  });

  it("writes today's point only when the rank moved, not on every poll", async () => {
    const log: string[] = [];
    const watched = scoresClient(
      createTestApp(recordingDatabase(test.db, log), { apiKey, now: () => clock }).app,
    );
    const writes = () => log.filter((sql) => /INSERT INTO podium_score_rank_history/.test(sql)).length;
    const read = async (userId: string) =>
      userScoreSchema.parse(await watched.json(watched.get(`/scores/${userId}`))).rankHistory;
    clock = new Date('2026-11-28T09:00:00.000Z');
    const first = await read('ben');
    const written = writes();
    expect(await read('ben')).toEqual(first);
    expect(await read('ben')).toEqual(first);
    expect(writes()).toBe(written);

    // Someone passes Ben: his next read writes the new rank, once.
    expect((await api.record({ eventId: 'r6', userId: 'dee', action: 'REFERRAL_SIGNUP' })).status).toBe(200);
    expect((await api.record({ eventId: 'r7', userId: 'dee', action: 'REFERRAL_TRADE' })).status).toBe(200);
    const moved = await read('ben');
    expect(moved.at(-1)).toEqual({ day: '2026-11-28', rank: first.at(-1)!.rank + 1 });
    expect(writes()).toBe(written + 1);
    expect(await read('ben')).toEqual(moved);
    expect(writes()).toBe(written + 1);
    expect(await history('ben')).toEqual(moved);
  });
});

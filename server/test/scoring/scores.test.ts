import {
  errorBodySchema,
  eventBatchResultSchema,
  eventResultSchema,
  leaderboardResponseSchema,
  rankEntries,
  revocationResultSchema,
  tieModes,
  userAchievementsSchema,
  userScoreSchema,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { scoresApiKey as apiKey, scoresClient } from './scoringFixtures.js';

describe('/api/scores', () => {
  let test: TestDatabase;
  let clock = new Date('2026-11-27T12:00:00.000Z');
  let api: ReturnType<typeof scoresClient>;

  beforeAll(async () => {
    test = await createTestDatabase();
    const { app } = createTestApp(test.db, { apiKey, now: () => clock });
    api = scoresClient(app);
  });
  afterAll(() => test.cleanup());

  it('scores a trade by the rules, derives FIRST_TRADE once, and unlocks first_trade', async () => {
    const response = await api.record({
      eventId: 'e1',
      userId: 'alice',
      action: 'TRADE_EXECUTE',
      metadata: { volumeUSD: 1500, profitPercent: 12 },
    });
    expect(response.status).toBe(200);
    const result = eventResultSchema.parse(await response.json());
    // 10 × 2 (volume ≥ 1,000) × 1.5 (profit ≥ 10) = 30.
    expect(result).toMatchObject({ status: 'scored', points: 30 });
    expect(result.milestones.map((m) => m.action).sort()).toEqual(['FIRST_PROFITABLE_TRADE', 'FIRST_TRADE']);
    expect(result.achievements).toEqual(expect.arrayContaining(['first_trade', 'first_profitable_trade']));

    const second = eventResultSchema.parse(
      await api.json(
        api.record({ eventId: 'e2', userId: 'alice', action: 'TRADE_EXECUTE', metadata: { volumeUSD: 50 } }),
      ),
    );
    expect(second).toMatchObject({ status: 'scored', points: 10, milestones: [] });

    const score = userScoreSchema.parse(await api.json(api.get('/scores/alice')));
    expect(score.score).toBe(30 + 100 + 200 + 10);
    expect(score.rank).toBe(1);
    expect(score.actionCounts).toMatchObject({ TRADE_EXECUTE: 2, FIRST_TRADE: 1, FIRST_PROFITABLE_TRADE: 1 });
    expect(score.streak).toMatchObject({ current: 1, lastActiveDay: '2026-11-27' });
  });

  it('answers a replay with the original result and changes nothing; a changed payload is a 409', async () => {
    const body = {
      eventId: 'r1',
      userId: 'bob',
      action: 'STAKE_SSE',
      metadata: { amount: 20_000, days: 40 },
    };
    const first = eventResultSchema.parse(await api.json(api.record(body)));
    expect(first).toMatchObject({ status: 'scored', points: 45 });
    const again = eventResultSchema.parse(
      await api.json(api.record({ ...body, metadata: { days: 40, amount: 20_000 } })),
    );
    expect(again).toMatchObject({ status: 'replayed', replayed: true, originalStatus: 'scored', points: 45 });
    const conflict = await api.record({ ...body, metadata: { amount: 1 } });
    expect(conflict.status).toBe(409);
    expect(errorBodySchema.parse(await conflict.json()).error.code).toBe('conflict');
    const score = userScoreSchema.parse(await api.json(api.get('/scores/bob')));
    expect(score.score).toBe(45);
  });

  it('validates a batch all or nothing, naming the event and field', async () => {
    const events = Array.from({ length: 5 }, (_, i) => ({
      eventId: `b${i}`,
      userId: 'carol',
      action: 'COPY_TRADE',
    }));
    events[3] = { ...events[3]!, action: 'NOT_AN_ACTION' };
    const response = await api.record({ events });
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(await response.json());
    expect(Object.keys(body.error.details?.fields as object)).toEqual(['events[3].action']);
    const score = userScoreSchema.parse(await api.json(api.get('/scores/carol')));
    expect(score.score).toBe(0);
    expect(score.rank).toBeNull();
  });

  it('keeps the message of a 400 short for a batch of 1,000 bad events; details name every field', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({
      eventId: `bad id ${i}`,
      userId: 'carol',
      action: 'COPY_TRADE',
    }));
    const response = await api.record({ events });
    expect(response.status).toBe(400);
    const { error } = errorBodySchema.parse(await response.json());
    expect(error.message).toBe(
      'Invalid request: events[0].eventId, events[1].eventId, events[2].eventId, events[3].eventId, events[4].eventId and 995 more',
    );
    expect(Object.keys(error.details?.fields as object)).toHaveLength(1000);
  });

  it('scores a batch in order, with replays and conflicts per item', async () => {
    const response = await api.record({
      events: [
        { eventId: 'c1', userId: 'carol', action: 'PROFILE_COMPLETE' },
        { eventId: 'c2', userId: 'carol', action: 'PROFILE_COMPLETE' },
        { eventId: 'c1', userId: 'carol', action: 'PROFILE_COMPLETE' },
        { eventId: 'c1', userId: 'carol', action: 'PROFILE_VERIFIED' },
        { eventId: 'c3', userId: 'carol', action: 'FIRST_TRADE' },
      ],
    });
    expect(response.status).toBe(200);
    const { results } = eventBatchResultSchema.parse(await response.json());
    expect(results.map((r) => [r.status, r.reason ?? null, r.points])).toEqual([
      ['scored', null, 50],
      ['ignored', 'already_awarded', 0],
      ['replayed', null, 50],
      ['conflict', expect.any(String), 0],
      ['ignored', 'derived_milestone', 0],
    ]);
  });

  it('refuses future and too-old occurredAt naming the field', async () => {
    for (const occurredAt of ['2026-11-27T13:00:00.000Z', '2026-10-01T00:00:00.000Z']) {
      const response = await api.record({
        eventId: `t-${occurredAt}`,
        userId: 'dave',
        action: 'COPY_TRADE',
        occurredAt,
      });
      expect(response.status).toBe(400);
      expect(
        Object.keys(errorBodySchema.parse(await response.json()).error.details?.fields as object),
      ).toEqual(['occurredAt']);
    }
  });

  it('puts a backdated event in the period it happened, including ISO week-years', async () => {
    const previous = clock;
    clock = new Date('2025-01-03T12:00:00.000Z');
    try {
      const at = '2024-12-30T10:00:00.000Z';
      expect(
        (await api.record({ eventId: 'w1', userId: 'erin', action: 'REFERRAL_SIGNUP', occurredAt: at }))
          .status,
      ).toBe(200);
      const weekly = leaderboardResponseSchema.parse(
        await api.json(api.get('/scores/leaderboard?timeframe=weekly')),
      );
      expect(weekly.period).toMatchObject({ kind: 'week', key: '2025-W01' });
      expect(weekly.entries.map((e) => [e.userId, e.value])).toEqual([['erin', 100]]);
      const december = leaderboardResponseSchema.parse(
        await api.json(api.get('/scores/leaderboard?timeframe=monthly&period=2024-12')),
      );
      expect(december.entries.map((e) => e.userId)).toEqual(['erin']);
      const january = leaderboardResponseSchema.parse(
        await api.json(api.get('/scores/leaderboard?timeframe=monthly')),
      );
      expect(january.entries).toEqual([]);
    } finally {
      clock = previous;
    }
  });

  it('revokes an event with its milestones from every board; the milestone can be earned again', async () => {
    const before = userScoreSchema.parse(await api.json(api.get('/scores/alice')));
    // A reason Postgres cannot store is the caller's mistake, and nothing is revoked.
    const nul = await api.send('DELETE', '/scores/actions/e1?reason=a%00b');
    expect(nul.status).toBe(400);
    expect(JSON.stringify(await nul.json())).toContain('reason');
    const response = await api.revoke('e1');
    expect(response.status).toBe(200);
    const revoked = revocationResultSchema.parse(await response.json());
    expect(revoked).toMatchObject({ eventId: 'e1', points: 330, alreadyRevoked: false });
    expect(revoked.achievementsLost).toEqual(
      expect.arrayContaining(['first_trade', 'first_profitable_trade']),
    );
    const after = userScoreSchema.parse(await api.json(api.get('/scores/alice')));
    expect(after.score).toBe(before.score - 330);
    const daily = leaderboardResponseSchema.parse(
      await api.json(api.get('/scores/leaderboard?timeframe=daily&category=milestone')),
    );
    expect(daily.entries.find((e) => e.userId === 'alice')).toBeUndefined();
    expect((await api.revoke('e1')).status).toBe(200);
    expect((await api.revoke('nope')).status).toBe(404);
    const again = eventResultSchema.parse(
      await api.json(api.record({ eventId: 'e3', userId: 'alice', action: 'TRADE_EXECUTE' })),
    );
    expect(again.milestones.map((m) => m.action)).toEqual(['FIRST_TRADE']);
    const achievements = userAchievementsSchema.parse(await api.json(api.get('/scores/alice/achievements')));
    expect(achievements.achievements.find((a) => a.id === 'first_trade')).toMatchObject({ unlocked: true });
  });

  it("counts streak days in the user's own time zone", async () => {
    const put = await api.send('PUT', '/users/tokyo', { timeZone: 'Asia/Tokyo' });
    expect(put.status).toBe(201);
    // 20:00 UTC on the 27th is 05:00 on the 28th in Tokyo.
    await api.record({
      eventId: 'tz1',
      userId: 'tokyo',
      action: 'TRADE_EXECUTE',
      occurredAt: '2026-11-27T11:30:00.000Z',
    });
    const previous = clock;
    clock = new Date('2026-11-27T20:00:00.000Z');
    try {
      await api.record({ eventId: 'tz2', userId: 'tokyo', action: 'TRADE_EXECUTE' });
      const score = userScoreSchema.parse(await api.json(api.get('/scores/tokyo')));
      expect(score.streak).toMatchObject({ current: 2, longest: 2, lastActiveDay: '2026-11-28' });
    } finally {
      clock = previous;
    }
  });

  it('ranks ties as the core reference does, in every mode and on any page', async () => {
    // Ten users on a board of their own category: 25, 25, 25, 20, 20, 10, …, reached one after another.
    const points = [25, 25, 25, 20, 20, 10, 10, 10, 5, 5];
    for (const [i, value] of points.entries()) {
      const response = await api.adjust({
        eventId: `tie-${i}`,
        userId: `tie-u${i}`,
        points: value,
        reason: 'seed',
        category: 'ties',
        occurredAt: new Date(clock.getTime() - (10 - i) * 60_000).toISOString(),
      });
      expect(response.status).toBe(200);
    }
    const reference = points.map((value, i) => ({
      id: `tie-u${i}`,
      value,
      reachedAt: new Date(clock.getTime() - (10 - i) * 60_000).toISOString(),
    }));
    for (const ties of tieModes) {
      const expected = rankEntries(reference, ties).map(({ rank, entry }) => [entry.id, rank, entry.value]);
      for (const [offset, limit] of [
        [0, 10],
        [1, 3],
        [4, 4],
      ] as const) {
        const page = leaderboardResponseSchema.parse(
          await api.json(
            api.get(`/scores/leaderboard?category=ties&ties=${ties}&offset=${offset}&limit=${limit}`),
          ),
        );
        expect(page.entries.map((e) => [e.userId, e.rank, e.value])).toEqual(
          expected.slice(offset, offset + limit),
        );
        expect(page.total).toBe(10);
      }
    }
  });

  it('keeps the static paths and refuses their words as user ids', async () => {
    expect((await api.get('/scores/rules')).status).toBe(200);
    expect((await api.get('/scores/metrics')).status).toBe(200);
    const response = await api.record({ eventId: 'x1', userId: 'leaderboard', action: 'COPY_TRADE' });
    expect(response.status).toBe(400);
  });

  it('answers the leaderboard with an ETag, a 304 for an unchanged poll and a new ETag after a write', async () => {
    const first = await api.get('/scores/leaderboard');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    const poll = (tag: string) => api.send('GET', '/scores/leaderboard', undefined, { 'if-none-match': tag });
    expect((await poll(etag)).status).toBe(304);
    await api.record({ eventId: 'etag-1', userId: 'frank', action: 'REFERRAL_TRADE' });
    expect((await poll(etag)).status).toBe(200);
  });
});

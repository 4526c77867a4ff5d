import { describe, expect, it } from 'vitest';
import {
  createPointsLeaderboardFixture,
  createScoringHistory,
  createScoringWorld,
  createUserScoreFixture,
  scoringCurrentUserId,
  scoringHistoryDays,
  type ScoreEventInput,
} from '../../mocks/index.js';
import { getScoreMetrics, getScoringRules, getUserAchievements, getUserScore, recordAction, recordActions } from '../../src/scoring/api.js';
import {
  eventBatchResultSchema,
  eventResultSchema,
  revocationResultSchema,
  scoreLedgerSchema,
  scoreMetricsSchema,
  userAchievementsSchema,
  userScoreSchema,
  type ScoreLedger,
} from '../../src/scoring/contract.js';
import { defaultScoringRules } from '../../src/scoring/defaultScoringRules.js';
import { scoringRulesSchema } from '../../src/scoring/rules.js';
import { scoreAction } from '../../src/scoring/scoreAction.js';
import { createApiClient } from '../../src/shared/createApiClient.js';
import { errorBodySchema } from '../../src/shared/errors.js';
import { leaderboardResponseSchema } from '../../src/shared/leaderboard.js';
import { getLeaderboard, type LeaderboardParams } from '../../src/shared/leaderboardApi.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const base = 'http://podium.test/api';
// A Wednesday: the day, the ISO week (2026-W12 from Monday the 16th) and the month all differ.
const now = new Date('2026-03-18T09:30:00.000Z');
const { server, serve } = setupMswServer({ mocks: { baseUrl: base, now } });
const key = { 'x-api-key': 'test-key' };
/** Reads without a key, writes with one: the mocks take any key. */
const client = createApiClient({ baseUrl: base });
const writer = createApiClient({ baseUrl: base, headers: key });

async function board(params: LeaderboardParams<'points'> = {}, etag?: string | null) {
  const result = await getLeaderboard(client, 'points', params, { etag });
  if (result.notModified) throw new Error('unexpected 304');
  return result;
}

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = key) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const fieldsOf = (body: unknown) => Object.keys(errorBodySchema.parse(body).error.details?.fields ?? {});

async function ledger(userId: string, query = ''): Promise<ScoreLedger> {
  const { status, body } = await send('GET', `/scores/${userId}/ledger${query}`);
  expect(status).toBe(200);
  return scoreLedgerSchema.parse(body);
}

const trade = (eventId: string, userId: string, metadata: ScoreEventInput['metadata'] = {}): ScoreEventInput => ({
  eventId,
  userId,
  action: 'TRADE_EXECUTE',
  metadata,
});

describe('scoring mocks: reading', () => {
  it("serves a contract-valid score for the known user, consistent with the board", async () => {
    serve();
    const score = userScoreSchema.parse(await getUserScore(client, scoringCurrentUserId));
    expect(score).toMatchObject({ userId: scoringCurrentUserId, timeframe: 'lifetime', period: null, category: null, source: 'board' });
    const { data } = await board({ around: scoringCurrentUserId, limit: 5 });
    expect(data.around).toEqual({ userId: scoringCurrentUserId, rank: score.rank, value: score.score });
    expect(score.rankedUsers).toBe(data.total);
    expect(score.percentile).toBeGreaterThan(0);
    expect(score.percentile).toBeLessThanOrEqual(100);
    // Alice trades every day around noon in Paris: her streak runs through yesterday.
    expect(score.streak.current).toBeGreaterThanOrEqual(7);
    expect(score.streak.lastActiveDay).toBe('2026-03-17');
    expect(score.recentActions).toHaveLength(10);
    const times = score.recentActions.map((action) => action.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(score.actionCounts.TRADE_EXECUTE).toBeGreaterThan(10);
    expect(score.rankHistory.at(-1)).toEqual({ day: '2026-03-18', rank: score.rank });
  });

  it('serves each timeframe with its period, past periods, categories and trending decimals', async () => {
    serve();
    const periods = {
      lifetime: { kind: 'all-time' },
      daily: { kind: 'day', key: '2026-03-18', start: '2026-03-18T00:00:00.000Z', end: '2026-03-19T00:00:00.000Z' },
      weekly: { kind: 'week', key: '2026-W12', start: '2026-03-16T00:00:00.000Z', end: '2026-03-23T00:00:00.000Z' },
      monthly: { kind: 'month', month: '2026-03', key: '2026-03', start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' },
      trending: { kind: 'trending', asOf: '2026-03-18', decayPerDay: 0.9 },
    } as const;
    const totals: Record<string, number> = {};
    for (const [timeframe, period] of Object.entries(periods)) {
      const { data } = await board({ timeframe: timeframe as keyof typeof periods, limit: 100 });
      expect(leaderboardResponseSchema.parse(data)).toEqual(data);
      expect(data).toMatchObject({ board: 'points', unit: 'points', category: null, period });
      expect(data.valueDecimals).toBe(timeframe === 'trending' ? 1 : 0);
      const values = data.entries.map((entry) => entry.value);
      expect([...values].sort((a, b) => b - a)).toEqual(values);
      totals[timeframe] = data.total;
    }
    // Not everyone acted today or this week; lapsed players still count for all time.
    expect(totals.daily).toBeLessThan(totals.weekly!);
    expect(totals.weekly).toBeLessThan(totals.lifetime!);
    const trending = (await board({ timeframe: 'trending' })).data.entries;
    expect(trending.some((entry) => !Number.isInteger(entry.value))).toBe(true);

    const lastMonth = (await board({ timeframe: 'monthly', period: '2026-02' })).data;
    expect(lastMonth.period).toMatchObject({ kind: 'month', key: '2026-02' });
    expect(lastMonth.total).toBeGreaterThan(0);
    const trading = (await board({ category: 'trading', limit: 100 })).data;
    expect(trading.category).toBe('trading');
    const all = (await board({ limit: 100 })).data;
    const total = (data: typeof all, id: string) => data.entries.find((entry) => entry.userId === id)?.value ?? 0;
    for (const entry of trading.entries) expect(entry.value).toBeLessThanOrEqual(total(all, entry.userId));
    // Staking only: on the lifetime board, not on the trading one.
    expect(total(all, 'p_10')).toBeGreaterThan(0);
    expect(total(trading, 'p_10')).toBe(0);

    const weekly = userScoreSchema.parse(await getUserScore(client, scoringCurrentUserId, { timeframe: 'weekly' }));
    expect(weekly).toMatchObject({ timeframe: 'weekly', period: '2026-W12' });
  });

  it('answers 304 to a matching If-None-Match, and a new ETag once the board changed', async () => {
    serve();
    const first = await board({ limit: 10 });
    expect(first.etag).toBeTruthy();
    expect(await getLeaderboard(client, 'points', { limit: 10 }, { etag: first.etag })).toEqual({ notModified: true });
    await recordAction(writer, trade('etag-1', 'p_10', { volumeUSD: 20_000 }));
    const changed = await board({ limit: 10 }, first.etag);
    expect(changed.etag).not.toBe(first.etag);
  });

  it('ranks ties by the chosen mode and centres pages on `around`', async () => {
    const at = (hour: number) => `2026-03-10T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const events: ScoreEventInput[] = [
      { eventId: 'a', userId: 'a', action: 'REFERRAL_SIGNUP', occurredAt: at(1) },
      { eventId: 'c', userId: 'c', action: 'PROFILE_COMPLETE', occurredAt: at(2) },
      { eventId: 'b', userId: 'b', action: 'PROFILE_COMPLETE', occurredAt: at(3) },
      { eventId: 'd', userId: 'd', action: 'REFERRAL_TRADE', occurredAt: at(4) },
    ];
    serve({ scoringEvents: events });
    const ranks = async (ties: 'standard' | 'dense' | 'first-reached') =>
      (await board({ ties })).data.entries.map((entry) => `${entry.userId}${entry.rank}`);
    expect(await ranks('standard')).toEqual(['a1', 'c2', 'b2', 'd4']);
    expect(await ranks('dense')).toEqual(['a1', 'c2', 'b2', 'd3']);
    expect(await ranks('first-reached')).toEqual(['a1', 'c2', 'b3', 'd4']);

    const page = (await board({ limit: 1, around: 'b' })).data;
    expect(page).toMatchObject({ offset: 2, around: { userId: 'b', rank: 2, value: 50 } });
    expect((await board({ around: 'nobody' })).data).toMatchObject({ around: null, offset: 0 });
  });

  it('refuses bad queries and ids with the server error shape, static paths before user ids', async () => {
    serve();
    const bad = await send('GET', '/scores/leaderboard?timeframe=yearly&limit=500&ties=random');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['limit', 'ties', 'timeframe']);
    const period = await send('GET', '/scores/leaderboard?timeframe=weekly&period=2026-03');
    expect(errorBodySchema.parse(period.body).error.details?.fields).toEqual({ period: ['must be an ISO week such as 2026-W48'] });
    expect(fieldsOf((await send('GET', '/scores/leaderboard?timeframe=lifetime&period=2026-03')).body)).toEqual(['period']);
    expect(fieldsOf((await send('GET', `/scores/${scoringCurrentUserId}?timeframe=daily&period=2026-13-01`)).body)).toEqual(['period']);

    // `/scores/rules` is the rules; `/scores/actions` is no user.
    expect(scoringRulesSchema.parse(await getScoringRules(client))).toEqual(defaultScoringRules);
    const reserved = await send('GET', '/scores/actions');
    expect(reserved.status).toBe(400);
    expect(fieldsOf(reserved.body)).toEqual(['userId']);
    expect((await send('GET', `/scores/${encodeURIComponent('a\u0000b')}/achievements`)).status).toBe(400);
  });

  it('answers zeros for a user without points, and achievements with progress and rarity', async () => {
    serve();
    const nobody = userScoreSchema.parse(await getUserScore(client, 'newcomer'));
    expect(nobody).toMatchObject({ score: 0, rank: null, percentile: null, recentActions: [], rankHistory: [], actionCounts: {} });
    expect(nobody.streak).toEqual({ current: 0, longest: 0, lastActiveDay: null, freezesLeft: 1 });

    const mine = userAchievementsSchema.parse(await getUserAchievements(client, scoringCurrentUserId));
    expect(mine.achievements.map((a) => a.id)).toEqual(defaultScoringRules.achievements.map((a) => a.id));
    const byId = Object.fromEntries(mine.achievements.map((a) => [a.id, a]));
    expect(byId.first_trade).toMatchObject({ unlocked: true, progress: { current: 1, target: 1 } });
    expect(byId.first_trade!.unlockedAt).not.toBeNull();
    expect(byId.trading_streak_7!.unlocked).toBe(true);
    expect(byId.trades_100).toMatchObject({ unlocked: false, unlockedAt: null, progress: { target: 100 } });
    expect(byId.trades_100!.progress.current).toBe((await getUserScore(client, scoringCurrentUserId)).actionCounts.TRADE_EXECUTE);
    for (const achievement of mine.achievements) {
      expect(achievement.rarity).toBeGreaterThanOrEqual(0);
      expect(achievement.rarity).toBeLessThanOrEqual(100);
    }
    // One player of 24 kept a 30-day streak.
    expect(mine.scoredUsers).toBe(24);
    expect(byId.trading_streak_30!.rarity).toBe(4.2);

    const metrics = scoreMetricsSchema.parse(await getScoreMetrics(client));
    expect(metrics.scoredUsers).toBe(24);
    expect(metrics.activeToday).toBeGreaterThan(0);
    expect(metrics.topScorers[0]!.points).toBe((await board({ limit: 1 })).data.entries[0]!.value);
  });
});

describe('scoring mocks: writing', () => {
  it("raises the user's score by the engine's points, on every board it counts on", async () => {
    serve();
    const before = await getUserScore(client, scoringCurrentUserId);
    const weekBefore = await getUserScore(client, scoringCurrentUserId, { timeframe: 'weekly', category: 'trading' });
    const stakingBefore = await getUserScore(client, scoringCurrentUserId, { category: 'staking' });
    const metadata = { volumeUSD: 5_500, profitPercent: 60 };
    const result = eventResultSchema.parse(await recordAction(writer, trade('t-1', scoringCurrentUserId, metadata)));
    const expected = scoreAction(defaultScoringRules.actions.TRADE_EXECUTE!, metadata);
    expect(expected.points).toBe(60); // 10 × 3 (volume) × 2 (profit)
    expect(result).toMatchObject({ eventId: 't-1', status: 'scored', points: 60, multipliers: expected.multipliers, capped: false, milestones: [] });

    const after = await getUserScore(client, scoringCurrentUserId);
    expect(after.score).toBe(before.score + 60);
    expect(after.recentActions[0]).toEqual({
      eventId: 't-1',
      action: 'TRADE_EXECUTE',
      category: 'trading',
      points: 60,
      occurredAt: now.toISOString(),
    });
    expect(after.actionCounts.TRADE_EXECUTE).toBe(before.actionCounts.TRADE_EXECUTE! + 1);
    // Trading today extends the streak.
    expect(after.streak.current).toBe(before.streak.current + 1);
    const weekAfter = await getUserScore(client, scoringCurrentUserId, { timeframe: 'weekly', category: 'trading' });
    expect(weekAfter.score).toBe(weekBefore.score + 60);
    // Not on the boards of other categories.
    expect((await getUserScore(client, scoringCurrentUserId, { category: 'staking' })).score).toBe(stakingBefore.score);
  });

  it('answers a replay with the first result and changes nothing; a reused id with another payload is a conflict', async () => {
    serve();
    const event = trade('r-1', 'p_10', { volumeUSD: 150 });
    const first = await recordAction(writer, event);
    const score = (await getUserScore(client, 'p_10')).score;
    const trail = (await ledger('p_10')).entries.length;

    // Another key order is the same payload.
    const replay = eventResultSchema.parse(
      await recordAction(writer, { metadata: { volumeUSD: 150 }, action: 'TRADE_EXECUTE', userId: 'p_10', eventId: 'r-1' }),
    );
    expect(replay).toEqual({ ...first, status: 'replayed', originalStatus: 'scored', replayed: true });
    expect((await getUserScore(client, 'p_10')).score).toBe(score);
    expect((await ledger('p_10')).entries).toHaveLength(trail);

    const conflict = await send('POST', '/scores/actions', { ...event, metadata: { volumeUSD: 151 } });
    expect(conflict.status).toBe(409);
    expect(errorBodySchema.parse(conflict.body).error.code).toBe('conflict');
    await expect(recordAction(writer, { ...event, metadata: { volumeUSD: 151 } })).rejects.toMatchObject({ status: 409 });

    const batch = eventBatchResultSchema.parse(
      await recordActions(writer, [event, { ...event, userId: 'p_11' }, trade('r-2', 'p_10', { volumeUSD: 150 })]),
    );
    expect(batch.results.map((result) => result.status)).toEqual(['replayed', 'conflict', 'scored']);
    expect(batch.results[1]).toMatchObject({ eventId: 'r-1', points: 0, achievements: [] });
    expect((await getUserScore(client, 'p_10')).score).toBe(score + 15);
  });

  it('refuses a batch with one bad event as a 400 naming events[N].field, and applies none of it', async () => {
    serve();
    const before = await getUserScore(client, 'p_10');
    const events: unknown[] = [
      trade('b-1', 'p_10', { volumeUSD: 100 }),
      trade('b-2', 'p_10'),
      { eventId: 'b-3', userId: 'p_10', action: 'trade' },
      trade('b-4', 'p_10'),
    ];
    const malformed = await send('POST', '/scores/actions', { events });
    expect(malformed.status).toBe(400);
    expect(errorBodySchema.parse(malformed.body).error).toMatchObject({
      code: 'invalid_request',
      message: 'Invalid request: events[2].action',
      details: { fields: { 'events[2].action': ['must be an action name such as TRADE_EXECUTE'] } },
    });

    // Well formed but refused by the rules or the clock: named the same way.
    const tooOld = new Date(now.getTime() - 31 * 86_400_000).toISOString();
    const future = new Date(now.getTime() + 3_600_000).toISOString();
    const refused = await send('POST', '/scores/actions', {
      events: [
        trade('b-1', 'p_10'),
        { eventId: 'b-5', userId: 'p_10', action: 'NOT_A_RULE' },
        { ...trade('b-6', 'p_10'), occurredAt: tooOld },
        { ...trade('b-7', 'p_10'), occurredAt: future },
      ],
    });
    expect(refused.status).toBe(400);
    expect(errorBodySchema.parse(refused.body).error.details?.fields).toEqual({
      'events[1].action': ['must be one of the actions of the scoring rules'],
      'events[2].occurredAt': ['must be within the last 30 days'],
      'events[3].occurredAt': ['must not be in the future'],
    });
    expect(fieldsOf((await send('POST', '/scores/actions', { ...trade('s-1', 'p_10'), occurredAt: future })).body)).toEqual([
      'occurredAt',
    ]);
    expect(fieldsOf((await send('POST', '/scores/actions', { ...trade('s-1', 'p_10'), points: 5 })).body)).toEqual(['points']);
    expect(fieldsOf((await send('POST', '/scores/actions', { ...trade('s-1', 'p_10'), metadata: { note: 'a\u0000' } })).body)).toEqual([
      'metadata.note',
    ]);

    expect(await getUserScore(client, 'p_10')).toEqual(before);
    // b-1 was never applied: sending it now scores it (not a replay).
    expect((await recordAction(writer, trade('b-1', 'p_10', { volumeUSD: 100 }))).status).toBe('scored');
  });

  it('backdates events into the period they occurred in', async () => {
    serve();
    const lastWeek = '2026-03-12T10:00:00.000Z';
    const weekly = (period?: string) =>
      getUserScore(client, scoringCurrentUserId, { timeframe: 'weekly', ...(period ? { period } : {}) });
    const [thisWeek, previous] = [(await weekly()).score, (await weekly('2026-W11')).score];
    await recordAction(writer, { ...trade('late-1', scoringCurrentUserId), occurredAt: lastWeek });
    expect((await weekly()).score).toBe(thisWeek);
    expect((await weekly('2026-W11')).score).toBe(previous + 10);
  });

  it('derives milestones and achievements, refuses host-sent milestones, and takes them back on revocation', async () => {
    serve();
    const first = eventResultSchema.parse(await recordAction(writer, trade('m-1', 'newbie', { profitPercent: 12 })));
    expect(first).toMatchObject({
      status: 'scored',
      points: 15,
      milestones: [
        { action: 'FIRST_TRADE', eventId: 'm-1#FIRST_TRADE', points: 100 },
        { action: 'FIRST_PROFITABLE_TRADE', eventId: 'm-1#FIRST_PROFITABLE_TRADE', points: 200 },
      ],
      achievements: ['first_trade', 'first_profitable_trade'],
    });
    expect((await getUserScore(client, 'newbie')).score).toBe(315);
    const held = await getUserAchievements(client, 'newbie');
    expect(held.scoredUsers).toBe(25);
    expect(held.achievements.find((a) => a.id === 'first_trade')).toMatchObject({ unlocked: true, unlockedAt: now.toISOString() });

    const sent = await recordAction(writer, { eventId: 'm-2', userId: 'newbie', action: 'FIRST_TRADE' });
    expect(sent).toMatchObject({ status: 'ignored', reason: 'derived_milestone', points: 0 });

    const revoked = await send('DELETE', '/scores/actions/m-1');
    expect(revoked.status).toBe(200);
    expect(revocationResultSchema.parse(revoked.body)).toEqual({
      eventId: 'm-1',
      userId: 'newbie',
      points: 315,
      revoked: ['m-1#FIRST_TRADE', 'm-1#FIRST_PROFITABLE_TRADE'],
      achievementsLost: ['first_trade', 'first_profitable_trade'],
      alreadyRevoked: false,
    });
    expect(await getUserScore(client, 'newbie')).toMatchObject({ score: 0, rank: null });
    expect((await board({ around: 'newbie' })).data.around).toBeNull();
    expect(revocationResultSchema.parse((await send('DELETE', '/scores/actions/m-1')).body)).toMatchObject({
      alreadyRevoked: true,
      points: 0,
    });
    expect((await send('DELETE', '/scores/actions/unknown')).status).toBe(404);
    expect(fieldsOf((await send('DELETE', `/scores/actions/${encodeURIComponent('m-1#FIRST_TRADE')}`)).body)).toEqual(['eventId']);

    // A revoked milestone can be earned again.
    const again = await recordAction(writer, trade('m-3', 'newbie'));
    expect(again.milestones.map((milestone) => milestone.action)).toEqual(['FIRST_TRADE']);
  });

  it('keeps an audit trail: events, milestones, adjustments with their reason, revocations', async () => {
    serve({ scoringEvents: [] });
    await recordAction(writer, trade('l-1', 'ann'));
    const adjusted = await send('POST', '/scores/adjustments', { eventId: 'adj-1', userId: 'ann', points: 900, reason: 'Contest prize' });
    expect(adjusted.status).toBe(200);
    expect(eventResultSchema.parse(adjusted.body)).toMatchObject({ status: 'scored', points: 900, achievements: ['points_1000'] });
    expect((await send('POST', '/scores/adjustments', { eventId: 'adj-1', userId: 'ann', points: 5, reason: 'Other' })).status).toBe(409);
    expect(fieldsOf((await send('POST', '/scores/adjustments', { eventId: 'adj-2', userId: 'ann', points: 0, reason: '' })).body).sort()).toEqual([
      'points',
      'reason',
    ]);
    await send('DELETE', '/scores/actions/l-1');
    expect((await getUserScore(client, 'ann')).score).toBe(900);

    const trail = await ledger('ann');
    expect(trail.entries.map((entry) => [entry.change, entry.eventId, entry.points, entry.reason])).toEqual([
      ['revocation', 'l-1#FIRST_TRADE', -100, 'revoked'],
      ['revocation', 'l-1', -10, 'revoked'],
      ['adjustment', 'adj-1', 900, 'Contest prize'],
      ['milestone', 'l-1#FIRST_TRADE', 100, null],
      ['event', 'l-1', 10, null],
    ]);
    expect(trail.nextBefore).toBeNull();
    const page = await ledger('ann', '?limit=2');
    expect(page.entries.map((entry) => entry.seq)).toEqual(trail.entries.slice(0, 2).map((entry) => entry.seq));
    const next = await ledger('ann', `?limit=2&before=${page.nextBefore}`);
    expect(next.entries).toEqual(trail.entries.slice(2, 4));

    expect((await send('GET', '/scores/ann/ledger', undefined, {})).status).toBe(401);
  });

  it('needs a key to write, reads JSON only, and counts today in the metrics', async () => {
    serve();
    const before = await getScoreMetrics(client);
    expect((await send('POST', '/scores/actions', trade('k-1', 'p_10'), {})).status).toBe(401);
    const text = await fetch(`${base}/scores/actions`, { method: 'POST', headers: { ...key, 'content-type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    const broken = await fetch(`${base}/scores/actions`, { method: 'POST', headers: { ...key, 'content-type': 'application/json' }, body: '{' });
    expect(fieldsOf(await broken.json())).toEqual(['body']);
    await recordAction(createApiClient({ baseUrl: base, getToken: () => 'a-bearer-key' }), trade('k-1', 'p_10'));
    expect(await getScoreMetrics(client)).toMatchObject({ eventsToday: before.eventsToday + 1 });
  });
});

describe('scoring mocks: scenarios and fixtures', () => {
  it('serves empty, error and recovering scenarios', async () => {
    serve({ scenario: 'empty' });
    expect((await board()).data).toMatchObject({ entries: [], total: 0, updatedAt: null });
    expect(await getUserScore(client, scoringCurrentUserId)).toMatchObject({ score: 0, rank: null, rankedUsers: 0 });
    expect((await getUserAchievements(client, scoringCurrentUserId)).achievements.every((a) => a.rarity === 0)).toBe(true);
    expect((await recordAction(writer, trade('e-1', scoringCurrentUserId))).status).toBe('scored');
    expect((await board()).data.total).toBe(1);

    server.resetHandlers();
    const mocks = serve({ scenario: 'error' });
    await expect(getUserScore(client, scoringCurrentUserId)).rejects.toMatchObject({ status: 500 });
    await expect(recordAction(writer, trade('e-2', 'x'))).rejects.toMatchObject({ status: 500 });
    mocks.setScenario('success');
    expect((await getUserScore(client, scoringCurrentUserId)).rank).not.toBeNull();
  });

  it('lets a story record through the mocks and reset them', async () => {
    const mocks = serve();
    const before = (await getUserScore(client, scoringCurrentUserId)).score;
    mocks.scoringWorld().record([trade('w-1', scoringCurrentUserId)]);
    expect((await getUserScore(client, scoringCurrentUserId)).score).toBe(before + 10);
    mocks.reset();
    expect((await getUserScore(client, scoringCurrentUserId)).score).toBe(before);
  });

  it('builds the history and fixtures deterministically, within the last 40 days, with the real engine', () => {
    const history = createScoringHistory({ now });
    expect(createScoringHistory({ now })).toEqual(history);
    expect(history.length).toBeGreaterThan(500);
    const times = history.map((event) => Date.parse(event.occurredAt!));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - scoringHistoryDays * 86_400_000);
    expect(new Set(history.map((event) => event.eventId)).size).toBe(history.length);

    expect(createUserScoreFixture()).toEqual(createUserScoreFixture());
    expect(userScoreSchema.parse(createUserScoreFixture({ timeframe: 'trending' })).timeframe).toBe('trending');
    expect(createUserScoreFixture({}, { rank: null }).rank).toBeNull();
    const fixtureBoard = createPointsLeaderboardFixture({ timeframe: 'weekly', limit: 5 });
    expect(leaderboardResponseSchema.parse(fixtureBoard).entries).toHaveLength(5);

    // A world's totals are the engine's: the sum of its scored points.
    const world = createScoringWorld({ clock: () => now });
    const sum = world.board({ limit: 100 }).entries.reduce((total, entry) => total + entry.value, 0);
    const ledgerSum = world.board({ limit: 100 }).entries.reduce(
      (total, entry) => total + world.ledger(entry.userId, { limit: 500 }).entries.reduce((s, row) => s + row.points, 0),
      0,
    );
    expect(sum).toBe(ledgerSum);
  });
});

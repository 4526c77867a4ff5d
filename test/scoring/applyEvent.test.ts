import { describe, expect, it } from 'vitest';
import {
  achievementHolds,
  applyEvent,
  emptyUserState,
  milestoneEventId,
  trendingValue,
  trendingWeight,
  type ScoringEvent,
  type UserScoringState,
} from '../../src/scoring/applyEvent.js';
import { defaultScoringRules } from '../../src/scoring/defaultScoringRules.js';
import type { ActionMetadata } from '../../src/scoring/scoreAction.js';
import type { ScoringRules } from '../../src/scoring/rules.js';

const rulesWith = (change: (rules: ScoringRules) => void): ScoringRules => {
  const rules = structuredClone(defaultScoringRules);
  change(rules);
  return rules;
};

/** A user who sends events: ids e1, e2, … in order, categories from the rules. */
function player(rules: ScoringRules = defaultScoringRules, state: UserScoringState = emptyUserState()) {
  let seq = 0;
  const send = (action: string, occurredAt: string, metadata: ActionMetadata = {}) => {
    const event: ScoringEvent = {
      eventId: `e${++seq}`,
      userId: 'u1',
      action,
      occurredAt: new Date(occurredAt),
      category: rules.actions[action]?.category ?? 'unknown',
      metadata,
    };
    return applyEvent(rules, state, event);
  };
  return {
    state,
    send,
    trade: (occurredAt: string, metadata: ActionMetadata = {}) => send('TRADE_EXECUTE', occurredAt, metadata),
  };
}

/** Noon UTC on day `n` of March 2026 (`day(32)` rolls on to April 1st). */
const day = (n: number, time = '12:00:00') =>
  `${new Date(Date.UTC(2026, 2, n)).toISOString().slice(0, 10)}T${time}Z`;

describe('applyEvent: scoring one event', () => {
  it('scores a trade by the rules and records one ledger entry per change', () => {
    const { state, trade } = player();
    const { outcome, entries } = trade(day(1), { volumeUSD: 5000, profitPercent: 0 });
    expect(outcome).toEqual({
      eventId: 'e1',
      status: 'scored',
      points: 30,
      multipliers: [{ field: 'volumeUSD', factor: 3 }],
      capped: false,
      milestones: [{ action: 'FIRST_TRADE', eventId: 'e1#FIRST_TRADE', points: 100 }],
      achievements: ['first_trade'],
    });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      eventId: 'e1',
      userId: 'u1',
      action: 'TRADE_EXECUTE',
      category: 'trading',
      occurredAt: '2026-03-01T12:00:00.000Z',
      status: 'scored',
      reason: null,
      points: 30,
      parentEventId: null,
      streakDay: '2026-03-01',
      unlocked: [],
    });
    expect(entries[1]).toMatchObject({
      eventId: milestoneEventId('e1', 'FIRST_TRADE'),
      action: 'FIRST_TRADE',
      category: 'milestone',
      occurredAt: '2026-03-01T12:00:00.000Z',
      status: 'scored',
      points: 100,
      parentEventId: 'e1',
      streakDay: null,
      unlocked: ['first_trade'],
    });
    expect(state.lifetimePoints).toBe(130);
    expect(Object.fromEntries(state.actionCounts)).toEqual({ TRADE_EXECUTE: 1, FIRST_TRADE: 1 });
    expect(Object.fromEntries(state.dayPoints)).toEqual({ '2026-03-01': 130 });
    expect(state.recentArrivals).toBe(1);
  });

  it('refuses an action the rules do not have (the caller validates first)', () => {
    const { send } = player();
    expect(() => send('TRADE', day(1))).toThrow(RangeError);
  });

  it('names milestone ids after their event with a # no host id can contain', () => {
    expect(milestoneEventId('trade-42', 'FIRST_TRADE')).toBe('trade-42#FIRST_TRADE');
  });
});

describe('applyEvent: one-time actions and milestones', () => {
  it('awards a one-time action once, then ignores it as already_awarded', () => {
    const { state, send } = player();
    expect(send('PROFILE_COMPLETE', day(1)).outcome).toMatchObject({
      status: 'scored',
      points: 50,
      achievements: ['profile_complete'],
    });
    const again = send('PROFILE_COMPLETE', day(2));
    expect(again.outcome).toEqual({
      eventId: 'e2',
      status: 'ignored',
      reason: 'already_awarded',
      points: 0,
      multipliers: [],
      capped: false,
      milestones: [],
      achievements: [],
    });
    expect(again.entries).toEqual([
      expect.objectContaining({
        eventId: 'e2',
        status: 'ignored',
        reason: 'already_awarded',
        points: 0,
        trendingWeight: 0,
      }),
    ]);
    expect(state.lifetimePoints).toBe(50);
    expect(state.actionCounts.get('PROFILE_COMPLETE')).toBe(1);
  });

  it('ignores a milestone the host sends as derived_milestone, even the first time, and still awards it when earned', () => {
    const { state, send, trade } = player();
    for (const action of ['FIRST_TRADE', 'FIRST_PROFITABLE_TRADE', 'TRADING_STREAK_7', 'TRADING_STREAK_30']) {
      const { outcome, entries } = send(action, day(1));
      expect(outcome).toMatchObject({ status: 'ignored', reason: 'derived_milestone', points: 0 });
      expect(entries).toHaveLength(1);
    }
    expect(state.lifetimePoints).toBe(0);
    expect(state.actionCounts.size).toBe(0);
    expect(trade(day(1)).outcome.milestones.map((m) => m.action)).toEqual(['FIRST_TRADE']);
  });

  it("awards FIRST_TRADE on the user's first trade only, once ever across many trades", () => {
    const { state, trade } = player();
    const milestones = Array.from(
      { length: 12 },
      (_, i) => trade(day(1 + (i % 3), `0${i % 10}:00:00`)).outcome.milestones,
    );
    expect(milestones[0]).toEqual([{ action: 'FIRST_TRADE', eventId: 'e1#FIRST_TRADE', points: 100 }]);
    expect(milestones.slice(1).every((m) => m.length === 0)).toBe(true);
    expect(state.actionCounts.get('FIRST_TRADE')).toBe(1);
    expect(state.actionCounts.get('TRADE_EXECUTE')).toBe(12);
  });

  it('awards FIRST_PROFITABLE_TRADE only on the first trade with profitPercent above 0', () => {
    const { state, trade } = player();
    const firstProfitable = (metadata: ActionMetadata) =>
      trade(day(1), metadata).outcome.milestones.some((m) => m.action === 'FIRST_PROFITABLE_TRADE');
    expect(firstProfitable({})).toBe(false);
    expect(firstProfitable({ profitPercent: 0 })).toBe(false);
    expect(firstProfitable({ profitPercent: -12 })).toBe(false);
    expect(firstProfitable({ profitPercent: '25' })).toBe(false);
    expect(firstProfitable({ profitPercent: 0.01 })).toBe(true);
    expect(firstProfitable({ profitPercent: 80 })).toBe(false);
    expect(state.actionCounts.get('FIRST_PROFITABLE_TRADE')).toBe(1);
    expect(state.achievements.has('first_profitable_trade')).toBe(true);
  });

  it('does not derive milestones from an event that was itself ignored', () => {
    const { state, trade } = player(rulesWith((rules) => void (rules.limits.maxEventsPerUserPerMinute = 1)));
    trade(day(1)); // e1 uses the minute's only slot, and earns FIRST_TRADE
    state.actionCounts.delete('FIRST_TRADE'); // as after a revocation of e1's milestone
    const limited = trade(day(1), { profitPercent: 50 });
    expect(limited.outcome).toMatchObject({ status: 'ignored', reason: 'rate_limited', milestones: [] });
    expect(limited.entries).toHaveLength(1);
  });
});

describe('applyEvent: trading streak milestones', () => {
  it('awards TRADING_STREAK_7 on the 7th consecutive day, not before, and once', () => {
    const { state, trade } = player();
    for (let n = 1; n <= 6; n += 1) {
      expect(trade(day(n)).outcome.milestones.map((m) => m.action)).not.toContain('TRADING_STREAK_7');
    }
    const seventh = trade(day(7));
    expect(seventh.outcome.milestones).toEqual([
      { action: 'TRADING_STREAK_7', eventId: 'e7#TRADING_STREAK_7', points: 500 },
    ]);
    expect(seventh.outcome.achievements).toEqual(['trading_streak_7']);
    expect(seventh.entries.map((e) => e.eventId)).toEqual(['e7', 'e7#TRADING_STREAK_7']);
    expect(trade(day(8)).outcome.milestones).toEqual([]);
    expect(state.streakDays).toHaveLength(8);
  });

  it('does not count a day bridged by a freeze toward the seven', () => {
    // Default rules: one freeze. Days 1-3 and 5-7 are six active days over seven calendar days.
    const { trade } = player();
    for (const n of [1, 2, 3, 5, 6]) trade(day(n));
    expect(trade(day(7)).outcome.milestones).toEqual([]);
    expect(trade(day(8)).outcome.milestones.map((m) => m.action)).toEqual(['TRADING_STREAK_7']);
  });

  it('counts days in the user time zone: 23:30 UTC is the next day in Asia/Tokyo', () => {
    // In UTC these seven trades fall on six days (two on March 1st); in Tokyo on seven.
    const times = [day(1, '10:00:00'), ...[1, 2, 3, 4, 5, 6].map((n) => day(n, '23:30:00'))];
    const tokyo = player(defaultScoringRules, emptyUserState('Asia/Tokyo'));
    const outcomes = times.map((time) => tokyo.trade(time));
    expect(outcomes[1]!.entries[0]!.streakDay).toBe('2026-03-02');
    expect(outcomes[6]!.outcome.milestones.map((m) => m.action)).toEqual(['TRADING_STREAK_7']);
    expect(tokyo.state.streakDays).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
    ]);

    const utc = player(defaultScoringRules, emptyUserState('UTC'));
    const utcOutcomes = times.map((time) => utc.trade(time));
    expect(utcOutcomes[1]!.entries[0]!.streakDay).toBe('2026-03-01'); // March 1st again (every scored trade names its day)
    expect(utcOutcomes.flatMap((o) => o.outcome.milestones).map((m) => m.action)).toEqual(['FIRST_TRADE']);
  });

  it('counts days in a zone west of UTC too: 02:00 UTC is the previous day in New York', () => {
    const { state, trade } = player(defaultScoringRules, emptyUserState('America/New_York'));
    expect(trade('2026-03-10T02:00:00Z').entries[0]!.streakDay).toBe('2026-03-09');
    expect(state.streakDays).toEqual(['2026-03-09']);
  });

  it('awards the milestone on a backfilled day that closes the gap', () => {
    const { trade } = player(rulesWith((rules) => void (rules.streaks.initialFreezes = 0)));
    for (const n of [1, 2, 3, 5, 6, 7]) {
      expect(trade(day(n)).outcome.milestones.map((m) => m.action)).not.toContain('TRADING_STREAK_7');
    }
    const backfilled = trade(day(4));
    expect(backfilled.entries[0]!.streakDay).toBe('2026-03-04');
    expect(backfilled.outcome.milestones.map((m) => m.action)).toEqual(['TRADING_STREAK_7']);
    // The milestone counts when the event that earned it happened.
    expect(backfilled.entries[1]!.occurredAt).toBe(day(4).replace('Z', '.000Z'));
  });

  it('awards it for a past streak a history import completes, though the user has traded since', () => {
    const { trade } = player(rulesWith((rules) => void (rules.streaks.initialFreezes = 0)));
    for (const n of [1, 2, 3, 5, 6, 7, 20]) trade(day(n));
    expect(trade(day(4)).outcome.milestones.map((m) => m.action)).toEqual(['TRADING_STREAK_7']);
  });

  it('awards TRADING_STREAK_30 on the 30th day (and 7 on the 7th)', () => {
    const { trade } = player();
    const earned = Array.from(
      { length: 30 },
      (_, i) => [i + 1, trade(day(i + 1)).outcome.milestones.map((m) => m.action)] as const,
    )
      .filter(([, actions]) => actions.some((a) => a.startsWith('TRADING_STREAK')))
      .map(([n, actions]) => [n, actions.filter((a) => a.startsWith('TRADING_STREAK'))]);
    expect(earned).toEqual([
      [7, ['TRADING_STREAK_7']],
      [30, ['TRADING_STREAK_30']],
    ]);
  });

  it('counts only the streak action toward the streak', () => {
    const { state, send } = player();
    for (let n = 1; n <= 8; n += 1) send('COPY_TRADE', day(n));
    expect(state.streakDays).toEqual([]);
    expect(state.actionCounts.has('TRADING_STREAK_7')).toBe(false);
  });
});

describe('applyEvent: caps and the rate limit', () => {
  it('cuts an event to maxPointsPerEvent and says so', () => {
    const { state, trade } = player(rulesWith((rules) => void (rules.limits.maxPointsPerEvent = 40)));
    const { outcome, entries } = trade(day(1), { volumeUSD: 10_000, profitPercent: 100 }); // 150 before the cap
    expect(outcome).toMatchObject({
      status: 'scored',
      points: 40,
      capped: true,
      multipliers: [
        { field: 'volumeUSD', factor: 5 },
        { field: 'profitPercent', factor: 3 },
      ],
    });
    // The milestones are cut too (FIRST_TRADE 100, FIRST_PROFITABLE_TRADE 200).
    expect(outcome.milestones.map((m) => m.points)).toEqual([40, 40]);
    expect(entries[0]!.points).toBe(40);
    expect(state.lifetimePoints).toBe(120);
  });

  it('fills the daily cap partly, then ignores events that day as daily_cap, and opens again the next UTC day', () => {
    const rules = rulesWith((r) => void (r.limits.maxPointsPerUserPerDay = 100));
    const { state, send } = player(rules);
    // REFERRAL_SIGNUP: 100 points each, no milestones.
    send('REFERRAL_TRADE', day(1, '08:00:00')); // 25
    send('REFERRAL_TRADE', day(1, '09:00:00')); // 50
    const partial = send('REFERRAL_SIGNUP', day(1, '10:00:00'));
    expect(partial.outcome).toMatchObject({ status: 'scored', points: 50, capped: true });
    const over = send('REFERRAL_TRADE', day(1, '23:59:59'));
    expect(over.outcome).toMatchObject({
      status: 'ignored',
      reason: 'daily_cap',
      points: 0,
      capped: false,
      multipliers: [],
    });
    expect(over.entries[0]).toMatchObject({ status: 'ignored', reason: 'daily_cap', points: 0 });
    expect(state.dayPoints.get('2026-03-01')).toBe(100);
    expect(state.actionCounts.get('REFERRAL_TRADE')).toBe(2);
    // The next UTC day has its own room, and a backfilled event still meets its own day's cap.
    expect(send('REFERRAL_TRADE', day(2, '00:00:00')).outcome).toMatchObject({
      status: 'scored',
      points: 25,
    });
    expect(send('REFERRAL_TRADE', day(1, '12:00:00')).outcome).toMatchObject({
      status: 'ignored',
      reason: 'daily_cap',
    });
    expect(state.lifetimePoints).toBe(125);
  });

  it('counts the daily cap by UTC day whatever the user zone', () => {
    const rules = rulesWith((r) => void (r.limits.maxPointsPerUserPerDay = 100));
    const { state, send } = player(rules, emptyUserState('Asia/Tokyo'));
    send('REFERRAL_SIGNUP', '2026-03-01T23:30:00Z'); // March 2nd in Tokyo, March 1st in UTC
    expect(send('REFERRAL_TRADE', '2026-03-01T10:00:00Z').outcome).toMatchObject({ reason: 'daily_cap' });
    expect([...state.dayPoints.keys()]).toEqual(['2026-03-01']);
  });

  it('ignores a milestone the daily cap leaves no room for, and awards it with a later event', () => {
    const rules = rulesWith((r) => void (r.limits.maxPointsPerUserPerDay = 100));
    const { state, trade } = player(rules);
    const first = trade(day(1), { volumeUSD: 10_000, profitPercent: 100 }); // 150, cut to 100: the day is full
    expect(first.outcome).toMatchObject({ points: 100, capped: true, milestones: [] });
    expect(first.entries.slice(1)).toEqual([
      expect.objectContaining({
        eventId: 'e1#FIRST_TRADE',
        status: 'ignored',
        reason: 'daily_cap',
        parentEventId: 'e1',
      }),
      expect.objectContaining({
        eventId: 'e1#FIRST_PROFITABLE_TRADE',
        status: 'ignored',
        reason: 'daily_cap',
        parentEventId: 'e1',
      }),
    ]);
    expect(state.actionCounts.has('FIRST_TRADE')).toBe(false);
    // Next day: 10 for the trade leaves 90 of room for FIRST_TRADE; no profit, so no FIRST_PROFITABLE_TRADE.
    expect(trade(day(2)).outcome.milestones).toEqual([
      { action: 'FIRST_TRADE', eventId: 'e2#FIRST_TRADE', points: 90 },
    ]);
    expect(state.dayPoints.get('2026-03-02')).toBe(100);
  });

  it('rate-limits events beyond maxEventsPerUserPerMinute (the caller resets the minute)', () => {
    const rules = rulesWith((r) => void (r.limits.maxEventsPerUserPerMinute = 3));
    const { state, send } = player(rules);
    const statuses = Array.from({ length: 5 }, () => send('REFERRAL_TRADE', day(1)).outcome);
    expect(statuses.map((o) => o.reason ?? o.status)).toEqual([
      'scored',
      'scored',
      'scored',
      'rate_limited',
      'rate_limited',
    ]);
    expect(statuses[3]).toMatchObject({ status: 'ignored', points: 0 });
    expect(state.lifetimePoints).toBe(75);
    expect(state.actionCounts.get('REFERRAL_TRADE')).toBe(3);
    state.recentArrivals = 0;
    expect(send('REFERRAL_TRADE', day(1)).outcome.status).toBe('scored');
  });
});

describe('applyEvent: achievements', () => {
  it('unlocks first_trade, whale_trader and first_profitable_trade on one whale trade, with ids in the outcome', () => {
    const { state, trade } = player();
    const { outcome, entries } = trade(day(1), { volumeUSD: 10_000, profitPercent: 100 });
    expect(outcome.achievements).toEqual(['whale_trader', 'first_trade', 'first_profitable_trade']);
    expect(entries.map((e) => e.unlocked)).toEqual([
      ['whale_trader'],
      ['first_trade'],
      ['first_profitable_trade'],
    ]);
    expect(state.achievements.get('whale_trader')).toBe('2026-03-01T12:00:00.000Z');
    expect(trade(day(2), { volumeUSD: 50_000 }).outcome.achievements).toEqual([]);
  });

  it('needs a trade of at least 10,000 USD for whale_trader', () => {
    const { state, trade } = player();
    expect(trade(day(1), { volumeUSD: 9_999.99 }).outcome.achievements).not.toContain('whale_trader');
    expect(trade(day(1), { volumeUSD: '10000' }).outcome.achievements).not.toContain('whale_trader');
    expect(state.achievements.has('whale_trader')).toBe(false);
    expect(trade(day(1), { volumeUSD: 10_000 }).outcome.achievements).toEqual(['whale_trader']);
  });

  it('unlocks trades_10 on the 10th scored trade, not counting ignored ones', () => {
    const rules = rulesWith((r) => void (r.limits.maxEventsPerUserPerMinute = 12));
    const { state, trade } = player(rules);
    const unlockedAt: number[] = [];
    for (let i = 1; i <= 9; i += 1)
      if (trade(day(1)).outcome.achievements.includes('trades_10')) unlockedAt.push(i);
    expect(unlockedAt).toEqual([]);
    state.recentArrivals = 12; // the next one is rate-limited: no tenth trade yet
    expect(trade(day(1)).outcome.achievements).toEqual([]);
    state.recentArrivals = 0;
    expect(trade(day(1)).outcome.achievements).toEqual(['trades_10']);
    expect(trade(day(1)).outcome.achievements).toEqual([]);
  });

  it('unlocks points_1000 when lifetime points reach 1,000, milestone points included, once', () => {
    const { state, trade } = player();
    // Each trade: 10 × 5 × 3 = 150; the first adds FIRST_TRADE (100) and FIRST_PROFITABLE_TRADE (200).
    const unlocked = Array.from(
      { length: 6 },
      () => trade(day(1), { volumeUSD: 10_000, profitPercent: 100 }).outcome.achievements,
    );
    expect(state.lifetimePoints).toBe(1200);
    expect(unlocked.map((ids) => ids.includes('points_1000'))).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
    ]);
  });

  it('unlocks an achievement reached through a milestone in the milestone entry', () => {
    // 905 points before; the 7th streak day adds 10 + 500: points_1000 comes with TRADING_STREAK_7.
    const state = emptyUserState();
    state.lifetimePoints = 905;
    state.actionCounts.set('FIRST_TRADE', 1).set('TRADE_EXECUTE', 6);
    state.achievements.set('first_trade', day(1));
    state.streakDays.push(...[1, 2, 3, 4, 5, 6].map((n) => day(n).slice(0, 10)));
    const { outcome, entries } = player(defaultScoringRules, state).trade(day(7));
    expect(outcome.achievements).toEqual(['trading_streak_7', 'points_1000']);
    expect(entries[0]!.unlocked).toEqual([]);
    expect(entries[1]!.unlocked).toEqual(['trading_streak_7', 'points_1000']);
  });

  it('achievementHolds reads each kind of condition', () => {
    const state = { actionCounts: new Map([['TRADE_EXECUTE', 10]]), lifetimePoints: 999 };
    const byId = (id: string) => defaultScoringRules.achievements.find((a) => a.id === id)!;
    expect(achievementHolds(byId('trades_10'), state)).toBe(true);
    expect(achievementHolds(byId('trades_100'), state)).toBe(false);
    expect(achievementHolds(byId('points_1000'), state)).toBe(false);
    expect(achievementHolds(byId('points_1000'), { ...state, lifetimePoints: 1000 })).toBe(true);
    expect(achievementHolds(byId('first_trade'), state)).toBe(false);
    expect(achievementHolds(byId('whale_trader'), state)).toBe(false);
    expect(
      achievementHolds(byId('whale_trader'), state, {
        action: 'TRADE_EXECUTE',
        metadata: { volumeUSD: 10_000 },
      }),
    ).toBe(true);
    expect(
      achievementHolds(byId('whale_trader'), state, {
        action: 'COPY_TRADE',
        metadata: { volumeUSD: 10_000 },
      }),
    ).toBe(false);
  });
});

describe('trendingWeight and trendingValue (forward decay)', () => {
  const rules = defaultScoringRules; // decay 0.9 a day, epoch 2026-01-01
  const now = new Date('2026-03-20T15:00:00Z');

  it.each([0, 1, 2, 10, 30, 79, 100])('counts a point earned %s days ago as 0.9^d', (daysAgo) => {
    const earned = new Date(now.getTime() - daysAgo * 86_400_000);
    const value = trendingValue(rules, trendingWeight(rules, 40, earned), now);
    expect(value).toBeCloseTo(40 * 0.9 ** daysAgo, 9);
  });

  it('decays by whole UTC days: the time of day does not matter', () => {
    const morning = trendingWeight(rules, 10, new Date('2026-03-20T00:00:00Z'));
    expect(trendingWeight(rules, 10, new Date('2026-03-20T23:59:59Z'))).toBe(morning);
    expect(
      trendingValue(rules, trendingWeight(rules, 10, new Date('2026-03-19T23:59:59Z')), now),
    ).toBeCloseTo(9, 9);
  });

  it('weighs a point on the epoch day as itself, later ones more, earlier ones less', () => {
    expect(trendingWeight(rules, 10, new Date('2026-01-01T08:00:00Z'))).toBe(10);
    expect(trendingWeight(rules, 9, new Date('2026-01-02T08:00:00Z'))).toBeCloseTo(10, 9);
    expect(trendingWeight(rules, 10, new Date('2025-12-31T08:00:00Z'))).toBeCloseTo(9, 9);
    expect(
      trendingValue(rules, trendingWeight(rules, 10, new Date('2025-12-25T00:00:00Z')), now),
    ).toBeCloseTo(10 * 0.9 ** 85, 9);
  });

  it('follows the decay and epoch of the rules', () => {
    const half = rulesWith((r) => {
      r.trending.decayPerDay = 0.5;
      r.trending.epoch = '2026-03-01';
    });
    expect(trendingWeight(half, 3, new Date('2026-03-03T00:00:00Z'))).toBe(12);
    expect(trendingValue(half, 12, new Date('2026-03-04T00:00:00Z'))).toBe(1.5);
  });

  it('sums on a board: every event decays from its own day', () => {
    const weights = [
      trendingWeight(rules, 100, new Date('2026-03-18T10:00:00Z')),
      trendingWeight(rules, 50, new Date('2026-03-20T10:00:00Z')),
    ];
    const board = trendingValue(rules, weights[0]! + weights[1]!, now);
    expect(board).toBeCloseTo(100 * 0.81 + 50, 9);
  });

  it('stores the weight of the points after caps in the ledger entry', () => {
    const capped = rulesWith((r) => void (r.limits.maxPointsPerEvent = 20));
    const { entries } = player(capped).trade('2026-03-20T10:00:00Z', { volumeUSD: 10_000 });
    expect(entries[0]!.points).toBe(20);
    expect(entries[0]!.trendingWeight).toBe(trendingWeight(capped, 20, new Date('2026-03-20T10:00:00Z')));
    expect(trendingValue(capped, entries[0]!.trendingWeight, new Date('2026-03-22T00:00:00Z'))).toBeCloseTo(
      20 * 0.81,
      9,
    );
  });
});

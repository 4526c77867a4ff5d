import { describe, expect, it } from 'vitest';
import type { ScoringRules } from '../../src/scoring/rules.js';
import { streakState } from '../../src/scoring/streaks.js';

type StreakRules = ScoringRules['streaks'];
const rules = (over: Partial<StreakRules> = {}): StreakRules => ({
  action: 'TRADE_EXECUTE',
  initialFreezes: 0,
  earnFreezeEveryDays: 0,
  maxFreezes: 3,
  ...over,
});

/** Day `n` of March 2026 (`d(1)` = 2026-03-01); past the month it rolls on (`d(32)` = 2026-04-01). */
const d = (n: number) => new Date(Date.UTC(2026, 2, n)).toISOString().slice(0, 10);
/** Days `from..to` of March 2026, both included. */
const run = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => d(from + i));

describe('streakState', () => {
  it('is empty for a user who never acted', () => {
    expect(streakState([], d(10), rules({ initialFreezes: 2 }))).toEqual({
      current: 0,
      longest: 0,
      lastActiveDay: null,
      freezesLeft: 2,
    });
  });

  it('counts consecutive days up to today', () => {
    expect(streakState(run(1, 5), d(5), rules())).toEqual({
      current: 5,
      longest: 5,
      lastActiveDay: d(5),
      freezesLeft: 0,
    });
  });

  it('counts across month and year ends and leap days', () => {
    const days = ['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01'];
    expect(streakState(days, '2024-03-01', rules()).current).toBe(4);
    expect(streakState(['2025-12-30', '2025-12-31', '2026-01-01'], '2026-01-01', rules()).current).toBe(3);
    // 2026 has no February 29th: 02-28 and 03-01 are consecutive.
    expect(streakState(['2026-02-27', '2026-02-28', '2026-03-01'], '2026-03-01', rules()).current).toBe(3);
  });

  it('treats today not yet active as no gap', () => {
    expect(streakState(run(1, 5), d(6), rules())).toEqual({
      current: 5,
      longest: 5,
      lastActiveDay: d(5),
      freezesLeft: 0,
    });
  });

  it('breaks when yesterday was missed and no freeze is left', () => {
    expect(streakState(run(1, 5), d(7), rules())).toEqual({
      current: 0,
      longest: 5,
      lastActiveDay: d(5),
      freezesLeft: 0,
    });
  });

  it('spends a freeze on a missed yesterday to keep the current streak, without lengthening it', () => {
    expect(streakState(run(1, 5), d(7), rules({ initialFreezes: 1 }))).toEqual({
      current: 5,
      longest: 5,
      lastActiveDay: d(5),
      freezesLeft: 0,
    });
    expect(streakState(run(1, 5), d(8), rules({ initialFreezes: 2 }))).toMatchObject({
      current: 5,
      freezesLeft: 0,
    });
  });

  it('breaks (and keeps the freezes) when more days were missed since than freezes are left', () => {
    expect(streakState(run(1, 5), d(8), rules({ initialFreezes: 1 }))).toEqual({
      current: 0,
      longest: 5,
      lastActiveDay: d(5),
      freezesLeft: 1,
    });
  });

  it('bridges a gap with a freeze: the frozen day keeps the streak but does not lengthen it', () => {
    const days = [...run(1, 3), ...run(5, 6)]; // day 4 missed
    expect(streakState(days, d(6), rules({ initialFreezes: 1 }))).toEqual({
      current: 5,
      longest: 5,
      lastActiveDay: d(6),
      freezesLeft: 0,
    });
  });

  it('bridges a gap of several days when as many freezes are left', () => {
    const days = [...run(1, 3), ...run(6, 7)]; // days 4 and 5 missed
    expect(streakState(days, d(7), rules({ initialFreezes: 2 }))).toMatchObject({
      current: 5,
      freezesLeft: 0,
    });
  });

  it('breaks on a gap larger than the freezes left, and starts again from the next active day', () => {
    const days = [...run(1, 3), ...run(6, 7)]; // days 4 and 5 missed, one freeze
    expect(streakState(days, d(7), rules({ initialFreezes: 1 }))).toEqual({
      current: 2,
      longest: 3,
      lastActiveDay: d(7),
      freezesLeft: 1,
    });
  });

  it('spends freezes one gap after another until none is left', () => {
    const days = [d(1), d(3), d(5), d(7)];
    expect(streakState(days, d(7), rules({ initialFreezes: 2 }))).toEqual({
      current: 1,
      longest: 3,
      lastActiveDay: d(7),
      freezesLeft: 0,
    });
  });

  it('earns a freeze each time the streak reaches a multiple of earnFreezeEveryDays', () => {
    const every7 = rules({ earnFreezeEveryDays: 7, maxFreezes: 5 });
    expect(streakState(run(1, 6), d(6), every7).freezesLeft).toBe(0);
    expect(streakState(run(1, 7), d(7), every7).freezesLeft).toBe(1);
    expect(streakState(run(1, 13), d(13), every7).freezesLeft).toBe(1);
    expect(streakState(run(1, 14), d(14), every7).freezesLeft).toBe(2);
    expect(streakState(run(1, 21), d(21), every7).freezesLeft).toBe(3);
  });

  it('caps earned freezes at maxFreezes', () => {
    const capped = rules({ initialFreezes: 1, earnFreezeEveryDays: 7, maxFreezes: 3 });
    expect(streakState(run(1, 14), d(14), capped).freezesLeft).toBe(3);
    expect(streakState(run(1, 28), d(28), capped).freezesLeft).toBe(3);
    expect(streakState(run(1, 35), d(35), capped).freezesLeft).toBe(3);
  });

  it('caps the initial freezes at maxFreezes too', () => {
    expect(streakState([], d(1), rules({ initialFreezes: 5, maxFreezes: 2 })).freezesLeft).toBe(2);
  });

  it('never earns freezes when earnFreezeEveryDays is 0', () => {
    expect(streakState(run(1, 30), d(30), rules({ earnFreezeEveryDays: 0 })).freezesLeft).toBe(0);
  });

  it('can spend a freeze it has just earned', () => {
    const days = [...run(1, 7), ...run(9, 10)]; // the freeze earned on day 7 bridges day 8
    expect(streakState(days, d(10), rules({ earnFreezeEveryDays: 7 }))).toMatchObject({
      current: 9,
      longest: 9,
      freezesLeft: 0,
    });
  });

  it('keeps the longest streak after a break', () => {
    const days = [...run(1, 10), ...run(20, 22)];
    expect(streakState(days, d(22), rules())).toMatchObject({ current: 3, longest: 10 });
  });

  it('skips repeated days rather than counting them twice', () => {
    expect(streakState([d(1), d(1), d(2), d(2), d(3)], d(3), rules())).toMatchObject({
      current: 3,
      longest: 3,
    });
  });
});

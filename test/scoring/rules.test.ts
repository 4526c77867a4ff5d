import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defaultScoringRules } from '../../src/scoring/defaultScoringRules.js';
import { multiplierSchema, scoringRulesSchema, type ScoringRules } from '../../src/scoring/rules.js';
import { fieldErrorsFromIssues } from '../../src/shared/errors.js';

/** A deep copy of the default rules, changed by `change`: each test breaks one thing. */
const rulesWith = (change: (rules: ScoringRules) => void): unknown => {
  const rules = structuredClone(defaultScoringRules);
  change(rules);
  return rules;
};

/** The field errors a rule set gets, keyed by path as a host reads them (`actions.X.multipliers[0]`). */
const fieldsOf = (input: unknown) => {
  const result = z.safeParse(scoringRulesSchema, input);
  if (result.success) throw new Error('expected the rule set to be refused');
  return fieldErrorsFromIssues(result.error.issues);
};

describe('defaultScoringRules', () => {
  it('is a valid rule set, unchanged by parsing', () => {
    const result = z.safeParse(scoringRulesSchema, defaultScoringRules);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual(defaultScoringRules);
  });

  it('survives JSON (a host ships it as a PODIUM_SCORING_RULES file) and still parses', () => {
    const json = JSON.parse(JSON.stringify(defaultScoringRules)) as unknown;
    expect(json).toEqual(defaultScoringRules);
    expect(z.safeParse(scoringRulesSchema, json).success).toBe(true);
  });

  it("holds the note's table: base points, one-time actions and derived milestones", () => {
    const bases = Object.fromEntries(
      Object.entries(defaultScoringRules.actions).map(([name, rule]) => [name, rule.base]),
    );
    expect(bases).toEqual({
      TRADE_EXECUTE: 10,
      COPY_TRADE: 5,
      COPIED_BY_OTHERS: 20,
      STAKE_SSE: 15,
      PROFILE_COMPLETE: 50,
      PROFILE_VERIFIED: 100,
      REFERRAL_SIGNUP: 100,
      REFERRAL_TRADE: 25,
      FIRST_TRADE: 100,
      FIRST_PROFITABLE_TRADE: 200,
      TRADING_STREAK_7: 500,
      TRADING_STREAK_30: 2000,
    });
    const { actions } = defaultScoringRules;
    expect(actions.PROFILE_COMPLETE!.oneTime).toBe(true);
    expect(actions.PROFILE_VERIFIED!.oneTime).toBe(true);
    expect(actions.REFERRAL_SIGNUP!.oneTime).toBeUndefined();
    expect(actions.FIRST_TRADE!.milestone).toEqual({ action: 'TRADE_EXECUTE' });
    expect(actions.FIRST_PROFITABLE_TRADE!.milestone).toEqual({
      action: 'TRADE_EXECUTE',
      field: 'profitPercent',
      above: 0,
    });
    expect(actions.TRADING_STREAK_7!.milestone).toEqual({ streakDays: 7 });
    expect(actions.TRADING_STREAK_30!.milestone).toEqual({ streakDays: 30 });
    expect(defaultScoringRules.trending.decayPerDay).toBe(0.9);
    expect(defaultScoringRules.streaks.action).toBe('TRADE_EXECUTE');
  });

  it('has the catalogue of issue 11, every id once', () => {
    const ids = defaultScoringRules.achievements.map((a) => a.id);
    expect(ids).toEqual([
      'first_trade',
      'first_profitable_trade',
      'trading_streak_7',
      'trading_streak_30',
      'profile_complete',
      'profile_verified',
      'whale_trader',
      'trades_10',
      'trades_100',
      'trades_1000',
      'points_1000',
      'points_10000',
      'points_100000',
    ]);
    expect(defaultScoringRules.achievements.find((a) => a.id === 'whale_trader')!.condition).toEqual({
      kind: 'event',
      action: 'TRADE_EXECUTE',
      field: 'volumeUSD',
      min: 10_000,
    });
  });

  it('uses the anti-gaming defaults a real batch import never hits', () => {
    expect(defaultScoringRules.limits).toEqual({
      maxPointsPerEvent: 10_000,
      maxPointsPerUserPerDay: 100_000,
      maxEventsPerUserPerMinute: 5_000,
    });
  });
});

describe('scoringRulesSchema refuses malformed rule sets, naming the field', () => {
  it('refuses a tier with both min and below, and one with neither', () => {
    const both = rulesWith((rules) => {
      const volume = rules.actions.TRADE_EXECUTE!.multipliers![0]!;
      if (volume.kind === 'tiers') volume.tiers[1] = { min: 5_000, below: 10_000, factor: 3 };
    });
    expect(fieldsOf(both)).toEqual({
      'actions.TRADE_EXECUTE.multipliers[0].tiers[1]': ['give exactly one of min and below'],
    });
    const neither = rulesWith((rules) => {
      const delay = rules.actions.COPY_TRADE!.multipliers![1]!;
      if (delay.kind === 'tiers') delay.tiers[0] = { factor: 2 };
    });
    expect(fieldsOf(neither)).toEqual({
      'actions.COPY_TRADE.multipliers[1].tiers[0]': ['give exactly one of min and below'],
    });
  });

  it('refuses a streak over an action the rules do not have', () => {
    const input = rulesWith((rules) => {
      rules.streaks.action = 'TRADE_EXECUTED';
    });
    expect(fieldsOf(input)).toEqual({ 'streaks.action': ['the streak action must be one of the rules'] });
  });

  it('refuses an achievement naming an unknown action, at that achievement', () => {
    const input = rulesWith((rules) => {
      rules.achievements[8] = {
        id: 'trades_100',
        name: '100 trades',
        description: '',
        condition: { kind: 'count', action: 'TRADES', count: 100 },
      };
    });
    expect(fieldsOf(input)).toEqual({
      'achievements[8].condition.action': ['every achievement must name an action of the rules'],
    });
    const event = rulesWith((rules) => {
      rules.achievements[6]!.condition = { kind: 'event', action: 'SWAP', field: 'volumeUSD', min: 1 };
    });
    expect(Object.keys(fieldsOf(event))).toEqual(['achievements[6].condition.action']);
  });

  it('refuses a milestone triggered by an action the rules do not have (it could never be earned)', () => {
    const input = rulesWith((rules) => {
      rules.actions.FIRST_TRADE!.milestone = { action: 'TRADE' };
    });
    expect(fieldsOf(input)).toEqual({
      'actions.FIRST_TRADE.milestone.action': ['a milestone must follow an action of the rules'],
    });
  });

  it('refuses two achievements with one id (the second could never show as unlocked)', () => {
    const input = rulesWith((rules) => {
      rules.achievements.push({ ...rules.achievements[0]!, name: 'Again' });
    });
    expect(fieldsOf(input)).toEqual({ 'achievements[13].id': ['achievement ids must be unique'] });
  });

  it.each([0, 1, -0.5, 1.5])('refuses a trending decay of %s (it must lie in (0, 1))', (decayPerDay) => {
    const input = rulesWith((rules) => {
      rules.trending.decayPerDay = decayPerDay;
    });
    expect(Object.keys(fieldsOf(input))).toEqual(['trending.decayPerDay']);
  });

  it('accepts decays just inside (0, 1)', () => {
    for (const decayPerDay of [0.001, 0.5, 0.999]) {
      expect(
        z.safeParse(
          scoringRulesSchema,
          rulesWith((rules) => void (rules.trending.decayPerDay = decayPerDay)),
        ).success,
      ).toBe(true);
    }
  });

  it.each(['2026-13-01', '2026-02-30', '2026-1-1', 'yesterday'])(
    'refuses a trending epoch %j that is not a real day (it would turn every weight into NaN or shift it)',
    (epoch) => {
      const input = rulesWith((rules) => {
        rules.trending.epoch = epoch;
      });
      expect(Object.keys(fieldsOf(input))).toEqual(['trending.epoch']);
    },
  );

  it('refuses action names that are not upper snake case, and unknown fields', () => {
    const lower = rulesWith((rules) => {
      (rules.actions as Record<string, unknown>).trade = { base: 1, category: 'trading' };
    });
    expect(Object.keys(fieldsOf(lower))[0]).toMatch(/^actions/);
    const extra = rulesWith((rules) => {
      (rules.actions.TRADE_EXECUTE as Record<string, unknown>).points = 10;
    });
    expect(fieldsOf(extra)).toEqual({ 'actions.TRADE_EXECUTE.points': ['is not a known field'] });
  });

  it('refuses base points that are negative or fractional, and factors that are not positive', () => {
    expect(Object.keys(fieldsOf(rulesWith((rules) => void (rules.actions.COPY_TRADE!.base = -5))))).toEqual([
      'actions.COPY_TRADE.base',
    ]);
    expect(Object.keys(fieldsOf(rulesWith((rules) => void (rules.actions.COPY_TRADE!.base = 2.5))))).toEqual([
      'actions.COPY_TRADE.base',
    ]);
    expect(
      Object.keys(
        fieldsOf(
          rulesWith(
            (rules) =>
              void (rules.actions.COPY_TRADE!.multipliers![0] = {
                kind: 'flag',
                field: 'success',
                factor: 0,
              }),
          ),
        ),
      ),
    ).toEqual(['actions.COPY_TRADE.multipliers[0].factor']);
  });

  it('refuses streak freeze settings that are negative or fractional', () => {
    expect(Object.keys(fieldsOf(rulesWith((rules) => void (rules.streaks.initialFreezes = -1))))).toEqual([
      'streaks.initialFreezes',
    ]);
    expect(Object.keys(fieldsOf(rulesWith((rules) => void (rules.streaks.maxFreezes = 1.5))))).toEqual([
      'streaks.maxFreezes',
    ]);
  });

  it('answers with issues, never throws, for input that is not a rule set at all', () => {
    for (const input of [null, 42, 'rules', [], {}, { actions: [] }]) {
      expect(z.safeParse(scoringRulesSchema, input).success).toBe(false);
    }
  });
});

describe('multiplierSchema', () => {
  it('takes the three kinds and nothing else', () => {
    expect(z.safeParse(multiplierSchema, { kind: 'flag', field: 'success', factor: 2 }).success).toBe(true);
    expect(
      z.safeParse(multiplierSchema, { kind: 'proportional', field: 'copierCount', max: 10 }).success,
    ).toBe(true);
    expect(
      z.safeParse(multiplierSchema, { kind: 'tiers', field: 'days', tiers: [{ min: 30, factor: 1.5 }] })
        .success,
    ).toBe(true);
    expect(z.safeParse(multiplierSchema, { kind: 'tiers', field: 'days', tiers: [] }).success).toBe(false);
    expect(z.safeParse(multiplierSchema, { kind: 'curve', field: 'days', factor: 2 }).success).toBe(false);
    expect(z.safeParse(multiplierSchema, { kind: 'flag', field: 'has space', factor: 2 }).success).toBe(
      false,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { defaultScoringRules } from '../../src/scoring/defaultScoringRules.js';
import type { ActionRule, Multiplier } from '../../src/scoring/rules.js';
import { multiplierFactor, scoreAction, type ActionMetadata } from '../../src/scoring/scoreAction.js';

const rule = (action: string): ActionRule => {
  const found = defaultScoringRules.actions[action];
  if (!found) throw new Error(`no rule ${action}`);
  return found;
};
const points = (action: string, metadata: ActionMetadata) => scoreAction(rule(action), metadata).points;

describe("scoreAction: the note's TRADE_EXECUTE table (base 10, volume tier × profit tier)", () => {
  // Rows: volumeUSD; columns: profitPercent absent, 10, 50, 100. Expected points written out by hand.
  const profits = [undefined, 10, 50, 100] as const;
  const table: [volumeUSD: number, expected: [number, number, number, number]][] = [
    [50, [10, 15, 20, 30]],
    [100, [15, 23, 30, 45]], // 10 × 1.5 × 1.5 = 22.5 → 23 (half up)
    [999, [15, 23, 30, 45]],
    [1000, [20, 30, 40, 60]],
    [4999.99, [20, 30, 40, 60]],
    [5000, [30, 45, 60, 90]],
    [9999, [30, 45, 60, 90]],
    [10000, [50, 75, 100, 150]],
    [1_000_000, [50, 75, 100, 150]],
  ];
  const cases = table.flatMap(([volumeUSD, expected]) =>
    profits.map((profitPercent, column) => ({ volumeUSD, profitPercent, expected: expected[column]! })),
  );

  it.each(cases)(
    'volumeUSD $volumeUSD, profitPercent $profitPercent → $expected points',
    ({ volumeUSD, profitPercent, expected }) => {
      const metadata = profitPercent === undefined ? { volumeUSD } : { volumeUSD, profitPercent };
      expect(points('TRADE_EXECUTE', metadata)).toBe(expected);
    },
  );

  it.each([
    [9.99, 10],
    [0, 10],
    [-50, 10],
    [49.99, 15],
    [99, 20],
  ])('profitPercent %s alone (no volume) → %s points', (profitPercent, expected) => {
    expect(points('TRADE_EXECUTE', { profitPercent })).toBe(expected);
  });

  it('reports the multipliers that applied, in rule order, and leaves out the ×1 ones', () => {
    expect(scoreAction(rule('TRADE_EXECUTE'), { volumeUSD: 10_000, profitPercent: 50 })).toEqual({
      points: 100,
      multipliers: [
        { field: 'volumeUSD', factor: 5 },
        { field: 'profitPercent', factor: 2 },
      ],
    });
    expect(scoreAction(rule('TRADE_EXECUTE'), { volumeUSD: 50, profitPercent: 10 })).toEqual({
      points: 15,
      multipliers: [{ field: 'profitPercent', factor: 1.5 }],
    });
    expect(scoreAction(rule('TRADE_EXECUTE'), {})).toEqual({ points: 10, multipliers: [] });
    expect(scoreAction(rule('TRADE_EXECUTE'))).toEqual({ points: 10, multipliers: [] });
  });
});

describe('scoreAction: COPY_TRADE (base 5, success ×2, delayMs below 1,000 ×2, below 5,000 ×1.5)', () => {
  it.each([
    [{}, 5],
    [{ success: false }, 5],
    [{ success: true }, 10],
    [{ delayMs: 0 }, 10],
    [{ delayMs: 999 }, 10],
    [{ delayMs: 1000 }, 8], // 5 × 1.5 = 7.5 → 8
    [{ delayMs: 4999 }, 8],
    [{ delayMs: 5000 }, 5],
    [{ delayMs: 60_000 }, 5],
    [{ success: true, delayMs: 500 }, 20],
    [{ success: true, delayMs: 1000 }, 15],
    [{ success: true, delayMs: 4999 }, 15],
    [{ success: true, delayMs: 5000 }, 10],
    [{ success: false, delayMs: 500 }, 10],
  ] as [ActionMetadata, number][])('%j → %s points', (metadata, expected) => {
    expect(points('COPY_TRADE', metadata)).toBe(expected);
  });

  it('takes only a real true as success, not a truthy look-alike', () => {
    for (const success of ['true', 1, 'yes', null]) {
      expect(points('COPY_TRADE', { success })).toBe(5);
    }
  });

  it('reports the flag and the speed tier', () => {
    expect(scoreAction(rule('COPY_TRADE'), { success: true, delayMs: 2000 }).multipliers).toEqual([
      { field: 'success', factor: 2 },
      { field: 'delayMs', factor: 1.5 },
    ]);
  });
});

describe('scoreAction: COPIED_BY_OTHERS (base 20 × copierCount, clamped to [0, 10])', () => {
  it.each([
    [0, 0, [{ field: 'copierCount', factor: 0 }]],
    [1, 20, []],
    [3, 60, [{ field: 'copierCount', factor: 3 }]],
    [2.5, 50, [{ field: 'copierCount', factor: 2.5 }]],
    [10, 200, [{ field: 'copierCount', factor: 10 }]],
    [11, 200, [{ field: 'copierCount', factor: 10 }]],
    [50, 200, [{ field: 'copierCount', factor: 10 }]],
    [-3, 0, [{ field: 'copierCount', factor: 0 }]],
  ])('copierCount %s → %s points', (copierCount, expected, multipliers) => {
    expect(scoreAction(rule('COPIED_BY_OTHERS'), { copierCount })).toEqual({ points: expected, multipliers });
  });

  it('counts ×1 when the count is missing', () => {
    expect(points('COPIED_BY_OTHERS', {})).toBe(20);
  });
});

describe('scoreAction: STAKE_SSE (base 15, amount tier × days tier)', () => {
  it.each([
    [{ amount: 5_000, days: 7 }, 15],
    [{ amount: 9_999, days: 29 }, 15],
    [{ amount: 10_000, days: 7 }, 30],
    [{ amount: 1_000, days: 30 }, 23], // 15 × 1.5 = 22.5 → 23
    [{ amount: 10_000, days: 30 }, 45],
    [{ amount: 50_000, days: 180 }, 90],
    [{ amount: 100_000, days: 365 }, 225],
    [{ amount: 100_000, days: 179 }, 113], // 15 × 5 × 1.5 = 112.5 → 113
    [{ amount: 49_999, days: 364 }, 60],
    [{ amount: 1_000_000, days: 3650 }, 225],
  ] as [ActionMetadata, number][])('%j → %s points', (metadata, expected) => {
    expect(points('STAKE_SSE', metadata)).toBe(expected);
  });
});

describe('scoreAction: actions without multipliers', () => {
  it.each([
    ['PROFILE_COMPLETE', 50],
    ['PROFILE_VERIFIED', 100],
    ['REFERRAL_SIGNUP', 100],
    ['REFERRAL_TRADE', 25],
    ['FIRST_TRADE', 100],
    ['FIRST_PROFITABLE_TRADE', 200],
    ['TRADING_STREAK_7', 500],
    ['TRADING_STREAK_30', 2000],
  ])('%s is worth its base, %s, whatever the metadata says', (action, expected) => {
    expect(scoreAction(rule(action), { volumeUSD: 10_000, success: true, copierCount: 10 })).toEqual({
      points: expected,
      multipliers: [],
    });
  });
});

describe('scoreAction: rounding half up', () => {
  const twoTiers = (base: number, first: number, second: number): ActionRule => ({
    base,
    category: 'test',
    multipliers: [
      { kind: 'tiers', field: 'a', tiers: [{ min: 0, factor: first }] },
      { kind: 'tiers', field: 'b', tiers: [{ min: 0, factor: second }] },
    ],
  });

  it.each([
    [5, 1.5, 1, 8], // 7.5
    [15, 1.5, 1.5, 34], // 33.75
    [15, 1.5, 1.1, 25], // 24.75, computed as 24.750000000000004
    [100, 1.005, 1, 101], // 100.5, computed as 100.49999999999999
    [3, 0.5, 1, 2], // 1.5: half up, not to even
    [5, 0.5, 1, 3], // 2.5: half up, not to even
    [1, 1.49, 1, 1],
    [10, 0.04, 1, 0], // 0.4
    [10, 0.05, 1, 1], // 0.5
  ])('%s × %s × %s → %s', (base, first, second, expected) => {
    expect(scoreAction(twoTiers(base, first, second), { a: 1, b: 1 }).points).toBe(expected);
  });
});

describe('scoreAction: metadata a multiplier cannot read counts ×1', () => {
  it.each([
    ['a numeric string', '10000'],
    ['a boolean', true],
    ['null', null],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an object', { value: 10_000 }],
  ])('volumeUSD as %s is ignored', (_, volumeUSD) => {
    expect(scoreAction(rule('TRADE_EXECUTE'), { volumeUSD })).toEqual({ points: 10, multipliers: [] });
  });

  it('clamps an infinite copier count out rather than multiplying by it', () => {
    expect(points('COPIED_BY_OTHERS', { copierCount: Number.POSITIVE_INFINITY })).toBe(20);
  });
});

describe('multiplierFactor', () => {
  it('takes the first tier whose bound holds, in the order the rule lists them', () => {
    const unsorted: Multiplier = {
      kind: 'tiers',
      field: 'v',
      tiers: [
        { min: 100, factor: 1.5 },
        { min: 10_000, factor: 5 },
      ],
    };
    expect(multiplierFactor(unsorted, { v: 20_000 })).toBe(1.5);
    expect(multiplierFactor(unsorted, { v: 99 })).toBeUndefined();
    const below: Multiplier = {
      kind: 'tiers',
      field: 'v',
      tiers: [
        { below: 10, factor: 3 },
        { min: 10, factor: 2 },
      ],
    };
    expect(multiplierFactor(below, { v: 9.999 })).toBe(3);
    expect(multiplierFactor(below, { v: 10 })).toBe(2);
  });

  it('answers undefined when the field is absent', () => {
    expect(multiplierFactor({ kind: 'flag', field: 'success', factor: 2 }, {})).toBeUndefined();
    expect(multiplierFactor({ kind: 'proportional', field: 'n', max: 10 }, {})).toBeUndefined();
  });
});

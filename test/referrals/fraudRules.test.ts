import { describe, expect, it } from 'vitest';
import { fraudSignals } from '../../src/referrals/conversionContract.js';
import { defaultFraudRules, fraudRulesSchema, mergeFraudRules } from '../../src/referrals/fraudRules.js';

const issuesOf = (input: unknown) => {
  const result = fraudRulesSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('fraud rules', () => {
  it('weighs every signal by default, with the issue’s thresholds', () => {
    expect(Object.keys(defaultFraudRules.weights).sort()).toEqual([...fraudSignals].sort());
    expect(defaultFraudRules.thresholds).toEqual({ flagAbove: 30, blockAbove: 70 });
    expect(defaultFraudRules.weights).toMatchObject({ sameUser: 60, chargebackHistory: 70, botTraffic: 30 });
  });

  it('accepts a partial override and merges it part by part', () => {
    const override = fraudRulesSchema.parse({ weights: { sameIp: 10 }, refundPattern: { minShare: 0.5 } });
    const rules = mergeFraudRules(defaultFraudRules, override);
    expect(rules.weights.sameIp).toBe(10);
    expect(rules.weights.sameDevice).toBe(50);
    expect(rules.refundPattern).toEqual({ minRefunds: 3, minShare: 0.5 });
    expect(rules.thresholds).toEqual(defaultFraudRules.thresholds);
    expect(mergeFraudRules(defaultFraudRules, undefined)).toBe(defaultFraudRules);
    expect(mergeFraudRules(defaultFraudRules, {})).toEqual(defaultFraudRules);
  });

  it('names the field of each error', () => {
    expect(issuesOf({ weights: { sameIp: 101 } })).toEqual([
      { path: 'weights.sameIp', message: 'must be at most 100' },
    ]);
    expect(issuesOf({ weights: { sameIp: 2.5 } })[0]).toEqual({
      path: 'weights.sameIp',
      message: 'must be a whole number',
    });
    const unknown = fraudRulesSchema.safeParse({ weights: { smaeIp: 10 } }).error!.issues[0]!;
    expect(unknown).toMatchObject({ code: 'unrecognized_keys', keys: ['smaeIp'], path: ['weights'] });
    expect(issuesOf({ thresholds: { flagAbove: 80, blockAbove: 70 } })).toEqual([
      { path: 'thresholds.flagAbove', message: 'must be at most thresholds.blockAbove' },
    ]);
    expect(issuesOf({ refundPattern: { minShare: 2 } })[0]!.path).toBe('refundPattern.minShare');
    expect(issuesOf({ clickVelocity: { windowMinutes: 0 } })[0]).toEqual({
      path: 'clickVelocity.windowMinutes',
      message: 'must be at least 1',
    });
    expect(issuesOf({ disposableEmail: { extraDomains: ['Not A Domain'] } })[0]!.path).toBe(
      'disposableEmail.extraDomains.0',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { fraudSignals, type FraudSignal } from '../../src/referrals/conversionContract.js';
import { defaultFraudRules, mergeFraudRules } from '../../src/referrals/fraudRules.js';
import { scoreConversionRisk, type ConversionRiskFacts } from '../../src/referrals/scoreConversionRisk.js';

const clean: ConversionRiskFacts = {
  sameUser: false,
  sameDevice: false,
  sameIp: false,
  bot: false,
  clicksInWindow: 1,
  secondsSinceClick: 600,
  memberConversions: 0,
  memberRefunds: 0,
  memberChargebacks: 0,
  otherRefereesSameDevice: 0,
  otherRefereesSameEmail: 0,
  disposableEmail: false,
};

/** The facts that fire exactly one signal, just past its parameter. */
const firing: Record<FraudSignal, Partial<ConversionRiskFacts>> = {
  sameUser: { sameUser: true },
  sameDevice: { sameDevice: true },
  sameIp: { sameIp: true },
  botTraffic: { bot: true },
  clickVelocity: { clicksInWindow: 21 },
  suspiciousTiming: { secondsSinceClick: 9.5 },
  chargebackHistory: { memberConversions: 1, memberChargebacks: 1 },
  refundPattern: { memberConversions: 10, memberRefunds: 3 },
  multipleAccounts: { otherRefereesSameDevice: 1 },
  disposableEmail: { disposableEmail: true },
};

const score = (facts: Partial<ConversionRiskFacts>, rules = defaultFraudRules) =>
  scoreConversionRisk({ ...clean, ...facts }, rules);

describe('scoreConversionRisk', () => {
  it('approves a clean conversion with no reasons', () => {
    expect(score({})).toEqual({ riskScore: 0, status: 'approved', reasons: [] });
  });

  it.each(fraudSignals)('%s alone scores its weight with a reason for the reviewer', (signal) => {
    const result = score(firing[signal]);
    const weight = defaultFraudRules.weights[signal];
    expect(result.riskScore).toBe(weight);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatchObject({ signal, points: weight });
    expect(result.reasons[0]!.detail).toMatch(/^[A-Z0-9].+\.$/);
    expect(result.status).toBe(weight > 70 ? 'blocked' : weight > 30 ? 'flagged' : 'approved');
  });

  it('leaves each counting signal quiet right at its parameter', () => {
    expect(score({ clicksInWindow: 20 }).reasons).toEqual([]);
    expect(score({ secondsSinceClick: 10 }).reasons).toEqual([]);
    expect(score({ secondsSinceClick: null }).reasons).toEqual([]);
    expect(score({ memberConversions: 10, memberRefunds: 2 }).reasons).toEqual([]);
    // Three refunds, but only 3 of 11 (27 %) of the conversions.
    expect(score({ memberConversions: 11, memberRefunds: 3 }).reasons).toEqual([]);
    expect(score({ memberConversions: 5, memberChargebacks: 0 }).reasons).toEqual([]);
  });

  it('calls a conversion dated before its click suspicious', () => {
    expect(score({ secondsSinceClick: -5 }).reasons[0]).toMatchObject({
      signal: 'suspiciousTiming',
      detail: 'The conversion is dated before its click.',
    });
  });

  it('sums combinations and says each reason', () => {
    const result = score({ sameIp: true, disposableEmail: true });
    expect(result.riskScore).toBe(65);
    expect(result.status).toBe('flagged');
    expect(result.reasons.map((r) => r.signal).sort()).toEqual(['disposableEmail', 'sameIp']);
    const emailAndDevice = score({ otherRefereesSameDevice: 2, otherRefereesSameEmail: 1 });
    expect(emailAndDevice.reasons[0]!.detail).toBe(
      'The referee shares the device of 2 other referees and the e-mail of 1 other referee of this member.',
    );
  });

  it('caps the score at 100', () => {
    const all = Object.assign({}, ...Object.values(firing)) as Partial<ConversionRiskFacts>;
    const result = score(all);
    expect(result.reasons).toHaveLength(fraudSignals.length);
    expect(result.riskScore).toBe(100);
    expect(result.status).toBe('blocked');
  });

  it('puts the threshold edges where the issue says (30, 31, 70, 71)', () => {
    const weighted = (points: number) =>
      score({ sameIp: true }, mergeFraudRules(defaultFraudRules, { weights: { sameIp: points } }));
    expect(weighted(30).status).toBe('approved');
    expect(weighted(31).status).toBe('flagged');
    expect(weighted(70).status).toBe('flagged');
    expect(weighted(71).status).toBe('blocked');
  });

  it('follows custom weights, thresholds and parameters', () => {
    const rules = mergeFraudRules(defaultFraudRules, {
      weights: { disposableEmail: 90 },
      thresholds: { flagAbove: 10, blockAbove: 95 },
      clickVelocity: { maxClicks: 3 },
      suspiciousTiming: { minSeconds: 120 },
    });
    expect(score({ disposableEmail: true }, rules)).toMatchObject({ riskScore: 90, status: 'flagged' });
    expect(score({ clicksInWindow: 4 }, rules)).toMatchObject({ riskScore: 25, status: 'flagged' });
    expect(score({ secondsSinceClick: 100 }, rules).reasons[0]!.detail).toBe(
      'The conversion came 100 seconds after the click (less than 120).',
    );
    // A signal weighted 0 still shows the reviewer what was seen.
    const zero = mergeFraudRules(defaultFraudRules, { weights: { sameIp: 0 } });
    expect(score({ sameIp: true }, zero)).toMatchObject({ riskScore: 0, status: 'approved' });
    expect(score({ sameIp: true }, zero).reasons).toHaveLength(1);
  });
});

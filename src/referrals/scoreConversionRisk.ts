import type { FraudSignal, RiskReason, RiskStatus } from './conversionContract.js';
import type { FraudRules } from './fraudRules.js';

/**
 * What the server found out about one conversion, as plain data: every fraud signal is decided
 * from these facts and the rules alone, so the scoring is the same wherever it runs.
 */
export interface ConversionRiskFacts {
  /** The referee's user id is the member's own. */
  sameUser: boolean;
  /** The referee's device fingerprint is one the member used. */
  sameDevice: boolean;
  /** The referee's IP (or its click's) is one the member used. */
  sameIp: boolean;
  /** The referee's user agent is a bot's, or its click was made by one. */
  bot: boolean;
  /** Non-bot clicks on the member's links in the velocity window before the conversion. */
  clicksInWindow: number;
  /** Seconds from the click to the conversion; `null` without a click. */
  secondsSinceClick: number | null;
  /** Of the member's earlier conversions: how many there are, refunded, charged back. */
  memberConversions: number;
  memberRefunds: number;
  memberChargebacks: number;
  /** Other referees of the member with the referee's device fingerprint. */
  otherRefereesSameDevice: number;
  /** Other referees of the member with the referee's normalised e-mail. */
  otherRefereesSameEmail: number;
  /** The referee's e-mail is at a disposable-address provider. */
  disposableEmail: boolean;
}

/** The verdict: the score (0-100), what it means, and why. */
export interface ConversionRisk {
  riskScore: number;
  status: RiskStatus;
  reasons: RiskReason[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Each signal's test, returning the reviewer's detail when it fires. */
const checks: Record<FraudSignal, (facts: ConversionRiskFacts, rules: FraudRules) => string | null> = {
  sameUser: (f) => (f.sameUser ? 'The referee is the member’s own account.' : null),
  sameDevice: (f) => (f.sameDevice ? 'The referee used a device the member used.' : null),
  sameIp: (f) => (f.sameIp ? 'The referee came from an IP address the member used.' : null),
  botTraffic: (f) => (f.bot ? 'The referee or its click came from a bot or a script.' : null),
  clickVelocity: (f, { clickVelocity: v }) =>
    f.clicksInWindow > v.maxClicks
      ? `${plural(f.clicksInWindow, 'click')} on the member’s links in the ${plural(v.windowMinutes, 'minute')} before (more than ${v.maxClicks}).`
      : null,
  suspiciousTiming: (f, { suspiciousTiming: t }) =>
    f.secondsSinceClick !== null && f.secondsSinceClick < t.minSeconds
      ? f.secondsSinceClick < 0
        ? 'The conversion is dated before its click.'
        : `The conversion came ${plural(Math.floor(f.secondsSinceClick), 'second')} after the click (less than ${t.minSeconds}).`
      : null,
  chargebackHistory: (f, { chargebackHistory: c }) =>
    f.memberChargebacks >= c.minChargebacks
      ? `${plural(f.memberChargebacks, 'chargeback')} on the member’s earlier conversions.`
      : null,
  refundPattern: (f, { refundPattern: r }) =>
    f.memberRefunds >= r.minRefunds &&
    f.memberConversions > 0 &&
    f.memberRefunds / f.memberConversions >= r.minShare
      ? `${f.memberRefunds} of the member’s ${plural(f.memberConversions, 'earlier conversion')} were refunded.`
      : null,
  multipleAccounts: (f) => {
    const seen = [
      f.otherRefereesSameDevice > 0
        ? `the device of ${plural(f.otherRefereesSameDevice, 'other referee')}`
        : '',
      f.otherRefereesSameEmail > 0
        ? `the e-mail of ${plural(f.otherRefereesSameEmail, 'other referee')}`
        : '',
    ].filter(Boolean);
    return seen.length > 0 ? `The referee shares ${seen.join(' and ')} of this member.` : null;
  },
  disposableEmail: (f) =>
    f.disposableEmail ? 'The referee’s e-mail is at a disposable-address provider.' : null,
};

/** The status a score means under `thresholds`: above `blockAbove` blocked, above `flagAbove` flagged. */
export function riskStatusOf(score: number, thresholds: FraudRules['thresholds']): RiskStatus {
  if (score > thresholds.blockAbove) return 'blocked';
  if (score > thresholds.flagAbove) return 'flagged';
  return 'approved';
}

/**
 * Scores a conversion: each signal that fires adds its weight, the sum is capped at 100, and the
 * thresholds give the status. The reasons list every fired signal (even one weighted 0, so a
 * reviewer sees it) in the order of `fraudSignals`'s checks.
 */
export function scoreConversionRisk(facts: ConversionRiskFacts, rules: FraudRules): ConversionRisk {
  const reasons: RiskReason[] = [];
  for (const [signal, check] of Object.entries(checks) as [FraudSignal, (typeof checks)[FraudSignal]][]) {
    const detail = check(facts, rules);
    if (detail !== null) reasons.push({ signal, points: rules.weights[signal], detail });
  }
  const riskScore = Math.min(
    100,
    reasons.reduce((sum, reason) => sum + reason.points, 0),
  );
  return { riskScore, status: riskStatusOf(riskScore, rules.thresholds), reasons };
}

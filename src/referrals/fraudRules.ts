import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { fraudSignals, type FraudSignal } from './conversionContract.js';

/**
 * The fraud rules of conversions (issue 12) as data: a weight in points per signal, the two
 * thresholds that turn the summed score into a status, and the parameters of the signals that
 * count or time something. JSON-serializable, so a host overrides them with `PODIUM_FRAUD_RULES`
 * or `createApp({ referrals: { fraudRules } })`.
 */
export interface FraudRules {
  /** Points each signal adds when it fires (0-100); the score is their sum, capped at 100. */
  weights: Record<FraudSignal, number>;
  /** A score above `flagAbove` is flagged for review, above `blockAbove` blocked. */
  thresholds: { flagAbove: number; blockAbove: number };
  /** Fires with more than `maxClicks` non-bot clicks on the member's links in the window before. */
  clickVelocity: { maxClicks: number; windowMinutes: number };
  /** Fires when the conversion came less than `minSeconds` after its click (or before it). */
  suspiciousTiming: { minSeconds: number };
  /** Fires with at least `minRefunds` refunds that are also at least `minShare` of the member's conversions. */
  refundPattern: { minRefunds: number; minShare: number };
  /** Fires with at least `minChargebacks` chargebacks on the member's earlier conversions. */
  chargebackHistory: { minChargebacks: number };
  /** Domains counted as disposable besides the built-in list (`isDisposableEmail`). */
  disposableEmail: { extraDomains: string[] };
}

/** The defaults: approved 0-30, flagged 31-70, blocked 71-100. */
export const defaultFraudRules: FraudRules = {
  weights: {
    sameIp: 40,
    sameDevice: 50,
    sameUser: 60,
    botTraffic: 30,
    clickVelocity: 25,
    suspiciousTiming: 20,
    chargebackHistory: 70,
    refundPattern: 50,
    multipleAccounts: 45,
    disposableEmail: 25,
  },
  thresholds: { flagAbove: 30, blockAbove: 70 },
  clickVelocity: { maxClicks: 20, windowMinutes: 60 },
  suspiciousTiming: { minSeconds: 10 },
  refundPattern: { minRefunds: 3, minShare: 0.3 },
  chargebackHistory: { minChargebacks: 1 },
  disposableEmail: { extraDomains: [] },
};

const points = () =>
  z
    .number({ error: 'must be a number' })
    .check(
      z.int('must be a whole number'),
      z.minimum(0, 'must be at least 0'),
      z.maximum(100, 'must be at most 100'),
    );
const whole = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .check(
      z.int('must be a whole number'),
      z.minimum(min, `must be at least ${min}`),
      z.maximum(max, `must be at most ${max}`),
    );

/**
 * A partial override of {@link defaultFraudRules} (what `PODIUM_FRAUD_RULES` holds): every part is
 * optional, unknown keys are refused, and each issue names its field (`weights.sameIp`).
 */
export const fraudRulesSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .strictObject({
      weights: z.optional(
        z.strictObject(
          Object.fromEntries(fraudSignals.map((signal) => [signal, z.optional(points())])) as Record<
            FraudSignal,
            z.ZodMiniOptional<ReturnType<typeof points>>
          >,
        ),
      ),
      thresholds: z.optional(
        z.strictObject({ flagAbove: z.optional(points()), blockAbove: z.optional(points()) }),
      ),
      clickVelocity: z.optional(
        z.strictObject({
          maxClicks: z.optional(whole(0, 1_000_000)),
          windowMinutes: z.optional(whole(1, 10_080)),
        }),
      ),
      suspiciousTiming: z.optional(z.strictObject({ minSeconds: z.optional(whole(0, 86_400)) })),
      refundPattern: z.optional(
        z.strictObject({
          minRefunds: z.optional(whole(1, 1_000_000)),
          minShare: z.optional(
            z
              .number({ error: 'must be a number' })
              .check(z.minimum(0, 'must be at least 0'), z.maximum(1, 'must be at most 1')),
          ),
        }),
      ),
      chargebackHistory: z.optional(z.strictObject({ minChargebacks: z.optional(whole(1, 1_000_000)) })),
      disposableEmail: z.optional(
        z.strictObject({
          extraDomains: z.optional(
            z
              .array(
                z
                  .string({ error: 'must be a string' })
                  .check(
                    z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a lower-case domain such as example.com'),
                  ),
              )
              .check(z.maxLength(100_000, 'must have at most 100000 domains')),
          ),
        }),
      ),
    })
    .check(
      z.superRefine((rules, ctx) => {
        const { flagAbove, blockAbove } = rules.thresholds ?? {};
        if (flagAbove !== undefined && blockAbove !== undefined && flagAbove > blockAbove) {
          ctx.issues.push({
            code: 'custom',
            message: 'must be at most thresholds.blockAbove',
            path: ['thresholds', 'flagAbove'],
            input: rules,
          });
        }
      }),
    ),
);
export type FraudRulesOverride = z.infer<typeof fraudRulesSchema>;

/** The rules with `override`'s parts in place of the base's (a part at a time, weights by signal). */
export function mergeFraudRules(base: FraudRules, override: FraudRulesOverride | undefined): FraudRules {
  if (!override) return base;
  const defined = <T extends object>(part: T | undefined) =>
    Object.fromEntries(Object.entries(part ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
  return {
    weights: { ...base.weights, ...defined(override.weights) },
    thresholds: { ...base.thresholds, ...defined(override.thresholds) },
    clickVelocity: { ...base.clickVelocity, ...defined(override.clickVelocity) },
    suspiciousTiming: { ...base.suspiciousTiming, ...defined(override.suspiciousTiming) },
    refundPattern: { ...base.refundPattern, ...defined(override.refundPattern) },
    chargebackHistory: { ...base.chargebackHistory, ...defined(override.chargebackHistory) },
    disposableEmail: { ...base.disposableEmail, ...defined(override.disposableEmail) },
  };
}

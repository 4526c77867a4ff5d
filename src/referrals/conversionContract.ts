import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { requiredFieldError } from '../shared/errors.js';
import { countSchema } from '../shared/leaderboard.js';
import { wholeNumberParam } from '../shared/queryParams.js';
import { printableTextSchema, userIdSchema } from '../shared/text.js';
import {
  clickIdSchema,
  creatorIdSchema,
  currencyCodeSchema,
  memberSignalsSchema,
  referralCodePattern,
  shareChannels,
} from './contract.js';

/**
 * Conversions (issue 12): the host reports a referred visitor's purchase or sign-up (API key);
 * Podium attributes it to a member, works out the commission and scores it for fraud. Flagged
 * conversions wait in the review queue. Relative to the API base path.
 */
export const conversionsRoute = '/conversions';
export const conversionRefundRoute = '/conversions/:id/refund';
export const conversionChargebackRoute = '/conversions/:id/chargeback';
export const fraudReviewsRoute = '/fraud/reviews';
export const fraudReviewRoute = '/fraud/reviews/:conversionId';

/** A conversion id: the host's own (an order id), 1 to 128 of letters, digits and `_ . : @ -`. */
export const conversionIdSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .string({ error: requiredFieldError })
    .check(z.regex(/^[A-Za-z0-9_.:@-]{1,128}$/, 'must be 1 to 128 letters, digits or _ . : @ -')),
);

/**
 * The fraud signals, each worth its weight in points (see `defaultFraudRules`). Written out (a
 * literal a bundler can drop); the rules' weights are keyed by it.
 */
export const fraudSignals = [
  'sameUser',
  'sameDevice',
  'sameIp',
  'botTraffic',
  'clickVelocity',
  'suspiciousTiming',
  'chargebackHistory',
  'refundPattern',
  'multipleAccounts',
  'disposableEmail',
] as const;
export type FraudSignal = (typeof fraudSignals)[number];

/**
 * Where a conversion stands: `approved` (risk 0-30, commission earned), `flagged` (31-70, the
 * commission is held until a reviewer decides), `blocked` (71-100, no commission), `rejected` (a
 * reviewer turned a flagged one down), `refunded` and `chargedBack` (the sale was reversed, so is
 * the commission).
 */
export const conversionStatuses = [
  'approved',
  'flagged',
  'blocked',
  'rejected',
  'refunded',
  'chargedBack',
] as const;
export type ConversionStatus = (typeof conversionStatuses)[number];

/** The three outcomes of the risk score alone. */
export const riskStatuses = ['approved', 'flagged', 'blocked'] as const;
export type RiskStatus = (typeof riskStatuses)[number];

/**
 * A sum of money in the currency's major unit (`49.99` dollars). The server refuses more decimals
 * than the currency has (2 for USD, 0 for JPY).
 */
export const moneySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({ amount: z.number(), currency: z.string() }),
);
export type Money = z.infer<typeof moneySchema>;

const amountSchema = () =>
  z
    .number({ error: requiredFieldError })
    .check(
      z.refine(Number.isFinite, 'must be a finite number'),
      z.minimum(0, 'must be at least 0'),
      z.maximum(1_000_000_000, 'must be at most 1000000000'),
    );

/**
 * Who converted, as the host saw them: their user id, e-mail, IP, device fingerprint and user
 * agent. Each is optional; the fraud checks use what is given.
 */
export const refereeSchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    userId: z.optional(userIdSchema),
    email: z.optional(
      z
        .string({ error: 'must be a string' })
        .check(
          z.maxLength(254, 'must be at most 254 characters'),
          z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'),
        ),
    ),
    ...memberSignalsSchema.shape,
  }),
);
export type Referee = z.infer<typeof refereeSchema>;

/**
 * Body of `POST /conversions` (API key). Attributed by `clickId` (the `click` the redirect added
 * to the destination, or the `podium_ref` cookie) or, without a click, by `referralCode`.
 * Idempotent by `conversionId`: a retry with the same body answers the same conversion; the same
 * id with a different body is a 409.
 */
export const recordConversionBodySchema = /* @__PURE__ */ defineSchema(() =>
  z
    .strictObject({
      conversionId: conversionIdSchema,
      clickId: z.optional(clickIdSchema),
      referralCode: z.optional(
        z
          .string({ error: 'must be a string' })
          .check(z.regex(referralCodePattern, 'must be an 8-character referral code')),
      ),
      referee: z._default(refereeSchema, {}),
      /** The sale in the currency's major unit; 0 for a free sign-up. */
      amount: amountSchema(),
      currency: currencyCodeSchema,
      /** When it happened (ISO 8601); the time of the request when absent. */
      occurredAt: z.optional(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' })),
    })
    .check(
      z.superRefine((body, ctx) => {
        if (body.clickId === undefined && body.referralCode === undefined) {
          ctx.issues.push({
            code: 'custom',
            message: 'a clickId or a referralCode is required',
            path: ['clickId'],
            input: body,
          });
        }
      }),
    ),
);
export type RecordConversionBody = z.input<typeof recordConversionBodySchema>;

/** One reason a conversion scored risk points. */
export const riskReasonSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    signal: z.enum(fraudSignals),
    points: z.number(),
    /** For the reviewer, in English: what was seen ("the referee's device is the member's"). */
    detail: z.string(),
  }),
);
export type RiskReason = z.infer<typeof riskReasonSchema>;

/** A reviewer's decision on a flagged conversion. */
export const reviewSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    decision: z.enum(['approve', 'reject']),
    reviewer: z.nullable(z.string()),
    note: z.nullable(z.string()),
    decidedAt: z.iso.datetime({ offset: true }),
  }),
);
export type Review = z.infer<typeof reviewSchema>;

/** A recorded conversion, as every conversion and review endpoint answers it. */
export const conversionSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    conversionId: z.string(),
    creatorId: z.string(),
    memberId: z.string(),
    clickId: z.nullable(z.string()),
    shareId: z.nullable(z.string()),
    platform: z.nullable(z.enum(shareChannels)),
    amount: moneySchema,
    /**
     * The commission the creator's rule gives for this sale, rounded to the currency's minor unit.
     * Whether it is earned is `status`'s to say: earned when `approved`, held while `flagged`, not
     * paid once `blocked`, `rejected`, `refunded` or `chargedBack`.
     */
    commission: moneySchema,
    riskScore: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
    status: z.enum(conversionStatuses),
    reasons: z.array(riskReasonSchema),
    review: z.nullable(reviewSchema),
    occurredAt: z.iso.datetime({ offset: true }),
    createdAt: z.iso.datetime({ offset: true }),
    /** When a refund or chargeback reversed it. */
    reversedAt: z.nullable(z.iso.datetime({ offset: true })),
  }),
);
export type Conversion = z.infer<typeof conversionSchema>;

/** Body of `POST /conversions/:id/refund` and `/chargeback` (API key); both may be empty. */
export const reverseConversionBodySchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    reason: z.optional(printableTextSchema(500)),
  }),
);
export type ReverseConversionBody = z.input<typeof reverseConversionBodySchema>;

/** Query of `GET /fraud/reviews` (API key): the flagged conversions waiting for a decision. */
export const fraudReviewsQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    creatorId: z.optional(creatorIdSchema),
    limit: wholeNumberParam(1, 100, 50),
    offset: wholeNumberParam(0, 1_000_000, 0),
  }),
);
export type FraudReviewsQuery = z.input<typeof fraudReviewsQuerySchema>;

export const fraudReviewsResponseSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** Oldest first: the queue is worked from the front. */
    reviews: z.array(conversionSchema),
    total: countSchema(),
    offset: countSchema(),
    limit: z.number(),
  }),
);
export type FraudReviewsResponse = z.infer<typeof fraudReviewsResponseSchema>;

/** Body of `POST /fraud/reviews/:conversionId` (API key): approve or reject a flagged conversion. */
export const reviewDecisionBodySchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    decision: z.enum(['approve', 'reject'], { error: 'must be approve or reject' }),
    /** Who decided (the host's staff user id), for the audit trail. */
    reviewer: z.optional(userIdSchema),
    note: z.optional(printableTextSchema(500)),
  }),
);
export type ReviewDecisionBody = z.input<typeof reviewDecisionBodySchema>;

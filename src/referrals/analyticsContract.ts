import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { countSchema, defaultLeaderboardLimit, maxLeaderboardLimit } from '../shared/leaderboard.js';
import { wholeNumberParam } from '../shared/queryParams.js';
import { shareChannels } from './contract.js';
import { moneySchema } from './conversionContract.js';

/**
 * Referral analytics (issue 12): a member's stats and share analytics (the member's own user
 * token or the API key), a creator's analytics and referrers board (API key), served from two
 * materialized views that the scheduler refreshes; a member's own counts include what happened
 * since the last refresh. Relative to the API base path.
 */
export const memberStatsRoute = '/members/:id/stats';
export const shareAnalyticsRoute = '/members/:id/share-analytics';
export const creatorAnalyticsRoute = '/creators/:id/analytics';
export const referrersLeaderboardRoute = '/creators/:id/leaderboard';
/** Refreshes the materialized views now (the cron secret). GET and POST. */
export const refreshViewsRoute = '/cron/refresh-views';

/**
 * A ratio such as `0.25` (25 %); 0 when there is nothing to divide by. Not capped at 1: a
 * conversion attributed by code has no click, so conversions can outnumber clicks.
 */
const rateSchema = () => z.number().check(z.minimum(0));

/** `GET /members/:id/stats`: how a member is doing. */
export const memberStatsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    memberId: z.string(),
    creatorId: z.string(),
    /** Counted clicks on the member's links (bots and repeats within an hour are not counted). */
    clicks: countSchema(),
    /** Distinct referred people with an approved or flagged conversion. */
    referrals: countSchema(),
    /** Approved conversions. */
    conversions: countSchema(),
    /** `conversions / clicks`. */
    conversionRate: rateSchema(),
    /** Commission of approved conversions, less reversals. */
    earnings: moneySchema,
    /** Commission held on flagged conversions until a reviewer decides. */
    pendingEarnings: moneySchema,
    /** Rank among the creator's members by referrals (standard ties); `null` with none. */
    rank: z.nullable(z.number().check(z.int(), z.positive())),
    /** Members of the creator ranked (with at least one referral). */
    rankedMembers: countSchema(),
    /** When the view behind the rank was refreshed (counts are live). */
    asOf: z.nullable(z.iso.datetime({ offset: true })),
  }),
);
export type MemberStats = z.infer<typeof memberStatsSchema>;

/** Query of `GET /members/:id/share-analytics`: the time zone the share streak's days are in. */
export const shareAnalyticsQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** An IANA time zone such as `Europe/Berlin`; UTC when absent. */
    timeZone: z.optional(
      z.string().check(
        z.refine((value) => {
          try {
            new Intl.DateTimeFormat('en', { timeZone: value });
            return value.length <= 64;
          } catch {
            return false;
          }
        }, 'must be an IANA time zone such as Europe/Berlin'),
      ),
    ),
  }),
);
export type ShareAnalyticsQuery = z.input<typeof shareAnalyticsQuerySchema>;

/** One platform's row of the member's share analytics. */
export const platformPerformanceSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    platform: z.enum(shareChannels),
    shares: countSchema(),
    clicks: countSchema(),
    conversions: countSchema(),
    /** `conversions / clicks`. */
    conversionRate: rateSchema(),
  }),
);
export type PlatformPerformance = z.infer<typeof platformPerformanceSchema>;

/** Share → click → conversion, with the rates between the steps. */
export const funnelSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    shares: countSchema(),
    clicks: countSchema(),
    conversions: countSchema(),
    /** `clicks / shares`: one share can bring many clicks, so often above 1. */
    clicksPerShare: rateSchema(),
    /** `conversions / clicks`. */
    conversionRate: rateSchema(),
  }),
);
export type Funnel = z.infer<typeof funnelSchema>;

/** `GET /members/:id/share-analytics`: where the member shares and what it brings. */
export const shareAnalyticsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    memberId: z.string(),
    funnel: funnelSchema,
    /** Every channel the member shared on or got clicks from, most conversions first. */
    platforms: z.array(platformPerformanceSchema),
    /** The platform with the most conversions (then clicks); `null` before any click. */
    bestPlatform: z.nullable(z.enum(shareChannels)),
    streak: z.object({
      /** Consecutive days with a share, ending today or yesterday (in `timeZone`). */
      current: countSchema(),
      longest: countSchema(),
      /** The last day with a share (`YYYY-MM-DD` in `timeZone`). */
      lastShareDay: z.nullable(z.string()),
      timeZone: z.string(),
    }),
    /** Shares per day over the last 30 days in `timeZone`, oldest first, for the chart. */
    daily: z.array(z.object({ day: z.string(), shares: countSchema(), clicks: countSchema() })),
  }),
);
export type ShareAnalyticsResponse = z.infer<typeof shareAnalyticsSchema>;

/** `GET /creators/:id/analytics` (API key): the community's referral programme at a glance. */
export const creatorAnalyticsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    creatorId: z.string(),
    /** Sales of approved conversions, less reversals. */
    revenue: moneySchema,
    /** Commission earned by members (approved, less reversals). */
    commissions: moneySchema,
    members: countSchema(),
    /** Members with at least one share. */
    activeMembers: countSchema(),
    funnel: funnelSchema,
    /** Conversions waiting in the review queue, and those blocked. */
    flagged: countSchema(),
    blocked: countSchema(),
    /** The last 12 ISO weeks, oldest first (`2026-W48`). */
    growth: z.array(
      z.object({
        week: z.string(),
        newMembers: countSchema(),
        clicks: countSchema(),
        conversions: countSchema(),
        revenue: z.number(),
      }),
    ),
    /** The ten members with the most referrals. */
    topMembers: z.array(
      z.object({
        memberId: z.string(),
        userId: z.string(),
        displayName: z.nullable(z.string()),
        referrals: countSchema(),
        earnings: z.number(),
      }),
    ),
    /** When the view was refreshed. */
    asOf: z.nullable(z.iso.datetime({ offset: true })),
  }),
);
export type CreatorAnalytics = z.infer<typeof creatorAnalyticsSchema>;

/** What the referrers board ranks by. */
export const referrerMetrics = ['referrals', 'earnings', 'conversionRate'] as const;
export type ReferrerMetric = (typeof referrerMetrics)[number];

/**
 * Query of `GET /creators/:id/leaderboard` (API key): the shared leaderboard shape with
 * `board: "referrers"`, answered with `ETag` (304 when unchanged).
 */
export const referrersLeaderboardQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    metric: z._default(
      z.enum(referrerMetrics, { error: `must be one of ${referrerMetrics.join(', ')}` }),
      'referrals',
    ),
    limit: wholeNumberParam(1, maxLeaderboardLimit, defaultLeaderboardLimit),
    offset: wholeNumberParam(0, 1_000_000, 0),
  }),
);
export type ReferrersLeaderboardQuery = z.input<typeof referrersLeaderboardQuerySchema>;

import {
  creatorAnalyticsRoute,
  creatorAnalyticsSchema,
  creatorIdSchema,
  memberIdSchema,
  memberStatsRoute,
  memberStatsSchema,
  referrersLeaderboardQuerySchema,
  referrersLeaderboardRoute,
  refreshViewsRoute,
  shareAnalyticsQuerySchema,
  shareAnalyticsRoute,
  shareAnalyticsSchema,
} from 'podium-kit/core';
import * as z from 'zod/mini';
import { leaderboardExample, leaderboardResponses } from '../../http/openapi/leaderboardResponses.js';
import type { OpenApiRoute } from '../../http/openapi/OpenApiRoute.js';
import type { ViewRefresh } from './refreshReferralViews.js';

/** The cron endpoint's answer (a server type, held to this schema by the compiler). */
const refreshViewsResultSchema = z.object({
  views: z.array(
    z.object({ view: z.string(), rows: z.number(), durationMs: z.number(), refreshedAt: z.string() }),
  ),
  durationMs: z.number(),
});
const _sameShape: { views: Array<Omit<ViewRefresh, 'view'> & { view: string }>; durationMs: number } =
  {} as z.infer<typeof refreshViewsResultSchema>;

const memberId = { id: { schema: memberIdSchema, description: 'The member id' } };
const creatorId = { id: { schema: creatorIdSchema, description: 'The creator id' } };
const funnel = { shares: 12, clicks: 30, conversions: 3, clicksPerShare: 2.5, conversionRate: 0.1 };
const refresh: Pick<OpenApiRoute, 'summary' | 'description' | 'auth' | 'responses'> = {
  summary: 'Refresh the referral views (cron)',
  description: 'Refreshes the materialized views behind the referral analytics. GET and POST do the same.',
  auth: ['cron'],
  responses: {
    200: {
      description: 'What was refreshed',
      schema: refreshViewsResultSchema,
      example: {
        views: [
          {
            view: 'podium_referral_member_stats',
            rows: 42,
            durationMs: 18,
            refreshedAt: '2026-11-29T09:30:00.000Z',
          },
        ],
        durationMs: 18,
      },
    },
  },
};

/** The routes of `analyticsRoutes.ts`: members' and creators' figures, the referrers board, the views' refresh. */
export const analyticsOpenApi: readonly OpenApiRoute[] = [
  {
    method: 'get',
    path: memberStatsRoute,
    summary: "A member's referral stats",
    description: 'Readable by the member (user token) or with the API key; another user gets 403.',
    auth: ['user', 'apiKey'],
    pathParams: memberId,
    responses: {
      200: {
        description: 'Clicks, referrals, earnings and rank',
        schema: memberStatsSchema,
        example: {
          memberId: 'm_alice',
          creatorId: 'acme',
          clicks: 30,
          referrals: 3,
          conversions: 3,
          conversionRate: 0.1,
          earnings: { amount: 36, currency: 'USD' },
          pendingEarnings: { amount: 12, currency: 'USD' },
          rank: 1,
          rankedMembers: 8,
          asOf: '2026-11-29T09:30:00.000Z',
        },
      },
    },
    errors: [403, 404],
  },
  {
    method: 'get',
    path: shareAnalyticsRoute,
    summary: "A member's share analytics",
    description:
      'The share -> click -> conversion funnel, per platform, the best platform, the daily share streak (in `timeZone`) and the last days.',
    auth: ['user', 'apiKey'],
    pathParams: memberId,
    query: shareAnalyticsQuerySchema,
    responses: {
      200: {
        description: 'The analytics',
        schema: shareAnalyticsSchema,
        example: {
          memberId: 'm_alice',
          funnel,
          platforms: [{ platform: 'x', shares: 12, clicks: 30, conversions: 3, conversionRate: 0.1 }],
          bestPlatform: 'x',
          streak: { current: 4, longest: 6, lastShareDay: '2026-11-29', timeZone: 'UTC' },
          daily: [{ day: '2026-11-29', shares: 2, clicks: 5 }],
        },
      },
    },
    errors: [403, 404],
  },
  {
    method: 'get',
    path: creatorAnalyticsRoute,
    summary: "A creator's programme analytics",
    auth: ['apiKey'],
    pathParams: creatorId,
    responses: {
      200: {
        description: 'Revenue, commissions, members, funnel, fraud counts, weekly growth and top members',
        schema: creatorAnalyticsSchema,
        example: {
          creatorId: 'acme',
          revenue: { amount: 360, currency: 'USD' },
          commissions: { amount: 36, currency: 'USD' },
          members: 8,
          activeMembers: 3,
          funnel,
          flagged: 1,
          blocked: 0,
          growth: [{ week: '2026-W48', newMembers: 2, clicks: 30, conversions: 3, revenue: 360 }],
          topMembers: [
            { memberId: 'm_alice', userId: 'u_alice', displayName: 'Alice', referrals: 3, earnings: 36 },
          ],
          asOf: '2026-11-29T09:30:00.000Z',
        },
      },
    },
    errors: [404],
  },
  {
    method: 'get',
    path: referrersLeaderboardRoute,
    summary: "A creator's referrers leaderboard",
    description: "Readable by the creator's members (user token) or with the API key; outsiders get 403.",
    auth: ['user', 'apiKey'],
    pathParams: creatorId,
    query: referrersLeaderboardQuerySchema,
    responses: leaderboardResponses('One page of the board', {
      ...leaderboardExample,
      board: 'referrers',
      metric: 'referrals',
      unit: 'referrals',
      period: { kind: 'all-time' },
    }),
    errors: [403, 404],
  },
  { method: 'get', path: refreshViewsRoute, ...refresh },
  { method: 'post', path: refreshViewsRoute, ...refresh },
];

import {
  eventBatchResultSchema,
  eventIdSchema,
  eventResultSchema,
  revocationResultSchema,
  revokeScoreEventQuerySchema,
  scoreActionRoute,
  scoreActionsRoute,
  scoreAdjustmentSchema,
  scoreAdjustmentsRoute,
  scoreEventBatchSchema,
  scoreEventSchema,
  scoreLedgerQuerySchema,
  scoreLedgerSchema,
  scoreLeaderboardQuerySchema,
  scoreLeaderboardRoute,
  scoreMetricsRoute,
  scoreMetricsSchema,
  scoreUserIdSchema,
  scoringRulesRoute,
  scoringRulesSchema,
  userAchievementsRoute,
  userAchievementsSchema,
  userScoreLedgerRoute,
  userScoreQuerySchema,
  userScoreRoute,
  userScoreSchema,
} from 'podium-kit/core';
import * as z from 'zod/mini';
import { leaderboardExample, leaderboardResponses } from '../http/openapi/leaderboardResponses.js';
import type { OpenApiRoute } from '../http/openapi/OpenApiRoute.js';

const userId = { userId: { schema: scoreUserIdSchema, description: "The host's user id" } };
const scored = {
  eventId: 'trade-1001',
  status: 'scored',
  points: 10,
  multipliers: [],
  capped: false,
  milestones: [{ action: 'FIRST_TRADE', eventId: 'trade-1001#FIRST_TRADE', points: 50 }],
  achievements: ['first-trade'],
};

/** The routes of `scoringRoutes.ts`. */
export const scoringOpenApi: readonly OpenApiRoute[] = [
  {
    method: 'post',
    path: scoreActionsRoute,
    summary: 'Score one action, or a batch',
    description:
      'One event, or `{ "events": [...] }` (up to 1,000; body up to 2 MB). Idempotent by `eventId`: a replay answers `replayed`, the same id with other content `conflict` (409 for a single event).',
    auth: ['apiKey'],
    body: {
      schema: z.union([scoreEventSchema, scoreEventBatchSchema]),
      example: {
        eventId: 'trade-1001',
        userId: 'u_alice',
        action: 'TRADE_EXECUTE',
        category: 'trading',
        metadata: { volumeUsd: 250 },
      },
    },
    responses: {
      200: {
        description: "The event's result, or `{ results }` in the batch's order",
        schema: z.union([eventResultSchema, eventBatchResultSchema]),
        example: scored,
      },
    },
    errors: [409],
  },
  {
    method: 'delete',
    path: scoreActionRoute,
    summary: 'Revoke a scored action',
    description:
      'Takes back its points, its milestones and any achievement no longer earned. Revoking twice answers `alreadyRevoked: true`.',
    auth: ['apiKey'],
    pathParams: { eventId: { schema: eventIdSchema } },
    query: revokeScoreEventQuerySchema,
    responses: {
      200: {
        description: 'What was revoked',
        schema: revocationResultSchema,
        example: {
          eventId: 'trade-1001',
          userId: 'u_alice',
          points: -60,
          revoked: ['trade-1001', 'trade-1001#FIRST_TRADE'],
          achievementsLost: ['first-trade'],
          alreadyRevoked: false,
        },
      },
    },
    errors: [404],
  },
  {
    method: 'post',
    path: scoreAdjustmentsRoute,
    summary: 'Adjust points by hand',
    description:
      'A signed, non-zero number of points with a reason (support credit, penalty); idempotent by `eventId`.',
    auth: ['apiKey'],
    body: {
      schema: scoreAdjustmentSchema,
      example: { eventId: 'support-77', userId: 'u_alice', points: 25, reason: 'Goodwill credit' },
    },
    responses: {
      200: {
        description: 'The adjustment as an event result',
        schema: eventResultSchema,
        example: { ...scored, eventId: 'support-77', points: 25, milestones: [], achievements: [] },
      },
    },
    errors: [409],
  },
  {
    method: 'get',
    path: scoringRulesRoute,
    summary: 'The scoring rules',
    description:
      'Actions with their points, multipliers, caps and milestones, and the achievements (`PODIUM_SCORING_RULES`).',
    responses: { 200: { description: 'The rule set', schema: scoringRulesSchema } },
  },
  {
    method: 'get',
    path: scoreMetricsRoute,
    summary: 'Points at a glance',
    responses: {
      200: {
        description: 'Users scored, activity today and the top scorers',
        schema: scoreMetricsSchema,
        example: {
          scoredUsers: 120,
          activeToday: 14,
          eventsToday: 52,
          topScorers: [{ userId: 'u_alice', displayName: 'Alice', points: 1250 }],
        },
      },
    },
  },
  {
    method: 'get',
    path: scoreLeaderboardRoute,
    summary: 'The points leaderboard',
    description:
      'Lifetime, a UTC day, ISO week or month (`period`, default the current one), or trending (decayed by age); optionally one category.',
    query: scoreLeaderboardQuerySchema,
    responses: leaderboardResponses('One page of the board', {
      ...leaderboardExample,
      board: 'points',
      metric: 'points',
      unit: 'points',
      category: null,
      period: { kind: 'all-time' },
    }),
  },
  {
    method: 'get',
    path: userScoreLedgerRoute,
    summary: "A user's points ledger",
    description: 'Every change, newest first; `nextBefore` pages back.',
    auth: ['apiKey'],
    pathParams: userId,
    query: scoreLedgerQuerySchema,
    responses: {
      200: {
        description: 'A page of entries',
        schema: scoreLedgerSchema,
        example: {
          userId: 'u_alice',
          entries: [
            {
              seq: 2,
              change: 'event',
              eventId: 'trade-1001',
              action: 'TRADE_EXECUTE',
              category: 'trading',
              points: 10,
              status: 'scored',
              reason: null,
              occurredAt: '2026-11-29T09:30:00.000Z',
              recordedAt: '2026-11-29T09:30:01.000Z',
            },
          ],
          nextBefore: null,
        },
      },
    },
  },
  {
    method: 'get',
    path: userAchievementsRoute,
    summary: "A user's achievements",
    description: 'Every achievement of the rules, unlocked or with its progress, and how rare it is.',
    pathParams: userId,
    responses: {
      200: {
        description: 'The achievements',
        schema: userAchievementsSchema,
        example: {
          userId: 'u_alice',
          scoredUsers: 120,
          achievements: [
            {
              id: 'first-trade',
              name: 'First trade',
              description: 'Make your first trade',
              unlocked: true,
              unlockedAt: '2026-11-29T09:30:00.000Z',
              progress: { current: 1, target: 1 },
              rarity: 0.4,
            },
          ],
        },
      },
    },
  },
  {
    method: 'get',
    path: userScoreRoute,
    summary: "A user's score and standing",
    description:
      'Score, rank and percentile on the chosen board, recent actions, counts per action, streak and rank history.',
    pathParams: userId,
    query: userScoreQuerySchema,
    responses: {
      200: {
        description: 'The standing',
        schema: userScoreSchema,
        example: {
          userId: 'u_alice',
          timeframe: 'lifetime',
          period: null,
          category: null,
          score: 60,
          rank: 1,
          percentile: 100,
          rankedUsers: 1,
          recentActions: [
            {
              eventId: 'trade-1001',
              action: 'TRADE_EXECUTE',
              category: 'trading',
              points: 10,
              occurredAt: '2026-11-29T09:30:00.000Z',
            },
          ],
          actionCounts: { TRADE_EXECUTE: 1 },
          streak: { current: 1, longest: 1, lastActiveDay: '2026-11-29', freezesLeft: 1 },
          rankHistory: [{ day: '2026-11-29', rank: 1 }],
          source: 'board',
        },
      },
    },
  },
];

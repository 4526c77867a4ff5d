import {
  calculateUserStatsCronRoute,
  calculateUserStatsQuerySchema,
  calculateUserStatsResultSchema,
  statsHistoryQuerySchema,
  statsHistoryResponseSchema,
  statsLeadersQuerySchema,
  statsLeadersResponseSchema,
  statsLeadersRoute,
  transactionsCsvColumns,
  userStatsHistoryRoute,
  userStatsResponseSchema,
  userStatsRoute,
  userStatsSchema,
  userTransactionsCsvRoute,
} from 'podium-kit/core';
import * as z from 'zod/mini';
import type { OpenApiRoute } from '../http/openapi/OpenApiRoute.js';
import type { CalculateOneSubjectResponse } from './cronRoutes.js';

/** The cron endpoint's answer for one `address` (a server type, held to the schema below by the compiler). */
const calculateOneSubjectSchema = z.object({
  subject: z.string(),
  addresses: z.array(z.string()),
  stats: userStatsSchema,
  duration: z.number(),
});
const _sameShape: CalculateOneSubjectResponse = {} as z.infer<typeof calculateOneSubjectSchema>;

const identifier = {
  identifier: {
    description: "A user id or username (the user's wallets together), or a single wallet address",
  },
};
const subject = {
  kind: 'user',
  userId: 'u_alice',
  username: 'alice',
  displayName: 'Alice',
  avatarUrl: null,
  addresses: ['0x00000000000000000000000000000000000000a1'],
};
const emptyStats = {
  sales: { count: 0, editions: 0, volumeWei: '0', uniqueBuyers: 0, tokens: [], firstAt: null, lastAt: null },
  purchases: {
    count: 0,
    editions: 0,
    volumeWei: '0',
    uniqueSellers: 0,
    tokens: [],
    firstAt: null,
    lastAt: null,
  },
  bids: { placed: 0, won: 0, active: 0, volumeWei: '0', tokens: [] },
  offers: { made: 0, received: 0, accepted: 0, rescinded: 0 },
  listings: { active: 0, created: 0, cancelled: 0 },
};
const etag = { ETag: 'Strong validator: send it as `If-None-Match` to get a 304 while nothing changed' };
const cron: Pick<OpenApiRoute, 'summary' | 'description' | 'auth' | 'query' | 'responses' | 'errors'> = {
  summary: 'Calculate user stats (cron)',
  description:
    'Recalculates a batch of subjects (`batch` from `offset`; call again with `nextOffset` until it is null) or, with `address`, one subject. GET and POST do the same, for schedulers that only GET.',
  auth: ['cron'],
  query: calculateUserStatsQuerySchema,
  responses: {
    200: {
      description: 'What was calculated',
      schema: z.union([calculateUserStatsResultSchema, calculateOneSubjectSchema]),
      example: { total: 120, successful: 100, failed: 0, errors: [], nextOffset: 100, duration: 850 },
    },
  },
  errors: [404, 503],
};

/** The routes of `userStatsRoutes.ts` and `cronRoutes.ts`. */
export const userStatsOpenApi: readonly OpenApiRoute[] = [
  {
    method: 'get',
    path: userStatsRoute,
    summary: "A user's marketplace stats",
    description:
      'Answers the cached figures (200, `stale: true` and a refresh queued when older than the stale age). Never calculated yet: 202 with empty figures and `Retry-After`; poll again.',
    pathParams: identifier,
    responses: {
      200: {
        description: 'The cached stats',
        schema: userStatsResponseSchema,
        headers: etag,
        example: {
          subject,
          stats: emptyStats,
          percentiles: {},
          cached: true,
          stale: false,
          calculatedAt: '2026-11-29T09:00:00.000Z',
          refreshFailedAt: null,
        },
      },
      202: {
        description: 'Not calculated yet: queued',
        schema: userStatsResponseSchema,
        headers: { 'Retry-After': 'Seconds until asking again is worthwhile' },
        example: {
          subject,
          stats: emptyStats,
          percentiles: {},
          cached: false,
          stale: false,
          calculatedAt: null,
          refreshFailedAt: null,
          retryAfterSeconds: 5,
        },
      },
      304: { description: 'Unchanged since the `If-None-Match` ETag' },
    },
    errors: [404],
  },
  {
    method: 'get',
    path: userStatsHistoryRoute,
    summary: "A user's daily history",
    description:
      'One entry per UTC day from `from` to `to` (both included; default the last 90 days, at most 731).',
    pathParams: identifier,
    query: statsHistoryQuerySchema,
    responses: {
      200: {
        description: 'The days',
        schema: statsHistoryResponseSchema,
        headers: etag,
        example: {
          subject,
          from: '2026-11-28',
          to: '2026-11-29',
          days: [
            {
              date: '2026-11-28',
              salesCount: 1,
              salesVolumeWei: '1000000000000000000',
              purchasesCount: 0,
              purchasesVolumeWei: '0',
              bidsPlaced: 2,
            },
            {
              date: '2026-11-29',
              salesCount: 0,
              salesVolumeWei: '0',
              purchasesCount: 0,
              purchasesVolumeWei: '0',
              bidsPlaced: 0,
            },
          ],
        },
      },
      304: { description: 'Unchanged since the `If-None-Match` ETag' },
    },
    errors: [404],
  },
  {
    method: 'get',
    path: statsLeadersRoute,
    summary: 'Top users by one stats metric',
    query: statsLeadersQuerySchema,
    responses: {
      200: {
        description: 'The leaders',
        schema: statsLeadersResponseSchema,
        example: {
          metric: 'salesVolume',
          leaders: [{ rank: 1, subject, value: '1000000000000000000' }],
          total: 1,
          updatedAt: '2026-11-29T09:00:00.000Z',
        },
      },
    },
  },
  {
    method: 'get',
    path: userTransactionsCsvRoute,
    summary: "A user's trades as CSV",
    description: `Streamed, oldest first. Columns: ${transactionsCsvColumns.map((column) => `\`${column}\``).join(', ')}.`,
    pathParams: identifier,
    responses: {
      200: {
        description: 'The CSV file (`Content-Disposition: attachment`)',
        contentType: 'text/csv',
        example: `${transactionsCsvColumns.join(',')}\n`,
      },
    },
    errors: [404],
  },
  { method: 'get', path: calculateUserStatsCronRoute, ...cron },
  { method: 'post', path: calculateUserStatsCronRoute, ...cron },
];

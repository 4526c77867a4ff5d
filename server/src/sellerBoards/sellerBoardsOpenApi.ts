import {
  productRoute,
  productSchema,
  productViewsRoute,
  putProductBodySchema,
  recordViewBodySchema,
  recordViewResponseSchema,
  sellerDashboardRoute,
  sellerDashboardSchema,
  sellerLeaderboardQuerySchema,
  sellerLeaderboardRoute,
} from 'podium-kit/core';
import { leaderboardExample, leaderboardResponses } from '../http/openapi/leaderboardResponses.js';
import type { OpenApiRoute } from '../http/openapi/OpenApiRoute.js';

const product = {
  id: 'p_1',
  sellerId: 'u_alice',
  status: 'sold',
  price: '12.50',
  currency: 'USD',
  soldAt: '2026-11-29T09:30:00.000Z',
  createdAt: '2026-11-01T09:30:00.000Z',
  updatedAt: '2026-11-29T09:30:00.000Z',
};

/** The routes of `productsRoutes.ts`, `leaderboardsRoutes.ts` and `sellerDashboardRoutes.ts`. */
export const sellerBoardsOpenApi: readonly OpenApiRoute[] = [
  {
    method: 'put',
    path: productRoute,
    summary: 'Create or update a product',
    description:
      "Moving to `sold` stamps `soldAt` and counts the sale in this month's board; moving away takes it out again. A product's seller never changes (409).",
    auth: ['apiKey'],
    body: {
      schema: putProductBodySchema,
      example: { sellerId: 'u_alice', status: 'sold', price: '12.50', currency: 'USD' },
    },
    responses: {
      200: { description: 'Updated', schema: productSchema, example: product },
      201: { description: 'Created', schema: productSchema, example: product },
    },
    errors: [409],
  },
  {
    method: 'post',
    path: productViewsRoute,
    summary: 'Count a product view',
    description:
      'Give exactly one of `viewerId` (signed in) and `sessionId`. Not counted for a repeat viewer, a draft, the seller, or past the per-client daily cap.',
    body: { schema: recordViewBodySchema, example: { sessionId: 'sess-4f1c2a9b' } },
    responses: {
      200: {
        description: 'Whether it counted',
        schema: recordViewResponseSchema,
        example: { counted: true },
      },
    },
    errors: [404],
  },
  {
    method: 'get',
    path: sellerLeaderboardRoute,
    summary: 'The sellers leaderboard',
    description: 'Sales or views, this month (UTC) or all time; `around` answers the page centred on a user.',
    query: sellerLeaderboardQuerySchema,
    responses: leaderboardResponses('One page of the board', leaderboardExample),
  },
  {
    method: 'get',
    path: sellerDashboardRoute,
    summary: "A seller's dashboard",
    description: 'Readable by that seller (user token) or with the API key; another user gets 403.',
    auth: ['user', 'apiKey'],
    responses: {
      200: {
        description: 'The counts the board ranks by',
        schema: sellerDashboardSchema,
        example: {
          sellerId: 'u_alice',
          month: '2026-11',
          activeListings: 3,
          views: { month: 40, allTime: 310 },
          sales: { month: 12, allTime: 80 },
          earnings: {
            month: [{ currency: 'USD', amount: '150.00' }],
            allTime: [{ currency: 'USD', amount: '990.00' }],
          },
          rank: { sales: { month: 1, allTime: 2 }, views: { month: 3, allTime: null } },
        },
      },
    },
    errors: [403],
  },
];

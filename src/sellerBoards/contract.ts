import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { wholeNumberParam } from '../shared/queryParams.js';
import { tieModes } from '../shared/ranking.js';
import { countSchema, defaultLeaderboardLimit, maxLeaderboardLimit, rankSchema } from '../shared/leaderboard.js';
import { hasUnsafeCharacter, userIdSchema } from '../shared/text.js';

/**
 * Seller boards (design note 001): products, views, the sellers leaderboard and each seller's
 * dashboard. The board answers the shared leaderboard shape of `../shared/leaderboard.ts`.
 */

/** Relative to the API base path. */
export const sellerLeaderboardRoute = '/leaderboards/sellers';
export const productRoute = '/products/:id';
export const productViewsRoute = '/products/:id/views';
export const sellerDashboardRoute = '/sellers/:id/dashboard';

export const sellerMetrics = ['sales', 'views'] as const;
export type SellerMetric = (typeof sellerMetrics)[number];

/** The periods of the sellers board. */
export const leaderboardPeriods = ['month', 'all-time'] as const;
export type LeaderboardPeriodKind = (typeof leaderboardPeriods)[number];

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Query of `GET /leaderboards/sellers`. `month` (UTC, `YYYY-MM`) defaults to the current month. */
export const sellerLeaderboardQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    metric: z._default(z.enum(sellerMetrics, { error: 'must be sales or views' }), 'sales'),
    period: z._default(z.enum(leaderboardPeriods, { error: 'must be month or all-time' }), 'month'),
    month: z.optional(z.string().check(z.regex(monthPattern, 'must be a month such as 2026-11'))),
    limit: wholeNumberParam(1, maxLeaderboardLimit, defaultLeaderboardLimit),
    offset: wholeNumberParam(0, 1_000_000, 0),
    /**
     * A user id: answer the page of `limit` entries centred on that user (`offset` is ignored).
     * A user who is not on the board gets `around: null` and the first page.
     */
    around: z.optional(userIdSchema),
    ties: z._default(z.enum(tieModes, { error: 'must be standard, dense or first-reached' }), 'standard'),
  }),
);

export type SellerLeaderboardQuery = Partial<z.input<typeof sellerLeaderboardQuerySchema>> & {
  limit?: number;
  offset?: number;
};
export type SellerLeaderboardParams = z.output<typeof sellerLeaderboardQuerySchema>;

export const productStatuses = ['draft', 'active', 'sold'] as const;
export type ProductStatus = (typeof productStatuses)[number];

/**
 * Body of `PUT /products/:id` (API key): creates or updates a product. Moving to `sold` stamps
 * `sold_at`; moving away clears it and takes the sale out of the month it was counted in. A
 * product's seller never changes (a different `sellerId` is a 409).
 */
export const putProductBodySchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    sellerId: userIdSchema,
    status: z.enum(productStatuses, { error: 'must be draft, active or sold' }),
    /** A decimal amount such as "12.50" (up to 18 decimals). */
    price: z
      .string({ error: 'must be a decimal string' })
      .check(z.regex(/^\d{1,20}(\.\d{1,18})?$/, 'must be a decimal amount such as 12.50')),
    /** ISO 4217 code or token symbol, upper case. */
    currency: z
      .string({ error: 'is required' })
      .check(z.regex(/^[A-Z0-9]{2,10}$/, 'must be a currency code such as USD or ETH')),
  }),
);

export type PutProductBody = z.infer<typeof putProductBodySchema>;

export const productSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    id: z.string(),
    sellerId: z.string(),
    status: z.enum(productStatuses),
    price: z.string(),
    currency: z.string(),
    soldAt: z.nullable(z.iso.datetime({ offset: true })),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);

export type Product = z.infer<typeof productSchema>;

/** Body of `POST /products/:id/views`: who viewed (a signed-in viewer, else a session). */
export const recordViewBodySchema = /* @__PURE__ */ defineSchema(() =>
  z
    .strictObject({
      viewerId: z.optional(userIdSchema),
      sessionId: z.optional(
        z.string().check(
          z.minLength(8, 'must be at least 8 characters'),
          z.maxLength(128, 'must be at most 128 characters'),
          z.refine((value) => !hasUnsafeCharacter(value), 'must not contain control characters'),
        ),
      ),
    })
    .check(
      z.refine((body) => (body.viewerId === undefined) !== (body.sessionId === undefined), {
        message: 'give exactly one of viewerId and sessionId',
        path: ['viewerId'],
      }),
    ),
);

export type RecordViewBody = z.infer<typeof recordViewBodySchema>;

/** `counted: false` for a repeat viewer, a draft product, or the product's own seller. */
export const recordViewResponseSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({ counted: z.boolean() }),
);

const monthAndAllTime = <T extends z.ZodMiniType>(schema: T) => z.object({ month: schema, allTime: schema });

/** `GET /sellers/:id/dashboard`: the same counts the leaderboard ranks by. */
export const sellerDashboardSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    sellerId: z.string(),
    month: z.string(),
    activeListings: countSchema(),
    views: monthAndAllTime(countSchema()),
    sales: monthAndAllTime(countSchema()),
    /** Sum of sold products' prices, per currency. */
    earnings: monthAndAllTime(z.array(z.object({ currency: z.string(), amount: z.string() }))),
    /** The seller's rank (standard ties), `null` when not on that board. */
    rank: z.object({
      sales: monthAndAllTime(z.nullable(rankSchema())),
      views: monthAndAllTime(z.nullable(rankSchema())),
    }),
  }),
);

export type SellerDashboard = z.infer<typeof sellerDashboardSchema>;

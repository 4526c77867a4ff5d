import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { wholeNumberParam } from '../shared/queryParams.js';
import { tieModes } from '../shared/ranking.js';
import { hasUnsafeCharacter, userIdSchema } from '../shared/text.js';

/**
 * Leaderboards (design note 001 and Podium's general board shape). Every board answers the same
 * {@link leaderboardResponseSchema}: sellers today, points and referral boards later, so one
 * hook (`useLeaderboard`) and one component (`LeaderboardModal` / `Leaderboard`) serve them all.
 * Boards answer `ETag`; a poll with `If-None-Match` that finds nothing changed gets a bodiless 304.
 */

/** Relative to the API base path. */
export const sellerLeaderboardRoute = '/leaderboards/sellers';
export const productRoute = '/products/:id';
export const productViewsRoute = '/products/:id/views';
export const sellerDashboardRoute = '/sellers/:id/dashboard';

/** Boards the server knows, by the path segment after `/leaderboards/`. */
export const leaderboardBoards = ['sellers'] as const;
export type LeaderboardBoard = (typeof leaderboardBoards)[number];

export const sellerMetrics = ['sales', 'views'] as const;
export type SellerMetric = (typeof sellerMetrics)[number];

export const leaderboardPeriods = ['month', 'all-time'] as const;
export type LeaderboardPeriodKind = (typeof leaderboardPeriods)[number];

export const maxLeaderboardLimit = 100;
export const defaultLeaderboardLimit = 20;

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

/** A rank: 1 or more. (Functions, not constants, so that they are built only where used.) */
const rankSchema = () => z.number().check(z.int(), z.positive());
/** A count: 0 or more. */
const countSchema = () => z.number().check(z.int(), z.nonnegative());

export const leaderboardEntrySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    rank: rankSchema(),
    userId: z.string(),
    displayName: z.nullable(z.string()),
    avatarUrl: z.nullable(z.string()),
    value: countSchema(),
  }),
);

export type LeaderboardEntry = z.infer<typeof leaderboardEntrySchema>;

/** The period a board covers: a UTC month (`start` inclusive, `end` exclusive) or all time. */
export const leaderboardPeriodSchema = /* @__PURE__ */ defineSchema(() =>
  z.union([
    z.object({
      kind: z.literal('month'),
      month: z.string(),
      start: z.iso.datetime({ offset: true }),
      end: z.iso.datetime({ offset: true }),
    }),
    z.object({ kind: z.literal('all-time') }),
  ]),
);

export type LeaderboardPeriod = z.infer<typeof leaderboardPeriodSchema>;

export const leaderboardResponseSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    board: z.string(),
    metric: z.string(),
    period: leaderboardPeriodSchema,
    ties: z.enum(tieModes),
    entries: z.array(leaderboardEntrySchema),
    /** Ranked competitors (value > 0) on the whole board, not just this page. */
    total: countSchema(),
    offset: countSchema(),
    limit: rankSchema(),
    /** When the board last changed (`null`: empty board). Stable between polls: it is part of the ETag. */
    updatedAt: z.nullable(z.iso.datetime({ offset: true })),
    /** With `around`: that user's standing, or `null` when they are not on the board. */
    around: z.optional(
      z.nullable(z.object({ userId: z.string(), rank: rankSchema(), value: z.number().check(z.int()) })),
    ),
  }),
);

export type LeaderboardResponse = z.infer<typeof leaderboardResponseSchema>;

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

import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { wholeNumberParam } from '../shared/queryParams.js';
import { calendarDateSchema } from '../shared/dates.js';
import { maxUserIdLength } from '../shared/text.js';

/**
 * User stats (design note 000): per-user marketplace figures computed from an indexer (a
 * subgraph of auction-house events), cached by the server and shown in the StatsTab.
 *
 * Every figure is defined once, in `src/userStats/userStats.ts` (`computeUserStats`), and documented
 * on the schema below. Amounts are exact integer strings in the token's smallest unit (wei for
 * ETH): they exceed JavaScript's safe integers, so they never travel as numbers.
 */

/** Relative to the API base path; `:identifier` is a user id, a username or a wallet address. */
export const userStatsRoute = '/user/:identifier/stats';
export const userStatsHistoryRoute = '/user/:identifier/stats/history';
export const userTransactionsCsvRoute = '/user/:identifier/transactions.csv';
export const statsLeadersRoute = '/stats/leaders';
export const calculateUserStatsCronRoute = '/cron/calculate-user-stats';

/** Fills `:identifier` (URL-encoded) into one of the routes above. */
export function userStatsPath(route: string, identifier: string): string {
  return route.replace(':identifier', encodeURIComponent(identifier));
}

/** The native token (ETH) is the zero address in token breakdowns. */
export const nativeTokenAddress = '0x0000000000000000000000000000000000000000';

// Functions, not constants, so that each is built only inside the schemas a bundle keeps.
const amountSchema = () => z.string().check(z.regex(/^\d+$/, 'must be a non-negative integer string'));
const count = () => z.number().check(z.int(), z.nonnegative());
const positiveInt = () => z.number().check(z.int(), z.positive());
const instant = () => z.iso.datetime({ offset: true });

/** One token of a breakdown: what was paid in that token. */
export const tokenAmountSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** Lower-case token contract; the zero address is the native token (ETH). */
    address: z.string(),
    /** From the configured token list; `null` for a token the list does not know. */
    symbol: z.nullable(z.string()),
    /** From the token list; `null` when unknown (show the raw integer amount then). */
    decimals: z.nullable(count()),
    /** Records (sales, purchases or bids) paid in this token. */
    count: count(),
    /** Sum of their amounts, in the token's smallest unit. */
    amount: amountSchema(),
  }),
);

export type TokenAmount = z.infer<typeof tokenAmountSchema>;

/** The user as seller: purchases of listings whose seller is one of the user's wallets. */
export const salesStatsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** Purchase records on the user's listings (one purchase may carry several editions). */
    count: count(),
    /** Editions sold: the sum of the purchases' `count`. */
    editions: count(),
    /** Native-token (ETH) volume received, in wei. Other tokens are only in `tokens`: amounts in different tokens cannot be added without prices. */
    volumeWei: amountSchema(),
    /** Distinct buyer addresses, not counting the user's own wallets. */
    uniqueBuyers: count(),
    /** Per payment token, largest count first. */
    tokens: z.array(tokenAmountSchema),
    firstAt: z.nullable(instant()),
    lastAt: z.nullable(instant()),
  }),
);

/** The user as buyer: purchases whose buyer is one of the user's wallets. */
export const purchaseStatsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    count: count(),
    editions: count(),
    /** Native-token (ETH) volume spent, in wei. */
    volumeWei: amountSchema(),
    /** Distinct sellers the user bought from (addresses, not counting the user's own wallets). */
    uniqueSellers: count(),
    tokens: z.array(tokenAmountSchema),
    firstAt: z.nullable(instant()),
    lastAt: z.nullable(instant()),
  }),
);

export const bidStatsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** Bid records the user placed (every bid, outbid or not). */
    placed: count(),
    /** Listings the user bid on and then became a buyer of. */
    won: count(),
    /** Listings still `ACTIVE` that the user has bid on. */
    active: count(),
    /** Native-token (ETH) sum of every bid placed, in wei. */
    volumeWei: amountSchema(),
    tokens: z.array(tokenAmountSchema),
  }),
);

export const offerStatsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** Offers the user made. */
    made: count(),
    /** Offers others made on the user's listings. */
    received: count(),
    /** Offers the user made that a seller accepted. */
    accepted: count(),
    /** Offers the user made and then withdrew. */
    rescinded: count(),
  }),
);

export const listingStatsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** The user's listings still `ACTIVE`. */
    active: count(),
    /** Every listing the user created. */
    created: count(),
    /** The user's listings that were `CANCELLED`. */
    cancelled: count(),
  }),
);

/** Every figure of one subject (a registered user over all their wallets, or one bare address). */
export const userStatsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    sales: salesStatsSchema,
    purchases: purchaseStatsSchema,
    bids: bidStatsSchema,
    offers: offerStatsSchema,
    listings: listingStatsSchema,
  }),
);

export type UserStats = z.infer<typeof userStatsSchema>;

/**
 * Headline figures that come with a percentile and that `GET /stats/leaders` ranks by.
 * `trades` is sales + purchases (records): "most active traders".
 */
export const statsMetrics = [
  'salesVolume',
  'salesCount',
  'uniqueBuyers',
  'purchasesVolume',
  'purchasesCount',
  'uniqueSellers',
  'bidsPlaced',
  'bidsWon',
  'offersMade',
  'listingsCreated',
  'trades',
] as const;
export const statsMetricSchema = /* @__PURE__ */ defineSchema(() => z.enum(statsMetrics));
export type StatsMetric = z.infer<typeof statsMetricSchema>;

/** Metrics whose values are native-token (ETH) amounts in wei; the others are counts. */
export const volumeStatsMetrics: readonly StatsMetric[] = ['salesVolume', 'purchasesVolume'];

/**
 * Where the subject stands on one metric among every subject with a non-zero value:
 * `rank` 1 is the highest (ties share a rank), `of` is how many are ranked, and `topPercent`
 * is `ceil(100 * rank / of)` ("top 3 %"). `null` when the subject's own value is zero.
 */
export const percentileSchema = /* @__PURE__ */ defineSchema(() =>
  z.nullable(
    z.object({
      rank: positiveInt(),
      of: positiveInt(),
      topPercent: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
    }),
  ),
);

export type Percentile = z.infer<typeof percentileSchema>;

/** Who the stats are about. */
export const statsSubjectSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** `user`: a registered user (all their wallets); `address`: a wallet no user has claimed. */
    kind: z.enum(['user', 'address']),
    userId: z.nullable(z.string()),
    username: z.nullable(z.string()),
    displayName: z.nullable(z.string()),
    avatarUrl: z.nullable(z.string()),
    /** Lower-case wallet addresses the stats cover. */
    addresses: z.array(z.string()),
  }),
);

export type StatsSubject = z.infer<typeof statsSubjectSchema>;

/**
 * `GET /user/:identifier/stats`. 200: cached stats (`cached: true`). 202: nothing calculated yet;
 * `stats` are zeros, the calculation is queued and `retryAfterSeconds` says when to ask again.
 */
export const userStatsResponseSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    subject: statsSubjectSchema,
    stats: userStatsSchema,
    /**
     * One entry per metric of `statsMetrics`. Keyed by string so a client keeps working when a
     * newer server ranks by a metric it does not know yet (it simply ignores that key).
     */
    percentiles: z.record(z.string(), percentileSchema) as z.ZodMiniType<
      Partial<Record<StatsMetric, Percentile>>
    >,
    cached: z.boolean(),
    /** Older than the server's stale age (24 h by default); a refresh is queued. */
    stale: z.boolean(),
    calculatedAt: z.nullable(instant()),
    /** When the last refresh attempt failed (the stats shown are the last good ones), else `null`. */
    refreshFailedAt: z.nullable(instant()),
    /** Present on 202: seconds until the stats are worth asking for again. */
    retryAfterSeconds: z.optional(positiveInt()),
  }),
);

export type UserStatsResponse = z.infer<typeof userStatsResponseSchema>;

/** Longest history range, in days. */
export const maxStatsHistoryDays = 731;
/** Days of history when `from` is not given. */
export const defaultStatsHistoryDays = 90;

/** Query of `GET /user/:identifier/stats/history`: UTC calendar days, both ends included. */
export const statsHistoryQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    from: z.optional(calendarDateSchema),
    to: z.optional(calendarDateSchema),
  }),
);

export type StatsHistoryQuery = z.input<typeof statsHistoryQuerySchema>;

/** One UTC day of activity. Days without activity are present with zeros. */
export const statsHistoryDaySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    date: z.string(),
    salesCount: count(),
    salesVolumeWei: amountSchema(),
    purchasesCount: count(),
    purchasesVolumeWei: amountSchema(),
    bidsPlaced: count(),
  }),
);

export type StatsHistoryDay = z.infer<typeof statsHistoryDaySchema>;

/**
 * Daily series for trends, derived from the indexed events (so a user's trend starts at their
 * first sale, not at the day stats were first calculated). Volumes are native-token (ETH) wei.
 */
export const statsHistoryResponseSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    subject: statsSubjectSchema,
    from: z.string(),
    to: z.string(),
    days: z.array(statsHistoryDaySchema),
  }),
);

export type StatsHistoryResponse = z.infer<typeof statsHistoryResponseSchema>;

export const maxStatsLeadersLimit = 100;

/** Query of `GET /stats/leaders`: top sellers (`salesVolume`), top collectors (`purchasesCount`), most active traders (`trades`), or any metric. */
export const statsLeadersQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    metric: z._default(statsMetricSchema, 'salesVolume'),
    limit: wholeNumberParam(1, maxStatsLeadersLimit, 10),
  }),
);

export type StatsLeadersQuery = { metric?: StatsMetric; limit?: number };

export const statsLeaderSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** 1, 2, 2, 4: equal values share a rank. */
    rank: positiveInt(),
    subject: statsSubjectSchema,
    /** The metric's value: an integer string (wei for volumes, a count otherwise). */
    value: amountSchema(),
  }),
);

export const statsLeadersResponseSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    metric: statsMetricSchema,
    leaders: z.array(statsLeaderSchema),
    /** Subjects with a non-zero value. */
    total: count(),
    /** Newest `calculatedAt` among the ranked stats. */
    updatedAt: z.nullable(instant()),
  }),
);

export type StatsLeadersResponse = z.infer<typeof statsLeadersResponseSchema>;

/** Query of the cron endpoint: one `address` (or any identifier), or a batch of subjects. */
export const calculateUserStatsQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    address: z.optional(z.string().check(z.minLength(1), z.maxLength(maxUserIdLength))),
    batch: wholeNumberParam(1, 1000, 100),
    offset: wholeNumberParam(0, undefined, 0),
  }),
);

export const calculateUserStatsResultSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    total: count(),
    successful: count(),
    failed: count(),
    errors: z.array(z.object({ subject: z.string(), error: z.string() })),
    /** Offset of the next batch, `null` after the last one. */
    nextOffset: z.nullable(count()),
    /** Milliseconds. */
    duration: z.number().check(z.nonnegative()),
  }),
);

/**
 * Columns of `GET /user/:identifier/transactions.csv`, in order: `date` (ISO 8601, UTC), `side`
 * (`sale` or `purchase`), `counterparty`, `listing_id`, `nft_contract`, `token_id`, `editions`,
 * `currency` (symbol, else the token address), `currency_address`, `amount` (in token units,
 * exact), `amount_raw` (integer, smallest unit), `purchase_id`.
 */
export const transactionsCsvColumns = [
  'date',
  'side',
  'counterparty',
  'listing_id',
  'nft_contract',
  'token_id',
  'editions',
  'currency',
  'currency_address',
  'amount',
  'amount_raw',
  'purchase_id',
] as const;

export type CalculateUserStatsResult = z.infer<typeof calculateUserStatsResultSchema>;

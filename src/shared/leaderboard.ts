import * as z from 'zod/mini';
import { defineSchema } from './defineSchema.js';
import { tieModes } from './ranking.js';

/**
 * The one leaderboard shape every board answers (sellers, points, referrers), so one hook
 * (`useLeaderboard`) and one component (`LeaderboardModal` / `Leaderboard`) serve them all.
 * Boards answer `ETag`; a poll with `If-None-Match` that finds nothing changed gets a bodiless 304.
 * Each board's query and route live in its feature's contract.
 */

/**
 * The boards, by the name `useLeaderboard(board)` takes. `referrers` is one creator's board
 * (issue 12): its params carry the `creatorId` the route is built from.
 */
export const leaderboardBoards = ['sellers', 'points', 'referrers'] as const;
export type LeaderboardBoard = (typeof leaderboardBoards)[number];

export const maxLeaderboardLimit = 100;
export const defaultLeaderboardLimit = 20;

/** A rank: 1 or more. (Functions, not constants, so that they are built only where used.) */
export const rankSchema = () => z.number().check(z.int(), z.positive());
/** A count: 0 or more. */
export const countSchema = () => z.number().check(z.int(), z.nonnegative());

export const leaderboardEntrySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    rank: rankSchema(),
    userId: z.string(),
    displayName: z.nullable(z.string()),
    avatarUrl: z.nullable(z.string()),
    /** Sales, views, points: whole numbers; trending points have decimals (see the response's `unit`). */
    value: z.number(),
  }),
);

export type LeaderboardEntry = z.infer<typeof leaderboardEntrySchema>;

/**
 * The period a board covers: a UTC day, ISO week or month (`key` such as `2026-11-27`,
 * `2026-W48`, `2026-11`; `start` inclusive, `end` exclusive), all time, or `trending` (every
 * point decayed by its age, as of the UTC day `asOf`). A month also carries `month` (= `key`),
 * as the sellers board always did.
 */
export const leaderboardPeriodSchema = /* @__PURE__ */ defineSchema(() =>
  z.union([
    z.object({
      kind: z.literal('month'),
      month: z.string(),
      key: z.optional(z.string()),
      start: z.iso.datetime({ offset: true }),
      end: z.iso.datetime({ offset: true }),
    }),
    z.object({
      kind: z.enum(['day', 'week']),
      key: z.string(),
      start: z.iso.datetime({ offset: true }),
      end: z.iso.datetime({ offset: true }),
    }),
    z.object({ kind: z.literal('all-time') }),
    z.object({ kind: z.literal('trending'), asOf: z.string(), decayPerDay: z.number() }),
  ]),
);

export type LeaderboardPeriod = z.infer<typeof leaderboardPeriodSchema>;

export const leaderboardResponseSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    board: z.string(),
    metric: z.string(),
    /** What `value` counts (`sales`, `views`, `points`), for the label; absent on older servers. */
    unit: z.optional(z.string()),
    /** Decimals a `value` may have (trending points: 1); absent means whole numbers. */
    valueDecimals: z.optional(z.number().check(z.int(), z.nonnegative(), z.maximum(6))),
    /** The category of a points board, `null` for all categories. */
    category: z.optional(z.nullable(z.string())),
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
    around: z.optional(z.nullable(z.object({ userId: z.string(), rank: rankSchema(), value: z.number() }))),
  }),
);

export type LeaderboardResponse = z.infer<typeof leaderboardResponseSchema>;

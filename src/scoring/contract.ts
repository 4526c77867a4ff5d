import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { requiredFieldError } from '../shared/errors.js';
import { defaultLeaderboardLimit, maxLeaderboardLimit } from '../shared/leaderboard.js';
import { isPeriodKey, periodKeyExamples, type CalendarPeriodKind } from '../shared/periodKeys.js';
import { wholeNumberParam } from '../shared/queryParams.js';
import { tieModes } from '../shared/ranking.js';
import { printableTextSchema, userIdSchema } from '../shared/text.js';
import { actionNamePattern, categoryPattern } from './rules.js';

/**
 * Points and achievements (design note 003): hosts send what users did (API key), Podium scores
 * it by the rules, keeps a ledger, and serves boards, each user's score, streak and achievements.
 * Relative to the API base path. The static paths win over `/scores/:userId`, and their words are
 * refused as user ids.
 */
export const scoreActionsRoute = '/scores/actions';
export const scoreActionRoute = '/scores/actions/:eventId';
export const scoreAdjustmentsRoute = '/scores/adjustments';
export const scoringRulesRoute = '/scores/rules';
export const scoreLeaderboardRoute = '/scores/leaderboard';
export const scoreMetricsRoute = '/scores/metrics';
export const userScoreRoute = '/scores/:userId';
export const userAchievementsRoute = '/scores/:userId/achievements';
export const userScoreLedgerRoute = '/scores/:userId/ledger';

/** Words of the static `/scores/...` paths: never user ids. */
export const reservedScoreWords = ['leaderboard', 'metrics', 'rules', 'actions', 'adjustments'] as const;

/** A user id on the scoring endpoints: any user id but the reserved words. */
export const scoreUserIdSchema = /* @__PURE__ */ defineSchema(() =>
  userIdSchema.check(
    z.refine(
      (value) => !(reservedScoreWords as readonly string[]).includes(value),
      `must not be one of the reserved words ${reservedScoreWords.join(', ')}`,
    ),
  ),
);

/** Event ids (the idempotency key): 1 to 128 of letters, digits and `_ . : @ -`. */
export const eventIdPattern = /^[A-Za-z0-9_.:@-]{1,128}$/;
export const eventIdSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .string({ error: requiredFieldError })
    .check(z.regex(eventIdPattern, 'must be 1 to 128 letters, digits or _ . : @ -')),
);

/**
 * A ledger row's id, as `DELETE /scores/actions/:eventId` takes it: a host's event id, or a
 * milestone's `<eventId>#<ACTION>` (see `milestoneEventId`), so a milestone can be revoked alone.
 */
export const ledgerIdSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .string({ error: requiredFieldError })
    .check(
      z.regex(
        /^[A-Za-z0-9_.:@-]{1,128}(#[A-Z][A-Z0-9_]{0,63})?$/,
        'must be an event id, or an event id, "#" and a milestone action',
      ),
    ),
);

/** Most events in one `POST /scores/actions`. */
export const maxEventsPerBatch = 1000;
/** How far ahead of the server's clock `occurredAt` may be (clock skew). */
export const maxFutureSkewMs = 5 * 60_000;

/** Metadata the multipliers read: up to 32 fields of numbers, booleans, short strings or null. */
export const actionMetadataSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .record(
      z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'field names are letters, digits and _')),
      z.union(
        [
          z.number().check(z.refine(Number.isFinite, 'must be a finite number')),
          z.boolean(),
          z.string().check(z.maxLength(200, 'must be at most 200 characters')),
          z.null(),
        ],
        { error: 'must be a number, true or false, a string or null' },
      ),
    )
    .check(z.refine((value) => Object.keys(value).length <= 32, 'must have at most 32 fields')),
);

/** One event of `POST /scores/actions`. Clients never send points: the rules decide them. */
export const scoreEventSchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    /** The idempotency key: the same id again answers the first result and changes nothing. */
    eventId: eventIdSchema,
    userId: scoreUserIdSchema,
    action: z
      .string({ error: requiredFieldError })
      .check(z.regex(actionNamePattern, 'must be an action name such as TRADE_EXECUTE')),
    /** When it happened (default: now); decides the day, week and month it counts in. */
    occurredAt: z.optional(
      z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time with an offset' }),
    ),
    /** The category boards it counts on (default: the action's). */
    category: z.optional(
      z.string().check(z.regex(categoryPattern, 'must be a lower-case category such as trading')),
    ),
    metadata: z.optional(actionMetadataSchema),
  }),
);
export type ScoreEventInput = z.infer<typeof scoreEventSchema>;

/** A batch: `{ events: [...] }`, 1 to 1,000 events, validated all or nothing. */
export const scoreEventBatchSchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    events: z
      .array(scoreEventSchema)
      .check(
        z.minLength(1, 'must not be empty'),
        z.maxLength(maxEventsPerBatch, `must have at most ${maxEventsPerBatch} events`),
      ),
  }),
);
export type ScoreEventBatch = z.infer<typeof scoreEventBatchSchema>;

/** Query of `DELETE /scores/actions/:eventId` (API key): why the event is revoked, kept on the ledger. */
export const revokeScoreEventQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({ reason: z.optional(printableTextSchema(200)) }),
);

/** `POST /scores/adjustments` (API key): a manual change of a user's points, with its reason. */
export const scoreAdjustmentSchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    /** Idempotency key, as for events (adjustments and events share the ledger's ids). */
    eventId: eventIdSchema,
    userId: scoreUserIdSchema,
    points: z.number({ error: requiredFieldError }).check(
      z.int('must be a whole number'),
      z.refine((value) => value !== 0, 'must not be 0'),
      z.minimum(-1_000_000, 'must be at least -1000000'),
      z.maximum(1_000_000, 'must be at most 1000000'),
    ),
    reason: printableTextSchema(200),
    category: z.optional(
      z.string().check(z.regex(categoryPattern, 'must be a lower-case category such as trading')),
    ),
    occurredAt: z.optional(
      z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time with an offset' }),
    ),
  }),
);
export type ScoreAdjustmentInput = z.infer<typeof scoreAdjustmentSchema>;

export const eventStatuses = ['scored', 'replayed', 'ignored', 'conflict'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** The answer for one event (a single event's body, or an item of a batch's `results`). */
export const eventResultSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    eventId: z.string(),
    status: z.enum(eventStatuses),
    /** For `replayed`: the status the event got the first time. */
    originalStatus: z.optional(z.enum(['scored', 'ignored'])),
    replayed: z.optional(z.boolean()),
    /** Why an `ignored` event scored nothing (`already_awarded`, `derived_milestone`, `daily_cap`, `rate_limited`), or a `conflict`'s explanation. */
    reason: z.optional(z.string()),
    points: z.number(),
    multipliers: z.array(z.object({ field: z.string(), factor: z.number() })),
    /** A cap cut the points. */
    capped: z.boolean(),
    /** Milestones the event earned (`FIRST_TRADE`…), each with its own ledger id and points. */
    milestones: z.array(z.object({ action: z.string(), eventId: z.string(), points: z.number() })),
    /** Achievement ids the event unlocked. */
    achievements: z.array(z.string()),
  }),
);
export type EventResult = z.infer<typeof eventResultSchema>;

export const eventBatchResultSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({ results: z.array(eventResultSchema) }),
);
export type EventBatchResult = z.infer<typeof eventBatchResultSchema>;

/** `DELETE /scores/actions/:eventId`: what the revocation took back. */
export const revocationResultSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    eventId: z.string(),
    userId: z.string(),
    /** Points taken off every board (the event's and its milestones'). */
    points: z.number(),
    /** Ids revoked with it (its milestones). */
    revoked: z.array(z.string()),
    /** Achievements the user no longer holds. */
    achievementsLost: z.array(z.string()),
    /** True when the event had already been revoked (nothing changed). */
    alreadyRevoked: z.boolean(),
  }),
);
export type RevocationResult = z.infer<typeof revocationResultSchema>;

/** Timeframes of the points boards. */
export const scoreTimeframes = ['lifetime', 'daily', 'weekly', 'monthly', 'trending'] as const;
export type ScoreTimeframe = (typeof scoreTimeframes)[number];

/** The calendar period kind of each dated timeframe. */
export const timeframePeriodKinds: Record<'daily' | 'weekly' | 'monthly', CalendarPeriodKind> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
};

const timeframeSchema = () =>
  z._default(
    z.enum(scoreTimeframes, { error: 'must be lifetime, daily, weekly, monthly or trending' }),
    'lifetime',
  );

/** `period` must be a key of the timeframe's kind (a past day, week or month: seasons with history). */
const periodMatchesTimeframe = (query: { timeframe: ScoreTimeframe; period?: string | undefined }) =>
  query.period === undefined ||
  (query.timeframe in timeframePeriodKinds &&
    isPeriodKey(timeframePeriodKinds[query.timeframe as keyof typeof timeframePeriodKinds], query.period));

const periodMessage = (query: { timeframe: ScoreTimeframe }) =>
  query.timeframe in timeframePeriodKinds
    ? `must be ${periodKeyExamples[timeframePeriodKinds[query.timeframe as keyof typeof timeframePeriodKinds]]}`
    : `is only for daily, weekly or monthly boards`;

/** Query of `GET /scores/leaderboard`. */
export const scoreLeaderboardQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z
    .object({
      timeframe: timeframeSchema(),
      /** A past period (`2026-11-26`, `2026-W47`, `2026-11`); default the current one (UTC). */
      period: z.optional(z.string()),
      /** One category's board; absent for every category. */
      category: z.optional(
        z.string().check(z.regex(categoryPattern, 'must be a lower-case category such as trading')),
      ),
      limit: wholeNumberParam(1, maxLeaderboardLimit, defaultLeaderboardLimit),
      offset: wholeNumberParam(0, 1_000_000, 0),
      around: z.optional(userIdSchema),
      ties: z._default(z.enum(tieModes, { error: 'must be standard, dense or first-reached' }), 'standard'),
    })
    .check(
      z.superRefine((query, ctx) => {
        if (!periodMatchesTimeframe(query)) {
          ctx.issues.push({
            code: 'custom',
            message: periodMessage(query),
            path: ['period'],
            input: query.period,
          });
        }
      }),
    ),
);
export type ScoreLeaderboardQuery = Partial<z.input<typeof scoreLeaderboardQuerySchema>> & {
  limit?: number;
  offset?: number;
};
export type ScoreLeaderboardParams = z.output<typeof scoreLeaderboardQuerySchema>;

/** Query of `GET /scores/:userId`. */
export const userScoreQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z
    .object({
      timeframe: timeframeSchema(),
      period: z.optional(z.string()),
      category: z.optional(
        z.string().check(z.regex(categoryPattern, 'must be a lower-case category such as trading')),
      ),
    })
    .check(
      z.superRefine((query, ctx) => {
        if (!periodMatchesTimeframe(query)) {
          ctx.issues.push({
            code: 'custom',
            message: periodMessage(query),
            path: ['period'],
            input: query.period,
          });
        }
      }),
    ),
);
export type UserScoreQuery = Partial<z.input<typeof userScoreQuerySchema>>;

export const recentActionSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    eventId: z.string(),
    action: z.string(),
    category: z.string(),
    points: z.number(),
    occurredAt: z.iso.datetime({ offset: true }),
  }),
);
export type RecentAction = z.infer<typeof recentActionSchema>;

export const streakSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    current: z.number(),
    longest: z.number(),
    lastActiveDay: z.nullable(z.string()),
    freezesLeft: z.number(),
  }),
);

/** `GET /scores/:userId`. */
export const userScoreSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    userId: z.string(),
    timeframe: z.enum(scoreTimeframes),
    /** The period key of a dated timeframe (`2026-W48`), else `null`. */
    period: z.nullable(z.string()),
    category: z.nullable(z.string()),
    /** Points in the timeframe (trending: decayed, with decimals). */
    score: z.number(),
    /** Standard rank, `null` when not on the board. */
    rank: z.nullable(z.number()),
    /** The share of ranked users this user is ahead of or level with (0-100), `null` when unranked. */
    percentile: z.nullable(z.number()),
    /** Ranked users on that board. */
    rankedUsers: z.number(),
    recentActions: z.array(recentActionSchema),
    /** Scored events per action, all time. */
    actionCounts: z.record(z.string(), z.number()),
    streak: streakSchema,
    /** Lifetime rank at the end of each day the user's rank was recorded, oldest first. */
    rankHistory: z.array(z.object({ day: z.string(), rank: z.number() })),
    /**
     * Where rank figures came from: `board` normally; `ledger` while the board store (Redis) is
     * away, when `rank` and `percentile` are `null` and the score is summed from the ledger.
     */
    source: z.enum(['board', 'ledger']),
  }),
);
export type UserScore = z.infer<typeof userScoreSchema>;

/** `GET /scores/:userId/achievements`. */
export const userAchievementsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    userId: z.string(),
    /** Users with points: the base of every rarity. */
    scoredUsers: z.number(),
    achievements: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.string(),
        unlocked: z.boolean(),
        unlockedAt: z.nullable(z.iso.datetime({ offset: true })),
        /** Toward the condition: `current` of `target` (capped at `target`). */
        progress: z.object({ current: z.number(), target: z.number() }),
        /** The share of scored users who hold it, 0-100 (one decimal). */
        rarity: z.number(),
      }),
    ),
  }),
);
export type UserAchievements = z.infer<typeof userAchievementsSchema>;
export type UserAchievement = UserAchievements['achievements'][number];

/** `GET /scores/metrics`. */
export const scoreMetricsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    scoredUsers: z.number(),
    /** Users with an event today (UTC). */
    activeToday: z.number(),
    eventsToday: z.number(),
    topScorers: z.array(
      z.object({ userId: z.string(), displayName: z.nullable(z.string()), points: z.number() }),
    ),
  }),
);
export type ScoreMetrics = z.infer<typeof scoreMetricsSchema>;

export const ledgerChanges = ['event', 'milestone', 'adjustment', 'revocation'] as const;

/** Query of `GET /scores/:userId/ledger`: newest first, `before` a sequence number to page back. */
export const scoreLedgerQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    limit: wholeNumberParam(1, 500, 100),
    before: z.optional(
      z.coerce
        .number({ error: 'must be a number' })
        .check(z.int('must be a whole number'), z.positive('must be at least 1')),
    ),
  }),
);

/** `GET /scores/:userId/ledger` (API key): the audit trail of every change to the user's points. */
export const scoreLedgerSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    userId: z.string(),
    entries: z.array(
      z.object({
        seq: z.number(),
        change: z.enum(ledgerChanges),
        eventId: z.string(),
        action: z.string(),
        category: z.string(),
        /** The change in points (negative for a revocation). */
        points: z.number(),
        status: z.enum(['scored', 'ignored']),
        /** Why: an ignore reason, an adjustment's reason, or a revocation's. */
        reason: z.nullable(z.string()),
        occurredAt: z.iso.datetime({ offset: true }),
        recordedAt: z.iso.datetime({ offset: true }),
      }),
    ),
    /** Pass as `before` for the next (older) page; `null` at the start of the ledger. */
    nextBefore: z.nullable(z.number()),
  }),
);
export type ScoreLedger = z.infer<typeof scoreLedgerSchema>;

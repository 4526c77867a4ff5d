import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { requiredFieldError } from '../shared/errors.js';
import { isUserId } from '../shared/text.js';

/**
 * Live updates (issue 14): one Server-Sent Events stream per provider carries every topic its
 * widgets watch. An event says only that something changed (its topic and a version); the widget
 * then refetches the data through its usual endpoint. Relative to the API base path.
 *
 * `EventSource` cannot send an `Authorization` header, so private topics take a short-lived
 * ticket (`POST /events/tickets` with the user's token) in the query string.
 */
export const liveEventsRoute = '/events';
export const liveTicketsRoute = '/events/tickets';

/**
 * Topics, `<kind>:<subject>`:
 *
 * | topic | event | who may watch |
 * |---|---|---|
 * | `points:<board>` (a points board key: `lifetime`, `trending`, `day:2026-11-27`, `week:2026-W48`, `month:2026-11`, each also after `cat:<category>:`) | `leaderboard.changed` | anyone |
 * | `sellers:<period>` (the sellers board: `all-time`, or a month `2026-11`) | `leaderboard.changed` | anyone |
 * | `stats:<userId>` (user stats, `GET /user/:identifier/stats`) | `stats.changed` | anyone |
 * | `score:<userId>` (points total, streak, `GET /scores/:userId`) | `score.changed` | anyone |
 * | `achievements:<userId>` | `achievement.unlocked` | anyone |
 * | `jobs:<userId>` (job stats, `GET /stats`) | `jobs.changed` | that user, with a ticket |
 *
 * A user id is written with `encodeURIComponent` (so `,` and `:` cannot split it): build topics
 * with {@link liveTopic}. Public topics follow the read endpoints, which are public too.
 */
export const liveTopicKinds = ['points', 'sellers', 'stats', 'score', 'achievements', 'jobs'] as const;
export type LiveTopicKind = (typeof liveTopicKinds)[number];

/** Topics that need a ticket of their user. */
export const privateLiveTopicKinds: readonly LiveTopicKind[] = ['jobs'];

/** The event each kind of topic carries. */
export const liveEventNameOf = {
  points: 'leaderboard.changed',
  sellers: 'leaderboard.changed',
  stats: 'stats.changed',
  score: 'score.changed',
  achievements: 'achievement.unlocked',
  jobs: 'jobs.changed',
} as const satisfies Record<LiveTopicKind, string>;
export type LiveEventName = (typeof liveEventNameOf)[LiveTopicKind];

/**
 * Sent instead of the missed events when a resumed stream's `Last-Event-ID` is older than the
 * server keeps (or unknown): refetch everything watched. Its data is `{ "reason": ... }`.
 */
export const liveResetEvent = 'reset';

/**
 * Why a `reset` was sent: the id is older than the kept events, unknown to this database, or more
 * events were missed than are replayed; the missed events could not be read; or the server's
 * listening connection was lost (events may have been missed).
 */
export const liveResetReasons = ['too-old', 'unknown-id', 'too-many', 'unavailable', 'missed'] as const;
export type LiveResetReason = (typeof liveResetReasons)[number];

/** Most topics one stream may watch. */
export const maxLiveTopics = 50;

/** Board keys as `src/scoring/boardKeys.ts` writes them. */
const boardKeyPattern =
  /^(cat:[a-z][a-z0-9_-]{0,31}:)?(lifetime|trending|day:\d{4}-\d{2}-\d{2}|week:\d{4}-W\d{2}|month:\d{4}-\d{2})$/;

/** Periods of the sellers board: all time, or a UTC month (`period=month` is the current one). */
const sellersPeriodPattern = /^(all-time|\d{4}-(0[1-9]|1[0-2]))$/;

/** Builds topics (see {@link liveTopicKinds}). */
export const liveTopic = {
  points: (boardKey: string) => `points:${boardKey}`,
  sellers: (period: string) => `sellers:${period}`,
  stats: (userId: string) => `stats:${encodeURIComponent(userId)}`,
  score: (userId: string) => `score:${encodeURIComponent(userId)}`,
  achievements: (userId: string) => `achievements:${encodeURIComponent(userId)}`,
  jobs: (userId: string) => `jobs:${encodeURIComponent(userId)}`,
};

/** A topic taken apart: its kind and raw subject (a board key, or a decoded user id). */
export interface ParsedLiveTopic {
  kind: LiveTopicKind;
  subject: string;
  /** Needs a ticket of the user `subject`. */
  private: boolean;
}

/**
 * The signed-in user's private topic of `kind` (`jobs`), for widgets that do not know the user's
 * id: the live connection (`createLiveConnection`) names it with the `userId` of the ticket it gets
 * with the token.
 */
export function ownLiveTopic(kind: LiveTopicKind): string {
  return `${kind}:`;
}

/** Takes a topic apart, or `undefined` when it is not one. */
export function parseLiveTopic(topic: string): ParsedLiveTopic | undefined {
  const colon = topic.indexOf(':');
  if (colon < 0) return undefined;
  const kind = topic.slice(0, colon) as LiveTopicKind;
  const rest = topic.slice(colon + 1);
  if (!liveTopicKinds.includes(kind)) return undefined;
  let subject: string;
  if (kind === 'points' || kind === 'sellers') {
    if (!(kind === 'points' ? boardKeyPattern : sellersPeriodPattern).test(rest)) return undefined;
    subject = rest;
  } else {
    try {
      subject = decodeURIComponent(rest);
    } catch {
      return undefined;
    }
    // Only the canonical spelling, so one topic has one name (events carry it back).
    if (!isUserId(subject) || liveTopic[kind](subject) !== topic) return undefined;
  }
  return { kind, subject, private: privateLiveTopicKinds.includes(kind) };
}

/** The topic of a kind and raw subject (the inverse of {@link parseLiveTopic}). */
export function liveTopicOf(kind: LiveTopicKind, subject: string): string {
  return liveTopic[kind](subject);
}

/**
 * Query of `GET /events`: `topics` (comma-separated, 1 to {@link maxLiveTopics}), `ticket` for
 * private topics, and `lastEventId` for clients that cannot send the `Last-Event-ID` header.
 */
export const liveEventsQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    topics: z.pipe(
      z.string({ error: requiredFieldError }),
      z.transform((value, ctx) => {
        const topics = [...new Set(value.split(',').filter((topic) => topic !== ''))];
        if (topics.length === 0 || topics.length > maxLiveTopics) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            message: `must name 1 to ${maxLiveTopics} topics, separated by commas`,
          });
          return z.NEVER;
        }
        const unknown = topics.filter((topic) => parseLiveTopic(topic) === undefined);
        if (unknown.length > 0) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            message: `has unknown topics: ${unknown.slice(0, 5).join(', ')} (topics are points:<board>, sellers:<period>, stats:<userId>, score:<userId>, achievements:<userId>, jobs:<userId>)`,
          });
          return z.NEVER;
        }
        return topics;
      }),
    ),
    ticket: z.optional(z.string().check(z.maxLength(2048, 'must be at most 2048 characters'))),
    lastEventId: z.optional(z.string().check(z.maxLength(64, 'must be at most 64 characters'))),
  }),
);
export type LiveEventsQuery = z.infer<typeof liveEventsQuerySchema>;

/** The data of every live event (JSON): what changed, its version, when. */
export const liveEventSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    topic: z.string(),
    /**
     * Opaque and growing per topic. For `points:` topics it is the board's change count, the
     * first part of the board's ETag; otherwise the event's id.
     */
    version: z.string(),
    /** When the change was published (ISO 8601, UTC). */
    at: z.iso.datetime({ offset: true }),
  }),
);
export type LiveEvent = z.infer<typeof liveEventSchema>;

/** `POST /events/tickets` (user token): a ticket for the user's private topics. */
export const liveTicketResponseSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** Pass as `ticket` in the query of `GET /events`; only the stream's opening checks it. */
    ticket: z.string(),
    /** After this the ticket no longer opens a stream (60 s after it was made). */
    expiresAt: z.iso.datetime({ offset: true }),
    /** The user the token names: a page's own private topics are `jobs:<userId>` (see {@link ownLiveTopic}). */
    userId: z.string(),
  }),
);
export type LiveTicketResponse = z.infer<typeof liveTicketResponseSchema>;

/**
 * The path (relative to the base path) and query of a stream over `topics`; `lastEventId` resumes
 * after that event (a new `EventSource` cannot send the `Last-Event-ID` header itself).
 */
export function liveEventsPath(
  topics: readonly string[],
  options: { ticket?: string; lastEventId?: string } = {},
): string {
  const query = new URLSearchParams({ topics: topics.join(',') });
  if (options.ticket) query.set('ticket', options.ticket);
  if (options.lastEventId) query.set('lastEventId', options.lastEventId);
  return `${liveEventsRoute}?${query}`;
}

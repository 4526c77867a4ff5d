import { http, HttpResponse, type RequestHandler } from 'msw';
import {
  eventIdSchema,
  maxFutureSkewMs,
  scoreActionRoute,
  scoreActionsRoute,
  scoreAdjustmentSchema,
  scoreAdjustmentsRoute,
  scoreEventBatchSchema,
  scoreEventSchema,
  scoreLeaderboardQuerySchema,
  scoreLeaderboardRoute,
  scoreLedgerQuerySchema,
  scoreMetricsRoute,
  scoreUserIdSchema,
  scoringRulesRoute,
  userAchievementsRoute,
  userScoreLedgerRoute,
  userScoreQuerySchema,
  userScoreRoute,
  type ScoreEventInput,
} from '../../src/scoring/contract.js';
import type { ScoringRules } from '../../src/scoring/rules.js';
import { errorCodes, fieldErrorsFromIssues } from '../../src/shared/errors.js';
import { readMockJsonBody } from '../shared/readMockJsonBody.js';
import { errorResponse, invalidResponse, validationErrorResponse } from '../shared/errorResponses.js';
import { jsonWithEtag } from '../shared/etag.js';
import { createScoringWorld, type ScoringFixtureUser, type ScoringWorld } from './fixtures.js';

const DAY_MS = 86_400_000;

/** Which points data the mocks serve: the generated 40-day history, or no events at all. */
export type ScoringScenarioName = 'success' | 'empty';

/** How far back `occurredAt` may go, in days: the server's `PODIUM_SCORES_BACKDATE_DAYS` default. */
export const defaultScoresBackdateDays = 30;

/** What the scoring handlers need from the handler set they belong to. */
export interface ScoringHandlersContext {
  baseUrl: string;
  clock: () => Date;
  /** Which data to serve. Read on every request, so it can switch. */
  scenario: () => ScoringScenarioName;
  /** Latency and failure scenarios shared with the other handlers; a Response ends the request. */
  throttle: () => Promise<Response | undefined>;
  /** The rules the engine runs with and `GET /scores/rules` serves. @default defaultScoringRules */
  rules?: ScoringRules;
  /** Start from these events (applied in order) instead of the scenario's history. */
  events?: readonly ScoreEventInput[];
  /** The cast (names, avatars, time zones). @default createScoringUsers() */
  users?: readonly ScoringFixtureUser[];
  /** How many days back `occurredAt` may be. @default 30 */
  backdateDays?: number;
}

/** Handlers for the `/scores` endpoints, with their per-set world. */
export interface ScoringHandlers {
  handlers: RequestHandler[];
  /** The world of the current scenario (created on first use): record, revoke, read it directly. */
  world(): ScoringWorld;
  /** Forgets every world: the next request starts from the scenario's history again. */
  reset(): void;
}

type Fields = Record<string, string[]>;

/**
 * Every `/scores` endpoint of the contract, answering like the server from an in-memory world
 * that runs the real engine: `POST /scores/actions` (one event or `{ events }`, validated all or
 * nothing, idempotent by `eventId` with replays and 409 / per-item conflicts), `DELETE
 * /scores/actions/:eventId`, `POST /scores/adjustments`, `GET /scores/rules`, the points boards
 * (`GET /scores/leaderboard`: timeframes, past periods, categories, `around`, ties, ETag/304),
 * `GET /scores/metrics`, and per user the score, achievements and ledger. The writes and the
 * ledger need the API key (any `x-api-key` or bearer token is accepted); the reads are public.
 * The static paths are matched before `/scores/:userId`, and their words are refused as ids.
 */
export function createScoringHandlers(context: ScoringHandlersContext): ScoringHandlers {
  const { baseUrl, clock } = context;
  const backdateDays = context.backdateDays ?? defaultScoresBackdateDays;
  let worlds = new Map<ScoringScenarioName, ScoringWorld>();
  // Created on first use (not when the handlers are built) so the history ends at "now".
  const world = (): ScoringWorld => {
    const scenario = context.scenario();
    let current = worlds.get(scenario);
    if (!current) {
      current = createScoringWorld({
        clock,
        rules: context.rules,
        users: context.users,
        events: scenario === 'empty' ? [] : context.events,
      });
      worlds.set(scenario, current);
    }
    return current;
  };

  /** The problems the contract's schema cannot see: the rules' actions and the clock's window. */
  function timeProblem(occurredAt: string | undefined): string | null {
    if (occurredAt === undefined) return null;
    const at = Date.parse(occurredAt);
    const now = clock().getTime();
    if (at > now + maxFutureSkewMs) return 'must not be in the future';
    if (at < now - backdateDays * DAY_MS) return `must be within the last ${backdateDays} days`;
    return null;
  }
  function eventProblems(event: ScoreEventInput, prefix: string, fields: Fields) {
    if (!Object.hasOwn(world().rules.actions, event.action)) {
      fields[`${prefix}action`] = ['must be one of the actions of the scoring rules'];
    }
    const time = timeProblem(event.occurredAt);
    if (time) fields[`${prefix}occurredAt`] = [time];
  }

  const record = http.post(`${baseUrl}${scoreActionsRoute}`, async ({ request }) => {
    const stopped = (await context.throttle()) ?? denyWithoutKey(request);
    if (stopped) return stopped;
    const body = await readMockJsonBody(request);
    if (body instanceof Response) return body;
    const batch = isRecord(body.value) && 'events' in body.value;
    const parsed = batch
      ? scoreEventBatchSchema.safeParse(body.value)
      : scoreEventSchema.safeParse(body.value);
    if (!parsed.success) return validationErrorResponse(parsed.error.issues);
    const events: ScoreEventInput[] = 'events' in parsed.data ? parsed.data.events : [parsed.data];
    // All or nothing: every event is checked before any is applied.
    const fields: Fields = {};
    events.forEach((event, index) => eventProblems(event, batch ? `events[${index}].` : '', fields));
    if (Object.keys(fields).length > 0)
      return invalidResponse(`Invalid request: ${Object.keys(fields).join(', ')}`, fields);
    const results = world().record(events);
    if (batch) return HttpResponse.json({ results });
    const result = results[0]!;
    if (result.status === 'conflict')
      return errorResponse(409, errorCodes.conflict, result.reason ?? 'Conflict');
    return HttpResponse.json(result);
  });

  const revoke = http.delete(`${baseUrl}${scoreActionRoute}`, async ({ request, params }) => {
    const stopped = (await context.throttle()) ?? denyWithoutKey(request);
    if (stopped) return stopped;
    const id = pathParam(eventIdSchema, 'eventId', params.eventId);
    if (id instanceof Response) return id;
    const result = world().revoke(id);
    if (!result) return errorResponse(404, errorCodes.notFound, `No event ${id}`);
    return HttpResponse.json(result);
  });

  const adjust = http.post(`${baseUrl}${scoreAdjustmentsRoute}`, async ({ request }) => {
    const stopped = (await context.throttle()) ?? denyWithoutKey(request);
    if (stopped) return stopped;
    const body = await readMockJsonBody(request);
    if (body instanceof Response) return body;
    const parsed = scoreAdjustmentSchema.safeParse(body.value);
    if (!parsed.success) return validationErrorResponse(parsed.error.issues);
    const time = timeProblem(parsed.data.occurredAt);
    if (time) return invalidResponse('Invalid request: occurredAt', { occurredAt: [time] });
    const result = world().adjust(parsed.data);
    if (result.status === 'conflict')
      return errorResponse(409, errorCodes.conflict, result.reason ?? 'Conflict');
    return HttpResponse.json(result);
  });

  const rules = http.get(`${baseUrl}${scoringRulesRoute}`, async ({ request }) => {
    const stopped = await context.throttle();
    if (stopped) return stopped;
    return jsonWithEtag(request, world().rules, { 'Cache-Control': 'no-cache' });
  });

  const board = http.get(`${baseUrl}${scoreLeaderboardRoute}`, async ({ request }) => {
    const stopped = await context.throttle();
    if (stopped) return stopped;
    const raw = searchParams(request, [
      'timeframe',
      'period',
      'category',
      'limit',
      'offset',
      'around',
      'ties',
    ]);
    const parsed = scoreLeaderboardQuerySchema.safeParse(raw);
    if (!parsed.success) return validationErrorResponse(parsed.error.issues);
    return jsonWithEtag(request, world().board(parsed.data), { 'Cache-Control': 'no-cache' });
  });

  const metrics = http.get(`${baseUrl}${scoreMetricsRoute}`, async () => {
    const stopped = await context.throttle();
    if (stopped) return stopped;
    return HttpResponse.json(world().metrics());
  });

  const achievements = http.get(`${baseUrl}${userAchievementsRoute}`, async ({ params }) => {
    const stopped = await context.throttle();
    if (stopped) return stopped;
    const userId = pathParam(scoreUserIdSchema, 'userId', params.userId);
    if (userId instanceof Response) return userId;
    return HttpResponse.json(world().achievements(userId));
  });

  const ledger = http.get(`${baseUrl}${userScoreLedgerRoute}`, async ({ request, params }) => {
    const stopped = (await context.throttle()) ?? denyWithoutKey(request);
    if (stopped) return stopped;
    const userId = pathParam(scoreUserIdSchema, 'userId', params.userId);
    if (userId instanceof Response) return userId;
    const parsed = scoreLedgerQuerySchema.safeParse(searchParams(request, ['limit', 'before']));
    if (!parsed.success) return validationErrorResponse(parsed.error.issues);
    return HttpResponse.json(world().ledger(userId, parsed.data));
  });

  const score = http.get(`${baseUrl}${userScoreRoute}`, async ({ request, params }) => {
    const stopped = await context.throttle();
    if (stopped) return stopped;
    const userId = pathParam(scoreUserIdSchema, 'userId', params.userId);
    if (userId instanceof Response) return userId;
    const parsed = userScoreQuerySchema.safeParse(searchParams(request, ['timeframe', 'period', 'category']));
    if (!parsed.success) return validationErrorResponse(parsed.error.issues);
    return HttpResponse.json(world().userScore(userId, parsed.data));
  });

  return {
    // The static paths first: MSW answers with the first handler that matches, and
    // `/scores/:userId` matches `/scores/leaderboard` too.
    handlers: [record, revoke, adjust, rules, board, metrics, achievements, ledger, score],
    world,
    reset: () => {
      worlds = new Map();
    },
  };
}

/** 401 unless the request carries a key (`x-api-key` or a bearer token): the mocks take any. */
function denyWithoutKey(request: Request): Response | undefined {
  const key = request.headers.get('x-api-key')?.trim();
  if (key || /^Bearer\s+\S+\s*$/i.test(request.headers.get('authorization') ?? '')) return undefined;
  return errorResponse(
    401,
    errorCodes.unauthorized,
    'Missing or wrong API key: send it as "x-api-key" or "Authorization: Bearer <key>"',
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The named query parameters that are present. */
function searchParams(request: Request, keys: readonly string[]): Record<string, string> {
  const search = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const value = search.get(key);
    if (value !== null) raw[key] = value;
  }
  return raw;
}

/** A path segment checked with `schema`, or the 400 naming it. */
function pathParam(
  schema: typeof eventIdSchema | typeof scoreUserIdSchema,
  name: string,
  segment: unknown,
): string | Response {
  let value = String(segment);
  try {
    value = decodeURIComponent(value);
  } catch {
    // Not percent-encoded text: checked as it came.
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [name, ...issue.path] }));
  return errorResponse(400, errorCodes.invalidRequest, `Invalid ${name}`, fieldErrorsFromIssues(issues));
}

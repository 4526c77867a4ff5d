import { Hono } from 'hono';
import {
  errorCodes,
  ledgerIdSchema,
  fieldPath,
  maxFutureSkewMs,
  resolveScoreBoard,
  revokeScoreEventQuerySchema,
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
  trendingValue,
  userAchievementsRoute,
  userScoreLedgerRoute,
  userScoreQuerySchema,
  userScoreRoute,
  type LeaderboardPeriod,
  type LeaderboardResponse,
  type ScoreEventInput,
  type ScoringRules,
} from 'podium-kit/core';
import { requireApiKey } from '../auth/guards.js';
import type { LivePublisher } from '../live/livePublisher.js';
import { toIsoString, type Database } from '../db/Database.js';
import type { Logger } from '../logger.js';
import { isExpiredInRedis, type RedisScoreBoards } from './redisScoreBoards.js';
import { fieldList, HttpError, invalidRequest, type FieldErrors } from '../errors.js';
import type { AppEnv } from '../http/AppEnv.js';
import { createAnswerCache } from '../http/answerCache.js';
import { versionCacheOf } from '../db/versionCache.js';
import {
  etagAt,
  jsonWithEtag,
  matchesIfNoneMatch,
  strongEtag,
  versionedTag,
  type VersionedTag,
} from '../http/etag.js';
import { plainAnswer, plainJson } from '../http/plainAnswer.js';
import { searchOf } from '../http/searchOf.js';
import { parsePathParam } from '../http/pathParam.js';
import { readJsonBody } from '../http/readJsonBody.js';
import { ingestScoreEvents, requestHashOf, type PreparedEvent } from './ingestScoreEvents.js';
import { recordAdjustment } from './recordAdjustment.js';
import { createScoreWriter } from './scoreWriter.js';
import type { WebhookTarget } from '../webhooks/webhookDeliveries.js';
import { revokeScoreEvent } from './revokeScoreEvent.js';
import { serverVersion } from '../version.js';
import {
  readScoreLedger,
  readScoreMetrics,
  readUserAchievements,
  loadUserScoreInputs,
  readUserScore,
  roundTrending,
  type UserScoreInputs,
} from './scoreReads.js';
import { newUserScoreGeneration, userScoreVersionKey } from './userScoreVersion.js';
import {
  readBoardVersions,
  boardVersionKey,
  readSqlBoardPage,
  readSqlStanding,
  type ScoreStanding,
} from './sqlScoreBoards.js';

/** Options of {@link createScoringRoutes}. */
export interface ScoringRoutesOptions {
  db: Database;
  rules: ScoringRules;
  apiKey: string | undefined;
  now: () => Date;
  /** Events older than this many days are refused (`PODIUM_SCORES_BACKDATE_DAYS`). */
  backdateDays: number;
  /** The boards in Redis (`REDIS_URL`); without it, the SQL projection. */
  redisBoards?: RedisScoreBoards | undefined;
  /** Signed webhooks: queued with each write, sent after it. */
  webhook?: WebhookTarget | undefined;
  logger: Pick<Logger, 'warn'>;
  /** Live updates: boards, scores and achievements announced after each write. */
  live?: LivePublisher | undefined;
}

/**
 * The `/scores` endpoints. The static paths are registered before `/scores/:userId`, so they win,
 * and the user id schema refuses their words.
 */
export function createScoringRoutes({
  db,
  rules,
  apiKey,
  now,
  backdateDays,
  redisBoards,
  webhook,
  logger,
  live,
}: ScoringRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // A new server version or other rules may answer the same board differently.
  const answerFormat = `${serverVersion}:${strongEtag(JSON.stringify(rules))}`;
  // Answers by ETag: an unchanged board's 200 (a new tab, a client without a copy) from memory.
  const answers = createAnswerCache();
  // The boards' versions, in memory while this process hears of every change (versionCache.ts).
  const versions = versionCacheOf(db);
  // What users' score answers are made of, by board version and user generation (see the route).
  const userScoreInputs = createAnswerCache<UserScoreInputs>(5_000);
  const userScoreAnswers = createAnswerCache<string>(5_000);
  // Board reads by query string and UTC day: the parsed query, the board, and its latest tag.
  const boardRequests = createAnswerCache<BoardRequest>(1_000);
  const writer = createScoreWriter({ db, now, redisBoards, webhook, logger, live });
  const boards = writer.sink;
  const afterWrite = writer.afterWrite;
  const boardPage: typeof readSqlBoardPage = async (database, params) => {
    if (!redisBoards) return readSqlBoardPage(database, params);
    // A day or week whose Redis keys have expired: its history is in the ledger.
    if (isExpiredInRedis(params.key, now())) return readSqlBoardPage(database, params, { fromLedger: true });
    let page;
    try {
      page = await redisBoards.page(params);
    } catch {
      // errorResponse adds Retry-After to every 503.
      throw new HttpError(
        503,
        errorCodes.unavailable,
        'The points boards are unavailable; try again shortly',
      );
    }
    const [row] = await db.query<{ updated_at: unknown }>(
      'SELECT updated_at FROM podium_score_board_versions WHERE board = $1',
      [params.key],
    );
    return { ...page, updatedAt: row?.updated_at == null ? null : toIsoString(row.updated_at) };
  };
  const standingOf = async (key: string, userId: string): Promise<ScoreStanding | null> => {
    if (!redisBoards) return readSqlStanding(db, key, userId);
    try {
      return await redisBoards.standing(key, userId);
    } catch {
      return null;
    }
  };

  /** Checks what the schema cannot: the action exists, `occurredAt` is inside the window. */
  const prepare = (
    event: ScoreEventInput,
    prefix: string,
    fields: FieldErrors,
    at: Date,
  ): PreparedEvent | undefined => {
    const rule = rules.actions[event.action];
    if (!rule)
      (fields[`${prefix}action`] ??= []).push(
        `is not an action of the scoring rules (${Object.keys(rules.actions).join(', ')})`,
      );
    const occurredAt = checkOccurredAt(event.occurredAt, `${prefix}occurredAt`, fields, at, backdateDays);
    if (!rule || !occurredAt) return undefined;
    return {
      eventId: event.eventId,
      userId: event.userId,
      action: event.action,
      occurredAt,
      category: event.category ?? rule.category,
      metadata: event.metadata ?? {},
      requestHash: requestHashOf(event),
    };
  };

  routes.post(scoreActionsRoute, requireApiKey(apiKey), async (c) => {
    const body = await readJsonBody(c);
    const at = now();
    const fields: FieldErrors = {};
    const batch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'events' in body;
    const events = batch ? scoreEventBatchSchema.parse(body).events : [scoreEventSchema.parse(body)];
    const prepared = events.map((event, index) =>
      prepare(event, batch ? `${fieldPath(['events', index])}.` : '', fields, at),
    );
    if (Object.keys(fields).length > 0) {
      throw invalidRequest(
        `Invalid request: ${fieldList(Object.keys(fields))}; nothing was recorded`,
        fields,
      );
    }
    const { results, deltas } = await ingestScoreEvents(db, rules, prepared as PreparedEvent[], at, boards);
    await afterWrite(
      deltas,
      at,
      results.map((result, index) => ({
        userId: prepared[index]!.userId,
        achievements: result.achievements,
      })),
    );
    c.header('Cache-Control', 'no-store');
    if (batch) return c.json({ results }, 200);
    const [result] = results;
    if (result!.status === 'conflict') throw conflictError(result!.eventId);
    return c.json(result, 200);
  });

  routes.delete(scoreActionRoute, requireApiKey(apiKey), async (c) => {
    const eventId = parsePathParam(ledgerIdSchema, 'eventId', c.req.param('eventId'), 'Invalid event id');
    const { reason } = revokeScoreEventQuerySchema.parse(c.req.query());
    const at = now();
    const outcome = await revokeScoreEvent(db, rules, eventId, reason ?? null, at, boards);
    if (!outcome) throw new HttpError(404, errorCodes.notFound, `No event ${eventId}`);
    await afterWrite(outcome.deltas, at, [{ userId: outcome.result.userId, achievements: [] }]);
    return c.json(outcome.result, 200);
  });

  routes.post(scoreAdjustmentsRoute, requireApiKey(apiKey), async (c) => {
    const body = scoreAdjustmentSchema.parse(await readJsonBody(c));
    const at = now();
    const fields: FieldErrors = {};
    const occurredAt = checkOccurredAt(body.occurredAt, 'occurredAt', fields, at, backdateDays);
    if (!occurredAt) throw invalidRequest('Invalid request: occurredAt', fields);
    const { results, deltas } = await recordAdjustment(
      db,
      rules,
      {
        eventId: body.eventId,
        userId: body.userId,
        points: body.points,
        reason: body.reason,
        category: body.category ?? 'adjustment',
        occurredAt,
        requestHash: requestHashOf(body),
      },
      at,
      boards,
    );
    await afterWrite(
      deltas,
      at,
      results.map((result) => ({ userId: body.userId, achievements: result.achievements })),
    );
    const [result] = results;
    if (result!.status === 'conflict') throw conflictError(result!.eventId);
    return c.json(result, 200);
  });

  routes.get(scoringRulesRoute, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(rules, 200);
  });

  routes.get(scoreMetricsRoute, async (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(await readScoreMetrics(db, now()), 200);
  });

  routes.get(scoreLeaderboardRoute, async (c) => {
    const at = now();
    // A poll repeats its query string: its parse and board are kept per UTC day (which names the
    // current period), its tag per board version (zod, the period and the hash cost a tenth).
    const requestKey = `${Math.floor(at.getTime() / 86_400_000)}\u0000${searchOf(c.req.url)}`;
    let request = boardRequests.get(requestKey);
    if (request === undefined) {
      const query = scoreLeaderboardQuerySchema.parse(c.req.query());
      const board = resolveScoreBoard(query, at);
      const period = periodOf(board, at, rules);
      const tag = versionedTag([
        answerFormat,
        board.key,
        period,
        query.ties,
        query.limit,
        query.offset,
        query.around ?? null,
      ]);
      request = { query, board, period, tag };
      boardRequests.set(requestKey, request);
    }
    const { query, board } = request;
    const trending = board.timeframe === 'trending';
    const cacheHeaders = { 'Cache-Control': 'no-cache' };
    // Decided before any page query: the board's change count and the profiles' make the
    // answer, with the query. Trending values decay with the clock, so that board's ETag is
    // the answer's own hash.
    let etag: string | undefined;
    if (!trending) {
      const boardVersions = await versions.read(boardVersionKey(board.key), () =>
        readBoardVersions(db, board.key),
      );
      etag = etagAt(request.tag, boardVersions);
      const headers = { ...cacheHeaders, ETag: etag };
      if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) return plainAnswer(c, 304, null, headers);
      const cached = answers.get(etag);
      if (cached !== undefined) return plainJson(c, cached, headers);
    }
    const page = await boardPage(db, {
      key: board.key,
      ties: query.ties,
      limit: query.limit,
      offset: query.offset,
      around: query.around,
    });
    const decay = (value: number) => (trending ? roundTrending(trendingValue(rules, value, at)) : value);
    const body: LeaderboardResponse = {
      board: 'points',
      metric: board.timeframe,
      unit: 'points',
      ...(trending ? { valueDecimals: 1 } : {}),
      category: board.category,
      period: request.period,
      ties: query.ties,
      entries: page.entries.map((entry) => ({ ...entry, value: decay(entry.value) })),
      total: page.total,
      offset: page.offset,
      limit: query.limit,
      updatedAt: page.updatedAt,
      ...(query.around !== undefined
        ? { around: page.around ? { ...page.around, value: decay(page.around.value) } : null }
        : {}),
    };
    // Trending: the ETag is the answer's own hash.
    if (etag === undefined) return jsonWithEtag(c, body, cacheHeaders);
    // The page was read after the versions, so it is at least as new as the tag says.
    const json = JSON.stringify(body);
    answers.set(etag, json);
    return plainJson(c, json, { ...cacheHeaders, ETag: etag });
  });

  routes.get(userScoreLedgerRoute, requireApiKey(apiKey), async (c) => {
    const userId = parseUserId(c.req.param('userId'));
    const query = scoreLedgerQuerySchema.parse(c.req.query());
    return c.json(await readScoreLedger(db, userId, query), 200);
  });

  routes.get(userAchievementsRoute, async (c) => {
    const userId = parseUserId(c.req.param('userId'));
    c.header('Cache-Control', 'no-cache');
    return c.json(await readUserAchievements(db, rules, userId), 200);
  });

  routes.get(userScoreRoute, async (c) => {
    const userId = parseUserId(c.req.param('userId'));
    const query = userScoreQuerySchema.parse(c.req.query());
    const at = now();
    const board = resolveScoreBoard(query, at);
    // Others' points move the rank (the board's version); the user's own writes move the rest (a
    // new generation of the user's key whenever a change of the user, announced after commit with
    // the boards' count, drops it: userScoreVersion.ts).
    const [boardVersions, userGeneration] = await Promise.all([
      versions.read(boardVersionKey(board.key), () => readBoardVersions(db, board.key)),
      versions.read(userScoreVersionKey(userId), newUserScoreGeneration),
    ]);
    // The UTC day too: the first read of a day records the day's rank in the history.
    const inputsKey = JSON.stringify([
      board.key,
      userId,
      boardVersions,
      userGeneration,
      at.toISOString().slice(0, 10),
    ]);
    const headers = { 'Cache-Control': 'no-cache' };
    // The whole answer is kept for a quarter hour of UTC (every time zone's midnight falls on one,
    // so the local day a streak counts cannot change within it), except a trending board's: it
    // decays by the minute.
    const answerKey =
      board.timeframe === 'trending' ? undefined : `${inputsKey}\u0000${Math.floor(at.getTime() / 900_000)}`;
    const kept = answerKey === undefined ? undefined : userScoreAnswers.get(answerKey);
    if (kept !== undefined) return plainJson(c, kept, headers);
    let inputs = userScoreInputs.get(inputsKey);
    if (!inputs) {
      inputs = await loadUserScoreInputs(db, userId, standingOf(board.key, userId));
      // Not a ledger fallback (the board store is away), nor when nothing is heard (every key new).
      if (inputs.standing && versions.listening()) userScoreInputs.set(inputsKey, inputs);
    }
    const json = JSON.stringify(await readUserScore(db, rules, userId, board, inputs, at));
    // IANA zones' midnights all fall on quarter hours of UTC today; an offset zone ('+05:17', which
    // newer Intl implementations accept) need not, so its answers are made every time.
    const quarterHourZone = !/^[+-]/.test(inputs.row?.time_zone ?? 'UTC');
    if (answerKey !== undefined && quarterHourZone && inputs.standing && versions.listening()) {
      userScoreAnswers.set(answerKey, json);
    }
    return plainJson(c, json, headers);
  });

  return routes;
}

/** The 409 of a single event (or adjustment) whose id was used for another payload. */
function conflictError(eventId: string): HttpError {
  return new HttpError(
    409,
    errorCodes.conflict,
    `Event ${eventId} was already recorded with a different payload`,
    {
      eventId,
    },
  );
}

function parseUserId(raw: string): string {
  return parsePathParam(scoreUserIdSchema, 'userId', raw, 'Invalid user id');
}

/** `occurredAt` as an instant inside `[now - backdateDays, now + skew]`, or a field error. */
function checkOccurredAt(
  raw: string | undefined,
  field: string,
  fields: FieldErrors,
  now: Date,
  backdateDays: number,
): Date | undefined {
  if (raw === undefined) return now;
  const at = new Date(raw);
  if (at.getTime() > now.getTime() + maxFutureSkewMs) {
    (fields[field] ??= []).push('must not be in the future (5 minutes of clock skew are allowed)');
    return undefined;
  }
  if (at.getTime() < now.getTime() - backdateDays * 86_400_000) {
    (fields[field] ??= []).push(
      `must be within the last ${backdateDays} days (PODIUM_SCORES_BACKDATE_DAYS; raise it to import history)`,
    );
    return undefined;
  }
  return at;
}

/** A board read's parsed query and board, and the ETag it had at the last version seen. */
interface BoardRequest {
  query: ReturnType<typeof scoreLeaderboardQuerySchema.parse>;
  board: ReturnType<typeof resolveScoreBoard>;
  period: LeaderboardPeriod;
  /** Made of the query and the board, for the board's versions (not used for trending). */
  tag: VersionedTag;
}

function periodOf(
  board: ReturnType<typeof resolveScoreBoard>,
  now: Date,
  rules: ScoringRules,
): LeaderboardPeriod {
  if (board.timeframe === 'lifetime') return { kind: 'all-time' };
  if (board.timeframe === 'trending') {
    return {
      kind: 'trending',
      asOf: now.toISOString().slice(0, 10),
      decayPerDay: rules.trending.decayPerDay,
    };
  }
  const start = board.bounds!.start.toISOString();
  const end = board.bounds!.end.toISOString();
  if (board.timeframe === 'monthly')
    return { kind: 'month', month: board.period!, key: board.period!, start, end };
  return { kind: board.timeframe === 'daily' ? 'day' : 'week', key: board.period!, start, end };
}

import {
  creatorAnalyticsRoute,
  creatorIdSchema,
  errorCodes,
  memberIdSchema,
  memberStatsRoute,
  referrersLeaderboardQuerySchema,
  referrersLeaderboardRoute,
  refreshViewsRoute,
  shareAnalyticsQuerySchema,
  shareAnalyticsRoute,
} from 'podium-kit/core';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import {
  bearerToken,
  requireApiKey,
  requireCronSecret,
  requireUser,
  secretMatcher,
} from '../../auth/guards.js';
import type { Database } from '../../db/Database.js';
import { HttpError } from '../../errors.js';
import type { AppEnv } from '../../http/AppEnv.js';
import { createAnswerCache } from '../../http/answerCache.js';
import { matchesIfNoneMatch } from '../../http/etag.js';
import { plainAnswer, plainJson } from '../../http/plainAnswer.js';
import { parsePathParam } from '../../http/pathParam.js';
import { searchOf } from '../../http/searchOf.js';
import type { Logger } from '../../logger.js';
import type { AnalyticsCache } from './analyticsCache.js';
import {
  boardEtag,
  cachedCreatorAnalytics,
  cachedMemberStats,
  cachedReferrersBoard,
  cachedShareAnalytics,
} from './cachedAnalytics.js';
import { readBoardVersion } from './referrersBoard.js';
import { refreshReferralViews } from './refreshReferralViews.js';
import type { UserTokenVerifier } from '../../auth/userTokens.js';

/** Options of {@link createAnalyticsRoutes}. */
export interface AnalyticsRoutesOptions {
  db: Database;
  cache: AnalyticsCache;
  apiKey: string | undefined;
  /** The app's user-token verifier. */
  userTokens: UserTokenVerifier;
  cronSecret: string | undefined;
  now: () => Date;
  logger: Pick<Logger, 'info'>;
}

/**
 * The referral analytics endpoints: a member's stats and share analytics (the member's own user
 * token or the API key), a creator's analytics (API key) and referrers board (API key, or a
 * member's user token), and the cron route
 * that refreshes the views (cron secret).
 */
export function createAnalyticsRoutes(options: AnalyticsRoutesOptions): Hono<AppEnv> {
  const { db, cache, apiKey, now } = options;
  const routes = new Hono<AppEnv>();
  const keyAuth = requireApiKey(apiKey);
  const userAuth = requireUser(options.userTokens);

  const memberIdOf = (c: Context) =>
    parsePathParam(memberIdSchema, 'id', c.req.param('id') ?? '', 'Invalid member id');
  const creatorIdOf = (c: Context) =>
    parsePathParam(creatorIdSchema, 'id', c.req.param('id') ?? '', 'Invalid creator id');

  // An API key is presented as x-api-key, or as a bearer token equal to the key.
  const isApiKey = secretMatcher(apiKey);
  const presentsApiKey = (c: Context) => {
    const bearer = bearerToken(c);
    return c.req.header('x-api-key') !== undefined || (bearer !== undefined && isApiKey(bearer));
  };

  // A member's user never changes and members are never deleted (referralsStore.putMember), so
  // once read it is known for good: a member's poll then runs no query for its authorisation.
  const memberUsers = createAnswerCache<string>(10_000);
  const userOfMember = async (memberId: string): Promise<string | undefined> => {
    const known = memberUsers.get(memberId);
    if (known !== undefined) return known;
    const [member] = await db.query<{ user_id: string }>(
      'SELECT user_id FROM podium_referral_members WHERE id = $1',
      [memberId],
    );
    if (member) memberUsers.set(memberId, member.user_id);
    return member?.user_id;
  };

  // The API key when one is presented (x-api-key, or a bearer equal to the key), else the user
  // token of the member's own user. The member is looked up first, so an unknown id is a 404.
  // (Made once, not per request: a member poll is among the hottest reads.)
  const checkMember = async (memberId: string, userId: string | undefined, next: () => Promise<void>) => {
    const memberUser = await userOfMember(memberId);
    if (memberUser === undefined) throw new HttpError(404, errorCodes.notFound, `No member "${memberId}"`);
    if (userId !== undefined && memberUser !== userId) {
      throw new HttpError(
        403,
        errorCodes.forbidden,
        'Only the member themselves (or the API key) can read this',
      );
    }
    await next();
  };
  const memberOrApiKey: MiddlewareHandler<AppEnv> = async (c, next) => {
    const memberId = memberIdOf(c);
    if (presentsApiKey(c)) return keyAuth(c, () => checkMember(memberId, undefined, next));
    return userAuth(c, () => checkMember(memberId, c.get('userId'), next));
  };

  // The referrers board: the API key, or the user token of one of the creator's members (the
  // community's own board is what a member's widget shows; outsiders get a 403).
  const creatorMemberOrApiKey: MiddlewareHandler<AppEnv> = async (c, next) => {
    const creatorId = creatorIdOf(c);
    if (presentsApiKey(c)) return keyAuth(c, next);
    return userAuth(c, async () => {
      const [row] = await db.query<{ member: boolean | null }>(
        `SELECT EXISTS (SELECT 1 FROM podium_referral_members WHERE creator_id = $1 AND user_id = $2) AS member
         WHERE EXISTS (SELECT 1 FROM podium_referral_creators WHERE id = $1)`,
        [creatorId, c.get('userId')],
      );
      if (!row) throw new HttpError(404, errorCodes.notFound, `No creator "${creatorId}"`);
      if (!row.member) {
        throw new HttpError(
          403,
          errorCodes.forbidden,
          "Only the creator's members (or the API key) can read this board",
        );
      }
      await next();
    });
  };

  routes.get(memberStatsRoute, memberOrApiKey, async (c) => {
    const memberId = memberIdOf(c);
    const json = await cachedMemberStats(db, cache, memberId);
    if (json === 'null') throw new HttpError(404, errorCodes.notFound, `No member "${memberId}"`);
    return plainJson(c, json);
  });

  const shareQueries = createAnswerCache<string>(100);
  routes.get(shareAnalyticsRoute, memberOrApiKey, async (c) => {
    const memberId = memberIdOf(c);
    // Polls repeat their query string: parsed (and the zone checked) once per string.
    const search = searchOf(c.req.url);
    let timeZone = shareQueries.get(search);
    if (timeZone === undefined) {
      timeZone = shareAnalyticsQuerySchema.parse(c.req.query()).timeZone ?? 'UTC';
      shareQueries.set(search, timeZone);
    }
    return plainJson(c, await cachedShareAnalytics(db, cache, memberId, timeZone, now()));
  });

  routes.get(creatorAnalyticsRoute, keyAuth, async (c) => {
    const creatorId = creatorIdOf(c);
    const { exists, refreshedAt } = await readBoardVersion(db, creatorId);
    if (!exists) throw new HttpError(404, errorCodes.notFound, `No creator "${creatorId}"`);
    const json = await cachedCreatorAnalytics(db, cache, creatorId, now(), refreshedAt);
    if (json === 'null') throw new HttpError(404, errorCodes.notFound, `No creator "${creatorId}"`);
    return plainJson(c, json);
  });

  routes.get(referrersLeaderboardRoute, creatorMemberOrApiKey, async (c) => {
    const creatorId = creatorIdOf(c);
    const query = referrersLeaderboardQuerySchema.parse(c.req.query());
    const { exists, refreshedAt } = await readBoardVersion(db, creatorId);
    if (!exists) throw new HttpError(404, errorCodes.notFound, `No creator "${creatorId}"`);
    const board = { creatorId, ...query, refreshedAt };
    // Known before any page is read (see boardVersion): an unchanged poll costs two key lookups.
    const etag = boardEtag(board);
    const headers = { 'Cache-Control': 'no-cache', ETag: etag };
    if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) return plainAnswer(c, 304, null, headers);
    return plainJson(c, await cachedReferrersBoard(db, cache, board), headers);
  });

  // Per route rather than `use(path)`, so an unsupported method is a 404, not a 401.
  const cron = requireCronSecret(options.cronSecret);
  const refresh = async (c: Context<AppEnv>) => {
    const views = await refreshReferralViews(db, { now });
    const durationMs = views.reduce((sum, view) => sum + view.durationMs, 0);
    options.logger.info(`Referral views refreshed in ${durationMs} ms`, { views });
    return c.json({ views, durationMs });
  };
  routes.get(refreshViewsRoute, cron, refresh);
  routes.post(refreshViewsRoute, cron, refresh);
  return routes;
}

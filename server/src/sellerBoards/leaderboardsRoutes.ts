import {
  sellerLeaderboardQuerySchema,
  sellerLeaderboardRoute,
  type LeaderboardPeriod,
  type LeaderboardResponse,
} from 'podium-kit/core';
import { Hono } from 'hono';
import { monthBounds, monthKeyOf } from './monthPeriod.js';
import type { AppEnv } from '../http/AppEnv.js';
import { etagAt, matchesIfNoneMatch, versionedTag, type VersionedTag } from '../http/etag.js';
import { plainAnswer, plainJson } from '../http/plainAnswer.js';
import { searchOf } from '../http/searchOf.js';
import type { SellerBoardsStore } from './sellerBoardsStore.js';
import { readSellerBoardsVersion, sellerBoardsVersionKey } from './sellerBoardVersions.js';
import type { Database } from '../db/Database.js';
import { versionCacheOf } from '../db/versionCache.js';
import { createAnswerCache } from '../http/answerCache.js';
import { serverVersion } from '../version.js';

/** Options of {@link createLeaderboardsRoutes}. */
export interface LeaderboardsRoutesOptions {
  store: SellerBoardsStore;
  /** Where the boards' change count is read (migration 019), and heard of (022). */
  db: Database;
  /** The clock: which month `period=month` means without `month`. */
  now: () => Date;
}

/**
 * `GET /leaderboards/sellers`: a page of the sellers board by sales or views, this month (or
 * `month`) or all time, read from the trigger-kept cache. Every answer has a strong `ETag` made
 * from the boards' change count, the profiles' and the query, known before any page query (kept in
 * memory while this process hears of every change, see `versionCache.ts`): a poll whose
 * `If-None-Match` matches gets a bodiless 304, and an answer this process made for the same tag is
 * served from memory. `Cache-Control: no-cache` has caches revalidate.
 */
export function createLeaderboardsRoutes({ store, db, now }: LeaderboardsRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const answers = createAnswerCache();
  // A poll repeats its query string: its parse and period are kept by query string and month, its
  // tag per boards version (zod, the month arithmetic and the SHA-256 were a tenth of a 304).
  const requests = createAnswerCache<SellersRequest>(1000);
  const versions = versionCacheOf(db);
  const month = currentMonth(now);

  routes.get(sellerLeaderboardRoute, async (c) => {
    const currentMonth = month();
    const requestKey = `${currentMonth}\u0000${searchOf(c.req.url)}`;
    let request = requests.get(requestKey);
    if (request === undefined) {
      request = describeRequest(sellerLeaderboardQuerySchema.parse(c.req.query()), currentMonth);
      requests.set(requestKey, request);
    }
    const version = await versions.read(sellerBoardsVersionKey, () => readSellerBoardsVersion(db));
    const etag = etagAt(request.tag, version);
    const { query, period } = request;
    // no-cache: caches may keep it but must revalidate, which the ETag makes a cheap 304.
    const headers = { 'Cache-Control': 'no-cache', ETag: etag };
    if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) return plainAnswer(c, 304, null, headers);
    const cached = answers.get(etag);
    if (cached !== undefined) return plainJson(c, cached, headers);

    const page = await store.getPage({
      metric: query.metric,
      period: period.kind === 'month' ? period.month : 'all',
      ties: query.ties,
      limit: query.limit,
      offset: query.offset,
      around: query.around,
    });
    const body: LeaderboardResponse = {
      board: 'sellers',
      metric: query.metric,
      period,
      ties: query.ties,
      entries: page.entries,
      total: page.total,
      offset: page.offset,
      limit: query.limit,
      updatedAt: page.updatedAt,
      ...(query.around !== undefined ? { around: page.around ?? null } : {}),
    };
    // Read after the version, so the page is at least as new as the tag says: a change that
    // lands in between is served under the older tag once, and the next poll sees the new one.
    const json = JSON.stringify(body);
    answers.set(etag, json);
    return plainJson(c, json, headers);
  });

  return routes;
}

type SellersQuery = ReturnType<typeof sellerLeaderboardQuerySchema.parse>;

/** A parsed query, its period and the ETag it has at one version of the boards. */
interface SellersRequest {
  query: SellersQuery;
  period: LeaderboardPeriod;
  tag: VersionedTag;
}

function describeRequest(query: SellersQuery, currentMonth: string): SellersRequest {
  let period: LeaderboardPeriod;
  if (query.period === 'all-time') {
    period = { kind: 'all-time' };
  } else {
    const month = query.month ?? currentMonth;
    const { start, end } = monthBounds(month);
    period = { kind: 'month', month, start: start.toISOString(), end: end.toISOString() };
  }
  const tag = versionedTag([
    serverVersion,
    query.metric,
    period.kind === 'month' ? period.month : 'all',
    query.ties,
    query.limit,
    query.offset,
    query.around ?? null,
  ]);
  return { query, period, tag };
}

/** The current UTC month (`YYYY-MM`), worked out again only when the clock leaves it. */
function currentMonth(now: () => Date): () => string {
  let current = { key: '', start: 0, end: 0 };
  return () => {
    const at = now().getTime();
    if (at < current.start || at >= current.end) {
      const key = monthKeyOf(new Date(at));
      const { start, end } = monthBounds(key);
      current = { key, start: start.getTime(), end: end.getTime() };
    }
    return current.key;
  };
}

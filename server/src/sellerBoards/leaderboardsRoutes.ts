import {
  sellerLeaderboardQuerySchema,
  sellerLeaderboardRoute,
  type LeaderboardPeriod,
  type LeaderboardResponse,
} from 'podium-kit/core';
import { Hono } from 'hono';
import { monthBounds, monthKeyOf } from './monthPeriod.js';
import type { AppEnv } from '../http/AppEnv.js';
import { matchesIfNoneMatch, strongEtag } from '../http/etag.js';
import type { SellerBoardsStore } from './sellerBoardsStore.js';

/** Options of {@link createLeaderboardsRoutes}. */
export interface LeaderboardsRoutesOptions {
  store: SellerBoardsStore;
  /** The clock: which month `period=month` means without `month`. */
  now: () => Date;
}

/**
 * `GET /leaderboards/sellers`: a page of the sellers board by sales or views, this month (or
 * `month`) or all time, read from the trigger-kept cache. Every answer has a strong `ETag` (a
 * hash of the body) and `Cache-Control: no-cache`; a poll whose `If-None-Match` matches gets a
 * bodiless 304.
 */
export function createLeaderboardsRoutes({ store, now }: LeaderboardsRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(sellerLeaderboardRoute, async (c) => {
    const query = sellerLeaderboardQuerySchema.parse(c.req.query());
    let period: LeaderboardPeriod;
    if (query.period === 'all-time') {
      period = { kind: 'all-time' };
    } else {
      const month = query.month ?? monthKeyOf(now());
      const { start, end } = monthBounds(month);
      period = { kind: 'month', month, start: start.toISOString(), end: end.toISOString() };
    }
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
    const json = JSON.stringify(body);
    const etag = strongEtag(json);
    // no-cache: caches may keep it but must revalidate, which the ETag makes a cheap 304.
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', etag);
    if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.body(json, 200, { 'Content-Type': 'application/json' });
  });

  return routes;
}

import type {
  CreatorAnalytics,
  LeaderboardResponse,
  MemberStats,
  ReferrerMetric,
  ShareAnalyticsResponse,
} from 'podium-kit/core';
import type { Queryable } from '../../db/Database.js';
import { strongEtag } from '../../http/etag.js';
import { analyticsCacheTtls, type AnalyticsCache } from './analyticsCache.js';
import { readCreatorAnalytics } from './creatorAnalytics.js';
import { readMemberStats } from './memberStats.js';
import { readReferrersBoard } from './referrersBoard.js';
import { readShareAnalytics } from './shareAnalytics.js';

/**
 * The analytics reads through the cache, one key scheme for the routes and `cache:warm` (a warmed
 * entry is only useful under the key a request looks for). Each returns the answer as the JSON
 * text the cache keeps and the route sends (`null` for an unknown member or creator).
 */

/** JSON of `MemberStats`, or `null`. */
export function cachedMemberStats(db: Queryable, cache: AnalyticsCache, memberId: string): Promise<string> {
  return cache.readJson<MemberStats | null>(
    { memberId },
    `member-stats:${memberId}`,
    analyticsCacheTtls.member,
    () => readMemberStats(db, memberId),
  );
}

/** JSON of `ShareAnalyticsResponse`. */
export function cachedShareAnalytics(
  db: Queryable,
  cache: AnalyticsCache,
  memberId: string,
  timeZone: string,
  now: Date,
): Promise<string> {
  // The UTC hour in the key: "today" and the 30 days move on even while nothing is written.
  const key = `share-analytics:${memberId}:${timeZone}:${now.toISOString().slice(0, 13)}`;
  return cache.readJson<ShareAnalyticsResponse>({ memberId }, key, analyticsCacheTtls.member, () =>
    readShareAnalytics(db, memberId, timeZone, now),
  );
}

/** JSON of `CreatorAnalytics`, or `null`. */
export function cachedCreatorAnalytics(
  db: Queryable,
  cache: AnalyticsCache,
  creatorId: string,
  now: Date,
  refreshedAt: string | null,
): Promise<string> {
  // The refresh and the UTC day in the key: a refresh or a new week makes a new answer.
  const key = `creator-analytics:${creatorId}:${refreshedAt}:${now.toISOString().slice(0, 10)}`;
  return cache.readJson<CreatorAnalytics | null>({ creatorId }, key, analyticsCacheTtls.analytics, () =>
    readCreatorAnalytics(db, creatorId, now),
  );
}

/** A board page's query. */
export interface BoardQuery {
  creatorId: string;
  metric: ReferrerMetric;
  limit: number;
  offset: number;
  refreshedAt: string | null;
}

/**
 * The board is the member view's snapshot: the refresh time and the query decide the body, so
 * this version (and the ETag made from it) is known before any page is read.
 */
export function boardVersion(query: BoardQuery): string {
  return `referrers:1:${query.creatorId}:${query.metric}:${query.limit}:${query.offset}:${query.refreshedAt}`;
}

export function boardEtag(query: BoardQuery): string {
  return strongEtag(boardVersion(query));
}

/** JSON of the board's `LeaderboardResponse`. */
export function cachedReferrersBoard(
  db: Queryable,
  cache: AnalyticsCache,
  query: BoardQuery,
): Promise<string> {
  return cache.readJson<LeaderboardResponse>(
    { creatorId: query.creatorId },
    boardVersion(query),
    analyticsCacheTtls.leaderboard,
    () => readReferrersBoard(db, query),
  );
}

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
 * entry is only useful under the key a request looks for).
 */

export function cachedMemberStats(
  db: Queryable,
  cache: AnalyticsCache,
  memberId: string,
): Promise<MemberStats | null> {
  return cache.read({ memberId }, `member-stats:${memberId}`, analyticsCacheTtls.member, () =>
    readMemberStats(db, memberId),
  );
}

export function cachedShareAnalytics(
  db: Queryable,
  cache: AnalyticsCache,
  memberId: string,
  timeZone: string,
  now: Date,
): Promise<ShareAnalyticsResponse> {
  // The UTC hour in the key: "today" and the 30 days move on even while nothing is written.
  const key = `share-analytics:${memberId}:${timeZone}:${now.toISOString().slice(0, 13)}`;
  return cache.read({ memberId }, key, analyticsCacheTtls.member, () =>
    readShareAnalytics(db, memberId, timeZone, now),
  );
}

export function cachedCreatorAnalytics(
  db: Queryable,
  cache: AnalyticsCache,
  creatorId: string,
  now: Date,
  refreshedAt: string | null,
): Promise<CreatorAnalytics | null> {
  // The refresh and the UTC day in the key: a refresh or a new week makes a new answer.
  const key = `creator-analytics:${creatorId}:${refreshedAt}:${now.toISOString().slice(0, 10)}`;
  return cache.read({ creatorId }, key, analyticsCacheTtls.analytics, () =>
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

export function cachedReferrersBoard(
  db: Queryable,
  cache: AnalyticsCache,
  query: BoardQuery,
): Promise<LeaderboardResponse> {
  return cache.read({ creatorId: query.creatorId }, boardVersion(query), analyticsCacheTtls.leaderboard, () =>
    readReferrersBoard(db, query),
  );
}

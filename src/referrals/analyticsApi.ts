import type { ApiClient } from '../shared/createApiClient.js';
import {
  getLeaderboard,
  type GetLeaderboardOptions,
  type LeaderboardResult,
} from '../shared/leaderboardApi.js';
import {
  creatorAnalyticsRoute,
  memberStatsRoute,
  shareAnalyticsRoute,
  type CreatorAnalytics,
  type MemberStats,
  type ReferrerMetric,
  type ShareAnalyticsResponse,
  type ShareAnalyticsQuery,
} from './analyticsContract.js';

/**
 * What the referrers board (`useLeaderboard('referrers', …)`, `getReferrersLeaderboard`) is asked:
 * the creator whose members are ranked, the metric (`referrals`, `earnings`, `conversionRate`)
 * and the page. The board has no `around` and no tie modes (standard ties), so neither is offered.
 */
export interface ReferrersBoardQuery {
  /** The creator (community) whose members are ranked: part of the path. */
  creatorId: string;
  /** What to rank by. @default 'referrals' */
  metric?: ReferrerMetric;
  /** Entries per page, 1 to 100. @default 20 */
  limit?: number;
  offset?: number;
  around?: undefined;
  ties?: undefined;
}

const withId = (route: string, id: string) => route.replace(':id', encodeURIComponent(id));

/**
 * `GET /members/:id/stats` (the member's own user token, or the API key): clicks, referrals,
 * conversions, earnings and the member's rank among the creator's referrers.
 */
export function getMemberStats(
  client: ApiClient,
  memberId: string,
  options: { signal?: AbortSignal } = {},
): Promise<MemberStats> {
  return client.request<MemberStats>({
    method: 'GET',
    path: withId(memberStatsRoute, memberId),
    signal: options.signal,
  });
}

/**
 * `GET /members/:id/share-analytics?timeZone=` (the member's own user token, or the API key): the
 * member's funnel, platforms, best platform and share streak. `timeZone` (IANA) decides which day
 * a share falls on for the streak and the daily series; the server uses UTC without it.
 */
export function getShareAnalytics(
  client: ApiClient,
  memberId: string,
  query: ShareAnalyticsQuery = {},
  options: { signal?: AbortSignal } = {},
): Promise<ShareAnalyticsResponse> {
  return client.request<ShareAnalyticsResponse>({
    method: 'GET',
    path: withId(shareAnalyticsRoute, memberId),
    query: { timeZone: query.timeZone },
    signal: options.signal,
  });
}

/** `GET /creators/:id/analytics` (API key): revenue, commissions, funnel, growth and top members. */
export function getCreatorAnalytics(
  client: ApiClient,
  creatorId: string,
  options: { signal?: AbortSignal } = {},
): Promise<CreatorAnalytics> {
  return client.request<CreatorAnalytics>({
    method: 'GET',
    path: withId(creatorAnalyticsRoute, creatorId),
    signal: options.signal,
  });
}

/**
 * `GET /creators/:id/leaderboard` (API key): one page of a creator's referrers board, the shared
 * leaderboard answer with `board: "referrers"`. Conditional like every board: with `etag`, a 304
 * resolves with `{ notModified: true }`.
 */
export function getReferrersLeaderboard(
  client: ApiClient,
  query: ReferrersBoardQuery,
  options: GetLeaderboardOptions = {},
): Promise<LeaderboardResult> {
  return getLeaderboard(client, 'referrers', query, options);
}

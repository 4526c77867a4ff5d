import type { ReferrersBoardQuery } from '../referrals/analyticsApi.js';
import type { ScoreLeaderboardQuery } from '../scoring/contract.js';
import type { SellerLeaderboardQuery } from '../sellerBoards/contract.js';
import type { ApiClient, FetchCacheMode } from './createApiClient.js';
import type { LeaderboardBoard, LeaderboardResponse } from './leaderboard.js';

/** The query of each board, by board name (each feature's contract defines its own). */
export interface LeaderboardQueries {
  sellers: SellerLeaderboardQuery;
  points: ScoreLeaderboardQuery;
  referrers: ReferrersBoardQuery;
}

/** What a board can be asked: its metric, period, page (`limit`/`offset`) or `around` a user. */
export type LeaderboardParams<B extends LeaderboardBoard = LeaderboardBoard> = LeaderboardQueries[B];

/**
 * Relative route of each board: the same strings as the features' `sellerLeaderboardRoute`,
 * `scoreLeaderboardRoute` and `referrersLeaderboardRoute` (a test holds them equal), written here
 * because `shared/` imports no feature's values.
 */
const leaderboardRoutes: Record<LeaderboardBoard, string> = {
  sellers: '/leaderboards/sellers',
  points: '/scores/leaderboard',
  referrers: '/creators/:id/leaderboard',
};

/**
 * The path (below the API base) of a board, e.g. `/leaderboards/sellers`; a creator's referrers
 * board needs its `creatorId` (`/creators/c_studio/leaderboard`).
 */
export function leaderboardPath(board: LeaderboardBoard, creatorId?: string): string {
  const route = leaderboardRoutes[board];
  if (!route.includes(':id')) return route;
  if (!creatorId) throw new TypeError(`The ${board} board needs a creatorId`);
  return route.replace(':id', encodeURIComponent(creatorId));
}

/**
 * What {@link getLeaderboard} resolves with: the board and its `ETag`, or `notModified` when the
 * request carried an `etag` and the server answered 304 (the board the caller has is current).
 */
export type LeaderboardResult =
  | { notModified: true }
  | {
      notModified?: false;
      data: LeaderboardResponse;
      /** The answer's `ETag` (send it back as `etag` on the next poll), `null` when absent. */
      etag: string | null;
    };

export interface GetLeaderboardOptions {
  signal?: AbortSignal;
  /** The `ETag` of the board the caller holds: sent as `If-None-Match`; an unchanged board answers 304. */
  etag?: string | null;
  /** The browser's HTTP cache mode; `'no-cache'` revalidates past the browser's cache. */
  cache?: FetchCacheMode;
}

/**
 * `GET` one page of a board (`/leaderboards/sellers`, `/scores/leaderboard`,
 * `/creators/:id/leaderboard`), or the page centred on `around` where the board supports it. With
 * an `etag` the request is conditional: a 304 resolves with `{ notModified: true }`, no body.
 */
export async function getLeaderboard<B extends LeaderboardBoard>(
  client: ApiClient,
  board: B,
  params: LeaderboardParams<B> = {} as LeaderboardParams<B>,
  options: GetLeaderboardOptions = {},
): Promise<LeaderboardResult> {
  let etag: string | null = null;
  // The creator of a referrers board is in the path, not the query.
  const { creatorId, ...query } = params as LeaderboardParams & { creatorId?: string };
  const data = await client.request<LeaderboardResponse | null>({
    method: 'GET',
    path: leaderboardPath(board, creatorId),
    query,
    signal: options.signal,
    cache: options.cache,
    headers: options.etag ? { 'if-none-match': options.etag } : undefined,
    onNotModified: options.etag ? () => null : undefined,
    onResponse: (response) => {
      etag = response.headers.get('etag');
    },
  });
  if (data === null) return { notModified: true };
  return { data, etag };
}

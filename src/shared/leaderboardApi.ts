import type { ScoreLeaderboardQuery } from '../scoring/contract.js';
import type { SellerLeaderboardQuery } from '../sellerBoards/contract.js';
import type { ApiClient } from './createApiClient.js';
import type { LeaderboardBoard, LeaderboardResponse } from './leaderboard.js';

/** The query of each board, by board name (each feature's contract defines its own). */
export interface LeaderboardQueries {
  sellers: SellerLeaderboardQuery;
  points: ScoreLeaderboardQuery;
}

/** What a board can be asked: its metric, period, page (`limit`/`offset`) or `around` a user. */
export type LeaderboardParams<B extends LeaderboardBoard = LeaderboardBoard> = LeaderboardQueries[B];

/**
 * Relative route of each board: the same strings as the features' `sellerLeaderboardRoute` and
 * `scoreLeaderboardRoute` (a test holds them equal), written here because `shared/` imports no
 * feature's values.
 */
const leaderboardRoutes: Record<LeaderboardBoard, string> = {
  sellers: '/leaderboards/sellers',
  points: '/scores/leaderboard',
};

/** The path (below the API base) of a board, e.g. `/leaderboards/sellers`. */
export function leaderboardPath(board: LeaderboardBoard): string {
  return leaderboardRoutes[board];
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
}

/**
 * `GET` one page of a board (`/leaderboards/sellers`, `/scores/leaderboard`): one page of a board (or the page centred on `around`). With an
 * `etag` the request is conditional: a 304 resolves with `{ notModified: true }`, no body.
 */
export async function getLeaderboard<B extends LeaderboardBoard>(
  client: ApiClient,
  board: B,
  params: LeaderboardParams<B> = {},
  options: GetLeaderboardOptions = {},
): Promise<LeaderboardResult> {
  let etag: string | null = null;
  const data = await client.request<LeaderboardResponse | null>({
    method: 'GET',
    path: leaderboardPath(board),
    query: { ...params },
    signal: options.signal,
    headers: options.etag ? { 'if-none-match': options.etag } : undefined,
    onNotModified: options.etag ? () => null : undefined,
    onResponse: (response) => {
      etag = response.headers.get('etag');
    },
  });
  if (data === null) return { notModified: true };
  return { data, etag };
}

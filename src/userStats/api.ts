import {
  statsLeadersRoute,
  userStatsHistoryRoute,
  userStatsPath,
  userStatsRoute,
  userTransactionsCsvRoute,
  type StatsHistoryQuery,
  type StatsHistoryResponse,
  type StatsLeadersQuery,
  type StatsLeadersResponse,
  type UserStatsResponse,
} from './contract.js';
import type { ApiClient, FetchCacheMode } from '../shared/createApiClient.js';

/** What {@link getUserStats} returns: the body, and whether the server has calculated it yet. */
export interface UserStatsResult {
  /** The body. On a 202 its `stats` are zeros and every percentile is `null`. */
  data: UserStatsResponse;
  /** The HTTP status: 200 (calculated, possibly stale) or 202 (queued, not calculated yet). */
  status: number;
  /** True on a 202: the server is calculating the stats; ask again after `retryAfterSeconds`. */
  pending: boolean;
  /** On a 202, seconds until asking again is worthwhile (body, else `Retry-After`); else `null`. */
  retryAfterSeconds: number | null;
}

/**
 * `GET /user/:identifier/stats`: one user's (or one wallet's) figures. A 202 is not an error: it
 * resolves with `pending: true`, so callers can poll until the 200 arrives.
 */
export async function getUserStats(
  client: ApiClient,
  identifier: string,
  options: { signal?: AbortSignal; cache?: FetchCacheMode } = {},
): Promise<UserStatsResult> {
  let status: number | undefined;
  let retryAfterHeader: string | null = null;
  const data = await client.request<UserStatsResponse>({
    method: 'GET',
    path: userStatsPath(userStatsRoute, identifier),
    signal: options.signal,
    cache: options.cache,
    onResponse: (response) => {
      status = response.status;
      retryAfterHeader = response.headers.get('retry-after');
    },
  });
  // A custom ApiClient may not report the status: the body says it too (a 202 is never cached).
  const resolvedStatus = status ?? (data.cached ? 200 : 202);
  const pending = resolvedStatus === 202;
  return {
    data,
    status: resolvedStatus,
    pending,
    retryAfterSeconds: pending ? (data.retryAfterSeconds ?? parseRetryAfter(retryAfterHeader)) : null,
  };
}

/** `GET /user/:identifier/stats/history`: daily activity (UTC days, zeros included). */
export function getUserStatsHistory(
  client: ApiClient,
  identifier: string,
  query: StatsHistoryQuery = {},
  options: { signal?: AbortSignal } = {},
): Promise<StatsHistoryResponse> {
  return client.request<StatsHistoryResponse>({
    method: 'GET',
    path: userStatsPath(userStatsHistoryRoute, identifier),
    query: { ...query },
    signal: options.signal,
  });
}

/** `GET /stats/leaders`: the subjects ranked by one metric (top sellers, collectors, traders). */
export function getStatsLeaders(
  client: ApiClient,
  query: StatsLeadersQuery = {},
  options: { signal?: AbortSignal } = {},
): Promise<StatsLeadersResponse> {
  return client.request<StatsLeadersResponse>({
    method: 'GET',
    path: statsLeadersRoute,
    query: { ...query },
    signal: options.signal,
  });
}

/**
 * The absolute (or base-relative) URL of `GET /user/:identifier/transactions.csv`, for a plain
 * `<a href download>`: the browser downloads it itself, so no token is sent with it.
 */
export function userTransactionsCsvUrl(client: Pick<ApiClient, 'baseUrl'>, identifier: string): string {
  return `${client.baseUrl}${userStatsPath(userTransactionsCsvRoute, identifier)}`;
}

/** `Retry-After` as seconds: a delay in seconds or an HTTP date; `null` when absent or unreadable. */
function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

import { queryOptions } from '@tanstack/react-query';
import type { ApiClient, FetchCacheMode } from '../../src/shared/createApiClient.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { getUserStats, type UserStatsResult } from '../../src/userStats/api.js';
import { isAddress, normalizeAddress } from '../../src/identity/contract.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';

/** Shortest wait between two polls of a 202, in milliseconds. */
export const minUserStatsPollMs = 2_000;
/** Longest wait between two polls of a 202, in milliseconds. */
export const maxUserStatsPollMs = 30_000;
/** Wait when a 202 does not say how long to wait. */
const fallbackPollMs = 5_000;
/** Wait between checks while the stats are stale (the server queued their refresh). */
export const staleUserStatsPollMs = 60_000;

export interface UserStatsQueryOptionsConfig {
  /** Retry policy for retryable failures (4xx never retry). @default 3 */
  retry?: RetryPolicy;
  /** Shortest wait between polls while the server calculates (202). @default 2000 */
  minPollIntervalMs?: number;
  /** Longest wait between polls while the server calculates (202). @default 30000 */
  maxPollIntervalMs?: number;
  /**
   * While the server says the stats are `stale` (a stale read queues their refresh), ask again
   * this often until fresh ones arrive; `false` never. @default 60000
   */
  stalePollIntervalMs?: number | false;
  /** Never poll (live updates carry the changes instead). @default false */
  noPolling?: boolean;
  /** The browser's HTTP cache mode of each request (live updates: `'no-cache'`). @default the browser's */
  cache?: FetchCacheMode;
}

/**
 * The identifier as the cache knows it: trimmed, and addresses lower-cased (the server matches
 * them case-insensitively), so `0xAbC…` and `0xabc…` share one request and one cache entry.
 */
export function normalizeStatsIdentifier(identifier: string): string {
  const value = identifier.trim();
  return isAddress(value) ? normalizeAddress(value) : value;
}

/**
 * How long to wait before asking again after a 202: the server's `retryAfterSeconds`, kept
 * between `min` and `max` so a bad header can neither hammer the server nor stall the view.
 */
export function userStatsPollInterval(
  retryAfterSeconds: number | null,
  min = minUserStatsPollMs,
  max = maxUserStatsPollMs,
): number {
  const wanted = retryAfterSeconds === null ? fallbackPollMs : retryAfterSeconds * 1000;
  return Math.min(max, Math.max(min, wanted));
}

/**
 * React Query options for `GET /user/:identifier/stats`, keyed
 * `podiumKeys.userStatsSummary(client.baseUrl, identifier)`. While the server answers 202 the
 * query polls (`refetchInterval`, paused while the page is hidden) until the 200 arrives; while
 * a 200 says `stale` it checks again every `stalePollIntervalMs` until the refresh lands.
 */
export function userStatsQueryOptions(
  client: ApiClient,
  identifier: string,
  config: UserStatsQueryOptionsConfig = {},
) {
  const key = normalizeStatsIdentifier(identifier);
  const {
    minPollIntervalMs = minUserStatsPollMs,
    maxPollIntervalMs = maxUserStatsPollMs,
    stalePollIntervalMs = staleUserStatsPollMs,
  } = config;
  return queryOptions<
    UserStatsResult,
    PodiumApiError,
    UserStatsResult,
    ReturnType<typeof podiumKeys.userStatsSummary>
  >({
    queryKey: podiumKeys.userStatsSummary(client.baseUrl, key),
    queryFn: ({ signal }) =>
      withPodiumErrors(signal, () => getUserStats(client, key, { signal, cache: config.cache })),
    enabled: key.length > 0,
    // refetchIntervalInBackground stays false: no polling while the document is hidden.
    refetchInterval: (query) => {
      if (config.noPolling) return false;
      const data = query.state.data;
      if (data?.pending)
        return userStatsPollInterval(data.retryAfterSeconds, minPollIntervalMs, maxPollIntervalMs);
      return data?.data.stale ? stalePollIntervalMs : false;
    },
    retry: podiumRetry(config.retry),
  });
}

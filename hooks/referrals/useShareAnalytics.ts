import { queryOptions, useQuery } from '@tanstack/react-query';
import { getShareAnalytics } from '../../src/referrals/analyticsApi.js';
import type { ShareAnalyticsResponse } from '../../src/referrals/analyticsContract.js';
import type { ApiClient } from '../../src/shared/createApiClient.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';
import { usePodium } from '../usePodium.js';

/**
 * React Query options for `GET /members/:id/share-analytics?timeZone=`, keyed
 * `podiumKeys.shareAnalytics(baseUrl, memberId, timeZone)`: the streak's days depend on the zone,
 * so each zone is its own cache entry. Off for an empty id.
 */
export function shareAnalyticsQueryOptions(
  client: ApiClient,
  memberId: string,
  timeZone: string,
  config: { retry?: RetryPolicy } = {},
) {
  const id = memberId.trim();
  const zone = timeZone.trim() || 'UTC';
  return queryOptions<
    ShareAnalyticsResponse,
    PodiumApiError,
    ShareAnalyticsResponse,
    ReturnType<typeof podiumKeys.shareAnalytics>
  >({
    queryKey: podiumKeys.shareAnalytics(client.baseUrl, id, zone),
    queryFn: ({ signal }) =>
      withPodiumErrors(signal, () => getShareAnalytics(client, id, { timeZone: zone }, { signal })),
    enabled: id.length > 0,
    retry: podiumRetry(config.retry),
  });
}

export interface UseShareAnalyticsOptions {
  /**
   * The IANA time zone the share streak's days and the daily series are counted in.
   * @default the provider's `timeZone` (its prop, else the browser's once mounted; UTC on the server)
   */
  timeZone?: string;
  /** Set to false to hold the request. An empty member id never sends one. @default true */
  enabled?: boolean;
}

export interface UseShareAnalyticsResult extends PodiumQueryState {
  /** Funnel, platforms, best platform, streak and daily shares; `undefined` until loaded. */
  analytics: ShareAnalyticsResponse | undefined;
  /** The time zone asked for (the streak's `timeZone` once answered). */
  timeZone: string;
  /** True when a refresh failed and `analytics` is the last good answer. */
  isRefetchError: boolean;
}

/**
 * A member's share analytics (`GET /members/:id/share-analytics`): where they share, what it
 * brings (shares → clicks → conversions) and their share streak in their own days.
 */
export function useShareAnalytics(
  memberId: string,
  options: UseShareAnalyticsOptions = {},
): UseShareAnalyticsResult {
  const { client, queryClient, timeZone: providerTimeZone } = usePodium();
  const timeZone = options.timeZone?.trim() || providerTimeZone;
  const base = shareAnalyticsQueryOptions(client, memberId, timeZone, { retry: hostRetry(queryClient) });
  const query = useQuery(
    { ...base, enabled: base.enabled !== false && options.enabled !== false },
    queryClient,
  );
  return {
    analytics: query.data,
    timeZone,
    isRefetchError: query.isRefetchError,
    ...podiumQueryState(query),
  };
}

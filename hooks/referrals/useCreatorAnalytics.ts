import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCreatorAnalytics } from '../../src/referrals/analyticsApi.js';
import type { CreatorAnalytics } from '../../src/referrals/analyticsContract.js';
import type { ApiClient } from '../../src/shared/createApiClient.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';
import { usePodium } from '../usePodium.js';

/** React Query options for `GET /creators/:id/analytics`, keyed `podiumKeys.creatorAnalytics`; off for an empty id. */
export function creatorAnalyticsQueryOptions(
  client: ApiClient,
  creatorId: string,
  config: { retry?: RetryPolicy } = {},
) {
  const id = creatorId.trim();
  return queryOptions<
    CreatorAnalytics,
    PodiumApiError,
    CreatorAnalytics,
    ReturnType<typeof podiumKeys.creatorAnalytics>
  >({
    queryKey: podiumKeys.creatorAnalytics(client.baseUrl, id),
    queryFn: ({ signal }) => withPodiumErrors(signal, () => getCreatorAnalytics(client, id, { signal })),
    enabled: id.length > 0,
    retry: podiumRetry(config.retry),
  });
}

export interface UseCreatorAnalyticsOptions {
  /** Set to false to hold the request. An empty creator id never sends one. @default true */
  enabled?: boolean;
}

export interface UseCreatorAnalyticsResult extends PodiumQueryState {
  /** Revenue, commissions, funnel, growth and top members; `undefined` until loaded. */
  analytics: CreatorAnalytics | undefined;
  /** True when a refresh failed and `analytics` is the last good answer. */
  isRefetchError: boolean;
}

/**
 * A creator's referral programme at a glance (`GET /creators/:id/analytics`). The route takes the
 * API key, so this hook belongs in a host's admin app whose provider's `getToken` answers it.
 */
export function useCreatorAnalytics(
  creatorId: string,
  options: UseCreatorAnalyticsOptions = {},
): UseCreatorAnalyticsResult {
  const { client, queryClient } = usePodium();
  const base = creatorAnalyticsQueryOptions(client, creatorId, { retry: hostRetry(queryClient) });
  const query = useQuery(
    { ...base, enabled: base.enabled !== false && options.enabled !== false },
    queryClient,
  );
  return { analytics: query.data, isRefetchError: query.isRefetchError, ...podiumQueryState(query) };
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../src/shared/createApiClient.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { getSellerDashboard } from '../../src/sellerBoards/dashboardApi.js';
import type { SellerDashboard } from '../../src/sellerBoards/contract.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';
import { usePodium } from '../usePodium.js';

/** React Query options for `GET /sellers/:id/dashboard`, keyed `podiumKeys.sellerDashboard(baseUrl, sellerId)`. */
export function sellerDashboardQueryOptions(
  client: ApiClient,
  sellerId: string,
  config: {
    /** Retry policy for retryable failures (4xx never retry). @default 3 */ retry?: RetryPolicy;
  } = {},
) {
  const id = sellerId.trim();
  return queryOptions<SellerDashboard, PodiumApiError, SellerDashboard, ReturnType<typeof podiumKeys.sellerDashboard>>({
    queryKey: podiumKeys.sellerDashboard(client.baseUrl, id),
    queryFn: ({ signal }) => withPodiumErrors(signal, () => getSellerDashboard(client, id, { signal })),
    enabled: id.length > 0,
    retry: podiumRetry(config.retry),
  });
}

export interface UseSellerDashboardOptions {
  /** Set to false to hold the request. An empty seller id never sends one. @default true */
  enabled?: boolean;
}

export interface UseSellerDashboardResult extends PodiumQueryState {
  /** Listings, views, sales, earnings and ranks; `undefined` until loaded. */
  dashboard: SellerDashboard | undefined;
}

/** A seller's dashboard figures: the same counts the seller leaderboard ranks by. */
export function useSellerDashboard(
  sellerId: string,
  options: UseSellerDashboardOptions = {},
): UseSellerDashboardResult {
  const { client, queryClient } = usePodium();
  const base = sellerDashboardQueryOptions(client, sellerId, {
    retry: hostRetry(queryClient),
  });
  const query = useQuery({ ...base, enabled: base.enabled !== false && (options.enabled ?? true) }, queryClient);
  return {
    dashboard: query.data,
    ...podiumQueryState(query),
  };
}

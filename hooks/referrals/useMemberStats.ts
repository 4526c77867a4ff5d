import { queryOptions, useQuery } from '@tanstack/react-query';
import { getMemberStats } from '../../src/referrals/analyticsApi.js';
import type { MemberStats } from '../../src/referrals/analyticsContract.js';
import type { ApiClient } from '../../src/shared/createApiClient.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';
import { usePodium } from '../usePodium.js';

/** React Query options for `GET /members/:id/stats`, keyed `podiumKeys.memberStats`; off for an empty id. */
export function memberStatsQueryOptions(
  client: ApiClient,
  memberId: string,
  config: { retry?: RetryPolicy } = {},
) {
  const id = memberId.trim();
  return queryOptions<MemberStats, PodiumApiError, MemberStats, ReturnType<typeof podiumKeys.memberStats>>({
    queryKey: podiumKeys.memberStats(client.baseUrl, id),
    queryFn: ({ signal }) => withPodiumErrors(signal, () => getMemberStats(client, id, { signal })),
    enabled: id.length > 0,
    retry: podiumRetry(config.retry),
  });
}

export interface UseMemberStatsOptions {
  /** Set to false to hold the request. An empty member id never sends one. @default true */
  enabled?: boolean;
}

export interface UseMemberStatsResult extends PodiumQueryState {
  /** Clicks, referrals, conversions, earnings and rank; `undefined` until loaded. */
  stats: MemberStats | undefined;
  /** True when a refresh failed and `stats` is the last good answer. */
  isRefetchError: boolean;
}

/**
 * How one member is doing (`GET /members/:id/stats`): the member's own user token or the API
 * key. Counts are live; the rank is as of the server's last view refresh (`asOf`).
 */
export function useMemberStats(memberId: string, options: UseMemberStatsOptions = {}): UseMemberStatsResult {
  const { client, queryClient } = usePodium();
  const base = memberStatsQueryOptions(client, memberId, { retry: hostRetry(queryClient) });
  const query = useQuery(
    { ...base, enabled: base.enabled !== false && options.enabled !== false },
    queryClient,
  );
  return { stats: query.data, isRefetchError: query.isRefetchError, ...podiumQueryState(query) };
}

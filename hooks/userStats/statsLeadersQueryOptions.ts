import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../src/shared/createApiClient.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { getStatsLeaders } from '../../src/userStats/api.js';
import type { StatsLeadersResponse, StatsMetric } from '../../src/userStats/contract.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';

/** React Query options for `GET /stats/leaders`, keyed `podiumKeys.statsLeaders(client.baseUrl, query)`. */
export function statsLeadersQueryOptions(
  client: ApiClient,
  query: { metric: StatsMetric; limit: number },
  config: {
    /** Retry policy for retryable failures (4xx never retry). @default 3 */ retry?: RetryPolicy;
  } = {},
) {
  const params = { metric: query.metric, limit: query.limit };
  return queryOptions<
    StatsLeadersResponse,
    PodiumApiError,
    StatsLeadersResponse,
    ReturnType<typeof podiumKeys.statsLeaders>
  >({
    queryKey: podiumKeys.statsLeaders(client.baseUrl, params),
    queryFn: ({ signal }) => withPodiumErrors(signal, () => getStatsLeaders(client, params, { signal })),
    retry: podiumRetry(config.retry),
  });
}

import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../src/shared/createApiClient.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { getUserStatsHistory } from '../../src/userStats/api.js';
import type { StatsHistoryQuery, StatsHistoryResponse } from '../../src/userStats/contract.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';
import { normalizeStatsIdentifier } from './userStatsQueryOptions.js';

/**
 * React Query options for `GET /user/:identifier/stats/history`, keyed
 * `podiumKeys.userStatsHistory(client.baseUrl, identifier, query)`.
 */
export function userStatsHistoryQueryOptions(
  client: ApiClient,
  identifier: string,
  query: StatsHistoryQuery,
  config: {
    /** Retry policy for retryable failures (4xx never retry). @default 3 */ retry?: RetryPolicy;
  } = {},
) {
  const key = normalizeStatsIdentifier(identifier);
  // Undefined fields dropped so that equal queries always hash to the same key.
  const params: StatsHistoryQuery = {};
  if (query.from !== undefined) params.from = query.from;
  if (query.to !== undefined) params.to = query.to;
  return queryOptions<
    StatsHistoryResponse,
    PodiumApiError,
    StatsHistoryResponse,
    ReturnType<typeof podiumKeys.userStatsHistory>
  >({
    queryKey: podiumKeys.userStatsHistory(client.baseUrl, key, params),
    queryFn: ({ signal }) =>
      withPodiumErrors(signal, () => getUserStatsHistory(client, key, params, { signal })),
    enabled: key.length > 0,
    retry: podiumRetry(config.retry),
  });
}

import { queryOptions } from '@tanstack/react-query';
import { getScoringRules } from '../../src/scoring/api.js';
import type { ScoringRules } from '../../src/scoring/rules.js';
import type { ApiClient } from '../../src/shared/createApiClient.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';

/**
 * How long fetched rules count as fresh: a host changes its rules with a deploy, not while a page
 * is open, so every widget that shows them shares one request per hour.
 */
export const scoringRulesStaleMs = 60 * 60_000;

/**
 * React Query options for `GET /scores/rules`, keyed `podiumKeys.scoringRules(client.baseUrl)`,
 * fresh for {@link scoringRulesStaleMs}.
 */
export function scoringRulesQueryOptions(
  client: ApiClient,
  config: {
    /** Retry policy for retryable failures (4xx never retry). @default 3 */ retry?: RetryPolicy;
  } = {},
) {
  return queryOptions<ScoringRules, PodiumApiError, ScoringRules, ReturnType<typeof podiumKeys.scoringRules>>({
    queryKey: podiumKeys.scoringRules(client.baseUrl),
    queryFn: ({ signal }) => withPodiumErrors(signal, () => getScoringRules(client, { signal })),
    staleTime: scoringRulesStaleMs,
    retry: podiumRetry(config.retry),
  });
}

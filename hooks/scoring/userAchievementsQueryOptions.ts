import { queryOptions } from '@tanstack/react-query';
import { getUserAchievements } from '../../src/scoring/api.js';
import type { UserAchievements } from '../../src/scoring/contract.js';
import type { ApiClient, FetchCacheMode } from '../../src/shared/createApiClient.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';
import { normalizeScoreUserId, scoreUserIdError } from './userScoreQueryOptions.js';

export interface UserAchievementsQueryOptionsConfig {
  /** Retry policy for retryable failures (4xx never retry). @default 3 */
  retry?: RetryPolicy;
  /** Ask again this often (ms) while the page is visible; `false` never. @default false */
  pollIntervalMs?: number | false;
  /** The browser's HTTP cache mode of each request (live updates: `'no-cache'`). @default the browser's */
  cache?: FetchCacheMode;
}

/**
 * React Query options for `GET /scores/:userId/achievements`, keyed
 * `podiumKeys.userAchievements(client.baseUrl, userId)`. Disabled for an empty user id.
 */
export function userAchievementsQueryOptions(
  client: ApiClient,
  userId: string,
  config: UserAchievementsQueryOptionsConfig = {},
) {
  const id = normalizeScoreUserId(userId);
  const { pollIntervalMs = false } = config;
  return queryOptions<
    UserAchievements,
    PodiumApiError,
    UserAchievements,
    ReturnType<typeof podiumKeys.userAchievements>
  >({
    queryKey: podiumKeys.userAchievements(client.baseUrl, id),
    queryFn: ({ signal }) =>
      withPodiumErrors(signal, () => {
        const refused = scoreUserIdError(id);
        if (refused) throw refused;
        return getUserAchievements(client, id, { signal, cache: config.cache });
      }),
    enabled: id.length > 0,
    refetchInterval: pollIntervalMs === false || pollIntervalMs <= 0 ? false : pollIntervalMs,
    refetchIntervalInBackground: false,
    retry: podiumRetry(config.retry),
  });
}

import { queryOptions } from '@tanstack/react-query';
import { getUserScore } from '../../src/scoring/api.js';
import {
  reservedScoreWords,
  type ScoreTimeframe,
  type UserScore,
  type UserScoreQuery,
} from '../../src/scoring/contract.js';
import type { ApiClient, FetchCacheMode } from '../../src/shared/createApiClient.js';
import { errorCodes } from '../../src/shared/errors.js';
import { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';

export interface UserScoreQueryOptionsConfig {
  /** Retry policy for retryable failures (4xx never retry). @default 3 */
  retry?: RetryPolicy;
  /** Ask again this often (ms) while the page is visible; `false` never. @default false */
  pollIntervalMs?: number | false;
  /** The browser's HTTP cache mode of each request (live updates: `'no-cache'`). @default the browser's */
  cache?: FetchCacheMode;
}

/** Timeframes whose boards are calendar periods, so a `period` key applies to them. */
const datedTimeframes: ReadonlySet<ScoreTimeframe> = new Set(['daily', 'weekly', 'monthly']);

/**
 * The score query as the cache and the server see it: `timeframe` filled (`lifetime`), `period`
 * kept only for daily, weekly and monthly boards (lifetime and trending have none), empty values
 * dropped, so equal queries share one cache entry.
 */
export function normalizeUserScoreQuery(query: UserScoreQuery = {}): UserScoreQuery {
  const timeframe = query.timeframe ?? 'lifetime';
  const out: UserScoreQuery = { timeframe };
  if (query.period && datedTimeframes.has(timeframe)) out.period = query.period;
  if (query.category) out.category = query.category;
  return out;
}

/**
 * A user id as the scoring hooks send it: trimmed. The reserved words of the static paths
 * (`leaderboard`, `rules`...) are never user ids: {@link scoreUserIdError} refuses them.
 */
export function normalizeScoreUserId(userId: string): string {
  return userId.trim();
}

/**
 * The error for a user id the scoring endpoints refuse without asking: a reserved word would
 * reach `/scores/leaderboard` and read a board as a score. `null` for every other id.
 */
export function scoreUserIdError(userId: string): PodiumApiError | null {
  if (!(reservedScoreWords as readonly string[]).includes(userId)) return null;
  const message = `must not be one of the reserved words ${reservedScoreWords.join(', ')}`;
  return new PodiumApiError({
    status: 400,
    code: errorCodes.invalidRequest,
    message: `Invalid user id: ${message}`,
    details: { fields: { userId: [message] } },
  });
}

/**
 * React Query options for `GET /scores/:userId`, keyed
 * `podiumKeys.userScore(client.baseUrl, userId, normalizedQuery)`. Disabled for an empty user id;
 * polls only when `pollIntervalMs` is set, and never while the page is hidden.
 */
export function userScoreQueryOptions(
  client: ApiClient,
  userId: string,
  query: UserScoreQuery = {},
  config: UserScoreQueryOptionsConfig = {},
) {
  const id = normalizeScoreUserId(userId);
  const params = normalizeUserScoreQuery(query);
  const { pollIntervalMs = false } = config;
  return queryOptions<UserScore, PodiumApiError, UserScore, ReturnType<typeof podiumKeys.userScore>>({
    queryKey: podiumKeys.userScore(client.baseUrl, id, params),
    queryFn: ({ signal }) =>
      withPodiumErrors(signal, () => {
        const refused = scoreUserIdError(id);
        if (refused) throw refused;
        return getUserScore(client, id, params, { signal, cache: config.cache });
      }),
    enabled: id.length > 0,
    refetchInterval: pollIntervalMs === false || pollIntervalMs <= 0 ? false : pollIntervalMs,
    refetchIntervalInBackground: false,
    retry: podiumRetry(config.retry),
  });
}

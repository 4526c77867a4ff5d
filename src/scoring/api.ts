import type { ApiClient, FetchCacheMode } from '../shared/createApiClient.js';
import {
  scoreActionsRoute,
  scoringRulesRoute,
  scoreMetricsRoute,
  userAchievementsRoute,
  userScoreRoute,
  type EventBatchResult,
  type EventResult,
  type ScoreEventInput,
  type ScoreMetrics,
  type UserAchievements,
  type UserScore,
  type UserScoreQuery,
} from './contract.js';
import type { ScoringRules } from './rules.js';

/** A `/scores/:userId...` path with the user id encoded. */
export function userScorePath(route: string, userId: string): string {
  return route.replace(':userId', encodeURIComponent(userId));
}

/** `GET /scores/:userId`: score, rank, percentile, recent actions, streak and rank history. */
export function getUserScore(
  client: ApiClient,
  userId: string,
  query: UserScoreQuery = {},
  options: { signal?: AbortSignal; cache?: FetchCacheMode } = {},
): Promise<UserScore> {
  return client.request<UserScore>({
    method: 'GET',
    path: userScorePath(userScoreRoute, userId),
    query: { ...query },
    signal: options.signal,
    cache: options.cache,
  });
}

/** `GET /scores/:userId/achievements`: every achievement, locked or not, with progress and rarity. */
export function getUserAchievements(
  client: ApiClient,
  userId: string,
  options: { signal?: AbortSignal; cache?: FetchCacheMode } = {},
): Promise<UserAchievements> {
  return client.request<UserAchievements>({
    method: 'GET',
    path: userScorePath(userAchievementsRoute, userId),
    signal: options.signal,
    cache: options.cache,
  });
}

/** `GET /scores/rules`: how points are earned (actions, multipliers, achievements, limits). */
export function getScoringRules(
  client: ApiClient,
  options: { signal?: AbortSignal } = {},
): Promise<ScoringRules> {
  return client.request<ScoringRules>({ method: 'GET', path: scoringRulesRoute, signal: options.signal });
}

/** `GET /scores/metrics`: scored users, today's activity, top scorers. */
export function getScoreMetrics(
  client: ApiClient,
  options: { signal?: AbortSignal } = {},
): Promise<ScoreMetrics> {
  return client.request<ScoreMetrics>({ method: 'GET', path: scoreMetricsRoute, signal: options.signal });
}

/**
 * `POST /scores/actions` with one event. It needs the API key, so a browser calls it only through
 * the host's own backend (point the client's `baseUrl` there). A conflict (same `eventId`,
 * different payload) rejects with a 409 `PodiumApiError`.
 */
export function recordAction(client: ApiClient, event: ScoreEventInput): Promise<EventResult> {
  return client.request<EventResult>({ method: 'POST', path: scoreActionsRoute, body: event });
}

/** `POST /scores/actions` with up to 1,000 events: one result per event, in order. */
export function recordActions(
  client: ApiClient,
  events: readonly ScoreEventInput[],
): Promise<EventBatchResult> {
  return client.request<EventBatchResult>({ method: 'POST', path: scoreActionsRoute, body: { events } });
}

import { useQuery } from '@tanstack/react-query';
import type { ScoreTimeframe, UserScore } from '../../src/scoring/contract.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { usePodium } from '../usePodium.js';
import { liveTopic } from '../../src/live/contract.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { useLiveQuery } from '../live/useLiveQuery.js';
import {
  normalizeScoreUserId,
  normalizeUserScoreQuery,
  userScoreQueryOptions,
} from './userScoreQueryOptions.js';

export interface UseScoreOptions {
  /** Which board the score, rank and percentile are on. @default 'lifetime' */
  timeframe?: ScoreTimeframe;
  /**
   * A past day, ISO week or month of a daily, weekly or monthly timeframe (`2026-11-27`,
   * `2026-W48`, `2026-11`); ignored for lifetime and trending. @default the current one (UTC)
   */
  period?: string;
  /** One category's board (`trading`); absent for every category. */
  category?: string;
  /** Set to false to hold the request. An empty user id never sends one. @default true */
  enabled?: boolean;
  /**
   * Ask again this often (ms) while enabled and the page is visible; `false` never. The card also
   * refreshes after `useRecordAction` and when the window regains focus. @default false
   */
  pollIntervalMs?: number | false;
}

export interface UseScoreResult extends PodiumQueryState {
  /**
   * Points, rank (`null` when unranked), percentile, recent actions, counts per action, streak
   * and rank history; `undefined` until loaded.
   */
  data: UserScore | undefined;
  /** True when a refresh failed but the last good score is still shown. */
  isRefetchError: boolean;
}

/**
 * One user's points on a board (`GET /scores/:userId`): lifetime by default, or a daily, weekly,
 * monthly or trending board, optionally one category's.
 */
export function useScore(userId: string, options: UseScoreOptions = {}): UseScoreResult {
  const { client, queryClient } = usePodium();
  const { timeframe, period, category, enabled = true, pollIntervalMs = false } = options;
  const id = normalizeScoreUserId(userId);
  // While the provider's live stream carries this user's score, events replace polling.
  const live = useLiveQuery(
    enabled && id ? liveTopic.score(id) : undefined,
    podiumKeys.userScore(client.baseUrl, id, normalizeUserScoreQuery({ timeframe, period, category })),
  );
  const base = userScoreQueryOptions(
    client,
    userId,
    { timeframe, period, category },
    {
      retry: hostRetry(queryClient),
      pollIntervalMs: enabled && !live.isLive ? pollIntervalMs : false,
      ...(live.cache ? { cache: live.cache } : {}),
    },
  );
  const query = useQuery({ ...base, enabled: base.enabled !== false && enabled }, queryClient);
  return {
    data: query.data,
    ...podiumQueryState(query),
    isRefetchError: query.isRefetchError,
  };
}

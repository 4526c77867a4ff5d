import { useQuery } from '@tanstack/react-query';
import type { UserStatsResult } from '../../src/userStats/api.js';
import type { StatsSubject, UserStats, UserStatsResponse } from '../../src/userStats/contract.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { usePodium } from '../usePodium.js';
import { liveTopic } from '../../src/live/contract.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { useLiveQuery } from '../live/useLiveQuery.js';
import { normalizeStatsIdentifier, userStatsQueryOptions } from './userStatsQueryOptions.js';

export interface UseUserStatsOptions {
  /** Set to false to hold the request. An empty identifier never sends one. @default true */
  enabled?: boolean;
  /** Shortest wait between polls while the server calculates (202). @default 2000 */
  minPollIntervalMs?: number;
  /** Longest wait between polls while the server calculates (202). @default 30000 */
  maxPollIntervalMs?: number;
  /** While the stats are `stale`, ask again this often until fresh ones arrive; `false` never. @default 60000 */
  stalePollIntervalMs?: number | false;
}

export interface UseUserStatsResult extends PodiumQueryState {
  /** Who the stats are about; `undefined` until the first answer. */
  subject: StatsSubject | undefined;
  /** Every figure; zeros while `isCalculating`; `undefined` until the first answer. */
  stats: UserStats | undefined;
  /** Where the subject stands per metric (`null` for a zero value or while calculating). */
  percentiles: UserStatsResponse['percentiles'] | undefined;
  /** True while the server answers 202: the stats are being calculated and the hook polls. */
  isCalculating: boolean;
  /** While calculating, the server's suggested wait before the next poll; else `null`. */
  retryAfterSeconds: number | null;
  /** The stats are older than the server's stale age; it has queued a refresh. */
  stale: boolean;
  /** When the shown stats were calculated (ISO 8601); `null` until calculated. */
  calculatedAt: string | null;
  /** When the last refresh failed (the stats are the last good ones); else `null`. */
  refreshFailedAt: string | null;
  /** The whole last response body. */
  data: UserStatsResponse | undefined;
  /** `pending` (no answer yet), `error` (see `error`) or `success` (a 200 or a 202). */
  status: 'pending' | 'error' | 'success';
  /** True when a refresh failed but the previous answer is still shown. */
  isRefetchError: boolean;
}

/**
 * One user's marketplace stats (sales, purchases, bids, offers, listings) by user id, username or
 * wallet address. When the server has not calculated them yet (202) it polls, honouring
 * `retryAfterSeconds` within bounds and only while the page is visible, until they are ready.
 */
export function useUserStats(identifier: string, options: UseUserStatsOptions = {}): UseUserStatsResult {
  const { client, queryClient } = usePodium();
  const { enabled = true, minPollIntervalMs, maxPollIntervalMs, stalePollIntervalMs } = options;
  const queryKey = podiumKeys.userStatsSummary(client.baseUrl, normalizeStatsIdentifier(identifier));
  // The stats topic is the user id, which an identifier (a username, an address) may not be: the
  // answer names it (this render re-runs whenever the answer changes). A wallet no user claims
  // has no topic and keeps polling. While the stream carries the topic, changes (calculation
  // done, a stale refresh landed) arrive as events: no polling then.
  const userId = queryClient.getQueryData<UserStatsResult>(queryKey)?.data.subject.userId;
  const live = useLiveQuery(enabled && userId ? liveTopic.stats(userId) : undefined, queryKey);
  const base = userStatsQueryOptions(client, identifier, {
    retry: hostRetry(queryClient),
    noPolling: live.isLive,
    ...(live.cache ? { cache: live.cache } : {}),
    minPollIntervalMs,
    maxPollIntervalMs,
    ...(stalePollIntervalMs !== undefined ? { stalePollIntervalMs } : {}),
  });
  const query = useQuery({ ...base, enabled: base.enabled !== false && enabled }, queryClient);

  const result = query.data;
  const data = result?.data;
  return {
    subject: data?.subject,
    stats: data?.stats,
    percentiles: data?.percentiles,
    isCalculating: result?.pending ?? false,
    retryAfterSeconds: result?.retryAfterSeconds ?? null,
    stale: data?.stale ?? false,
    calculatedAt: data?.calculatedAt ?? null,
    refreshFailedAt: data?.refreshFailedAt ?? null,
    data,
    ...podiumQueryState(query),
    isRefetchError: query.isRefetchError,
  };
}

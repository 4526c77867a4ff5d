import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Job, JobStatsResponse } from '../../src/jobs/contract.js';
import { jobStatsInfiniteQueryOptions } from './jobStatsInfiniteQueryOptions.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { usePodium } from '../usePodium.js';
import { ownLiveTopic } from '../../src/live/contract.js';
import { useLiveQuery } from '../live/useLiveQuery.js';

export interface UseJobStatsOptions {
  /**
   * Start of the range: a day `YYYY-MM-DD` (from its midnight in `tz`) or an ISO timestamp.
   * @default 30 days before `to` (server default)
   */
  from?: string;
  /**
   * End of the range: a day `YYYY-MM-DD` (that whole day included) or an exclusive ISO timestamp.
   * @default today in `tz` (server default)
   */
  to?: string;
  /** IANA zone for day boundaries and the per-day series. @default the provider's `timeZone` */
  tz?: string;
  /** Jobs per page (1 to 100). @default 20 (server default) */
  pageSize?: number;
  /** Set to false to hold the request (e.g. while a custom range is invalid). @default true */
  enabled?: boolean;
}

/** The range summary of a response: everything but the jobs list and its cursor. */
export type JobStatsSummary = Pick<JobStatsResponse, 'range' | 'totals' | 'series'>;

export interface UseJobStatsResult extends PodiumQueryState {
  /** Range, totals and per-day series (from the first page); `undefined` until loaded. */
  stats: JobStatsSummary | undefined;
  /** Every loaded page of jobs, newest first. */
  jobs: Job[];
  /** True when the server has more jobs than are loaded. */
  hasMoreJobs: boolean;
  /** Loads the next page of jobs; does nothing when there is none or one is loading. */
  loadMoreJobs: () => void;
  /** True while the next page of jobs loads. */
  isLoadingMoreJobs: boolean;
  /** True when loading the next page failed (loaded data is kept, `error` says why). */
  isLoadMoreError: boolean;
  /** True during the first load of this range (no data to show yet). */
  isLoading: boolean;
  /** True when a refresh failed but the previous data is still shown (stale). */
  isRefetchError: boolean;
  /** Fetches the range again (every loaded page). */
  refetch: () => Promise<unknown>;
}

/**
 * The signed-in user's job statistics over a range, with the jobs list paginated by cursor.
 * Keyed by the query, so widgets showing the same range share one request and one cache entry.
 */
export function useJobStats(options: UseJobStatsOptions = {}): UseJobStatsResult {
  const { client, queryClient, timeZone } = usePodium();
  const { from, to, tz = timeZone, pageSize, enabled = true } = options;

  const { queryKey } = jobStatsInfiniteQueryOptions(client, { from, to, tz, limit: pageSize });
  // The signed-in user's own jobs topic: the live connection names it with its ticket's user.
  // Job stats never poll; with live updates they refetch when the user's jobs change.
  const live = useLiveQuery(enabled ? ownLiveTopic('jobs') : undefined, queryKey);
  const query = useInfiniteQuery(
    {
      ...jobStatsInfiniteQueryOptions(
        client,
        { from, to, tz, limit: pageSize },
        { retry: hostRetry(queryClient), ...(live.cache ? { cache: live.cache } : {}) },
      ),
      enabled,
    },
    queryClient,
  );

  const pages = query.data?.pages;
  const first = pages?.[0];
  const stats = useMemo<JobStatsSummary | undefined>(
    () => (first ? { range: first.range, totals: first.totals, series: first.series } : undefined),
    [first],
  );
  const jobs = useMemo(() => pages?.flatMap((page) => page.jobs) ?? [], [pages]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMoreJobs = useCallback(() => {
    // cancelRefetch: false joins a page request already in flight instead of restarting it, so
    // double clicks (even within one render) never fire two requests.
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return {
    stats,
    jobs,
    hasMoreJobs: hasNextPage,
    loadMoreJobs,
    isLoadingMoreJobs: isFetchingNextPage,
    isLoadMoreError: query.isFetchNextPageError,
    ...podiumQueryState(query),
    isRefetchError: query.isRefetchError,
  };
}

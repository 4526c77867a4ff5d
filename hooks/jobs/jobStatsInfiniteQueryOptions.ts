import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import type { ApiClient, FetchCacheMode } from '../../src/shared/createApiClient.js';
import { getJobStats } from '../../src/jobs/api.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { toPodiumApiError } from '../shared/toPodiumApiError.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import type { JobStatsQuery, JobStatsResponse } from '../../src/jobs/contract.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';

/** The query of one job-statistics view: everything but the page cursor. */
export type JobStatsPageQuery = Omit<JobStatsQuery, 'cursor'>;

/** The cached shape: one response per loaded page of jobs. */
export type JobStatsInfiniteData = InfiniteData<JobStatsResponse, string | null>;

export interface JobStatsQueryOptionsConfig {
  /** Retry policy for retryable failures (4xx never retry). @default 3 */
  retry?: RetryPolicy;
  /** The browser's HTTP cache mode of each request (live updates: `'no-cache'`). @default the browser's */
  cache?: FetchCacheMode;
}

/** Drops undefined fields so equal queries always hash to the same key. */
function compact(query: JobStatsPageQuery): JobStatsPageQuery {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = value;
  return out as JobStatsPageQuery;
}

/**
 * React Query options for `GET /stats` with cursor pagination over the jobs list, keyed
 * `podiumKeys.jobStats(client.baseUrl, query)`. Use it to prefetch on the server, or with your own
 * `useInfiniteQuery` when the `useJobStats` result does not fit.
 */
export function jobStatsInfiniteQueryOptions(
  client: ApiClient,
  query: JobStatsPageQuery,
  config: JobStatsQueryOptionsConfig = {},
) {
  const key = compact(query);
  return infiniteQueryOptions<
    JobStatsResponse,
    PodiumApiError,
    JobStatsInfiniteData,
    ReturnType<typeof podiumKeys.jobStats>,
    string | null
  >({
    queryKey: podiumKeys.jobStats(client.baseUrl, key),
    queryFn: async ({ pageParam, signal }) => {
      try {
        return await getJobStats(
          client,
          { ...key, cursor: pageParam ?? undefined },
          { signal, cache: config.cache },
        );
      } catch (error) {
        if (signal.aborted) throw error;
        throw toPodiumApiError(error);
      }
    },
    initialPageParam: null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    retry: podiumRetry(config.retry),
  });
}

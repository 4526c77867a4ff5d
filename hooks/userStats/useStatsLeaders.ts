import { useQuery } from '@tanstack/react-query';
import type { StatsLeadersResponse, StatsMetric } from '../../src/userStats/contract.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { statsLeadersQueryOptions } from './statsLeadersQueryOptions.js';
import { usePodium } from '../usePodium.js';

export interface UseStatsLeadersOptions {
  /** What to rank by: `salesVolume` (top sellers), `purchasesCount` (top collectors), `trades` (most active traders), ... @default 'salesVolume' */
  metric?: StatsMetric;
  /** How many leaders (1 to 100). @default 10 */
  limit?: number;
  /** Set to false to hold the request. @default true */
  enabled?: boolean;
}

/** One ranked subject. */
export type StatsLeader = StatsLeadersResponse['leaders'][number];

export interface UseStatsLeadersResult extends PodiumQueryState {
  /** The ranked subjects, best first (equal values share a rank); `[]` until loaded. */
  leaders: StatsLeader[];
  /** Subjects with a non-zero value on the metric; `0` until loaded. */
  total: number;
  /** Newest calculation among the ranked stats; `null` until loaded or when none. */
  updatedAt: string | null;
  /** The whole response; `undefined` until loaded. */
  data: StatsLeadersResponse | undefined;
}

const noLeaders: StatsLeader[] = [];

/** The subjects ranked by one stats metric (`GET /stats/leaders`). */
export function useStatsLeaders(options: UseStatsLeadersOptions = {}): UseStatsLeadersResult {
  const { client, queryClient } = usePodium();
  const { metric = 'salesVolume', limit = 10, enabled = true } = options;
  const query = useQuery(
    {
      ...statsLeadersQueryOptions(
        client,
        { metric, limit },
        {
          retry: hostRetry(queryClient),
        },
      ),
      enabled,
    },
    queryClient,
  );
  return {
    leaders: query.data?.leaders ?? noLeaders,
    total: query.data?.total ?? 0,
    updatedAt: query.data?.updatedAt ?? null,
    data: query.data,
    ...podiumQueryState(query),
  };
}

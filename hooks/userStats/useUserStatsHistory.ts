import { useQuery } from '@tanstack/react-query';
import {
  defaultStatsHistoryDays,
  type StatsHistoryDay,
  type StatsHistoryResponse,
} from '../../src/userStats/contract.js';
import { addDays, dayKey } from '../../src/shared/periods.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { usePodium } from '../usePodium.js';
import { userStatsHistoryQueryOptions } from './userStatsHistoryQueryOptions.js';

export interface UseUserStatsHistoryOptions {
  /** First UTC day (`YYYY-MM-DD`), included. @default `days` days before `to` */
  from?: string;
  /** Last UTC day (`YYYY-MM-DD`), included. @default today (UTC) */
  to?: string;
  /** Length of the range when `from` is not given, in days (1 to 731). @default 90 */
  days?: number;
  /** Set to false to hold the request. An empty identifier never sends one. @default true */
  enabled?: boolean;
}

export interface UseUserStatsHistoryResult extends PodiumQueryState {
  /** The whole response (subject, range, days); `undefined` until loaded. */
  history: StatsHistoryResponse | undefined;
  /** Every UTC day of the range in order, days without activity as zeros; `[]` until loaded. */
  days: StatsHistoryDay[];
  /** The range asked for (UTC days, both included). */
  range: { from: string; to: string };
}

const noDays: StatsHistoryDay[] = [];

/**
 * A user's daily activity (sales and purchases with their native-token volumes, bids) over a
 * range of UTC days, for trend charts. Defaults to the last 90 days.
 */
export function useUserStatsHistory(
  identifier: string,
  options: UseUserStatsHistoryOptions = {},
): UseUserStatsHistoryResult {
  const { client, queryClient } = usePodium();
  const { days = defaultStatsHistoryDays, enabled = true } = options;
  // UTC like the server's days; resolved on the client so the key names the real range.
  const to = options.to ?? dayKey(new Date(), 'UTC');
  const from = options.from ?? addDays(to, 1 - Math.max(1, Math.floor(days)));
  const base = userStatsHistoryQueryOptions(
    client,
    identifier,
    { from, to },
    {
      retry: hostRetry(queryClient),
    },
  );
  const query = useQuery({ ...base, enabled: base.enabled !== false && enabled }, queryClient);
  return {
    history: query.data,
    days: query.data?.days ?? noDays,
    range: { from, to },
    ...podiumQueryState(query),
  };
}

import { useQuery } from '@tanstack/react-query';
import type { LeaderboardParams } from '../../src/shared/leaderboardApi.js';
import { maxLeaderboardLimit, type LeaderboardBoard, type LeaderboardEntry, type LeaderboardResponse } from '../../src/shared/leaderboard.js';
import {
  defaultLeaderboardPollMs,
  isSameLeaderboard,
  leaderboardQueryOptions,
  normalizeLeaderboardParams,
  type LeaderboardQueryData,
} from './leaderboardQueryOptions.js';
import { hostRetry } from '../shared/hostRetry.js';
import { withLazyQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { usePodium } from '../usePodium.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { leaderboardLiveTopic } from '../live/liveTopics.js';
import { useLiveQuery } from '../live/useLiveQuery.js';

export type UseLeaderboardOptions<B extends LeaderboardBoard = LeaderboardBoard> = LeaderboardParams<B> & {
  /** Set to false to hold the request and stop polling (e.g. while the modal is closed). @default true */
  enabled?: boolean;
  /**
   * How often to poll while enabled and the page is visible, in milliseconds; `false` to never
   * poll. Unchanged boards cost a bodiless 304. While the provider's live stream carries the
   * board (`<PodiumProvider live>`), it does not poll and refetches on each change instead.
   * @default 30000
   */
  pollIntervalMs?: number | false;
};

export interface UseLeaderboardResult extends PodiumQueryState {
  /** The page's entries, best first; `[]` until loaded. */
  entries: LeaderboardEntry[];
  /** Ranked competitors on the whole board; `0` until loaded. */
  total: number;
  /** When the board last changed (ISO 8601), stable between polls; `null` for an empty board or until loaded. */
  updatedAt: string | null;
  /** With `around`: that user's standing, `null` when they are not on the board; else `undefined`. */
  around: LeaderboardResponse['around'];
  /** The whole response; `undefined` until loaded. Keeps its identity across unchanged (304) polls. */
  data: LeaderboardResponse | undefined;
  /** The `ETag` of `data`, sent as `If-None-Match` on the next poll. */
  etag: string | null;
  /** More entries exist than this page shows and `limit` can still grow (to 100). */
  hasMore: boolean;
  /**
   * True while the previous window of the same board stands in for the requested one (after
   * `limit` grew or `around` changed): show it, and a "loading" hint.
   */
  isPlaceholderData: boolean;
  /** True when a poll failed but the last good board is still shown. */
  isRefetchError: boolean;
  /** When the data was last confirmed (a 200 or a 304), ms since epoch; 0 before the first answer. */
  dataUpdatedAt: number;
  /** Fetches again (conditionally, with the ETag). */
  refetch: () => Promise<unknown>;
}

const noEntries: LeaderboardEntry[] = [];

/**
 * One page of a leaderboard (`'sellers'`, `'points'`, or `'referrers'` with a `creatorId` and a
 * `metric`), polled while `enabled` and the page is visible.
 * Polls are conditional (`If-None-Match` with the page's last `ETag`); a 304 keeps the very same
 * data object. The result reads React Query's tracked result lazily, so a component re-renders
 * only for the fields it reads: one that shows `entries` and `updatedAt` does not re-render for
 * an unchanged poll at all.
 */
export function useLeaderboard<B extends LeaderboardBoard>(
  board: B,
  options: UseLeaderboardOptions<B> = {} as UseLeaderboardOptions<B>,
): UseLeaderboardResult {
  const { client, queryClient } = usePodium();
  const { enabled: wanted = true, pollIntervalMs = defaultLeaderboardPollMs, ...params } = options;
  // A creator's referrers board without a creator has no route: hold it rather than fail.
  const enabled = wanted && (board !== 'referrers' || Boolean((params as { creatorId?: string }).creatorId?.trim()));
  // With the provider's live stream carrying this board, events replace polling.
  const normalized = normalizeLeaderboardParams(board, params as LeaderboardParams<B>);
  const live = useLiveQuery(
    enabled ? leaderboardLiveTopic(board, normalized) : undefined,
    podiumKeys.leaderboard(client.baseUrl, board, normalized),
  );
  const base = leaderboardQueryOptions(client, board, params as LeaderboardParams<B>, {
    retry: hostRetry(queryClient),
    pollIntervalMs: enabled && !live.isLive ? pollIntervalMs : false,
    ...(live.cache ? { cache: live.cache } : {}),
  });
  const query = useQuery(
    {
      ...base,
      enabled,
      placeholderData: (previous: LeaderboardQueryData | undefined, previousQuery) =>
        previous && previousQuery && isSameLeaderboard(previousQuery.queryKey, base.queryKey) ? previous : undefined,
    },
    queryClient,
  );

  // Getters, not values: reading a field here would subscribe the caller to it (React Query
  // tracks the fields a render reads), and e.g. `isFetching` flips twice on every poll.
  return withLazyQueryState(query, {
    get entries() {
      return query.data?.data.entries ?? noEntries;
    },
    get total() {
      return query.data?.data.total ?? 0;
    },
    get updatedAt() {
      return query.data?.data.updatedAt ?? null;
    },
    get around() {
      return query.data?.data.around;
    },
    get data() {
      return query.data?.data;
    },
    get etag() {
      return query.data?.etag ?? null;
    },
    get hasMore() {
      const data = query.data?.data;
      return data ? data.entries.length < data.total && data.limit < maxLeaderboardLimit : false;
    },
    get isPlaceholderData() {
      return query.isPlaceholderData;
    },
    get isRefetchError() {
      return query.isRefetchError;
    },
  });
}

import { queryOptions, type QueryKey } from '@tanstack/react-query';
import type { ApiClient, FetchCacheMode } from '../../src/shared/createApiClient.js';
import { getLeaderboard, type LeaderboardParams } from '../../src/shared/leaderboardApi.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { defaultLeaderboardLimit, maxLeaderboardLimit, type LeaderboardBoard, type LeaderboardResponse } from '../../src/shared/leaderboard.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';

/** How often an open board polls, in milliseconds. */
export const defaultLeaderboardPollMs = 30_000;

/** What a board query caches: the board, and the `ETag` to send back as `If-None-Match`. */
export interface LeaderboardQueryData {
  data: LeaderboardResponse;
  /** The `ETag` of `data`; `null` when the server sent none (then polls are unconditional). */
  etag: string | null;
}

/** Board params with every default filled in: one cache entry (and one ETag) per distinct board page. */
export type NormalizedLeaderboardParams = Readonly<Record<string, string | number>>;

export interface LeaderboardQueryOptionsConfig {
  /** Retry policy for retryable failures (4xx never retry). @default 3 */
  retry?: RetryPolicy;
  /** Poll interval in milliseconds, or `false` for no polling. @default 30000 */
  pollIntervalMs?: number | false;
  /** The browser's HTTP cache mode of each request (live updates: `'no-cache'`). @default the browser's */
  cache?: FetchCacheMode;
}

/**
 * The params as the cache and the server see them: defaults filled (sellers: `sales`, `month`;
 * points: `lifetime`; referrers: `referrals`; 20 entries, `standard` ties), `limit` clamped to 1..100, `month` only for
 * monthly seller boards, and `offset` dropped when `around` centres the page (the server ignores
 * it then).
 */
export function normalizeLeaderboardParams<B extends LeaderboardBoard>(
  board: B,
  params: LeaderboardParams<B> = {} as LeaderboardParams<B>,
): NormalizedLeaderboardParams {
  const limit = Math.min(maxLeaderboardLimit, Math.max(1, Math.trunc(params.limit ?? defaultLeaderboardLimit)));
  const ties = params.ties ?? 'standard';
  let out: Record<string, string | number>;
  if (board === 'points') {
    const points = params as LeaderboardParams<'points'>;
    const timeframe = points.timeframe ?? 'lifetime';
    out = { timeframe };
    if (points.period && timeframe !== 'lifetime' && timeframe !== 'trending') out.period = points.period;
    if (points.category) out.category = points.category;
    Object.assign(out, { limit, ties });
  } else if (board === 'referrers') {
    // One creator's board: no periods, no tie modes and no `around` (the route offers none).
    const referrers = params as LeaderboardParams<'referrers'>;
    return {
      creatorId: (referrers.creatorId ?? '').trim(),
      metric: referrers.metric ?? 'referrals',
      limit,
      offset: Math.max(0, Math.trunc(referrers.offset ?? 0)),
    };
  } else {
    const sellers = params as LeaderboardParams<'sellers'>;
    const period = sellers.period ?? 'month';
    out = { metric: sellers.metric ?? 'sales', period, limit, ties };
    if (period === 'month' && sellers.month) out.month = sellers.month;
  }
  const around = params.around?.trim();
  if (around) out.around = around;
  else out.offset = Math.max(0, Math.trunc(params.offset ?? 0));
  return out;
}

/**
 * True when two leaderboard keys show the same board (board, creator, metric or timeframe, period,
 * month, category, ties) and
 * differ at most in the window (`limit`, `offset`, `around`): the previous page may stand in
 * while the next one loads, but a different metric never shows the old metric's numbers.
 */
export function isSameLeaderboard(a: QueryKey, b: QueryKey): boolean {
  if (a.length !== 5 || b.length !== 5 || a[1] !== 'leaderboards' || b[1] !== 'leaderboards') return false;
  if (a[2] !== b[2] || a[3] !== b[3]) return false;
  const pa = a[4] as NormalizedLeaderboardParams;
  const pb = b[4] as NormalizedLeaderboardParams;
  return (['creatorId', 'metric', 'period', 'month', 'timeframe', 'category', 'ties'] as const).every(
    (key) => pa[key] === pb[key],
  );
}

/**
 * React Query options for `GET /leaderboards/:board`, keyed
 * `podiumKeys.leaderboard(client.baseUrl, board, normalizedParams)`. Each poll sends the cached
 * page's `ETag` as `If-None-Match`; on a 304 the query function returns the cached object itself,
 * so the result keeps its identity and nothing that reads the board re-renders. Polls pause while
 * the page is hidden (`refetchIntervalInBackground: false`).
 */
export function leaderboardQueryOptions<B extends LeaderboardBoard>(
  client: ApiClient,
  board: B,
  params: LeaderboardParams<B> = {} as LeaderboardParams<B>,
  config: LeaderboardQueryOptionsConfig = {},
) {
  const query = normalizeLeaderboardParams(board, params);
  const queryKey = podiumKeys.leaderboard(client.baseUrl, board, query);
  const { pollIntervalMs = defaultLeaderboardPollMs } = config;
  return queryOptions<LeaderboardQueryData, PodiumApiError, LeaderboardQueryData, typeof queryKey>({
    queryKey,
    queryFn: ({ signal, client: queryClient }) =>
      withPodiumErrors(signal, async () => {
        const previous = queryClient.getQueryData<LeaderboardQueryData>(queryKey);
        const result = await getLeaderboard(client, board, query as LeaderboardParams<B>, {
          signal,
          etag: previous?.etag,
          cache: config.cache,
        });
        if (!result.notModified) return { data: result.data, etag: result.etag };
        if (previous) return previous;
        // A 304 for a page we no longer hold (the cache was cleared mid-request): ask in full.
        const fresh = await getLeaderboard(client, board, query as LeaderboardParams<B>, {
          signal,
          cache: config.cache,
        });
        if (fresh.notModified) throw new Error('The server answered 304 to an unconditional request');
        return { data: fresh.data, etag: fresh.etag };
      }),
    refetchInterval: pollIntervalMs === false || pollIntervalMs <= 0 ? false : pollIntervalMs,
    refetchIntervalInBackground: false,
    retry: podiumRetry(config.retry),
  });
}

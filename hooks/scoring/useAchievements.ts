import { useQuery } from '@tanstack/react-query';
import type { UserAchievement, UserAchievements } from '../../src/scoring/contract.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { usePodium } from '../usePodium.js';
import { liveTopic } from '../../src/live/contract.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { useLiveQuery } from '../live/useLiveQuery.js';
import { normalizeScoreUserId } from './userScoreQueryOptions.js';
import { userAchievementsQueryOptions } from './userAchievementsQueryOptions.js';

export interface UseAchievementsOptions {
  /** Set to false to hold the request. An empty user id never sends one. @default true */
  enabled?: boolean;
  /** Ask again this often (ms) while enabled and the page is visible; `false` never. @default false */
  pollIntervalMs?: number | false;
}

export interface UseAchievementsResult extends PodiumQueryState {
  /** Every achievement of the catalogue, unlocked or not, in the catalogue's order; `[]` until loaded. */
  achievements: UserAchievement[];
  /** The unlocked ones only, in the catalogue's order; `[]` until loaded. */
  unlocked: UserAchievement[];
  /** Users with points: the base of every `rarity`; `0` until loaded. */
  scoredUsers: number;
  /** The whole response; `undefined` until loaded. */
  data: UserAchievements | undefined;
}

const none: UserAchievement[] = [];

/**
 * One user's achievements (`GET /scores/:userId/achievements`): each with unlocked or locked, the
 * unlock time, progress toward it and rarity (the share of scored users who hold it, 0-100).
 */
export function useAchievements(userId: string, options: UseAchievementsOptions = {}): UseAchievementsResult {
  const { client, queryClient } = usePodium();
  const { enabled = true, pollIntervalMs = false } = options;
  const id = normalizeScoreUserId(userId);
  // While the provider's live stream carries this user's achievements, events replace polling.
  const live = useLiveQuery(
    enabled && id ? liveTopic.achievements(id) : undefined,
    podiumKeys.userAchievements(client.baseUrl, id),
  );
  const base = userAchievementsQueryOptions(client, userId, {
    retry: hostRetry(queryClient),
    pollIntervalMs: enabled && !live.isLive ? pollIntervalMs : false,
    ...(live.cache ? { cache: live.cache } : {}),
  });
  const query = useQuery(
    {
      ...base,
      enabled: base.enabled !== false && enabled,
      // Derived once per answer (select is memoized on the data), not on every render.
      select: selectAchievements,
    },
    queryClient,
  );
  return {
    achievements: query.data?.data.achievements ?? none,
    unlocked: query.data?.unlocked ?? none,
    scoredUsers: query.data?.data.scoredUsers ?? 0,
    data: query.data?.data,
    ...podiumQueryState(query),
  };
}

function selectAchievements(data: UserAchievements) {
  return { data, unlocked: data.achievements.filter((achievement) => achievement.unlocked) };
}

import type { JobStatsQuery } from '../jobs/contract.js';
import type { UserScoreQuery } from '../scoring/contract.js';
import type { LeaderboardBoard } from './leaderboard.js';
import type { StatsHistoryQuery, StatsLeadersQuery } from '../userStats/contract.js';

/**
 * React Query keys of every Podium query. All start with `'podium'`, so a host can invalidate
 * everything Podium caches with `queryClient.invalidateQueries({ queryKey: podiumKeys.all })`.
 * Data keys carry the API's `baseUrl`: two providers talking to different servers through one
 * shared QueryClient must never read each other's cache.
 */
export const podiumKeys = {
  all: ['podium'] as const,
  jobs: () => ['podium', 'jobs'] as const,
  jobStats: (baseUrl: string, query: Omit<JobStatsQuery, 'cursor'>) =>
    ['podium', 'jobs', 'stats', baseUrl, query] as const,
  /** Every user-stats query (figures, history, leaders): invalidate it after a recalculation. */
  userStats: () => ['podium', 'userStats'] as const,
  /** `GET /user/:identifier/stats`; `identifier` as the hooks normalize it (addresses lower-case). */
  userStatsSummary: (baseUrl: string, identifier: string) =>
    ['podium', 'userStats', 'summary', baseUrl, identifier] as const,
  userStatsHistory: (baseUrl: string, identifier: string, query: StatsHistoryQuery) =>
    ['podium', 'userStats', 'history', baseUrl, identifier, query] as const,
  statsLeaders: (baseUrl: string, query: StatsLeadersQuery) =>
    ['podium', 'userStats', 'leaders', baseUrl, query] as const,
  /** Every leaderboard page of every board. */
  leaderboards: () => ['podium', 'leaderboards'] as const,
  /** Every cached page of one board. */
  leaderboardBoard: (baseUrl: string, board: LeaderboardBoard) =>
    ['podium', 'leaderboards', baseUrl, board] as const,
  /** One page of a board; `params` as `leaderboardQueryParams` normalizes them (defaults filled). */
  leaderboard: (
    baseUrl: string,
    board: LeaderboardBoard,
    params: Readonly<Record<string, string | number>>,
  ) => ['podium', 'leaderboards', baseUrl, board, params] as const,
  /**
   * Every points-and-achievements query (scores, achievements, rules). After recording actions,
   * invalidate `userScores()` and `achievements()` (the rules do not change with them).
   */
  scores: () => ['podium', 'scores'] as const,
  /** Every cached `GET /scores/:userId`. */
  userScores: () => ['podium', 'scores', 'user'] as const,
  /** `GET /scores/:userId`; `query` as `userScoreQueryOptions` normalizes it (timeframe filled). */
  userScore: (baseUrl: string, userId: string, query: UserScoreQuery) =>
    ['podium', 'scores', 'user', baseUrl, userId, query] as const,
  /** Every cached `GET /scores/:userId/achievements`. */
  achievements: () => ['podium', 'scores', 'achievements'] as const,
  /** `GET /scores/:userId/achievements`. */
  userAchievements: (baseUrl: string, userId: string) =>
    ['podium', 'scores', 'achievements', baseUrl, userId] as const,
  /** `GET /scores/rules`. */
  scoringRules: (baseUrl: string) => ['podium', 'scores', 'rules', baseUrl] as const,
  /** Every referral query (member records): invalidate it after a host changes a member. */
  referrals: () => ['podium', 'referrals'] as const,
  /** `GET /members/me?creatorId=`: the signed-in user's member record in one community. */
  myMember: (baseUrl: string, creatorId: string) =>
    ['podium', 'referrals', 'members', 'me', baseUrl, creatorId] as const,
  /** `GET /members/:id/stats`. */
  memberStats: (baseUrl: string, memberId: string) =>
    ['podium', 'referrals', 'members', 'stats', baseUrl, memberId] as const,
  /** `GET /members/:id/share-analytics`; `timeZone` as sent (`UTC` when none was). */
  shareAnalytics: (baseUrl: string, memberId: string, timeZone: string) =>
    ['podium', 'referrals', 'members', 'shareAnalytics', baseUrl, memberId, timeZone] as const,
  /** `GET /creators/:id/analytics`. */
  creatorAnalytics: (baseUrl: string, creatorId: string) =>
    ['podium', 'referrals', 'creators', 'analytics', baseUrl, creatorId] as const,
  /** `GET /sellers/:id/dashboard`. */
  sellerDashboard: (baseUrl: string, sellerId: string) =>
    ['podium', 'sellers', 'dashboard', baseUrl, sellerId] as const,
};

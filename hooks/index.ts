/**
 * `podium-kit/hooks`: the headless layer. The provider, its context and store, and one hook per
 * feature, for hosts that render their own markup. No components, no CSS.
 */
export * from './PodiumProvider.js';
export * from './PodiumContext.js';
export * from './usePodium.js';
export * from './usePodiumStore.js';
export * from './createPodiumStore.js';
export * from './jobs/resolveJobStatsRange.js';
export * from './jobs/validateJobStatsRange.js';
export * from './jobs/jobStatsInfiniteQueryOptions.js';
export * from './shared/podiumRetry.js';
export type { PodiumQueryState } from './shared/podiumQueryState.js';
export * from './jobs/useJobStats.js';
export * from './jobs/useJobStatsRange.js';
export * from './jobs/useRecordJob.js';
export * from './userStats/userStatsQueryOptions.js';
export * from './userStats/userStatsHistoryQueryOptions.js';
export * from './userStats/statsLeadersQueryOptions.js';
export * from './userStats/useUserStats.js';
export * from './userStats/useUserStatsHistory.js';
export * from './userStats/useStatsLeaders.js';
export * from './sellerBoards/leaderboardQueryOptions.js';
export * from './sellerBoards/useLeaderboard.js';
export * from './sellerBoards/useSellerDashboard.js';
export * from './scoring/userScoreQueryOptions.js';
export * from './scoring/userAchievementsQueryOptions.js';
export * from './scoring/scoringRulesQueryOptions.js';
export * from './scoring/useScore.js';
export * from './scoring/useAchievements.js';
export * from './scoring/useScoringRules.js';
export * from './scoring/useRecordAction.js';
export * from './referrals/useReferralLink.js';
export * from './referrals/useShareTracking.js';
export * from './referrals/previewTemplate.js';
export * from './referrals/useTemplates.js';
export * from './referrals/useMemberStats.js';
export * from './referrals/useShareAnalytics.js';
export * from './referrals/useCreatorAnalytics.js';

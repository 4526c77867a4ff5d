/**
 * `podium-kit/hooks`: the headless layer. The provider, its context and store, and one hook per
 * feature, for hosts that render their own markup. No components, no CSS.
 */
export * from './PodiumProvider.js';
export * from './PodiumContext.js';
export * from './usePodium.js';
export * from './usePodiumStore.js';
export * from './createPodiumStore.js';
export * from './resolveJobStatsRange.js';
export * from './validateJobStatsRange.js';
export * from './jobStatsInfiniteQueryOptions.js';
export * from './podiumRetry.js';
export * from './useJobStats.js';
export * from './useJobStatsRange.js';
export * from './useRecordJob.js';
export * from './userStatsQueryOptions.js';
export * from './userStatsHistoryQueryOptions.js';
export * from './statsLeadersQueryOptions.js';
export * from './useUserStats.js';
export * from './useUserStatsHistory.js';
export * from './useStatsLeaders.js';
export * from './leaderboardQueryOptions.js';
export * from './useLeaderboard.js';
export * from './useSellerDashboard.js';

/**
 * `podium-kit`: the styled components, their labels and formatters, and (re-exported) every hook and
 * the core (contract types, `PodiumApiError`), so hosts can import everything from one place. Import the CSS once:
 * `import 'podium-kit/styles.css'`.
 */
export * from '../src/index.js';
export * from '../hooks/index.js';
export * from './jobs/JobStats.js';
export * from './shared/PodiumRoot.js';
export * from './jobs/jobStatsSlots.js';
export * from './labels.js';
// The English strings, one table per feature (each with the type of what its widget reads).
export * from './shared/sharedLabels.js';
export * from './jobs/jobStatsLabels.js';
export * from './userStats/statsTabLabels.js';
export * from './shared/leaderboardLabels.js';
export * from './sellerBoards/sellerDashboardLabels.js';
export * from './scoring/scoreCardLabels.js';
export * from './scoring/achievementsLabels.js';
export * from './referrals/shareKitLabels.js';
export * from './referrals/templateSelectorLabels.js';
export * from './referrals/shareAnalyticsLabels.js';
export * from './referrals/referrersBoardLabels.js';
export * from './shared/useFormatters.js';
export * from './userStats/StatsTab.js';
export * from './userStats/StatsFigures.js';
export * from './userStats/StatsFigure.js';
export * from './userStats/StatsSection.js';
export * from './userStats/PercentileBadge.js';
export * from './userStats/TokenBreakdown.js';
export * from './userStats/StatsTrendChart.js';
export * from './userStats/StatsFreshness.js';
export * from './userStats/StatsTabSkeleton.js';
export * from './userStats/statsTabSlots.js';
export * from './shared/formatTokenAmount.js';
export * from './sellerBoards/LeaderboardModal.js';
export * from './sellerBoards/Leaderboard.js';
export * from './sellerBoards/LeaderboardBody.js';
export * from './shared/leaderboardSlots.js';
export * from './shared/LeaderboardRow.js';
export * from './shared/LeaderboardPodium.js';
export * from './shared/Avatar.js';
export { avatarInitials } from './shared/identicon.js';
export * from './shared/LeaderboardAvatar.js';
export * from './shared/LeaderboardSwitch.js';
export * from './shared/LeaderboardUpdated.js';
export * from './shared/LeaderboardPeriodCaption.js';
export * from './sellerBoards/SellerDashboard.js';
// Explicit: wins over the core's type of the same name, which SellerDashboard.tsx re-declares.
export { SellerDashboard } from './sellerBoards/SellerDashboard.js';
export * from './sellerBoards/SellerDashboardMoney.js';
export type { PodiumHeadingProps, PodiumWidgetProps } from './shared/widgetProps.js';
// Scoring: points and achievements.
export * from './scoring/ScoreCard.js';
export * from './scoring/ScoreCardFigure.js';
export * from './scoring/ScoreCardStreak.js';
export * from './scoring/ScoreCardRankHistory.js';
export * from './scoring/ScoreCardRecentActions.js';
export * from './scoring/ScoreCardSkeleton.js';
export * from './scoring/scoreCardSlots.js';
export * from './scoring/streakStatus.js';
export * from './scoring/scoringActionName.js';
export * from './scoring/formatPointsDelta.js';
export * from './scoring/AchievementsGrid.js';
export * from './scoring/AchievementTile.js';
export * from './scoring/achievementsGridSlots.js';
export * from './scoring/AchievementAnnouncer.js';
// Referrals: ShareKit (issue 12).
export * from './referrals/ShareKit.js';
export * from './referrals/shareKitSlots.js';
// Referrals: TemplateSelector (issue 12).
export * from './referrals/TemplateSelector.js';
export * from './referrals/templateSelectorSlots.js';
export * from './referrals/TemplateCategoryBadge.js';
// Referrals: ShareAnalytics (issue 12).
export * from './referrals/ShareAnalytics.js';
export * from './referrals/ShareFunnel.js';
export * from './referrals/SharePlatformTable.js';
export * from './referrals/ShareStreak.js';
export * from './referrals/sharePlatformName.js';
export * from './referrals/shareAnalyticsSlots.js';

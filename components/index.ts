/**
 * `podium-kit`: the styled components, their labels and formatters, and (re-exported) every hook and
 * the core (contract types, `PodiumApiError`), so hosts can import everything from one place. Import the CSS once:
 * `import 'podium-kit/styles.css'`.
 */
export * from '../src/index.js';
export * from '../hooks/index.js';
export * from './JobStats.js';
export * from './PodiumRoot.js';
export * from './jobStatsSlots.js';
export * from './labels.js';
export * from './useFormatters.js';
export * from './StatsTab.js';
export * from './StatsFigures.js';
export * from './StatsFigure.js';
export * from './StatsSection.js';
export * from './PercentileBadge.js';
export * from './TokenBreakdown.js';
export * from './StatsTrendChart.js';
export * from './StatsFreshness.js';
export * from './StatsTabSkeleton.js';
export * from './statsTabSlots.js';
export * from './formatTokenAmount.js';
export * from './LeaderboardModal.js';
export * from './Leaderboard.js';
export * from './LeaderboardBody.js';
export * from './LeaderboardRow.js';
export * from './LeaderboardPodium.js';
export * from './LeaderboardAvatar.js';
export * from './LeaderboardSwitch.js';
export * from './LeaderboardUpdated.js';
export * from './SellerDashboard.js';
// Explicit: wins over the core's type of the same name, which SellerDashboard.tsx re-declares.
export { SellerDashboard } from './SellerDashboard.js';
export * from './SellerDashboardMoney.js';
export type { PodiumHeadingProps, PodiumWidgetProps } from './widgetProps.js';

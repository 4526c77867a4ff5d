import type { LabelsOf } from '../labels.js';
import type { referrersBoardLabels } from '../referrals/referrersBoardLabels.js';
import type { sharedLabels } from './sharedLabels.js';

/**
 * The English strings of the leaderboard (Leaderboard, LeaderboardModal and the shared row, podium
 * and caption parts): the sellers board and the points board, which one widget shows by its `board`.
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const leaderboardLabels = {
  leaderboardTitle: 'Leaderboard',
  leaderboardOpen: 'Leaderboard',
  leaderboardClose: 'Close',
  leaderboardMetricLabel: 'Rank by',
  leaderboardMetricSales: 'Sales',
  leaderboardMetricViews: 'Views',
  leaderboardPeriodLabel: 'Period',
  leaderboardPeriodMonth: 'This month',
  leaderboardPeriodAllTime: 'All time',
  leaderboardTopThree: 'Top three',
  leaderboardRanking: 'Ranking',
  leaderboardRank: '#{rank}',
  /** Screen-reader text before a row's rank, e.g. "Rank 4". */
  leaderboardRankLabel: 'Rank {rank}',
  leaderboardYou: 'You',
  leaderboardSalesOne: '{count} sale',
  leaderboardSalesOther: '{count} sales',
  leaderboardViewsOne: '{count} view',
  leaderboardViewsOther: '{count} views',
  leaderboardUpdated: 'Updated {time}',
  leaderboardLoading: 'Loading leaderboard…',
  leaderboardEmptyTitle: 'No one on this board yet',
  leaderboardEmptyHint: 'Rankings appear as soon as there is activity in this period.',
  leaderboardErrorTitle: 'Could not load the leaderboard',
  leaderboardLoadMore: 'Load more',
  leaderboardLoadingMore: 'Loading more…',
  leaderboardShowing: 'Showing {shown} of {total}',
  leaderboardJumpToMe: 'Jump to me',
  leaderboardBackToTop: 'Back to top',
  leaderboardNotRanked: 'You are not on this board yet.',
  /** Announced politely when a poll moves the current user. */
  leaderboardMovedUp: 'You moved up to #{rank}',
  leaderboardMovedDown: 'You moved down to #{rank}',

  // Points board: the leaderboard's timeframe switch, values and period captions (board="points").
  /** Names the timeframe switch of a points board. */
  leaderboardTimeframeLabel: 'Timeframe',
  leaderboardTimeframeLifetime: 'Lifetime',
  leaderboardTimeframeMonthly: 'Monthly',
  leaderboardTimeframeWeekly: 'Weekly',
  leaderboardTimeframeDaily: 'Daily',
  leaderboardTimeframeTrending: 'Trending',
  leaderboardPointsOne: '{count} point',
  leaderboardPointsOther: '{count} points',
  /** The period of a daily board: one UTC day, e.g. "Mar 18, 2026 (UTC)". */
  leaderboardCaptionDay: '{date} (UTC)',
  /** The period of a weekly board: its ISO week number and days, e.g. "Week 12: Mar 16 – 22, 2026". */
  leaderboardCaptionWeek: 'Week {week}: {dates}',
  /** The period of a monthly board, e.g. "March 2026". */
  leaderboardCaptionMonth: '{month}',
  leaderboardCaptionTrending: 'Trending: recent points count more',
  leaderboardCaptionAllTime: 'All time',
  /** The board's category, when it shows one category's points. */
  leaderboardCaptionCategory: 'Category: {category}',
};

/** What the leaderboard widgets and their parts read: the shared strings, these and the referrers board's. */
export type LeaderboardLabels = LabelsOf<
  [typeof sharedLabels, typeof leaderboardLabels, typeof referrersBoardLabels]
>;

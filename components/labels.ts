import { useMemo } from 'react';
import { usePodium } from '../hooks/usePodium.js';

/**
 * Every string the components show, in English. Hosts translate by passing overrides to
 * `<PodiumProvider labels>` (all widgets) or to a component's `labels` prop (that widget only).
 * `{name}` placeholders are filled by the component; keep them in translations.
 */
const englishLabels = {
  // Shared by every widget.
  retry: 'Retry',
  retrying: 'Retrying…',
  notAvailable: '—',

  jobStatsTitle: 'Job statistics',
  jobStatsRangeLabel: 'Date range',
  jobStatsPreset7: 'Last 7 days',
  jobStatsPreset30: 'Last 30 days',
  jobStatsPreset90: 'Last 90 days',
  jobStatsPresetCustom: 'Custom',
  jobStatsCustomFrom: 'From',
  jobStatsCustomTo: 'To',
  jobStatsCustomApply: 'Apply',
  jobStatsRangeMissing: 'Enter both a start and an end date.',
  jobStatsRangeInvalid: 'Enter dates as YYYY-MM-DD.',
  jobStatsRangeOrder: 'The start date must be on or before the end date.',
  jobStatsRangeTooLong: 'Choose a range of at most {max} days (this one has {days}).',

  jobStatsLoading: 'Loading job statistics…',
  jobStatsUpdating: 'Updating…',
  /** Announced politely when the figures for a range have arrived. */
  jobStatsAnnounceLoaded: 'Job statistics loaded for {range}.',

  jobStatsKpisLabel: 'Totals',
  jobStatsKpiJobs: 'Jobs',
  jobStatsKpiRequested: 'Requested',
  jobStatsKpiSuccessful: 'Successful',
  jobStatsKpiFailed: 'Failed',
  jobStatsKpiSuccessRate: 'Success rate',
  jobStatsSuccessRateHint: '{successful} of {finished} finished',
  jobStatsSuccessRateNone: 'No outcomes yet: the rate appears once jobs report results.',

  jobStatsOutcomesTitle: 'Outcomes of requested items',
  jobStatsOutcomeSuccessful: 'Successful',
  jobStatsOutcomeFailed: 'Failed',
  jobStatsOutcomePending: 'Still pending',
  jobStatsOutcomeValue: '{count} ({percent})',

  jobStatsChartTitle: 'Requested per day',
  jobStatsChartTableCaption: 'Requested, successful and failed per day',
  jobStatsChartBarTitle: '{date}: {requested} requested, {successful} successful, {failed} failed',
  jobStatsColDate: 'Date',
  jobStatsColJobs: 'Jobs',

  jobStatsTableCaption: 'Jobs',
  jobStatsColJobId: 'Job',
  jobStatsColStatus: 'Status',
  jobStatsColRequested: 'Requested',
  jobStatsColSuccessful: 'Successful',
  jobStatsColFailed: 'Failed',
  jobStatsColCreated: 'Created',
  jobStatsColCompleted: 'Completed',
  jobStatsStatusPending: 'Pending',
  jobStatsStatusProcessing: 'Processing',
  jobStatsStatusCompleted: 'Completed',
  jobStatsStatusFailed: 'Failed',
  jobStatsShowing: 'Showing {shown} of {total} jobs',
  jobStatsLoadMore: 'Load more jobs',
  jobStatsLoadingMore: 'Loading more jobs…',
  jobStatsLoadMoreError: 'Could not load more jobs: {message}',

  jobStatsEmptyTitle: 'No jobs in this range',
  jobStatsEmptyHint: 'Jobs appear here once they are recorded. Try a longer range.',
  jobStatsErrorTitle: 'Could not load job statistics',
  jobStatsStale: 'Could not refresh. Showing figures from {time}.',
  jobStatsPartialOne: '1 job still running — figures may change.',
  jobStatsPartialOther: '{count} jobs still running — figures may change.',

  statsTabTitle: 'Stats',
  statsTabLoading: 'Loading stats…',
  /** Announced politely once the figures are shown. */
  statsTabAnnounceLoaded: 'Stats loaded.',
  statsTabNoIdentifier: 'No user to show stats for.',
  statsTabCalculatingTitle: 'Calculating stats…',
  statsTabCalculatingHint:
    'This is the first look at this profile. The figures will appear here on their own in a moment.',
  statsTabEmptyTitle: 'No activity yet',
  statsTabEmptyHint: 'Sales, purchases, bids, offers and listings will show up here once there are some.',
  statsTabErrorTitle: 'Could not load stats',
  statsTabNotFound: 'No user named “{identifier}”.',
  statsTabInvalidIdentifier: '“{identifier}” is not a username, user id or wallet address.',
  statsTabUpdated: 'Updated {time}',
  statsTabStale: 'These stats are out of date (updated {time}); fresh figures are on their way.',
  statsTabRefreshFailed: 'The last refresh failed {time}, so these are the last good figures.',
  statsTabDownloadCsv: 'Download transactions (CSV)',
  /** `{percent}` is formatted by the locale, e.g. "3%" or "3 %". */
  statsTabTopPercent: 'Top {percent}',
  statsTabRank: 'rank {rank} of {of}',
  /** Shown instead of "Top {percent}" in the bottom half, where a percentage would not flatter. */
  statsTabRankBadge: '#{rank} of {of}',
  statsTabTopTraders: 'Top {percent} of traders',
  statsTabRankTraders: '#{rank} of {of} traders',

  statsTabSales: 'Sales',
  statsTabPurchases: 'Purchases',
  statsTabBids: 'Bidding',
  statsTabOffers: 'Offers',
  statsTabListings: 'Listings',
  statsTabSalesCount: 'Sales',
  statsTabSalesEditions: 'Editions sold',
  statsTabSalesVolume: 'Volume received',
  statsTabUniqueBuyers: 'Unique buyers',
  statsTabPurchasesCount: 'Purchases',
  statsTabPurchasesEditions: 'Editions bought',
  statsTabPurchasesVolume: 'Volume spent',
  statsTabUniqueSellers: 'Unique sellers',
  statsTabBidsPlaced: 'Bids placed',
  statsTabBidsWon: 'Auctions won',
  statsTabBidsActive: 'Active auctions',
  statsTabBidsVolume: 'Bid volume',
  statsTabOffersMade: 'Offers made',
  statsTabOffersReceived: 'Offers received',
  statsTabOffersAccepted: 'Offers accepted',
  statsTabOffersRescinded: 'Offers withdrawn',
  statsTabListingsCreated: 'Listings created',
  statsTabListingsActive: 'Active listings',
  statsTabListingsCancelled: 'Cancelled listings',
  statsTabNativeOnly: 'ETH only; other tokens are listed below',

  statsTabSalesTokens: 'Sales by payment token',
  statsTabPurchasesTokens: 'Purchases by payment token',
  statsTabColToken: 'Token',
  statsTabColRecords: 'Records',
  statsTabColAmount: 'Amount',
  statsTabUnknownToken: 'Unknown token {address}',

  statsTabTrendTitle: 'Daily volume (ETH)',
  statsTabTrendSales: 'Sales',
  statsTabTrendPurchases: 'Purchases',
  statsTabTrendTotal: '{series}: {amount} over {days} days',
  statsTabTrendTableCaption: 'Sales and purchases per day',
  statsTabTrendEmpty: 'No sales or purchases in the last {days} days.',
  statsTabTrendError: 'The daily trend could not be loaded.',
  statsTabColDate: 'Date',
  statsTabColSalesCount: 'Sales',
  statsTabColSalesVolume: 'Sales volume',
  statsTabColPurchasesCount: 'Purchases',
  statsTabColPurchasesVolume: 'Purchase volume',

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

  sellerDashboardTitle: 'Seller dashboard',
  sellerDashboardLoading: 'Loading dashboard…',
  sellerDashboardErrorTitle: 'Could not load the dashboard',
  sellerDashboardNoSeller: 'No seller to show.',
  sellerDashboardActiveListings: 'Active listings',
  sellerDashboardViews: 'Views this month',
  sellerDashboardSales: 'Sales this month',
  sellerDashboardEarningsMonth: 'Earnings this month',
  sellerDashboardEarningsAllTime: 'Earnings all time',
  sellerDashboardAllTime: '{value} all time',
  sellerDashboardNoEarnings: 'None yet',
  sellerDashboardRank: 'Rank this month',
  sellerDashboardRankSales: 'Sales: #{rank}',
  sellerDashboardRankViews: 'Views: #{rank}',
  sellerDashboardRankSalesNone: 'Sales: not ranked',
  sellerDashboardRankViewsNone: 'Views: not ranked',
};

export type PodiumLabelKey = keyof typeof englishLabels;

/** The full table of component strings. */
export type PodiumLabels = Readonly<Record<PodiumLabelKey, string>>;

/** The English defaults. */
export const defaultLabels: PodiumLabels = Object.freeze(englishLabels);

/**
 * Fills `{name}` placeholders from `values`; unknown placeholders are kept as written so that a
 * typo in a translation shows up on screen instead of silently disappearing.
 */
export function formatLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}

function assignDefined(
  target: Record<string, string>,
  source: Readonly<Record<string, string | undefined>> | undefined,
) {
  if (!source) return;
  for (const [key, value] of Object.entries(source)) if (value !== undefined) target[key] = value;
}

/** The labels a component shows: defaults, then the provider's `labels`, then its own `labels`. */
export function useLabels(overrides?: Partial<PodiumLabels>): PodiumLabels {
  const { labels: providerLabels } = usePodium();
  return useMemo(() => {
    const merged: Record<string, string> = { ...defaultLabels };
    assignDefined(merged, providerLabels);
    assignDefined(merged, overrides);
    return merged as PodiumLabels;
  }, [providerLabels, overrides]);
}

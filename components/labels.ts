import { useMemo } from 'react';
import { usePodium } from '../hooks/usePodium.js';
import type { PodiumLabelPacks } from '../hooks/PodiumContext.js';

/**
 * Every string the components show, in English. Packs for `de`, `es`, `fr` and `ja` (in
 * `./locales/`, published as `podium-kit/locales/<language>`) are opt-in: a host registers the
 * ones it wants with `<PodiumProvider labelPacks>` and the provider's `locale` picks one. Hosts
 * override any string by passing `<PodiumProvider labels>` (all widgets) or a component's
 * `labels` prop (that widget only).
 * `{name}` placeholders are filled by the component; keep them in translations.
 *
 * Counts put into words have one key per plural form, picked by `pluralLabel` through
 * `Intl.PluralRules`: `<base>One` and `<base>Other` here, and a host may add `<base>Zero`, `Two`,
 * `Few` or `Many` for languages that need them (Polish: `leaderboardSalesFew`). Where a key had a
 * single string before plurals came (`jobStatsShowing`), that key is the `Other` form.
 */
const englishLabels = {
  // Shared by every widget.
  retry: 'Retry',
  retrying: 'Retrying…',
  notAvailable: '—',
  /** How to read a chart from the keyboard (said when the chart gets focus). */
  chartKeyboardHint: 'Use the left and right arrow keys to read each day.',

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
  /** Under the jobs table when it is wider than its box (a phone): it scrolls inside the box. */
  jobStatsTableScrollHint: 'Scroll sideways for more columns',
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
  /** `jobStatsShowing` when `{total}` is singular ("Showing 1 of 1 job"). */
  jobStatsShowingOne: 'Showing {shown} of {total} job',
  jobStatsLoadMore: 'Load more jobs',
  jobStatsLoadingMore: 'Loading more jobs…',
  jobStatsLoadMoreError: 'Could not load more jobs: {message}',

  jobStatsEmptyTitle: 'No jobs in this range',
  jobStatsEmptyHint: 'Jobs appear here once they are recorded. Try a longer range.',
  jobStatsErrorTitle: 'Could not load job statistics',
  jobStatsStale: 'Could not refresh. Showing figures from {time}.',
  jobStatsPartialOne: '{count} job still running — figures may change.',
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
  /** `statsTabRankTraders` when `{of}` is singular. */
  statsTabRankTradersOne: '#{rank} of {of} trader',

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
  /** `statsTabTrendTotal` when `{days}` is singular. */
  statsTabTrendTotalOne: '{series}: {amount} over {days} day',
  statsTabTrendTableCaption: 'Sales and purchases per day',
  /** One day of the trend, announced as the arrow keys move along the chart. */
  statsTabTrendPoint: '{date}: sales {sales}, purchases {purchases}',
  statsTabTrendEmpty: 'No sales or purchases in the last {days} days.',
  /** `statsTabTrendEmpty` for a one-day window (no `{days}`: "in the last day"). */
  statsTabTrendEmptyOne: 'No sales or purchases in the last day.',
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

  // Scoring: ScoreCard, AchievementsGrid and AchievementAnnouncer (points and achievements).
  scoreCardTitle: 'Points',
  scoreCardLoading: 'Loading points…',
  /** Announced politely once the points are shown. */
  scoreCardAnnounceLoaded: 'Points loaded.',
  scoreCardNoUser: 'No player to show points for.',
  scoreCardErrorTitle: 'Could not load points',
  /** The empty state: the player has never scored. */
  scoreCardEmptyTitle: 'Record your first action',
  scoreCardEmptyHint: 'Make a trade, copy one or stake: your points, rank and streak start here.',
  scoreCardStale: 'Could not refresh. Showing points from {time}.',
  scoreCardTimeframeLifetime: 'All time',
  scoreCardTimeframeDaily: 'Today',
  scoreCardTimeframeWeekly: 'This week',
  scoreCardTimeframeMonthly: 'This month',
  scoreCardTimeframeTrending: 'Trending',
  /** A past ISO week of a weekly card: `{week}` is its number, `{year}` its ISO week-year. */
  scoreCardPastWeek: 'Week {week}, {year}',
  scoreCardPoints: 'Points',
  /** Under lifetime points: how many scored actions (milestone bonuses included) they come from. */
  scoreCardFromActionsOne: 'from {count} action',
  scoreCardFromActionsOther: 'from {count} actions',
  scoreCardTrendingPoints: 'Trending score',
  scoreCardTrendingHint: 'Recent points count more.',
  scoreCardRank: 'Rank',
  scoreCardRankValue: '#{rank}',
  scoreCardRankOfOne: 'of {count} player',
  scoreCardRankOfOther: 'of {count} players',
  /** `{percent}` is formatted by the locale; shown only in the top half, where it flatters. */
  scoreCardTopPercent: 'Top {percent}',
  scoreCardNotRanked: 'Not on this board yet',
  /** The board store is away (the score came from the ledger), so there is no rank for now. */
  scoreCardRankUnavailable: 'Rank unavailable right now',
  /** Names the rank sparkline for screen readers. */
  scoreCardRankHistory: 'Lifetime rank since {date}: #{first} to #{last}',
  scoreCardStreak: 'Streak',
  scoreCardStreakDaysOne: '{count} day',
  scoreCardStreakDaysOther: '{count} days',
  /** `{days}` is `scoreCardStreakDays…` filled in ("40 days"). */
  scoreCardStreakBest: 'Best: {days}',
  scoreCardFreezesOne: '{count} freeze left',
  scoreCardFreezesOther: '{count} freezes left',
  scoreCardFreezesNone: 'No freezes left',
  /** What a freeze is (said after the count, and its tooltip). */
  scoreCardFreezesHint: 'A freeze keeps your streak alive through a missed day.',
  scoreCardStreakDone: 'Done for today',
  scoreCardStreakExtend: 'Be active today to extend it',
  /** Active yesterday, not yet today, and no freeze left. */
  scoreCardStreakAtRisk: 'Ends today unless you are active',
  /** Missed days were bridged by freezes. */
  scoreCardStreakFrozen: 'A freeze kept your streak alive',
  scoreCardStreakNone: 'Be active on consecutive days to start a streak.',
  scoreCardStreakBroken: 'Your streak ended. Be active today to start a new one.',
  scoreCardRecent: 'Recent activity',
  /** The points of one recent action, signed ("+30 pts"). */
  scoreCardPointsDelta: '{points} pts',
  scoringActionTradeExecute: 'Trade',
  scoringActionCopyTrade: 'Copy trade',
  scoringActionCopiedByOthers: 'Trade copied by others',
  scoringActionStake: 'Stake',
  scoringActionProfileComplete: 'Profile completed',
  scoringActionProfileVerified: 'Profile verified',
  scoringActionReferralSignup: 'Referral signed up',
  scoringActionReferralTrade: 'Referral traded',
  scoringActionFirstTrade: 'First trade bonus',
  scoringActionFirstProfitableTrade: 'First profitable trade bonus',
  scoringActionStreak7: '7-day streak bonus',
  scoringActionStreak30: '30-day streak bonus',
  scoringActionAdjustment: 'Adjustment',
  achievementsTitle: 'Achievements',
  achievementsLoading: 'Loading achievements…',
  /** Announced politely once the achievements are shown. */
  achievementsAnnounceLoaded: 'Achievements loaded.',
  achievementsNoUser: 'No player to show achievements for.',
  achievementsErrorTitle: 'Could not load achievements',
  achievementsEmptyTitle: 'No achievements yet',
  achievementsEmptyHint: 'Achievements to earn will show up here.',
  achievementsStale: 'Could not refresh. Showing achievements from {time}.',
  achievementsSummary: '{unlocked} of {total} unlocked',
  achievementsUnlocked: 'Unlocked',
  achievementsLocked: 'Locked',
  achievementsUnlockedOn: 'Unlocked {date}',
  /** `{percent}` is formatted by the locale, e.g. "3%" or "3 %". */
  achievementsRarity: 'Held by {percent} of players',
  achievementsRarityNone: 'No one holds this yet',
  /** A badge on unlocked achievements that at most 10 % of players hold. */
  achievementsRare: 'Rare',
  achievementsProgress: '{current} / {target}',
  achievementsProgressTrades: '{current} / {target} trades',
  achievementsProgressPoints: '{current} / {target} points',
  /** The progress bar's value for screen readers (`aria-valuetext`). */
  achievementsProgressValue: '{current} of {target}',
  achievementsProgressValueTrades: '{current} of {target} trades',
  achievementsProgressValuePoints: '{current} of {target} points',
  /** A locked achievement without steps (a first trade, a streak milestone). */
  achievementsNotYet: 'Not unlocked yet',
  /** Announced politely when achievements unlock; `{names}` is a list in the locale's words. */
  achievementUnlockedOne: 'Achievement unlocked: {names}',
  achievementUnlockedOther: 'Achievements unlocked: {names}',
  // The default catalogue's achievements (a host's own wording is shown as the server sends it).
  achievementFirstTradeName: 'First trade',
  achievementFirstTradeDescription: 'Execute your first trade',
  achievementFirstProfitableTradeName: 'In the green',
  achievementFirstProfitableTradeDescription: 'Close your first profitable trade',
  achievementStreakWeekName: 'Week streak',
  achievementStreakMonthName: 'Month streak',
  /** `{count}` is a number of days, formatted by the locale. */
  achievementStreakDescription: 'Trade {count} days in a row',
  achievementProfileCompleteName: 'All set',
  achievementProfileCompleteDescription: 'Complete your profile',
  achievementProfileVerifiedName: 'Verified',
  achievementProfileVerifiedDescription: 'Verify your profile',
  achievementWhaleName: 'Whale',
  /** `{count}` is an amount of US dollars, formatted by the locale. */
  achievementWhaleDescription: 'Make a trade of at least {count} USD',
  achievementTradesName: '{count} trades',
  achievementTradesDescription: 'Execute {count} trades',
  achievementPointsName: '{count} points',
  achievementPointsDescription: 'Earn {count} points',
};

export type PodiumLabelKey = keyof typeof englishLabels;

/** The full table of component strings. */
export type PodiumLabels = Readonly<Record<PodiumLabelKey, string>>;

/**
 * The English defaults. Marked pure so that a bundle which never reads labels (the provider
 * alone) can drop the table: a bare `Object.freeze` call counts as a side effect to bundlers.
 */
export const defaultLabels: PodiumLabels = /* @__PURE__ */ Object.freeze(englishLabels);

/** Base names of the counted labels: `leaderboardSales` for `leaderboardSalesOne` / `…Other`. */
export type PodiumPluralLabel = {
  [K in PodiumLabelKey]: K extends `${infer Base}One` ? Base : never;
}[PodiumLabelKey];

/** The language subtag of a BCP 47 locale, lower case: `de-AT` -> `de`, `ja_JP` -> `ja`. */
const languageOf = (locale: string) => locale.split(/[-_]/)[0]!.toLowerCase();

/**
 * The full table for a locale: English, then the pack of the locale's language among `packs`
 * (any region: `de-AT` picks `packs.de`), else English alone.
 */
export function labelsForLocale(locale: string, packs: PodiumLabelPacks = {}): PodiumLabels {
  const language = languageOf(locale);
  const pack = Object.hasOwn(packs, language) ? packs[language] : undefined;
  if (!pack) return defaultLabels;
  const merged: Record<string, string> = { ...defaultLabels };
  assignDefined(merged, pack);
  return merged as PodiumLabels;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const categoryKey = {
  zero: 'Zero',
  one: 'One',
  two: 'Two',
  few: 'Few',
  many: 'Many',
  other: 'Other',
} as const;

function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      // A malformed locale from the host must not take the widget down.
      rules = new Intl.PluralRules('en-US');
    }
    if (pluralRules.size > 50) pluralRules.clear();
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * The template for `count` of a counted label, by `Intl.PluralRules` of `locale`: `<base>Zero`,
 * `One`, `Two`, `Few` or `Many` when the table has that key (hosts add the forms their language
 * needs through the provider's `labels`), else `<base>Other`, else `<base>` itself (the single
 * string such a label had before it was counted). French 0 and 1 are `one`; Japanese is always
 * `other`. Fill it with `formatLabel`.
 */
export function pluralLabel(
  labels: PodiumLabels | Readonly<Record<string, string | undefined>>,
  base: PodiumPluralLabel,
  count: number,
  locale: string,
): string {
  const table = labels as Readonly<Record<string, string | undefined>>;
  return (
    table[`${base}${categoryKey[pluralCategory(locale, count)]}`] ??
    table[`${base}Other`] ??
    table[base] ??
    base
  );
}

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

/**
 * The labels a component shows: English, then the pack of the provider's `locale` among its
 * `labelPacks`, then the provider's `labels`, then the component's own `labels`.
 */
export function useLabels(overrides?: Partial<PodiumLabels>): PodiumLabels {
  const { labels: providerLabels, labelPacks, locale } = usePodium();
  return useMemo(() => {
    const merged: Record<string, string> = { ...labelsForLocale(locale, labelPacks) };
    assignDefined(merged, providerLabels);
    assignDefined(merged, overrides);
    return merged as PodiumLabels;
  }, [providerLabels, overrides, locale, labelPacks]);
}

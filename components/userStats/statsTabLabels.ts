import type { LabelsOf } from '../labels.js';
import type { sharedLabels } from '../shared/sharedLabels.js';

/**
 * The English strings of StatsTab and its parts (figures, token breakdown, daily trend).
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const statsTabLabels = {
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
};

/** What StatsTab and its parts read: the shared strings and these. */
export type StatsTabLabels = LabelsOf<[typeof sharedLabels, typeof statsTabLabels]>;

import type { LabelsOf } from '../labels.js';
import type { sharedLabels } from '../shared/sharedLabels.js';

/**
 * The English strings of SellerDashboard.
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const sellerDashboardLabels = {
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

/** What SellerDashboard reads: the shared strings and these. */
export type SellerDashboardLabels = LabelsOf<[typeof sharedLabels, typeof sellerDashboardLabels]>;

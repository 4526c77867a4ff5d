import type { UseUserStatsHistoryResult } from '../../hooks/userStats/useUserStatsHistory.js';
import {
  nativeTokenAddress,
  type StatsMetric,
  type TokenAmount,
  type UserStats,
  type UserStatsResponse,
} from '../../src/userStats/contract.js';
import { cx } from '../shared/cx.js';
import { formatTokenAmount } from '../shared/formatTokenAmount.js';
import { formatLabel, pluralLabel } from '../labels.js';
import { StatsFigure } from './StatsFigure.js';
import { StatsSection } from './StatsSection.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';
import { StatsTrendChart } from './StatsTrendChart.js';
import { TokenBreakdown } from './TokenBreakdown.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { StatsTabLabels } from './statsTabLabels.js';

export interface StatsFiguresProps extends StatsTabPartStyle {
  stats: UserStats;
  percentiles: UserStatsResponse['percentiles'];
  /** The daily history query (the trend chart). */
  history: Pick<UseUserStatsHistoryResult, 'days' | 'status'>;
  historyDays: number;
  labels: StatsTabLabels;
  format: PodiumFormatters;
  /** Level of the sections' headings. @default 3 */
  headingLevel?: 3 | 4 | 5 | 6;
}

const ether = { address: nativeTokenAddress, symbol: 'ETH', decimals: 18 } as const;
const hasOtherTokens = (tokens: readonly TokenAmount[]) =>
  tokens.some((token) => token.address !== nativeTokenAddress);

/**
 * The loaded tab: one section per area (Sales, Purchases, Bidding, Offers, Listings), token
 * breakdowns where something was paid in another token than ETH, and the daily trend.
 */
export function StatsFigures({
  stats,
  percentiles,
  history,
  historyDays,
  labels,
  format,
  headingLevel = 3,
  styled,
  classNames,
}: StatsFiguresProps) {
  const part = { styled, classNames, labels, format };
  const section = { styled, classNames, headingLevel };
  const count = (value: number) => format.number(value);
  const eth = (wei: string) => formatTokenAmount(wei, ether, format.locale);
  const { sales, purchases, bids, offers, listings } = stats;
  const figures = (list: readonly Figure[]) =>
    list.map(({ name, label, value, metric, hint }) => (
      <StatsFigure
        key={name}
        name={name}
        label={labels[label]}
        value={value}
        percentile={metric ? percentiles[metric] : undefined}
        hint={hint}
        {...part}
      />
    ));
  const breakdown = (tokens: readonly TokenAmount[], caption: string) =>
    hasOtherTokens(tokens) ? <TokenBreakdown tokens={tokens} caption={caption} {...part} /> : null;
  const nativeOnly = (tokens: readonly TokenAmount[]) =>
    hasOtherTokens(tokens) ? labels.statsTabNativeOnly : undefined;

  return (
    <>
      <StatsSection
        name="sales"
        title={labels.statsTabSales}
        {...section}
        footer={breakdown(sales.tokens, labels.statsTabSalesTokens)}
      >
        {figures([
          {
            name: 'salesCount',
            label: 'statsTabSalesCount',
            value: count(sales.count),
            metric: 'salesCount',
          },
          {
            name: 'salesVolume',
            label: 'statsTabSalesVolume',
            value: eth(sales.volumeWei),
            metric: 'salesVolume',
            hint: nativeOnly(sales.tokens),
          },
          { name: 'salesEditions', label: 'statsTabSalesEditions', value: count(sales.editions) },
          {
            name: 'uniqueBuyers',
            label: 'statsTabUniqueBuyers',
            value: count(sales.uniqueBuyers),
            metric: 'uniqueBuyers',
          },
        ])}
      </StatsSection>

      <StatsSection
        name="purchases"
        title={labels.statsTabPurchases}
        {...section}
        footer={breakdown(purchases.tokens, labels.statsTabPurchasesTokens)}
      >
        {figures([
          {
            name: 'purchasesCount',
            label: 'statsTabPurchasesCount',
            value: count(purchases.count),
            metric: 'purchasesCount',
          },
          {
            name: 'purchasesVolume',
            label: 'statsTabPurchasesVolume',
            value: eth(purchases.volumeWei),
            metric: 'purchasesVolume',
            hint: nativeOnly(purchases.tokens),
          },
          { name: 'purchasesEditions', label: 'statsTabPurchasesEditions', value: count(purchases.editions) },
          {
            name: 'uniqueSellers',
            label: 'statsTabUniqueSellers',
            value: count(purchases.uniqueSellers),
            metric: 'uniqueSellers',
          },
        ])}
      </StatsSection>

      <StatsTrend history={history} historyDays={historyDays} {...part} headingLevel={headingLevel} />

      <StatsSection name="bids" title={labels.statsTabBids} {...section}>
        {figures([
          {
            name: 'bidsPlaced',
            label: 'statsTabBidsPlaced',
            value: count(bids.placed),
            metric: 'bidsPlaced',
          },
          { name: 'bidsWon', label: 'statsTabBidsWon', value: count(bids.won), metric: 'bidsWon' },
          { name: 'bidsActive', label: 'statsTabBidsActive', value: count(bids.active) },
          { name: 'bidsVolume', label: 'statsTabBidsVolume', value: eth(bids.volumeWei) },
        ])}
      </StatsSection>

      <StatsSection name="offers" title={labels.statsTabOffers} {...section}>
        {figures([
          {
            name: 'offersMade',
            label: 'statsTabOffersMade',
            value: count(offers.made),
            metric: 'offersMade',
          },
          { name: 'offersReceived', label: 'statsTabOffersReceived', value: count(offers.received) },
          { name: 'offersAccepted', label: 'statsTabOffersAccepted', value: count(offers.accepted) },
          { name: 'offersRescinded', label: 'statsTabOffersRescinded', value: count(offers.rescinded) },
        ])}
      </StatsSection>

      <StatsSection name="listings" title={labels.statsTabListings} {...section}>
        {figures([
          {
            name: 'listingsCreated',
            label: 'statsTabListingsCreated',
            value: count(listings.created),
            metric: 'listingsCreated',
          },
          { name: 'listingsActive', label: 'statsTabListingsActive', value: count(listings.active) },
          { name: 'listingsCancelled', label: 'statsTabListingsCancelled', value: count(listings.cancelled) },
        ])}
      </StatsSection>
    </>
  );
}

/** One KPI card: its slot name, label, formatted value, and the metric its percentile badge shows. */
interface Figure {
  name: string;
  label: keyof StatsTabLabels;
  value: string;
  metric?: StatsMetric;
  hint?: string | undefined;
}

interface StatsTrendProps extends StatsTabPartStyle {
  history: Pick<UseUserStatsHistoryResult, 'days' | 'status'>;
  historyDays: number;
  labels: StatsTabLabels;
  format: PodiumFormatters;
  headingLevel: 3 | 4 | 5 | 6;
}

/** The trend chart, or why there is none (still loading, failed, nothing traded in the range). */
function StatsTrend({
  history,
  historyDays,
  labels,
  format,
  headingLevel,
  styled,
  classNames,
}: StatsTrendProps) {
  const note = cx(
    'podium-stats-tab__chart',
    styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)',
    classNames.chart,
  );
  if (history.status === 'pending') {
    return (
      <div
        aria-hidden="true"
        className={cx(
          'podium-stats-tab__chart',
          styled &&
            'podium:h-40 podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:animate-pulse podium:motion-reduce:animate-none',
        )}
      />
    );
  }
  if (history.status === 'error') return <p className={note}>{labels.statsTabTrendError}</p>;
  const traded = history.days.some((day) => day.salesVolumeWei !== '0' || day.purchasesVolumeWei !== '0');
  if (!traded)
    return (
      <p className={note}>
        {formatLabel(pluralLabel(labels, 'statsTabTrendEmpty', historyDays, format.locale), {
          days: format.number(historyDays),
        })}
      </p>
    );
  return (
    <StatsTrendChart
      days={history.days}
      labels={labels}
      format={format}
      headingLevel={headingLevel}
      styled={styled}
      classNames={classNames}
    />
  );
}

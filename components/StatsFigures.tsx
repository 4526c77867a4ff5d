import type { UseUserStatsHistoryResult } from '../hooks/useUserStatsHistory.js';
import {
  nativeTokenAddress,
  type TokenAmount,
  type UserStats,
  type UserStatsResponse,
} from '../src/contracts/userStats.js';
import { cx } from './cx.js';
import { formatTokenAmount } from './formatTokenAmount.js';
import { formatLabel, type PodiumLabels } from './labels.js';
import { StatsFigure } from './StatsFigure.js';
import { StatsSection } from './StatsSection.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';
import { StatsTrendChart } from './StatsTrendChart.js';
import { TokenBreakdown } from './TokenBreakdown.js';
import type { PodiumFormatters } from './useFormatters.js';

export interface StatsFiguresProps extends StatsTabPartStyle {
  stats: UserStats;
  percentiles: UserStatsResponse['percentiles'];
  /** The daily history query (the trend chart). */
  history: Pick<UseUserStatsHistoryResult, 'days' | 'status'>;
  historyDays: number;
  labels: PodiumLabels;
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

  return (
    <>
      <StatsSection
        name="sales"
        title={labels.statsTabSales}
        {...section}
        footer={
          hasOtherTokens(sales.tokens) ? (
            <TokenBreakdown tokens={sales.tokens} caption={labels.statsTabSalesTokens} {...part} />
          ) : null
        }
      >
        <StatsFigure
          name="salesCount"
          label={labels.statsTabSalesCount}
          value={count(sales.count)}
          percentile={percentiles.salesCount}
          {...part}
        />
        <StatsFigure
          name="salesVolume"
          label={labels.statsTabSalesVolume}
          value={eth(sales.volumeWei)}
          percentile={percentiles.salesVolume}
          hint={hasOtherTokens(sales.tokens) ? labels.statsTabNativeOnly : undefined}
          {...part}
        />
        <StatsFigure
          name="salesEditions"
          label={labels.statsTabSalesEditions}
          value={count(sales.editions)}
          {...part}
        />
        <StatsFigure
          name="uniqueBuyers"
          label={labels.statsTabUniqueBuyers}
          value={count(sales.uniqueBuyers)}
          percentile={percentiles.uniqueBuyers}
          {...part}
        />
      </StatsSection>

      <StatsSection
        name="purchases"
        title={labels.statsTabPurchases}
        {...section}
        footer={
          hasOtherTokens(purchases.tokens) ? (
            <TokenBreakdown tokens={purchases.tokens} caption={labels.statsTabPurchasesTokens} {...part} />
          ) : null
        }
      >
        <StatsFigure
          name="purchasesCount"
          label={labels.statsTabPurchasesCount}
          value={count(purchases.count)}
          percentile={percentiles.purchasesCount}
          {...part}
        />
        <StatsFigure
          name="purchasesVolume"
          label={labels.statsTabPurchasesVolume}
          value={eth(purchases.volumeWei)}
          percentile={percentiles.purchasesVolume}
          hint={hasOtherTokens(purchases.tokens) ? labels.statsTabNativeOnly : undefined}
          {...part}
        />
        <StatsFigure
          name="purchasesEditions"
          label={labels.statsTabPurchasesEditions}
          value={count(purchases.editions)}
          {...part}
        />
        <StatsFigure
          name="uniqueSellers"
          label={labels.statsTabUniqueSellers}
          value={count(purchases.uniqueSellers)}
          percentile={percentiles.uniqueSellers}
          {...part}
        />
      </StatsSection>

      <StatsTrend history={history} historyDays={historyDays} {...part} headingLevel={headingLevel} />

      <StatsSection name="bids" title={labels.statsTabBids} {...section}>
        <StatsFigure
          name="bidsPlaced"
          label={labels.statsTabBidsPlaced}
          value={count(bids.placed)}
          percentile={percentiles.bidsPlaced}
          {...part}
        />
        <StatsFigure
          name="bidsWon"
          label={labels.statsTabBidsWon}
          value={count(bids.won)}
          percentile={percentiles.bidsWon}
          {...part}
        />
        <StatsFigure
          name="bidsActive"
          label={labels.statsTabBidsActive}
          value={count(bids.active)}
          {...part}
        />
        <StatsFigure
          name="bidsVolume"
          label={labels.statsTabBidsVolume}
          value={eth(bids.volumeWei)}
          {...part}
        />
      </StatsSection>

      <StatsSection name="offers" title={labels.statsTabOffers} {...section}>
        <StatsFigure
          name="offersMade"
          label={labels.statsTabOffersMade}
          value={count(offers.made)}
          percentile={percentiles.offersMade}
          {...part}
        />
        <StatsFigure
          name="offersReceived"
          label={labels.statsTabOffersReceived}
          value={count(offers.received)}
          {...part}
        />
        <StatsFigure
          name="offersAccepted"
          label={labels.statsTabOffersAccepted}
          value={count(offers.accepted)}
          {...part}
        />
        <StatsFigure
          name="offersRescinded"
          label={labels.statsTabOffersRescinded}
          value={count(offers.rescinded)}
          {...part}
        />
      </StatsSection>

      <StatsSection name="listings" title={labels.statsTabListings} {...section}>
        <StatsFigure
          name="listingsCreated"
          label={labels.statsTabListingsCreated}
          value={count(listings.created)}
          percentile={percentiles.listingsCreated}
          {...part}
        />
        <StatsFigure
          name="listingsActive"
          label={labels.statsTabListingsActive}
          value={count(listings.active)}
          {...part}
        />
        <StatsFigure
          name="listingsCancelled"
          label={labels.statsTabListingsCancelled}
          value={count(listings.cancelled)}
          {...part}
        />
      </StatsSection>
    </>
  );
}

interface StatsTrendProps extends StatsTabPartStyle {
  history: Pick<UseUserStatsHistoryResult, 'days' | 'status'>;
  historyDays: number;
  labels: PodiumLabels;
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
      <p className={note}>{formatLabel(labels.statsTabTrendEmpty, { days: format.number(historyDays) })}</p>
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

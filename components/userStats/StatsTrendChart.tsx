import { useId } from 'react';
import { nativeTokenAddress, type StatsHistoryDay } from '../../src/userStats/contract.js';
import { cx } from '../shared/cx.js';
import { formatTokenAmount } from '../shared/formatTokenAmount.js';
import { formatLabel, pluralLabel, type PodiumLabels } from '../labels.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';

export interface StatsTrendChartProps extends StatsTabPartStyle {
  /** Every UTC day in order (zeros included), as `GET .../stats/history` returns them. */
  days: readonly StatsHistoryDay[];
  labels: PodiumLabels;
  format: PodiumFormatters;
  /** Level of the part's heading. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

const ether = { address: nativeTokenAddress, symbol: 'ETH', decimals: 18 } as const;
const STEP = 10;
const HEIGHT = 100;

type Series = 'sales' | 'purchases';
const colour: Record<Series, string> = { sales: 'var(--podium-accent)', purchases: 'var(--podium-series-2)' };

/**
 * Daily sales and purchase volume (native token) as two SVG lines. The SVG is hidden from
 * assistive technology; the legend states each total in words and a visually hidden table
 * carries every day's figures.
 */
export function StatsTrendChart({
  days,
  labels,
  format,
  headingLevel = 3,
  styled,
  classNames,
}: StatsTrendChartProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  const volume = (day: StatsHistoryDay, series: Series) =>
    BigInt(series === 'sales' ? day.salesVolumeWei : day.purchasesVolumeWei);
  const total = (series: Series) => days.reduce((sum, day) => sum + volume(day, series), 0n);
  let max = 0n;
  for (const day of days)
    for (const series of ['sales', 'purchases'] as const)
      if (volume(day, series) > max) max = volume(day, series);
  const eth = (wei: bigint | string) => formatTokenAmount(wei, ether, format.locale);
  const width = Math.max(1, days.length - 1) * STEP;
  // Ratios only: a float is plenty precise for a pixel, even for 10^30 wei.
  const y = (wei: bigint) => (max === 0n ? HEIGHT : HEIGHT - (Number(wei) / Number(max)) * HEIGHT);
  const points = (series: Series) =>
    days.map((day, index) => `${index * STEP},${y(volume(day, series)).toFixed(2)}`).join(' ');
  const legend: { series: Series; label: string }[] = [
    { series: 'sales', label: labels.statsTabTrendSales },
    { series: 'purchases', label: labels.statsTabTrendPurchases },
  ];
  const first = days[0];
  const last = days.at(-1);

  return (
    <figure
      className={cx(
        'podium-stats-tab__chart',
        styled && 'podium:m-0 podium:flex podium:flex-col podium:gap-2',
        classNames.chart,
      )}
      aria-labelledby={titleId}
    >
      <figcaption>
        <Heading
          id={titleId}
          className={cx(
            'podium-stats-tab__section-title',
            styled && 'podium:m-0 podium:text-base podium:font-semibold',
            classNames.sectionTitle,
          )}
        >
          {labels.statsTabTrendTitle}
        </Heading>
      </figcaption>
      <ul
        className={cx(
          'podium-stats-tab__legend',
          styled &&
            'podium:m-0 podium:flex podium:flex-wrap podium:gap-x-4 podium:gap-y-1 podium:p-0 podium:list-none podium:text-sm',
        )}
      >
        {legend.map(({ series, label }) => (
          <li
            key={series}
            data-series={series}
            className={cx(styled && 'podium:flex podium:items-center podium:gap-1.5')}
          >
            <span
              aria-hidden="true"
              className={cx(styled && 'podium:inline-block podium:h-0.5 podium:w-4')}
              style={{ background: colour[series] }}
            />
            {formatLabel(pluralLabel(labels, 'statsTabTrendTotal', days.length, format.locale), {
              series: label,
              amount: eth(total(series)),
              days: format.number(days.length),
            })}
          </li>
        ))}
      </ul>
      <div
        aria-hidden="true"
        className={cx(
          'podium-stats-tab__chart-plot',
          styled && 'podium:flex podium:items-stretch podium:gap-2',
        )}
      >
        <span
          className={cx(
            styled && 'podium:shrink-0 podium:text-xs podium:text-(--podium-muted) podium:tabular-nums',
          )}
        >
          {eth(max)}
        </span>
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          focusable="false"
          className={cx(
            'podium-stats-tab__chart-svg',
            styled &&
              // flex-1 + min-w-0, not w-full: 100% of the row plus the axis label overflowed the card.
              'podium:h-32 podium:min-w-0 podium:flex-1 podium:border-b podium:border-(--podium-control-border) podium:overflow-visible',
          )}
        >
          {legend.map(({ series }) => (
            <polyline
              key={series}
              data-series={series}
              points={points(series)}
              fill="none"
              stroke={colour[series]}
              strokeWidth={2}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
              strokeDasharray={series === 'purchases' ? '4 3' : undefined}
            />
          ))}
        </svg>
      </div>
      {first && last ? (
        <div
          aria-hidden="true"
          className={cx(
            styled && 'podium:flex podium:justify-between podium:text-xs podium:text-(--podium-muted)',
          )}
        >
          <span>{format.day(first.date)}</span>
          <span>{format.day(last.date)}</span>
        </div>
      ) : null}
      {/* Hidden through a wrapper: a table ignores the 1 px box of .podium-sr-only and would
          still take its full width and height (a 1,000 px blank below the page, sideways scroll). */}
      <div className="podium-sr-only">
        <table>
          <caption>{labels.statsTabTrendTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.statsTabColDate}</th>
              <th scope="col">{labels.statsTabColSalesCount}</th>
              <th scope="col">{labels.statsTabColSalesVolume}</th>
              <th scope="col">{labels.statsTabColPurchasesCount}</th>
              <th scope="col">{labels.statsTabColPurchasesVolume}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{format.day(day.date)}</th>
                <td>{format.number(day.salesCount)}</td>
                <td>{eth(day.salesVolumeWei)}</td>
                <td>{format.number(day.purchasesCount)}</td>
                <td>{eth(day.purchasesVolumeWei)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

import { useId } from 'react';
import { nativeTokenAddress, type StatsHistoryDay } from '../../src/userStats/contract.js';
import { ChartDataTable } from '../shared/ChartDataTable.js';
import { ChartPlot, ChartTooltipRow } from '../shared/ChartPlot.js';
import { cx } from '../shared/cx.js';
import { TrendIcon } from '../shared/icons/TrendIcon.js';
import { niceScale } from '../shared/niceScale.js';
import { formatTokenAmount } from '../shared/formatTokenAmount.js';
import { formatLabel, pluralLabel } from '../labels.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { StatsTabLabels } from './statsTabLabels.js';

export interface StatsTrendChartProps extends StatsTabPartStyle {
  /** Every UTC day in order (zeros included), as `GET .../stats/history` returns them. */
  days: readonly StatsHistoryDay[];
  labels: StatsTabLabels;
  format: PodiumFormatters;
  /** Level of the part's heading. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

const ether = { address: nativeTokenAddress, symbol: 'ETH', decimals: 18 } as const;
const STEP = 10;
const HEIGHT = 100;
const WEI_PER_ETH = 1e18;

type Series = 'sales' | 'purchases';
const colour: Record<Series, string> = { sales: 'var(--podium-accent)', purchases: 'var(--podium-series-2)' };
const seriesOrder: readonly Series[] = ['sales', 'purchases'];

/**
 * Daily sales and purchase volume (native token) as two SVG lines over round gridlines in ETH,
 * with a tooltip of the exact amounts on hover or keyboard focus (arrow keys move between days).
 * The legend states each total in words and a visually hidden table carries every day's figures.
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
  for (const day of days) for (const series of seriesOrder) if (volume(day, series) > max) max = volume(day, series);
  const eth = (wei: bigint | string) => formatTokenAmount(wei, ether, format.locale);
  // Ratios only: a float is plenty precise for a pixel or an axis label, even for 10^30 wei.
  const scale = niceScale(Number(max) / WEI_PER_ETH);
  const share = (wei: bigint) => Number(wei) / WEI_PER_ETH / scale.max;
  const width = Math.max(1, days.length - 1) * STEP;
  const positionOf = (index: number) => (days.length > 1 ? index / (days.length - 1) : 0.5);
  const line = (series: Series) =>
    days.map((day, index) => `${index * STEP},${(HEIGHT - share(volume(day, series)) * HEIGHT).toFixed(2)}`).join(' ');
  const label: Record<Series, string> = { sales: labels.statsTabTrendSales, purchases: labels.statsTabTrendPurchases };
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
            styled && 'podium:m-0 podium:flex podium:items-center podium:gap-2 podium:text-base podium:font-semibold',
            classNames.sectionTitle,
          )}
        >
          <TrendIcon className={cx(styled && 'podium:text-(--podium-muted)')} />
          {labels.statsTabTrendTitle}
        </Heading>
      </figcaption>
      <ul
        className={cx(
          'podium-stats-tab__legend',
          styled &&
            'podium:m-0 podium:flex podium:flex-wrap podium:gap-x-4 podium:gap-y-1 podium:p-0 podium:list-none podium:text-sm podium:tabular-nums',
        )}
      >
        {seriesOrder.map((series) => (
          <li
            key={series}
            data-series={series}
            className={cx(styled && 'podium:flex podium:items-center podium:gap-1.5')}
          >
            <svg aria-hidden="true" focusable="false" viewBox="0 0 16 4" className={cx(styled && 'podium:h-1 podium:w-4')}>
              <line
                x1={0}
                y1={2}
                x2={16}
                y2={2}
                stroke={colour[series]}
                strokeWidth={4}
                strokeDasharray={series === 'purchases' ? '4 3' : undefined}
              />
            </svg>
            {formatLabel(pluralLabel(labels, 'statsTabTrendTotal', days.length, format.locale), {
              series: label[series],
              amount: eth(total(series)),
              days: format.number(days.length),
            })}
          </li>
        ))}
      </ul>
      <ChartPlot
        block="podium-stats-tab__chart"
        count={days.length}
        positionOf={positionOf}
        indexAt={(at) => Math.round(at * (days.length - 1))}
        ticks={scale.ticks.map((value) => ({ at: value / scale.max, label: format.axis(value, scale.step) }))}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        labelledBy={titleId}
        keyboardHint={labels.chartKeyboardHint}
        describe={(index) =>
          formatLabel(labels.statsTabTrendPoint, {
            date: format.day(days[index]!.date),
            sales: eth(days[index]!.salesVolumeWei),
            purchases: eth(days[index]!.purchasesVolumeWei),
          })
        }
        renderSvg={() =>
          seriesOrder.map((series) => (
            <g key={series} data-series={series}>
              {/* A faint area under each line, as dashboards draw volume. */}
              <polygon points={`0,${HEIGHT} ${line(series)} ${width},${HEIGHT}`} fill={colour[series]} fillOpacity={0.08} />
              <polyline
                data-series={series}
                points={line(series)}
                fill="none"
                stroke={colour[series]}
                strokeWidth={2}
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
                strokeDasharray={series === 'purchases' ? '4 3' : undefined}
              />
            </g>
          ))
        }
        renderOverlay={(active) =>
          active === null ? null : (
            <>
              <span
                aria-hidden="true"
                className={cx(
                  'podium-stats-tab__chart-guide',
                  styled && 'podium:pointer-events-none podium:absolute podium:inset-y-0 podium:w-px podium:bg-(--podium-control-border)',
                )}
                style={{ left: `${positionOf(active) * 100}%` }}
              />
              {seriesOrder.map((series) => (
                <span
                  key={series}
                  aria-hidden="true"
                  data-series={series}
                  className={cx(
                    'podium-stats-tab__chart-marker',
                    styled &&
                      'podium:pointer-events-none podium:absolute podium:size-2.5 podium:-translate-x-1/2 podium:translate-y-1/2 podium:rounded-full podium:border-2 podium:bg-(--podium-bg)',
                  )}
                  style={{
                    left: `${positionOf(active) * 100}%`,
                    bottom: `${share(volume(days[active]!, series)) * 100}%`,
                    borderColor: colour[series],
                  }}
                />
              ))}
            </>
          )
        }
        renderTooltip={(index) => (
          <>
            <span className={cx(styled && 'podium:font-semibold')}>{format.day(days[index]!.date)}</span>
            {seriesOrder.map((series) => (
              <ChartTooltipRow
                key={series}
                label={label[series]}
                value={eth(volume(days[index]!, series))}
                swatch={colour[series]}
                styled={styled}
              />
            ))}
          </>
        )}
        xAxis={
          first && last ? (
            <>
              <span>{format.day(first.date)}</span>
              <span>{format.day(last.date)}</span>
            </>
          ) : null
        }
        styled={styled}
      />
      <ChartDataTable
        caption={labels.statsTabTrendTableCaption}
        columns={[
          labels.statsTabColDate,
          labels.statsTabColSalesCount,
          labels.statsTabColSalesVolume,
          labels.statsTabColPurchasesCount,
          labels.statsTabColPurchasesVolume,
        ]}
        rows={days.map((day) => ({
          key: day.date,
          header: format.day(day.date),
          cells: [
            format.number(day.salesCount),
            eth(day.salesVolumeWei),
            format.number(day.purchasesCount),
            eth(day.purchasesVolumeWei),
          ],
        }))}
      />
    </figure>
  );
}

import { useId } from 'react';
import type { ShareAnalyticsResponse } from '../../src/referrals/analyticsContract.js';
import { ChartDataTable } from '../shared/ChartDataTable.js';
import { ChartPlot, ChartTooltipRow } from '../shared/ChartPlot.js';
import { cx } from '../shared/cx.js';
import { niceScale } from '../shared/niceScale.js';
import { formatLabel, pluralLabel } from '../labels.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { ShareAnalyticsPartStyle } from './shareAnalyticsSlots.js';
import type { ShareAnalyticsLabels } from './shareAnalyticsLabels.js';

export interface ShareStreakProps extends ShareAnalyticsPartStyle {
  streak: ShareAnalyticsResponse['streak'];
  /** Shares and clicks per day, the last 30 days, oldest first. */
  daily: ShareAnalyticsResponse['daily'];
  labels: ShareAnalyticsLabels;
  format: PodiumFormatters;
  /** Level of the part's heading. @default 3 */
  headingLevel?: 3 | 4 | 5 | 6;
}

const BAR = 8;
const GAP = 3;
const HEIGHT = 100;

/**
 * The share streak: current and longest (in days of the streak's time zone), a nudge to keep it
 * going, and the last 30 days of shares as bars (clicks in the tooltip), keyboard-readable, with
 * a visually hidden table of every day.
 */
export function ShareStreak({
  streak,
  daily,
  labels,
  format,
  headingLevel = 3,
  styled,
  classNames,
}: ShareStreakProps) {
  const titleId = useId();
  const chartId = useId();
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${Math.min(6, headingLevel + 1)}` as 'h4';
  const days = (count: number) =>
    formatLabel(pluralLabel(labels, 'shareAnalyticsDays', count, format.locale), {
      count: format.number(count),
    });
  const today = daily.at(-1)?.day;
  const sharedToday = today !== undefined && streak.lastShareDay === today;
  const nudge =
    streak.current === 0
      ? labels.shareAnalyticsStreakStart
      : sharedToday
        ? null
        : labels.shareAnalyticsStreakKeep;
  const scale = niceScale(Math.max(1, ...daily.map((d) => d.shares)), { integer: true });
  const width = Math.max(1, daily.length) * (BAR + GAP) - GAP;
  const first = daily[0];
  const last = daily.at(-1);
  const text = (index: number) => {
    const d = daily[index]!;
    return { date: format.day(d.day), shares: format.number(d.shares), clicks: format.number(d.clicks) };
  };

  const figure = (name: string, label: string, value: number) => (
    <div
      data-figure={name}
      className={cx(
        'podium-share-analytics__streak-figure',
        styled &&
          'podium:flex podium:flex-col podium:gap-0.5 podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:px-3 podium:py-2',
        classNames.streakFigure,
      )}
    >
      <dt className={cx(styled && 'podium:text-xs podium:text-(--podium-muted)')}>{label}</dt>
      <dd className={cx(styled && 'podium:m-0 podium:text-xl podium:font-semibold podium:tabular-nums')}>
        {days(value)}
      </dd>
    </div>
  );

  return (
    <section
      aria-labelledby={titleId}
      className={cx(
        'podium-share-analytics__streak',
        styled && 'podium:flex podium:min-w-0 podium:flex-col podium:gap-3',
        classNames.streak,
      )}
    >
      <Heading
        id={titleId}
        className={cx(
          'podium-share-analytics__section-title',
          styled && 'podium:m-0 podium:text-sm podium:font-semibold',
          classNames.sectionTitle,
        )}
      >
        {labels.shareAnalyticsStreakTitle}
      </Heading>
      <dl className={cx(styled && 'podium:m-0 podium:grid podium:grid-cols-2 podium:gap-2')}>
        {figure('current', labels.shareAnalyticsStreakCurrent, streak.current)}
        {figure('longest', labels.shareAnalyticsStreakLongest, streak.longest)}
      </dl>
      {nudge ? (
        <p className={cx(styled && 'podium:m-0 podium:text-xs podium:text-(--podium-muted)')}>{nudge}</p>
      ) : null}
      <figure
        aria-labelledby={chartId}
        className={cx(
          'podium-share-analytics__chart',
          styled && 'podium:m-0 podium:flex podium:flex-col podium:gap-2',
          classNames.chart,
        )}
      >
        <figcaption>
          <Sub
            id={chartId}
            className={cx(
              styled && 'podium:m-0 podium:text-xs podium:font-medium podium:text-(--podium-muted)',
            )}
          >
            {labels.shareAnalyticsDailyTitle}
          </Sub>
        </figcaption>
        <ChartPlot
          block="podium-share-analytics__chart"
          count={daily.length}
          positionOf={(index) => (index * (BAR + GAP) + BAR / 2) / width}
          indexAt={(share) => Math.floor((share * (width + GAP)) / (BAR + GAP))}
          ticks={scale.ticks.map((value) => ({
            at: value / scale.max,
            label: format.axis(value, scale.step),
          }))}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          labelledBy={chartId}
          keyboardHint={labels.chartKeyboardHint}
          describe={(index) => formatLabel(labels.shareAnalyticsDailyPoint, text(index))}
          renderSvg={(active) =>
            daily.map((d, index) => {
              const x = index * (BAR + GAP);
              const h = (d.shares / scale.max) * HEIGHT;
              return (
                <g key={d.day} data-day={d.day}>
                  {index === active ? (
                    <rect
                      x={x - GAP / 2}
                      y={0}
                      width={BAR + GAP}
                      height={HEIGHT}
                      fill="var(--podium-fg)"
                      fillOpacity={0.07}
                    />
                  ) : null}
                  {h > 0 ? (
                    <rect x={x} y={HEIGHT - h} width={BAR} height={h} rx={1.5} fill="var(--podium-accent)" />
                  ) : (
                    // A hairline marks a day without shares, so the 30 days read as a calendar.
                    <rect x={x} y={HEIGHT - 1.5} width={BAR} height={1.5} fill="var(--podium-border)" />
                  )}
                </g>
              );
            })
          }
          renderTooltip={(index) => {
            const t = text(index);
            return (
              <>
                <span className={cx(styled && 'podium:font-semibold')}>{t.date}</span>
                <ChartTooltipRow
                  label={labels.shareAnalyticsShares}
                  value={t.shares}
                  swatch="var(--podium-accent)"
                  styled={styled}
                />
                <ChartTooltipRow label={labels.shareAnalyticsClicks} value={t.clicks} styled={styled} />
              </>
            );
          }}
          xAxis={
            first && last ? (
              <>
                <span>{format.day(first.day)}</span>
                <span>{format.day(last.day)}</span>
              </>
            ) : null
          }
          styled={styled}
        />
        <ChartDataTable
          caption={labels.shareAnalyticsDailyCaption}
          columns={[labels.shareAnalyticsColDay, labels.shareAnalyticsShares, labels.shareAnalyticsClicks]}
          rows={daily.map((d) => ({
            key: d.day,
            header: format.day(d.day),
            cells: [format.number(d.shares), format.number(d.clicks)],
          }))}
        />
      </figure>
    </section>
  );
}

import { useId } from 'react';
import type { JobDay } from '../../src/jobs/contract.js';
import { ChartDataTable } from '../shared/ChartDataTable.js';
import { ChartPlot, ChartTooltipRow } from '../shared/ChartPlot.js';
import { cx } from '../shared/cx.js';
import { BarChartIcon } from '../shared/icons/BarChartIcon.js';
import { niceScale } from '../shared/niceScale.js';
import type { JobStatsPartStyle } from './jobStatsSlots.js';
import { formatLabel } from '../labels.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { JobStatsLabels } from './jobStatsLabels.js';

export interface DailyJobsChartProps extends JobStatsPartStyle {
  /** Every day of the range, in order (zeros included), as the API returns it. */
  series: readonly JobDay[];
  labels: JobStatsLabels;
  format: PodiumFormatters;
  /** Level of the part's heading. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

const BAR = 10;
const GAP = 3;
const HEIGHT = 100;

/**
 * Requested items per day as stacked SVG bars (successful, failed, still pending) over round
 * gridlines, with a tooltip of the exact counts on hover or keyboard focus (arrow keys move
 * between days). A visually hidden table carries every day's figures for screen readers.
 */
export function DailyJobsChart({
  series,
  labels,
  format,
  headingLevel = 3,
  styled,
  classNames,
}: DailyJobsChartProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  const scale = niceScale(Math.max(0, ...series.map((day) => Math.max(day.requested, day.successful + day.failed))), {
    integer: true,
  });
  const width = Math.max(1, series.length) * (BAR + GAP) - GAP;
  const height = (count: number) => (count / scale.max) * HEIGHT;
  const first = series[0];
  const last = series.at(-1);
  const counts = (day: JobDay) => ({
    date: format.day(day.date),
    requested: format.number(day.requested),
    successful: format.number(day.successful),
    failed: format.number(day.failed),
  });

  return (
    <figure
      className={cx(
        'podium-job-stats__chart',
        styled && 'podium:m-0 podium:flex podium:flex-col podium:gap-2',
        classNames.chart,
      )}
      aria-labelledby={titleId}
    >
      <figcaption>
        <Heading
          id={titleId}
          className={cx(
            'podium-job-stats__subtitle',
            styled && 'podium:m-0 podium:flex podium:items-center podium:gap-2 podium:text-sm podium:font-semibold',
          )}
        >
          <BarChartIcon className={cx(styled && 'podium:text-(--podium-muted)')} />
          {labels.jobStatsChartTitle}
        </Heading>
      </figcaption>
      <ChartPlot
        block="podium-job-stats__chart"
        count={series.length}
        positionOf={(index) => (index * (BAR + GAP) + BAR / 2) / width}
        indexAt={(share) => Math.floor((share * (width + GAP)) / (BAR + GAP))}
        ticks={scale.ticks.map((value) => ({ at: value / scale.max, label: format.axis(value, scale.step) }))}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        labelledBy={titleId}
        keyboardHint={labels.chartKeyboardHint}
        describe={(index) => formatLabel(labels.jobStatsChartBarTitle, counts(series[index]!))}
        renderSvg={(active) =>
          series.map((day, index) => {
            const x = index * (BAR + GAP);
            const successful = height(day.successful);
            const failed = height(day.failed);
            const pending = height(Math.max(0, day.requested - day.successful - day.failed));
            return (
              <g key={day.date} data-date={day.date}>
                {index === active ? (
                  <rect
                    x={x - GAP / 2}
                    y={0}
                    width={BAR + GAP}
                    height={HEIGHT}
                    fill="var(--podium-fg)"
                    fillOpacity={0.07}
                    data-highlight=""
                  />
                ) : null}
                {successful > 0 ? (
                  <rect x={x} y={HEIGHT - successful} width={BAR} height={successful} fill="var(--podium-success)" data-outcome="successful" />
                ) : null}
                {failed > 0 ? (
                  <rect x={x} y={HEIGHT - successful - failed} width={BAR} height={failed} fill="var(--podium-danger)" data-outcome="failed" />
                ) : null}
                {pending > 0 ? (
                  <rect
                    x={x}
                    y={HEIGHT - successful - failed - pending}
                    width={BAR}
                    height={pending}
                    fill="var(--podium-pending)"
                    data-outcome="pending"
                  />
                ) : null}
              </g>
            );
          })
        }
        renderTooltip={(index) => {
          const day = series[index]!;
          const text = counts(day);
          return (
            <>
              <span className={cx(styled && 'podium:font-semibold')}>{text.date}</span>
              <ChartTooltipRow label={labels.jobStatsColRequested} value={text.requested} styled={styled} />
              <ChartTooltipRow
                label={labels.jobStatsOutcomeSuccessful}
                value={text.successful}
                swatch="var(--podium-success)"
                styled={styled}
              />
              <ChartTooltipRow
                label={labels.jobStatsOutcomeFailed}
                value={text.failed}
                swatch="var(--podium-danger)"
                styled={styled}
              />
              <ChartTooltipRow
                label={labels.jobStatsOutcomePending}
                value={format.number(Math.max(0, day.requested - day.successful - day.failed))}
                swatch="var(--podium-pending)"
                styled={styled}
              />
            </>
          );
        }}
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
        caption={labels.jobStatsChartTableCaption}
        columns={[
          labels.jobStatsColDate,
          labels.jobStatsColJobs,
          labels.jobStatsColRequested,
          labels.jobStatsColSuccessful,
          labels.jobStatsColFailed,
        ]}
        rows={series.map((day) => ({
          key: day.date,
          header: format.day(day.date),
          cells: [day.jobs, day.requested, day.successful, day.failed].map((count) => format.number(count)),
        }))}
      />
    </figure>
  );
}

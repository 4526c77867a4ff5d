import { useId } from 'react';
import type { JobDay } from '../../src/jobs/contract.js';
import { cx } from '../shared/cx.js';
import type { JobStatsPartStyle } from './jobStatsSlots.js';
import { formatLabel, type PodiumLabels } from '../labels.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';

export interface DailyJobsChartProps extends JobStatsPartStyle {
  /** Every day of the range, in order (zeros included), as the API returns it. */
  series: readonly JobDay[];
  labels: PodiumLabels;
  format: PodiumFormatters;
  /** Level of the part's heading. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

const BAR = 10;
const GAP = 2;
const HEIGHT = 100;

/**
 * Requested items per day as plain SVG bars, split into successful, failed and pending. The SVG
 * is hidden from assistive technology; a visually hidden table carries the same figures.
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
  const max = Math.max(1, ...series.map((day) => Math.max(day.requested, day.successful + day.failed)));
  const width = Math.max(1, series.length) * (BAR + GAP);
  const scale = (count: number) => (count / max) * HEIGHT;
  const first = series[0];
  const last = series.at(-1);

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
            styled && 'podium:m-0 podium:text-sm podium:font-semibold',
          )}
        >
          {labels.jobStatsChartTitle}
        </Heading>
      </figcaption>
      <div
        aria-hidden="true"
        className={cx(
          'podium-job-stats__chart-plot',
          styled && 'podium:flex podium:items-stretch podium:gap-2',
        )}
      >
        <span
          className={cx(
            'podium-job-stats__chart-max',
            styled && 'podium:text-xs podium:text-(--podium-muted) podium:tabular-nums',
          )}
        >
          {format.number(max)}
        </span>
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          focusable="false"
          className={cx(
            'podium-job-stats__chart-svg',
            styled && 'podium:h-32 podium:w-full podium:border-b podium:border-(--podium-control-border)',
          )}
        >
          {series.map((day, index) => {
            const x = index * (BAR + GAP);
            const successful = scale(day.successful);
            const failed = scale(day.failed);
            const pending = scale(Math.max(0, day.requested - day.successful - day.failed));
            return (
              <g key={day.date} data-date={day.date}>
                <title>
                  {formatLabel(labels.jobStatsChartBarTitle, {
                    date: format.day(day.date),
                    requested: format.number(day.requested),
                    successful: format.number(day.successful),
                    failed: format.number(day.failed),
                  })}
                </title>
                {/* Transparent full-height hit area so the tooltip works on empty days too. */}
                <rect x={x} y={0} width={BAR} height={HEIGHT} fill="transparent" />
                {successful > 0 ? (
                  <rect
                    x={x}
                    y={HEIGHT - successful}
                    width={BAR}
                    height={successful}
                    fill="var(--podium-success)"
                    data-outcome="successful"
                  />
                ) : null}
                {failed > 0 ? (
                  <rect
                    x={x}
                    y={HEIGHT - successful - failed}
                    width={BAR}
                    height={failed}
                    fill="var(--podium-danger)"
                    data-outcome="failed"
                  />
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
          })}
        </svg>
      </div>
      {first && last ? (
        <div
          aria-hidden="true"
          className={cx(
            'podium-job-stats__chart-axis',
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
          <caption>{labels.jobStatsChartTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.jobStatsColDate}</th>
              <th scope="col">{labels.jobStatsColJobs}</th>
              <th scope="col">{labels.jobStatsColRequested}</th>
              <th scope="col">{labels.jobStatsColSuccessful}</th>
              <th scope="col">{labels.jobStatsColFailed}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((day) => (
              <tr key={day.date}>
                <th scope="row">{format.day(day.date)}</th>
                <td>{format.number(day.jobs)}</td>
                <td>{format.number(day.requested)}</td>
                <td>{format.number(day.successful)}</td>
                <td>{format.number(day.failed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

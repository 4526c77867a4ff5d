import type { ReactNode } from 'react';
import type { Percentile } from '../../src/userStats/contract.js';
import { cx } from '../shared/cx.js';
import { PercentileBadge } from './PercentileBadge.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { StatsTabLabels } from './statsTabLabels.js';

export interface StatsFigureProps extends StatsTabPartStyle {
  /** What the figure is, e.g. "Unique buyers". */
  label: string;
  /** The formatted figure. */
  value: string;
  /** Names the figure for `data-figure` (tests, host CSS), e.g. `salesVolume`. */
  name: string;
  /** Where the subject stands on this figure, shown as a badge. @default null */
  percentile?: Percentile;
  /** A short explanation under the figure. */
  hint?: ReactNode;
  labels: StatsTabLabels;
  format: PodiumFormatters;
}

/**
 * One figure of a stats section as a `dt`/`dd` group (like JobStats' KpiCard, with its own
 * structural classes and an optional percentile badge).
 */
export function StatsFigure({
  label,
  value,
  name,
  percentile = null,
  hint,
  labels,
  format,
  styled,
  classNames,
}: StatsFigureProps) {
  return (
    <div
      className={cx(
        'podium-stats-tab__figure',
        styled &&
          'podium:flex podium:flex-col podium:gap-1 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:p-3',
        classNames.figure,
      )}
      data-figure={name}
    >
      <dt
        className={cx(
          'podium-stats-tab__figure-label',
          styled && 'podium:text-sm podium:text-(--podium-muted)',
          classNames.figureLabel,
        )}
      >
        {label}
      </dt>
      <dd
        className={cx(
          'podium-stats-tab__figure-value',
          styled && 'podium:m-0 podium:text-xl podium:font-semibold podium:tabular-nums podium:break-words',
          classNames.figureValue,
        )}
      >
        {value}
      </dd>
      {percentile ? (
        <dd className={cx('podium-stats-tab__figure-rank', styled && 'podium:m-0')}>
          <PercentileBadge
            percentile={percentile}
            labels={labels}
            format={format}
            styled={styled}
            classNames={classNames}
          />
        </dd>
      ) : null}
      {hint ? (
        <dd
          className={cx(
            'podium-stats-tab__figure-hint',
            styled && 'podium:m-0 podium:text-xs podium:text-(--podium-muted)',
            classNames.figureHint,
          )}
        >
          {hint}
        </dd>
      ) : null}
    </div>
  );
}

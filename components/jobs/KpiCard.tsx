import type { ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import type { JobStatsPartStyle } from './jobStatsSlots.js';

export interface KpiCardProps extends JobStatsPartStyle {
  /** What the figure is, e.g. "Requested". */
  label: string;
  /** The formatted figure. */
  value: string;
  /** A short explanation under the figure. */
  hint?: ReactNode;
  /** Names the figure for `data-kpi` (tests, host CSS). */
  name: string;
  /** Colours the figure (never the only signal: the label says what it is). @default 'default' */
  tone?: 'default' | 'success' | 'danger';
}

/** One figure of the totals, as a `dt`/`dd` pair inside the KPI list. */
export function KpiCard({ label, value, hint, name, tone = 'default', styled, classNames }: KpiCardProps) {
  return (
    <div
      className={cx(
        'podium-job-stats__kpi',
        styled &&
          'podium:flex podium:flex-col podium:gap-1 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:p-3',
        classNames.kpi,
      )}
      data-kpi={name}
    >
      <dt className={cx('podium-job-stats__kpi-label', styled && 'podium:text-sm podium:text-(--podium-muted)', classNames.kpiLabel)}>
        {label}
      </dt>
      <dd
        className={cx(
          'podium-job-stats__kpi-value',
          // One size down in a narrow widget, and free to break: 537,111,325 is wider than a phone's card.
          styled && 'podium:m-0 podium:text-xl podium:@sm:text-2xl podium:font-semibold podium:tabular-nums podium:break-words',
          styled && tone === 'success' && 'podium:text-(--podium-success)',
          styled && tone === 'danger' && 'podium:text-(--podium-danger)',
          classNames.kpiValue,
        )}
      >
        {value}
      </dd>
      {hint ? (
        <dd className={cx('podium-job-stats__kpi-hint', styled && 'podium:m-0 podium:text-xs podium:text-(--podium-muted)', classNames.kpiHint)}>
          {hint}
        </dd>
      ) : null}
    </div>
  );
}

import { useId } from 'react';
import type { JobTotals } from '../../src/jobs/contract.js';
import { cx } from '../shared/cx.js';
import { PieChartIcon } from '../shared/icons/PieChartIcon.js';
import type { JobStatsPartStyle } from './jobStatsSlots.js';
import { formatLabel } from '../labels.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { JobStatsLabels } from './jobStatsLabels.js';

export interface SuccessRateBarProps extends JobStatsPartStyle {
  totals: Pick<JobTotals, 'requested' | 'successful' | 'failed'>;
  labels: JobStatsLabels;
  format: PodiumFormatters;
  /** Level of the part's heading. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

type Outcome = 'successful' | 'failed' | 'pending';

/**
 * How the requested items ended: successful, failed and still pending, as one stacked bar with a
 * legend that states every count and share in text (the bar alone would rely on colour).
 */
export function SuccessRateBar({ totals, labels, format, headingLevel = 3, styled, classNames }: SuccessRateBarProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  const pending = Math.max(0, totals.requested - totals.successful - totals.failed);
  // Counts may briefly exceed `requested` while a job is being updated: never draw past 100%.
  const whole = Math.max(totals.requested, totals.successful + totals.failed) || 1;
  const parts: { outcome: Outcome; count: number; label: string }[] = [
    { outcome: 'successful', count: totals.successful, label: labels.jobStatsOutcomeSuccessful },
    { outcome: 'failed', count: totals.failed, label: labels.jobStatsOutcomeFailed },
    { outcome: 'pending', count: pending, label: labels.jobStatsOutcomePending },
  ];
  const fill: Record<Outcome, string> = {
    successful: 'podium:bg-(--podium-success)',
    failed: 'podium:bg-(--podium-danger)',
    pending: 'podium:bg-[repeating-linear-gradient(135deg,var(--podium-pending)_0_4px,transparent_4px_8px)]',
  };

  return (
    <div
      className={cx('podium-job-stats__outcomes', styled && 'podium:flex podium:flex-col podium:gap-2', classNames.outcomes)}
      role="group"
      aria-labelledby={titleId}
    >
      <Heading
        id={titleId}
        className={cx('podium-job-stats__subtitle', styled && 'podium:m-0 podium:flex podium:items-center podium:gap-2 podium:text-sm podium:font-semibold')}
      >
        <PieChartIcon className={cx(styled && 'podium:text-(--podium-muted)')} />
        {labels.jobStatsOutcomesTitle}
      </Heading>
      <div
        aria-hidden="true"
        className={cx(
          'podium-job-stats__outcomes-bar',
          styled && 'podium:flex podium:h-3 podium:w-full podium:overflow-hidden podium:rounded-full podium:bg-(--podium-surface) podium:border podium:border-(--podium-border)',
        )}
      >
        {parts.map((part) =>
          part.count > 0 ? (
            <span
              key={part.outcome}
              data-outcome={part.outcome}
              className={cx('podium-job-stats__outcomes-segment', styled && 'podium:h-full podium:transition-[width]', styled && fill[part.outcome])}
              style={{ width: `${(part.count / whole) * 100}%` }}
            />
          ) : null,
        )}
      </div>
      <ul className={cx('podium-job-stats__legend', styled && 'podium:m-0 podium:flex podium:flex-wrap podium:gap-x-4 podium:gap-y-1 podium:p-0 podium:list-none podium:text-sm')}>
        {parts.map((part) => (
          <li key={part.outcome} data-outcome={part.outcome} className={cx('podium-job-stats__legend-item', styled && 'podium:flex podium:flex-wrap podium:items-center podium:gap-1.5')}>
            <span
              aria-hidden="true"
              className={cx(
                'podium-job-stats__swatch',
                styled && 'podium:inline-block podium:size-3 podium:rounded-sm podium:border podium:border-(--podium-border)',
                styled && fill[part.outcome],
              )}
            />
            <span>{part.label}:</span>
            <span className={cx(styled && 'podium:font-medium podium:tabular-nums')}>
              {formatLabel(labels.jobStatsOutcomeValue, {
                count: format.number(part.count),
                percent: format.percent(part.count / whole),
              })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { cx } from '../shared/cx.js';
import type { JobStatsPartStyle } from './jobStatsSlots.js';

export interface JobStatsSkeletonProps extends JobStatsPartStyle {
  /** Text for assistive technology while the figures load. */
  label: string;
}

/**
 * Placeholder blocks in the shape of the loaded view, so the layout does not jump when data
 * arrives. Pulses only when the user has not asked for reduced motion.
 */
export function JobStatsSkeleton({ label, styled, classNames }: JobStatsSkeletonProps) {
  const block = cx(
    'podium-job-stats__skeleton-block',
    styled && 'podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:animate-pulse podium:motion-reduce:animate-none',
  );
  return (
    <div className={cx('podium-job-stats__skeleton', styled && 'podium:flex podium:flex-col podium:gap-4', classNames.skeleton)}>
      <span className="podium-sr-only">{label}</span>
      <div aria-hidden="true" className={cx(styled && 'podium:grid podium:grid-cols-2 podium:gap-3 podium:sm:grid-cols-5')}>
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className={cx(block, styled && 'podium:h-20')} />
        ))}
      </div>
      <div aria-hidden="true" className={cx(block, styled && 'podium:h-3')} />
      <div aria-hidden="true" className={cx(block, styled && 'podium:h-32')} />
      <div aria-hidden="true" className={cx(block, styled && 'podium:h-40')} />
    </div>
  );
}

import { cx } from '../shared/cx.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';

export interface StatsTabSkeletonProps extends StatsTabPartStyle {
  /** Text for assistive technology while the figures load; leave out when a notice says it. */
  label?: string;
  /** How many section placeholders. @default 3 */
  sections?: number;
}

/**
 * Placeholder blocks in the shape of the loaded tab (headed rows of figure cards), so the layout
 * does not jump when data arrives. Pulses only when the user has not asked for reduced motion.
 */
export function StatsTabSkeleton({ label, sections = 3, styled, classNames }: StatsTabSkeletonProps) {
  const block = cx(
    'podium-stats-tab__skeleton-block',
    styled &&
      'podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:animate-pulse podium:motion-reduce:animate-none',
  );
  return (
    <div
      className={cx(
        'podium-stats-tab__skeleton',
        styled && 'podium:flex podium:flex-col podium:gap-5',
        classNames.skeleton,
      )}
    >
      {label ? <span className="podium-sr-only">{label}</span> : null}
      {Array.from({ length: sections }, (_, section) => (
        <div
          key={section}
          aria-hidden="true"
          className={cx(styled && 'podium:flex podium:flex-col podium:gap-2')}
        >
          <div className={cx(block, styled && 'podium:h-5 podium:w-32')} />
          <div className={cx(styled && 'podium:grid podium:grid-cols-2 podium:gap-3 podium:@xl:grid-cols-4')}>
            {[0, 1, 2, 3].map((i) => (
              <div key={i} className={cx(block, styled && 'podium:h-20')} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

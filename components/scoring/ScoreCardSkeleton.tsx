import { cx } from '../shared/cx.js';
import type { ScoreCardPartStyle } from './scoreCardSlots.js';

export interface ScoreCardSkeletonProps extends ScoreCardPartStyle {
  /** Text for assistive technology while the points load. */
  label?: string;
  /** How many placeholder rows of recent activity. @default 4 */
  rows?: number;
}

/**
 * Placeholder blocks in the shape of the loaded card (three figures, then recent activity), so
 * the layout does not jump when data arrives. Pulses only without reduced motion.
 */
export function ScoreCardSkeleton({ label, rows = 4, styled, classNames }: ScoreCardSkeletonProps) {
  const block = cx(
    'podium-score-card__skeleton-block',
    styled &&
      'podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:animate-pulse podium:motion-reduce:animate-none',
  );
  return (
    <div
      className={cx(
        'podium-score-card__skeleton',
        styled && 'podium:grid podium:gap-4 podium:@3xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]',
        classNames.skeleton,
      )}
    >
      {label ? <span className="podium-sr-only">{label}</span> : null}
      <div aria-hidden="true" className={cx(styled && 'podium:grid podium:grid-cols-2 podium:gap-3')}>
        <div className={cx(block, styled && 'podium:h-24')} />
        <div className={cx(block, styled && 'podium:h-24')} />
        <div className={cx(block, styled && 'podium:col-span-2 podium:h-28')} />
      </div>
      <div aria-hidden="true" className={cx(styled && 'podium:flex podium:flex-col podium:gap-2')}>
        <div className={cx(block, styled && 'podium:h-5 podium:w-32')} />
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className={cx(block, styled && 'podium:h-11')} />
        ))}
      </div>
    </div>
  );
}

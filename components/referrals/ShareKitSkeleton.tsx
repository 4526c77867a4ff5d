import { cx } from '../shared/cx.js';
import type { ShareKitClassNames } from './shareKitSlots.js';

interface ShareKitSkeletonProps {
  label: string;
  /** How many platform tiles the loaded kit will show. */
  count: number;
  styled: boolean;
  classNames: ShareKitClassNames;
}

/** Placeholders in the loaded kit's shape (link row, platform tiles, actions): no layout jump. */
export function ShareKitSkeleton({ label, count, styled, classNames }: ShareKitSkeletonProps) {
  const block = cx(
    styled &&
      'podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:animate-pulse podium:motion-reduce:animate-none',
  );
  return (
    <div
      className={cx(
        'podium-share-kit__skeleton',
        styled && 'podium:flex podium:flex-col podium:gap-5',
        classNames.skeleton,
      )}
    >
      <span className="podium-sr-only">{label}</span>
      <div aria-hidden="true" className={cx(block, styled && 'podium:mt-6 podium:h-10')} />
      <div
        aria-hidden="true"
        className={cx(styled && 'podium:grid podium:grid-cols-4 podium:gap-y-8 podium:@md:grid-cols-8')}
      >
        {Array.from({ length: count }, (_, index) => (
          <div
            key={index}
            className={cx(block, styled && 'podium:mx-auto podium:size-11 podium:rounded-full')}
          />
        ))}
      </div>
      <div aria-hidden="true" className={cx(block, styled && 'podium:h-9')} />
    </div>
  );
}

import { cx } from '../shared/cx.js';
import type { TemplateSelectorPartStyle } from './templateSelectorSlots.js';

/** Placeholder blocks in the selector's shape while the referral link loads; says what it waits for. */
export function TemplateSelectorSkeleton({
  label,
  styled,
  classNames,
}: TemplateSelectorPartStyle & { label: string }) {
  const block = cx(
    styled &&
      'podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:motion-safe:animate-pulse',
  );
  return (
    <div
      className={cx(
        'podium-template-selector__skeleton',
        styled && 'podium:grid podium:gap-3',
        classNames.skeleton,
      )}
    >
      <span className="podium-sr-only">{label}</span>
      <div aria-hidden="true" className={cx(block, styled && 'podium:h-9')} />
      <div aria-hidden="true" className={cx(block, styled && 'podium:h-7 podium:w-2/3')} />
      <div aria-hidden="true" className={cx(block, styled && 'podium:h-20')} />
      <div aria-hidden="true" className={cx(block, styled && 'podium:h-20')} />
    </div>
  );
}

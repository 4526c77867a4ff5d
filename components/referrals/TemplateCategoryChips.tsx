import type { TemplateCategory } from '../../src/referrals/templateFormat.js';
import { cx } from '../shared/cx.js';
import { TemplateCategoryDot } from './TemplateCategoryBadge.js';
import type { TemplateSelectorPartStyle } from './templateSelectorSlots.js';

export interface TemplateCategoryChipsProps extends TemplateSelectorPartStyle {
  /** Names the group, e.g. "Tone". */
  label: string;
  /** The word for no filter, e.g. "All". */
  allLabel: string;
  categories: readonly { value: TemplateCategory; label: string }[];
  /** The chosen tone, `null` for all. */
  value: TemplateCategory | null;
  onChange: (category: TemplateCategory | null) => void;
}

/**
 * The tones as filter chips: toggle buttons (`aria-pressed`) in a labelled group, each a plain
 * button in the tab order; pressing the chosen one again clears the filter.
 */
export function TemplateCategoryChips({
  label,
  allLabel,
  categories,
  value,
  onChange,
  styled,
  classNames,
}: TemplateCategoryChipsProps) {
  const chip = (pressed: boolean) =>
    cx(
      'podium-template-selector__chip',
      styled &&
        'podium:inline-flex podium:cursor-pointer podium:items-center podium:gap-1.5 podium:rounded-full podium:border podium:px-3 podium:py-1 podium:text-sm podium:transition-colors',
      styled &&
        (pressed
          ? 'podium:border-(--podium-fg) podium:bg-(--podium-fg) podium:text-(--podium-bg)'
          : 'podium:border-(--podium-border) podium:bg-(--podium-bg) podium:text-(--podium-fg) podium:hover:bg-(--podium-surface)'),
      classNames.chip,
    );
  return (
    <div
      role="group"
      aria-label={label}
      className={cx(
        'podium-template-selector__chips',
        styled && 'podium:flex podium:flex-wrap podium:gap-2',
        classNames.chips,
      )}
    >
      <button
        type="button"
        aria-pressed={value === null}
        data-category="all"
        onClick={() => onChange(null)}
        className={chip(value === null)}
      >
        {allLabel}
      </button>
      {categories.map((category) => {
        const pressed = category.value === value;
        return (
          <button
            key={category.value}
            type="button"
            aria-pressed={pressed}
            data-category={category.value}
            onClick={() => onChange(pressed ? null : category.value)}
            className={chip(pressed)}
          >
            <TemplateCategoryDot category={category.value} styled={styled} />
            {category.label}
          </button>
        );
      })}
    </div>
  );
}

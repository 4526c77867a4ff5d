import type { TemplateCategory } from '../../src/referrals/templateFormat.js';
import { cx } from '../shared/cx.js';

/**
 * One hue per tone. `light-dark()` follows the card's `color-scheme` (set by the theme, system
 * included), so each badge keeps >= 7:1 text contrast in both themes without a second class set.
 */
const hues: Record<TemplateCategory, string> = {
  casual: 'podium:bg-[light-dark(#dbeafe,#1e3a8a)] podium:text-[light-dark(#1e40af,#bfdbfe)]',
  professional: 'podium:bg-[light-dark(#e2e8f0,#334155)] podium:text-[light-dark(#1e293b,#e2e8f0)]',
  excited: 'podium:bg-[light-dark(#fef3c7,#78350f)] podium:text-[light-dark(#92400e,#fde68a)]',
  testimonial: 'podium:bg-[light-dark(#ede9fe,#4c1d95)] podium:text-[light-dark(#5b21b6,#ddd6fe)]',
  urgency: 'podium:bg-[light-dark(#fee2e2,#7f1d1d)] podium:text-[light-dark(#991b1b,#fecaca)]',
  value: 'podium:bg-[light-dark(#dcfce7,#14532d)] podium:text-[light-dark(#166534,#bbf7d0)]',
  'social-proof': 'podium:bg-[light-dark(#cffafe,#164e63)] podium:text-[light-dark(#155e75,#a5f3fc)]',
};

/** The dot in front of a tone's name: the same hue, so chips and badges match. */
const dots: Record<TemplateCategory, string> = {
  casual: 'podium:bg-[light-dark(#2563eb,#60a5fa)]',
  professional: 'podium:bg-[light-dark(#475569,#94a3b8)]',
  excited: 'podium:bg-[light-dark(#d97706,#fbbf24)]',
  testimonial: 'podium:bg-[light-dark(#7c3aed,#a78bfa)]',
  urgency: 'podium:bg-[light-dark(#dc2626,#f87171)]',
  value: 'podium:bg-[light-dark(#16a34a,#4ade80)]',
  'social-proof': 'podium:bg-[light-dark(#0891b2,#22d3ee)]',
};

export interface TemplateCategoryBadgeProps {
  category: TemplateCategory;
  /** The tone's name: the badge always says it, colour only repeats it. */
  label: string;
  styled: boolean;
  className?: string;
}

/** A tone's coloured dot alone (for the filter chips), hidden from assistive technology. */
export function TemplateCategoryDot({ category, styled }: { category: TemplateCategory; styled: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={cx(
        styled && 'podium:inline-block podium:size-2 podium:shrink-0 podium:rounded-full',
        styled && dots[category],
      )}
    />
  );
}

/** A template's tone as a small colour-coded badge with its name. */
export function TemplateCategoryBadge({ category, label, styled, className }: TemplateCategoryBadgeProps) {
  return (
    <span
      data-category={category}
      className={cx(
        'podium-template-selector__badge',
        styled &&
          'podium:inline-flex podium:items-center podium:rounded-full podium:px-2 podium:py-0.5 podium:text-xs podium:font-medium podium:leading-4 podium:whitespace-nowrap',
        styled && hues[category],
        className,
      )}
    >
      {label}
    </span>
  );
}

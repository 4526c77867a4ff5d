import { useId, type ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';

export interface StatsSectionProps extends StatsTabPartStyle {
  /** Names the section for `data-section`, e.g. `sales`. */
  name: string;
  /** The heading, e.g. "Sales". */
  title: string;
  /** Level of the heading. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** The figures (`StatsFigure`s), rendered inside one description list. */
  children: ReactNode;
  /** Shown under the figures (e.g. a token breakdown). */
  footer?: ReactNode;
}

/** One headed group of figures (Sales, Purchases, ...), labelled by its heading. */
export function StatsSection({
  name,
  title,
  headingLevel = 3,
  children,
  footer,
  styled,
  classNames,
}: StatsSectionProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section
      aria-labelledby={titleId}
      data-section={name}
      className={cx(
        'podium-stats-tab__section',
        styled && 'podium:flex podium:flex-col podium:gap-2',
        classNames.section,
      )}
    >
      <Heading
        id={titleId}
        className={cx(
          'podium-stats-tab__section-title',
          styled && 'podium:m-0 podium:text-base podium:font-semibold',
          classNames.sectionTitle,
        )}
      >
        {title}
      </Heading>
      <dl
        className={cx(
          'podium-stats-tab__figures',
          styled && 'podium:m-0 podium:grid podium:grid-cols-2 podium:gap-3 podium:@xl:grid-cols-4',
          classNames.figures,
        )}
      >
        {children}
      </dl>
      {footer}
    </section>
  );
}

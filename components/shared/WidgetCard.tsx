import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { cx } from './cx.js';
import { PodiumRoot } from './PodiumRoot.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from './widgetProps.js';

/** The parts of the card a host can add classes to; a widget passes its own `classNames` through. */
export type WidgetCardSlot = 'root' | 'header' | 'title';

/** Extra classes per part, e.g. `{ root: 'shadow-sm', title: 'uppercase' }`. */
export type WidgetCardClassNames = Partial<Record<WidgetCardSlot, string>>;

export interface WidgetCardProps
  extends Omit<PodiumWidgetProps<WidgetCardClassNames>, 'labels'>,
    PodiumHeadingProps,
    Omit<ComponentPropsWithoutRef<'section'>, 'className' | 'title' | 'children'> {
  /**
   * The widget's structural class, e.g. `podium-job-stats`: on the root, and the prefix of the
   * `<block>__header` and `<block>__title` parts. Host CSS and tests select by it; it stays when
   * `unstyled`.
   */
  block: string;
  /** The heading. It names the section for assistive technology (`aria-labelledby`). */
  title: ReactNode;
  /**
   * Under the heading, in the header row: what the figures are about (the range, the user).
   * With `subtitle` or `actions` the heading sits in a `<header>`; without, on its own.
   */
  subtitle?: ReactNode;
  /** At the end of the header row, wrapping under the heading on narrow cards (a picker, a link). */
  actions?: ReactNode;
  /**
   * Text for a polite live region under the header (`role="status"`, visually hidden), present
   * from the first render so screen readers hear every change. Leave out for no region.
   */
  announcement?: string;
  /** Closer spacing between the card's rows, for cards with a bare heading. @default false */
  compact?: boolean;
  /**
   * Makes the card a size container, so its parts can adapt to its width with container
   * queries (`podium:@md:`). Turn it off for a card that must size to its content. @default true
   */
  containerQueries?: boolean;
  /** The card's content: states, notices and the body. */
  children?: ReactNode;
}

const noClassNames: WidgetCardClassNames = {};

/**
 * The shell of every Podium widget: a `.podium-root` section with the theme and locale, a
 * bordered card, a heading that names the section, an optional header row (subtitle, actions)
 * and an optional polite live region. Widgets keep their own states and body inside it; other
 * props (`data-state`, `data-*`) land on the root.
 */
export function WidgetCard({
  block,
  title,
  subtitle,
  actions,
  announcement,
  headingLevel = 2,
  compact = false,
  containerQueries = true,
  className,
  classNames = noClassNames,
  unstyled = false,
  children,
  ...rest
}: WidgetCardProps) {
  const titleId = useId();
  const styled = !unstyled;
  const Heading = `h${headingLevel}` as const;
  const heading = (
    <Heading
      id={titleId}
      className={cx(`${block}__title`, styled && 'podium:m-0 podium:text-lg podium:font-semibold', classNames.title)}
    >
      {title}
    </Heading>
  );
  return (
    <PodiumRoot
      as="section"
      aria-labelledby={titleId}
      {...rest}
      unstyled={unstyled}
      className={cx(
        block,
        styled && containerQueries && 'podium:@container',
        styled &&
          'podium:flex podium:flex-col podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:p-4',
        styled && (compact ? 'podium:gap-3' : 'podium:gap-4'),
        classNames.root,
        className,
      )}
    >
      {subtitle != null || actions != null ? (
        <header
          className={cx(
            `${block}__header`,
            styled && 'podium:flex podium:flex-wrap podium:items-start podium:justify-between podium:gap-3',
            classNames.header,
          )}
        >
          <div className={cx(styled && 'podium:flex podium:flex-col podium:gap-1')}>
            {heading}
            {subtitle}
          </div>
          {actions}
        </header>
      ) : (
        heading
      )}
      {announcement === undefined ? null : (
        <p role="status" className="podium-sr-only">
          {announcement}
        </p>
      )}
      {children}
    </PodiumRoot>
  );
}

import type { ComponentPropsWithoutRef, ElementType, ReactNode } from 'react';
import { usePodium } from '../../hooks/usePodium.js';
import { cx } from './cx.js';

export interface PodiumRootProps extends Omit<ComponentPropsWithoutRef<'div'>, 'className'> {
  /** The element to render. @default 'div' */
  as?: 'div' | 'section' | 'aside' | 'article';
  /** Extra classes for the root element. */
  className?: string;
  /**
   * Drops the root's theme styling (font, colours) so the host styles everything; the theme
   * variables and structural class names stay. @default false
   */
  unstyled?: boolean;
  children?: ReactNode;
}

/**
 * The outer element of every Podium component: the `.podium-root` scope all Podium CSS lives
 * under, the provider's theme as `data-theme`, and the provider's locale as `lang` so screen
 * readers pronounce formatted numbers and dates in the right language.
 */
export function PodiumRoot({ as = 'div', className, unstyled = false, children, ...rest }: PodiumRootProps) {
  const { theme, locale } = usePodium();
  const Tag = as as ElementType;
  return (
    <Tag
      {...rest}
      className={cx('podium-root', className)}
      data-theme={theme}
      data-unstyled={unstyled ? '' : undefined}
      lang={locale}
    >
      {children}
    </Tag>
  );
}

import type { ComponentPropsWithoutRef } from 'react';
import { cx } from './cx.js';

export interface ButtonProps extends ComponentPropsWithoutRef<'button'> {
  /** `primary` for the one main action of a view, `secondary` otherwise. @default 'secondary' */
  variant?: 'primary' | 'secondary';
  /** Compact size for inline actions (e.g. Retry inside a notice). @default 'md' */
  size?: 'sm' | 'md';
  /** Leave out Podium's utility classes (structural `podium-button` stays). @default false */
  unstyled?: boolean;
}

/**
 * The buttons of Podium's components. Defaults to `type="button"` so a widget inside a host's
 * form never submits it by accident.
 */
export function Button({ variant = 'secondary', size = 'md', unstyled = false, className, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={cx(
        'podium-button',
        !unstyled &&
          'podium:inline-flex podium:items-center podium:justify-center podium:gap-2 podium:rounded-(--podium-radius) podium:border podium:font-medium podium:cursor-pointer podium:transition-colors podium:aria-disabled:cursor-wait',
        !unstyled && (size === 'sm' ? 'podium:px-2.5 podium:py-1 podium:text-sm' : 'podium:px-3.5 podium:py-2 podium:text-sm'),
        !unstyled &&
          (variant === 'primary'
            ? 'podium:border-(--podium-accent) podium:bg-(--podium-accent) podium:text-(--podium-accent-fg) podium:hover:opacity-90'
            : 'podium:border-(--podium-control-border) podium:bg-(--podium-bg) podium:text-(--podium-fg) podium:hover:bg-(--podium-surface)'),
        className,
      )}
    />
  );
}

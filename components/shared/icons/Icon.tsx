import type { ReactNode, SVGProps } from 'react';
import { cx } from '../cx.js';

/** Props of every Podium icon: any SVG attribute, plus an optional accessible name. */
export interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'children' | 'ref'> {
  /**
   * Names the icon for assistive technology (`role="img"` + `aria-label`). Leave it out when text
   * next to the icon already says the same, which is almost always.
   * @default undefined (decorative: `aria-hidden`)
   */
  label?: string;
}

/**
 * The frame every icon draws in: a 24 × 24 grid, 2 px round strokes in `currentColor`, 1em
 * square (the width and height attributes keep it small even without Podium's stylesheet; the
 * `.podium-icon` rule and any utility class override them). Decorative unless `label` is given.
 * Each icon is its own tiny module, so a bundle carries only the icons its widgets draw.
 */
export function Icon({ label, className, children, ...rest }: IconProps & { children: ReactNode }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      {...rest}
      className={cx('podium-icon', className)}
    >
      {children}
    </svg>
  );
}

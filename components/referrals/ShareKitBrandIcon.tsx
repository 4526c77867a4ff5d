import type { ReactElement } from 'react';
import type { SharePlatform } from '../../src/referrals/platforms.js';
import { cx } from '../shared/cx.js';

/**
 * Simplified brand marks, drawn for Podium from basic shapes (no icon set's path data, so no
 * licence to carry and about 1 kB for all eight), filled with `currentColor` on a 24 × 24 grid.
 * The tile behind them carries the brand colour. Decorative: the button names the platform.
 */
const marks: Record<SharePlatform, ReactElement> = {
  x: (
    <>
      <path d="M3.5 3.5h5l12 17h-5z" />
      <path d="M20 3.5 13.4 11M10.6 13.2 4 20.5" fill="none" stroke="currentColor" strokeWidth="1.9" />
    </>
  ),
  facebook: (
    <path d="M13.6 21v-7.2h2.5l.4-3h-2.9V9c0-.8.3-1.4 1.5-1.4h1.5V5a19 19 0 0 0-2.2-.1c-2.2 0-3.7 1.3-3.7 3.8v2.1H8.2v3h2.5V21z" />
  ),
  linkedin: (
    <>
      <circle cx="6.5" cy="6" r="1.9" />
      <path d="M4.9 9.2h3.2V20H4.9zM10.3 9.2h3v1.5c.5-.9 1.7-1.8 3.4-1.8 3.1 0 3.8 2 3.8 4.7V20h-3.2v-5.7c0-1.3-.2-2.7-1.8-2.7s-2 1.2-2 2.6V20h-3.2z" />
    </>
  ),
  whatsapp: (
    <>
      <path
        d="M3.6 20.4 5 16a8.3 8.3 0 1 1 3 3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <path d="M9.3 7.6c.3 0 .5 0 .7.5l.8 1.9c.1.2 0 .4-.1.6l-.6.7c-.1.1-.2.3 0 .5.8 1.4 1.8 2.3 3.2 2.9.2.1.4.1.5-.1l.7-.9c.2-.2.4-.2.6-.1l1.8.9c.3.1.3.3.3.6-.1.9-.9 1.7-1.9 1.8-2.9.2-6.8-3-7.2-6.2-.1-1.1.5-2.9 1.2-3.1z" />
    </>
  ),
  telegram: (
    <>
      <path d="M21.2 4.1 2.9 11.2c-.9.4-.9 1 0 1.3l4.6 1.4 1.8 5.5c.2.6.5.7 1 .3l2.6-2.2 4.6 3.4c.8.5 1.3.2 1.5-.7l3-14.7c.3-1.2-.4-1.7-1.3-1.4z" />
      <path
        d="m8 13.7 9.5-6-7.4 7.1-.4 3.6"
        fill="none"
        stroke="var(--podium-share-tile, #000)"
        strokeWidth="1.3"
        strokeLinejoin="round"
      />
    </>
  ),
  reddit: (
    <>
      <ellipse cx="12" cy="14.6" rx="8.2" ry="5.6" />
      <circle cx="19.6" cy="10.8" r="2" />
      <circle cx="4.4" cy="10.8" r="2" />
      <circle cx="17.8" cy="4.6" r="1.8" />
      <path d="M12 9V4.2l5.8 1.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <g fill="var(--podium-share-tile, #000)">
        <circle cx="8.9" cy="13.6" r="1.4" />
        <circle cx="15.1" cy="13.6" r="1.4" />
        <path d="M8.6 16.6c2 1.5 4.8 1.5 6.8 0l.5.7c-2.3 1.8-5.5 1.8-7.8 0z" />
      </g>
    </>
  ),
  email: (
    <path
      d="M4.5 5.5h15a1.5 1.5 0 0 1 1.5 1.5v10a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17V7a1.5 1.5 0 0 1 1.5-1.5zM3.4 6.6 12 13l8.6-6.4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinejoin="round"
    />
  ),
  sms: (
    <>
      <path
        d="M5 4.5h14a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H10l-4.5 3.5v-3.5H5a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <circle cx="8" cy="11" r="1.2" />
      <circle cx="12" cy="11" r="1.2" />
      <circle cx="16" cy="11" r="1.2" />
    </>
  ),
};

export interface ShareKitBrandIconProps {
  platform: SharePlatform;
  className?: string;
}

/** The mark of one share platform, 1em square, decorative (`aria-hidden`). */
export function ShareKitBrandIcon({ platform, className }: ShareKitBrandIconProps) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="currentColor"
      focusable="false"
      aria-hidden="true"
      className={cx('podium-icon', className)}
    >
      {marks[platform]}
    </svg>
  );
}

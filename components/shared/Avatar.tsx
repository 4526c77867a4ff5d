import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { cx } from './cx.js';
import { avatarHue, avatarInitials, isWalletAddress, walletIdenticon } from './identicon.js';

export interface AvatarProps {
  /** The picture's URL, or `null` / `undefined` for the generated fallback. */
  src?: string | null;
  /** The person's name: the initials of the fallback, and the alt text when `alt` is not given. */
  name: string;
  /**
   * A stable id: picks the fallback's colour, and a wallet address (`0x` + 40 hex digits) draws
   * its blockie-style identicon instead of initials.
   * @default name
   */
  id?: string;
  /** `sm` 24 px, `md` 36 px, `lg` 56 px. @default 'md' */
  size?: 'sm' | 'md' | 'lg';
  /**
   * Announce the avatar to assistive technology (the name, or `alt`). Leave it off where the name
   * is written next to the avatar, as on a leaderboard, so screen readers do not say it twice.
   * @default false (decorative: hidden from assistive technology)
   */
  labelled?: boolean;
  /** What a screen reader says for a labelled avatar. @default name */
  alt?: string;
  /** Leave out Podium's utility classes (the structural `podium-avatar` class stays). @default false */
  unstyled?: boolean;
  /** Extra classes on the avatar's box. */
  className?: string;
}

const sizes = {
  sm: 'podium:size-6 podium:text-[0.625rem]',
  md: 'podium:size-9 podium:text-xs',
  lg: 'podium:size-14 podium:text-lg',
} as const;

/**
 * A person's picture in a round box of fixed size (no layout shift while it loads or when it
 * fails). Without a picture, or when it fails to load, a deterministic fallback: a wallet
 * address gets its blockie-style identicon, anyone else coloured initials whose hue comes from
 * their id, so the same person looks the same in every list and on the server. Use it inside a
 * Podium widget or a `PodiumRoot` (the colours are theme variables).
 */
export function Avatar({
  src,
  name,
  id = name,
  size = 'md',
  labelled = false,
  alt,
  unstyled = false,
  className,
}: AvatarProps) {
  const styled = !unstyled;
  const [failed, setFailed] = useState<string | null>(null);
  const image = useRef<HTMLImageElement>(null);
  const showImage = Boolean(src) && failed !== src;
  const text = alt ?? name;

  // A server-rendered image may fail before React hydrates and attaches onError: check once.
  useEffect(() => {
    const node = image.current;
    if (node && src && node.complete && node.naturalWidth === 0) setFailed(src);
  }, [src]);

  const wallet = isWalletAddress(id);
  const kind = showImage ? 'image' : wallet ? 'identicon' : 'initials';
  const a11y = labelled
    ? kind === 'image'
      ? {}
      : { role: 'img', 'aria-label': text }
    : { 'aria-hidden': true as const };
  const style =
    kind === 'initials' ? ({ '--podium-avatar-hue': avatarHue(id) } as CSSProperties) : undefined;

  return (
    <span
      {...a11y}
      data-avatar={kind}
      // Kept for hosts and tests that looked for the old initials marker.
      data-initials={kind === 'initials' ? '' : undefined}
      style={style}
      className={cx(
        'podium-avatar',
        styled &&
          'podium:relative podium:inline-flex podium:shrink-0 podium:items-center podium:justify-center podium:overflow-hidden podium:rounded-full podium:font-semibold podium:leading-none podium:select-none',
        styled && sizes[size],
        styled && kind === 'image' && 'podium:bg-(--podium-surface) podium:ring-1 podium:ring-(--podium-border)',
        styled &&
          kind === 'initials' &&
          'podium:bg-[hsl(var(--podium-avatar-hue)_var(--podium-avatar-bg))] podium:text-[hsl(var(--podium-avatar-hue)_var(--podium-avatar-fg))]',
        className,
      )}
    >
      {kind === 'image' ? (
        <img
          ref={image}
          src={src!}
          alt={labelled ? text : ''}
          // Lists of avatars below the fold should not compete with the page for bandwidth.
          loading="lazy"
          decoding="async"
          onError={() => setFailed(src!)}
          className={cx(styled && 'podium:size-full podium:object-cover')}
        />
      ) : kind === 'identicon' ? (
        <WalletIdenticon address={id} />
      ) : (
        avatarInitials(name)
      )}
    </span>
  );
}

/** The identicon as inline SVG: one path per colour, crisp cells, filling the round box. */
function WalletIdenticon({ address }: { address: string }) {
  const { size, cells, background, color, spot } = walletIdenticon(address);
  const path = (value: 1 | 2) =>
    cells
      .map((cell, index) => (cell === value ? `M${index % size} ${Math.floor(index / size)}h1v1h-1z` : ''))
      .join('');
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      width="100%"
      height="100%"
      shapeRendering="crispEdges"
      focusable="false"
      aria-hidden="true"
      data-identicon=""
    >
      <rect width={size} height={size} fill={background} />
      <path d={path(1)} fill={color} />
      <path d={path(2)} fill={spot} />
    </svg>
  );
}

import { useState } from 'react';
import { cx } from './cx.js';

export interface LeaderboardAvatarProps {
  /** The picture, or `null` for initials. */
  src: string | null;
  /** The name the initials come from. */
  name: string;
  /** `lg` on the podium. @default 'md' */
  size?: 'md' | 'lg';
  styled: boolean;
  className?: string;
}

/** Up to two initials of a name: "Alice Moreau" → "AM", "s_07" → "S0". */
export function leaderboardInitials(name: string): string {
  const words = name.trim().split(/[\s_.-]+/).filter(Boolean);
  const letters = words.length > 1 ? words.slice(0, 2).map((word) => word[0]) : [...(words[0] ?? '?').slice(0, 2)];
  return letters.join('').toUpperCase();
}

/**
 * A competitor's picture, or their initials when there is none or it fails to load. Decorative:
 * the name is always written next to it, so it is hidden from assistive technology.
 */
export function LeaderboardAvatar({ src, name, size = 'md', styled, className }: LeaderboardAvatarProps) {
  const [failed, setFailed] = useState<string | null>(null);
  const box = cx(
    'podium-leaderboard__avatar',
    styled &&
      'podium:inline-flex podium:shrink-0 podium:items-center podium:justify-center podium:overflow-hidden podium:rounded-full podium:bg-(--podium-surface) podium:border podium:border-(--podium-border) podium:font-semibold podium:text-(--podium-fg)',
    styled && (size === 'lg' ? 'podium:size-14 podium:text-lg' : 'podium:size-9 podium:text-xs'),
    className,
  );
  if (src && failed !== src) {
    return (
      <span className={box} aria-hidden="true">
        <img
          src={src}
          alt=""
          className={cx(styled && 'podium:size-full podium:object-cover')}
          onError={() => setFailed(src)}
        />
      </span>
    );
  }
  return (
    <span className={box} aria-hidden="true" data-initials="">
      {leaderboardInitials(name)}
    </span>
  );
}

import { useEffect, useState } from 'react';
import { cx } from './cx.js';
import { ClockIcon } from './icons/ClockIcon.js';
import { formatLabel } from '../labels.js';
import type { PodiumFormatters } from './useFormatters.js';
import type { LeaderboardLabels } from './leaderboardLabels.js';

export interface LeaderboardUpdatedProps {
  /** When the board last changed (ISO 8601). */
  updatedAt: string;
  labels: LeaderboardLabels;
  format: PodiumFormatters;
  /** How often the relative time is refreshed, in milliseconds. @default 15000 */
  tickMs?: number;
  styled: boolean;
  className?: string;
}

/**
 * "Updated 2 minutes ago", ticking on its own: only this line re-renders as time passes, never
 * the board. Not a live region: a clock that talks every few seconds would drown everything else.
 */
export function LeaderboardUpdated({ updatedAt, labels, format, tickMs = 15_000, styled, className }: LeaderboardUpdatedProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(id);
  }, [tickMs, updatedAt]);
  // A clock slightly behind the server must not say "in 3 seconds".
  const time = format.relativeTime(updatedAt, Math.max(now, Date.parse(updatedAt)));
  return (
    <p
      className={cx(
        'podium-leaderboard__updated',
        styled && 'podium:m-0 podium:flex podium:items-center podium:gap-1.5 podium:text-xs podium:text-(--podium-muted)',
        className,
      )}
    >
      <ClockIcon />
      <time dateTime={updatedAt} title={format.dateTime(updatedAt)}>
        {formatLabel(labels.leaderboardUpdated, { time })}
      </time>
    </p>
  );
}

import type { LeaderboardEntry } from '../../src/shared/leaderboard.js';
import { cx } from './cx.js';
import { ArrowDownIcon } from './icons/ArrowDownIcon.js';
import { ArrowUpIcon } from './icons/ArrowUpIcon.js';
import { MedalIcon } from './icons/MedalIcon.js';
import { formatLabel } from '../labels.js';
import { Avatar } from './Avatar.js';
import type { LeaderboardClassNames } from './leaderboardSlots.js';
import { leaderboardName, leaderboardValue } from './LeaderboardRow.js';
import type { PodiumFormatters } from './useFormatters.js';
import type { LeaderboardLabels } from './leaderboardLabels.js';

export interface LeaderboardPodiumProps {
  /** The first (up to) three entries of the board. */
  entries: readonly LeaderboardEntry[];
  /** What the values count (`sales`, `views`, `points`: the response's `unit`, else its `metric`). */
  metric: string;
  /** Decimals every value shows (the response's `valueDecimals`). @default 0 */
  valueDecimals?: number;
  currentUserId?: string;
  /** Which way the current user last moved between polls (an arrow by their value). */
  currentMovement?: 'up' | 'down';
  labels: LeaderboardLabels;
  format: PodiumFormatters;
  styled: boolean;
  classNames: LeaderboardClassNames;
}

/** Visual order second–first–third; the list itself stays in rank order for screen readers. */
const visualOrder = ['podium:order-2', 'podium:order-1', 'podium:order-3'];
const heights = ['podium:pt-6', 'podium:pt-3', 'podium:pt-1'];

/**
 * The medal follows the rank, not the place on the podium: two sellers tied for first both get
 * gold (and the next is third, bronze).
 */
export function leaderboardMedal(rank: number): 'gold' | 'silver' | 'bronze' | undefined {
  return rank === 1 ? 'gold' : rank === 2 ? 'silver' : rank === 3 ? 'bronze' : undefined;
}
/** Medal colours as utilities (literal strings, so the stylesheet build finds them). */
const medalFill = {
  gold: 'podium:bg-(--podium-gold-fill)',
  silver: 'podium:bg-(--podium-silver-fill)',
  bronze: 'podium:bg-(--podium-bronze-fill)',
} as const;
const medalEdge = {
  gold: 'podium:border-t-(--podium-gold-fill)',
  silver: 'podium:border-t-(--podium-silver-fill)',
  bronze: 'podium:border-t-(--podium-bronze-fill)',
} as const;

/** The top three as a podium: first in the middle and highest, the others either side. */
export function LeaderboardPodium({
  entries,
  metric,
  valueDecimals = 0,
  currentUserId,
  currentMovement,
  labels,
  format,
  styled,
  classNames,
}: LeaderboardPodiumProps) {
  return (
    <ol
      aria-label={labels.leaderboardTopThree}
      className={cx(
        'podium-leaderboard__podium',
        styled &&
          'podium:m-0 podium:grid podium:list-none podium:grid-cols-3 podium:items-end podium:gap-2 podium:p-0',
        classNames.podium,
      )}
    >
      {entries.slice(0, 3).map((entry, index) => {
        const current = entry.userId === currentUserId;
        const name = leaderboardName(entry);
        const medal = leaderboardMedal(entry.rank);
        return (
          <li
            key={entry.userId}
            data-user-id={entry.userId}
            data-rank={entry.rank}
            data-place={index + 1}
            data-medal={medal}
            data-current={current || undefined}
            aria-current={current || undefined}
            className={cx(
              'podium-leaderboard__podium-place',
              styled &&
                'podium:flex podium:min-w-0 podium:flex-col podium:items-center podium:gap-1 podium:rounded-(--podium-radius) podium:border podium:border-t-4 podium:border-(--podium-border) podium:bg-(--podium-surface) podium:px-2 podium:pb-3 podium:text-center',
              styled && visualOrder[index],
              styled && heights[index],
              styled && current && 'podium:bg-(--podium-highlight) podium:border-(--podium-accent)',
              styled && medal && medalEdge[medal],
              classNames.podiumPlace,
            )}
          >
            {/* The avatar in a ring of its medal's metal, the medal with the rank hanging over
                its lower edge: the place reads at a glance, the rank in words for screen readers. */}
            <span
              className={cx(
                'podium-leaderboard__avatar-frame',
                styled && 'podium:relative podium:mb-2.5 podium:rounded-full podium:p-0.5',
                styled && medal && medalFill[medal],
              )}
            >
              <Avatar
                src={entry.avatarUrl}
                name={name}
                id={entry.userId}
                size="lg"
                unstyled={!styled}
                className={cx('podium-leaderboard__avatar', classNames.avatar)}
              />
              <span
                className={cx(
                  'podium-leaderboard__medal',
                  styled &&
                    'podium:absolute podium:-bottom-2.5 podium:left-1/2 podium:inline-flex podium:h-5 podium:-translate-x-1/2 podium:items-center podium:gap-0.5 podium:whitespace-nowrap podium:rounded-full podium:px-1.5 podium:text-xs podium:font-bold podium:text-(--podium-medal-fg) podium:ring-2',
                  styled && medal && medalFill[medal],
                  styled && (current ? 'podium:ring-(--podium-highlight)' : 'podium:ring-(--podium-surface)'),
                )}
              >
                {medal ? <MedalIcon className={cx(styled && 'podium:size-3')} /> : null}
                <span className="podium-sr-only">
                  {formatLabel(labels.leaderboardRankLabel, { rank: format.number(entry.rank) })}
                </span>
                <span aria-hidden="true">
                  {formatLabel(labels.leaderboardRank, { rank: format.number(entry.rank) })}
                </span>
              </span>
            </span>
            <span
              className={cx(
                'podium-leaderboard__name',
                // Two lines before an ellipsis: three places share a phone's width.
                styled && 'podium:line-clamp-2 podium:max-w-full podium:text-sm podium:font-semibold podium:break-words',
              )}
            >
              {name}
              {current ? <span className="podium-sr-only"> ({labels.leaderboardYou})</span> : null}
            </span>
            {current ? (
              <span
                aria-hidden="true"
                className={cx(
                  'podium-leaderboard__you',
                  styled &&
                    'podium:rounded-full podium:bg-(--podium-accent) podium:px-2 podium:text-xs podium:font-semibold podium:text-(--podium-accent-fg)',
                )}
              >
                {labels.leaderboardYou}
              </span>
            ) : null}
            <span
              className={cx(
                'podium-leaderboard__value',
                styled && 'podium:inline-flex podium:items-center podium:gap-0.5 podium:text-xs podium:tabular-nums podium:text-(--podium-muted)',
              )}
            >
              {leaderboardValue(metric, entry.value, labels, format, valueDecimals)}
              {current && currentMovement === 'up' ? (
                <ArrowUpIcon data-movement="up" className={cx(styled && 'podium:text-(--podium-success)')} />
              ) : current && currentMovement === 'down' ? (
                <ArrowDownIcon data-movement="down" className={cx(styled && 'podium:text-(--podium-danger)')} />
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

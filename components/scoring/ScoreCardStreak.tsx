import type { ReactNode } from 'react';
import type { UserScore } from '../../src/scoring/contract.js';
import { cx } from '../shared/cx.js';
import { CheckIcon } from '../shared/icons/CheckIcon.js';
import { AlertIcon } from '../shared/icons/AlertIcon.js';
import { formatLabel, pluralLabel } from '../labels.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import { FlameIcon } from './FlameIcon.js';
import { ScoreCardFigure } from './ScoreCardFigure.js';
import type { ScoreCardPartStyle } from './scoreCardSlots.js';
import { SnowflakeIcon } from './SnowflakeIcon.js';
import { streakStatus, type StreakStatus } from './streakStatus.js';
import type { ScoreCardLabels } from './scoreCardLabels.js';

export interface ScoreCardStreakProps extends ScoreCardPartStyle {
  streak: UserScore['streak'];
  /** Today (`YYYY-MM-DD`) in the provider's time zone. */
  today: string;
  labels: ScoreCardLabels;
  format: PodiumFormatters;
  /** Extra classes on the tile (its column span). */
  className?: string;
}

/** More snowflakes than this become a count alone: a row of icons stops being readable. */
const maxFreezeIcons = 5;

const statusLabel: Record<StreakStatus, keyof ScoreCardLabels> = {
  none: 'scoreCardStreakNone',
  broken: 'scoreCardStreakBroken',
  done: 'scoreCardStreakDone',
  extend: 'scoreCardStreakExtend',
  atRisk: 'scoreCardStreakAtRisk',
  frozen: 'scoreCardStreakFrozen',
};

/**
 * The streak tile: days in a row with a flame, where it stands today (done, be active today, at
 * risk, saved by a freeze, ended), the best streak when it is longer, and the freezes left.
 */
export function ScoreCardStreak({ streak, today, labels, format, className, styled, classNames }: ScoreCardStreakProps) {
  const status = streakStatus(streak, today);
  const days = (count: number) =>
    formatLabel(pluralLabel(labels, 'scoreCardStreakDays', count, format.locale), { count: format.number(count) });
  const active = streak.current > 0;
  const tone = status === 'done' ? 'success' : status === 'atRisk' ? 'warning' : status === 'frozen' ? 'info' : 'muted';
  const statusIcon: ReactNode =
    status === 'done' ? (
      <CheckIcon />
    ) : status === 'atRisk' ? (
      <AlertIcon />
    ) : status === 'frozen' ? (
      <SnowflakeIcon />
    ) : null;
  const freezes =
    streak.freezesLeft === 0
      ? labels.scoreCardFreezesNone
      : formatLabel(pluralLabel(labels, 'scoreCardFreezes', streak.freezesLeft, format.locale), {
          count: format.number(streak.freezesLeft),
        });

  return (
    <ScoreCardFigure
      name="streak"
      label={labels.scoreCardStreak}
      className={className}
      data={{ 'data-status': status, 'data-tone': tone }}
      value={
        <>
          <FlameIcon
            className={cx(
              styled && 'podium:size-6',
              styled && (active ? 'podium:text-(--podium-series-2)' : 'podium:text-(--podium-muted)'),
            )}
          />
          <span>{days(streak.current)}</span>
        </>
      }
      hints={[
        <span
          key="status"
          className={cx(
            'podium-score-card__streak-status',
            styled && 'podium:inline-flex podium:items-center podium:gap-1 podium:text-sm',
            styled && tone === 'success' && 'podium:text-(--podium-success)',
            styled && tone === 'warning' && 'podium:font-medium podium:text-(--podium-warning)',
            styled && tone === 'info' && 'podium:text-(--podium-accent)',
            classNames.streak,
          )}
        >
          {statusIcon}
          {labels[statusLabel[status]]}
        </span>,
        streak.longest > streak.current ? formatLabel(labels.scoreCardStreakBest, { days: days(streak.longest) }) : null,
        <span
          key="freezes"
          title={labels.scoreCardFreezesHint}
          data-freezes={streak.freezesLeft}
          className={cx(
            'podium-score-card__freezes',
            styled && 'podium:inline-flex podium:flex-wrap podium:items-center podium:gap-1',
            classNames.freezes,
          )}
        >
          {streak.freezesLeft > 0 && streak.freezesLeft <= maxFreezeIcons ? (
            <span aria-hidden="true" className={cx(styled && 'podium:inline-flex podium:gap-0.5 podium:text-(--podium-accent)')}>
              {Array.from({ length: streak.freezesLeft }, (_, index) => (
                <SnowflakeIcon key={index} />
              ))}
            </span>
          ) : null}
          <span>{freezes}</span>
          <span className="podium-sr-only">{` ${labels.scoreCardFreezesHint}`}</span>
        </span>,
      ]}
      styled={styled}
      classNames={classNames}
    />
  );
}

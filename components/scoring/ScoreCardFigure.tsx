import type { ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import type { ScoreCardPartStyle } from './scoreCardSlots.js';

export interface ScoreCardFigureProps extends ScoreCardPartStyle {
  /** Names the figure for `data-figure` (tests, host CSS): `points`, `rank`, `streak`. */
  name: string;
  /** What the figure is, e.g. "Rank". */
  label: ReactNode;
  /** The figure itself, formatted. */
  value: ReactNode;
  /** Short lines under the figure, each its own `dd`. */
  hints?: readonly ReactNode[];
  /** Below the hints: a sparkline, the streak's freezes. */
  children?: ReactNode;
  /** Extra classes on the tile (a column span). */
  className?: string;
  /** `data-*` state of the tile, e.g. `{ 'data-status': 'atRisk' }`. */
  data?: Readonly<Record<`data-${string}`, string | number | undefined>>;
}

/** One tile of the card's figures, as a `dt`/`dd` group inside the figures' `dl`. */
export function ScoreCardFigure({
  name,
  label,
  value,
  hints = [],
  children,
  className,
  data,
  styled,
  classNames,
}: ScoreCardFigureProps) {
  return (
    <div
      {...data}
      data-figure={name}
      className={cx(
        'podium-score-card__figure',
        styled &&
          'podium:flex podium:min-w-0 podium:flex-col podium:gap-1 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:p-3',
        className,
        classNames.figure,
      )}
    >
      <dt
        className={cx(
          'podium-score-card__figure-label',
          styled && 'podium:flex podium:items-center podium:gap-1.5 podium:text-sm podium:text-(--podium-muted)',
          classNames.figureLabel,
        )}
      >
        {label}
      </dt>
      <dd
        className={cx(
          'podium-score-card__figure-value',
          styled &&
            'podium:m-0 podium:flex podium:items-center podium:gap-1.5 podium:text-2xl podium:leading-tight podium:font-semibold podium:tabular-nums podium:break-words',
          classNames.figureValue,
        )}
      >
        {value}
      </dd>
      {hints.map((hint, index) =>
        hint == null || hint === false ? null : (
          <dd
            key={index}
            className={cx(
              'podium-score-card__figure-hint',
              styled && 'podium:m-0 podium:flex podium:flex-wrap podium:items-center podium:gap-x-1.5 podium:gap-y-1 podium:text-xs podium:text-(--podium-muted)',
              classNames.figureHint,
            )}
          >
            {hint}
          </dd>
        ),
      )}
      {children}
    </div>
  );
}

import type { UserScore } from '../../src/scoring/contract.js';
import { cx } from '../shared/cx.js';
import { formatLabel } from '../labels.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { ScoreCardPartStyle } from './scoreCardSlots.js';
import type { ScoreCardLabels } from './scoreCardLabels.js';

export interface ScoreCardRankHistoryProps extends ScoreCardPartStyle {
  /** Lifetime rank at the end of each recorded day, oldest first. Nothing renders for fewer than 2. */
  history: UserScore['rankHistory'];
  labels: ScoreCardLabels;
  format: PodiumFormatters;
}

const width = 120;
const height = 28;
const pad = 3;

/**
 * A small sparkline of the lifetime rank, rank 1 at the top, so a rising line reads as climbing.
 * One image for assistive technology, named by where the rank started and where it is now.
 */
export function ScoreCardRankHistory({ history, labels, format, styled, classNames }: ScoreCardRankHistoryProps) {
  if (history.length < 2) return null;
  const ranks = history.map((point) => point.rank);
  const best = Math.min(...ranks);
  const worst = Math.max(...ranks);
  const span = worst - best;
  const x = (index: number) => (index / (history.length - 1)) * width;
  // A flat line sits in the middle rather than on the top edge.
  const y = (rank: number) => (span === 0 ? height / 2 : pad + ((rank - best) / span) * (height - 2 * pad));
  const line = history.map((point, index) => `${x(index).toFixed(1)},${y(point.rank).toFixed(1)}`).join(' ');
  const area = `0,${height} ${line} ${width},${height}`;
  const first = history[0]!;
  const last = history[history.length - 1]!;
  const label = formatLabel(labels.scoreCardRankHistory, {
    date: format.day(first.day),
    first: format.number(first.rank),
    last: format.number(last.rank),
  });
  return (
    <dd className={cx('podium-score-card__sparkline', styled && 'podium:m-0 podium:mt-1', classNames.sparkline)}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        width="100%"
        height={height}
        className={cx(styled && 'podium:block podium:h-7 podium:w-full podium:overflow-visible podium:text-(--podium-accent)')}
      >
        <title>{label}</title>
        <polygon points={area} fill="currentColor" fillOpacity={0.12} stroke="none" />
        <polyline
          points={line}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          strokeLinejoin="round"
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    </dd>
  );
}

import type { Percentile } from '../src/contracts/userStats.js';
import { cx } from './cx.js';
import { formatLabel, type PodiumLabels } from './labels.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';
import type { PodiumFormatters } from './useFormatters.js';

export interface PercentileBadgeProps extends StatsTabPartStyle {
  /** Where the subject stands; nothing renders for `null` (a zero value is not ranked). */
  percentile: Percentile;
  labels: PodiumLabels;
  format: PodiumFormatters;
  /** The visible text. @default labels.statsTabTopPercent ("Top {percent}") */
  template?: string;
}

/** Tier for styling: the top 1 %, the top 10 %, everyone else. Text carries the meaning, not colour. */
function tier(topPercent: number): 'top1' | 'top10' | 'ranked' {
  return topPercent <= 1 ? 'top1' : topPercent <= 10 ? 'top10' : 'ranked';
}

/** "Top 3%" in words, with the exact rank ("rank 52 of 1,840") for assistive technology. */
export function PercentileBadge({
  percentile,
  labels,
  format,
  template,
  styled,
  classNames,
}: PercentileBadgeProps) {
  if (!percentile) return null;
  const percent = format.percent(percentile.topPercent / 100);
  const level = tier(percentile.topPercent);
  return (
    <span
      className={cx(
        'podium-stats-tab__badge',
        styled &&
          'podium:inline-flex podium:w-fit podium:items-center podium:rounded-full podium:border podium:px-2 podium:py-0.5 podium:text-xs podium:font-medium podium:tabular-nums',
        styled &&
          (level === 'ranked'
            ? 'podium:border-(--podium-border) podium:text-(--podium-muted)'
            : 'podium:border-(--podium-accent) podium:text-(--podium-accent)'),
        styled && level === 'top1' && 'podium:font-semibold',
        classNames.badge,
      )}
      data-tier={level}
    >
      {formatLabel(template ?? labels.statsTabTopPercent, { percent })}
      <span className="podium-sr-only">
        {`, ${formatLabel(labels.statsTabRank, { rank: format.number(percentile.rank), of: format.number(percentile.of) })}`}
      </span>
    </span>
  );
}

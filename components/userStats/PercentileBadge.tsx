import type { Percentile } from '../../src/userStats/contract.js';
import { cx } from '../shared/cx.js';
import { formatLabel } from '../labels.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { StatsTabLabels } from './statsTabLabels.js';

export interface PercentileBadgeProps extends StatsTabPartStyle {
  /** Where the subject stands; nothing renders for `null` (a zero value is not ranked). */
  percentile: Percentile;
  labels: StatsTabLabels;
  format: PodiumFormatters;
  /** The visible text in the top half. @default labels.statsTabTopPercent ("Top {percent}") */
  template?: string;
  /** The visible text in the bottom half. @default labels.statsTabRankBadge ("#{rank} of {of}") */
  rankTemplate?: string;
}

/**
 * "Top 94%" reads as an insult: a percentage is shown only where it flatters, and the plain
 * rank below that.
 */
export const flatteringTopPercent = 50;

/** Tier for styling: the top 1 %, the top 10 %, everyone else. Text carries the meaning, not colour. */
function tier(topPercent: number): 'top1' | 'top10' | 'ranked' {
  return topPercent <= 1 ? 'top1' : topPercent <= 10 ? 'top10' : 'ranked';
}

/**
 * "Top 3%" in words, with the exact rank ("rank 52 of 1,840") for assistive technology; in the
 * bottom half just the rank ("#59 of 63").
 */
export function PercentileBadge({
  percentile,
  labels,
  format,
  template,
  rankTemplate,
  styled,
  classNames,
}: PercentileBadgeProps) {
  if (!percentile) return null;
  const percent = format.percent(percentile.topPercent / 100);
  const level = tier(percentile.topPercent);
  const rank = { rank: format.number(percentile.rank), of: format.number(percentile.of) };
  const flatters = percentile.topPercent <= flatteringTopPercent;
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
      {flatters ? (
        <>
          {formatLabel(template ?? labels.statsTabTopPercent, { percent })}
          <span className="podium-sr-only">{`, ${formatLabel(labels.statsTabRank, rank)}`}</span>
        </>
      ) : (
        formatLabel(rankTemplate ?? labels.statsTabRankBadge, rank)
      )}
    </span>
  );
}

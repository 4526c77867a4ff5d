import type { LeaderboardPeriod } from '../../src/shared/leaderboard.js';
import { cx } from './cx.js';
import { TrendIcon } from './icons/TrendIcon.js';
import { formatLabel } from '../labels.js';
import type { PodiumFormatters } from './useFormatters.js';
import type { LeaderboardLabels } from './leaderboardLabels.js';

const DAY_MS = 86_400_000;

/** `YYYY-MM` as "March 2026" in the locale (UTC: a month key has no zone). */
function monthName(month: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  } catch {
    return month;
  }
}

/**
 * The period a board covers, in words: "Mar 18, 2026 (UTC)" for a day, "Week 12: Mar 16 – 22,
 * 2026" for an ISO week, "March 2026", "All time", or "Trending: recent points count more". Read
 * from the response's `period`, so it names what the server answered (the current period, or a
 * past one asked for by key), never what the client guessed.
 */
export function leaderboardPeriodText(
  period: LeaderboardPeriod,
  labels: LeaderboardLabels,
  format: PodiumFormatters,
): string {
  switch (period.kind) {
    case 'all-time':
      return labels.leaderboardCaptionAllTime;
    case 'trending':
      return labels.leaderboardCaptionTrending;
    case 'month':
      return formatLabel(labels.leaderboardCaptionMonth, {
        month: monthName(period.key ?? period.month, format.locale),
      });
    case 'day':
      return formatLabel(labels.leaderboardCaptionDay, { date: format.dayRange(period.key, period.key) });
    case 'week': {
      // `end` is exclusive: the week's last day is the day before it.
      const first = period.start.slice(0, 10);
      const last = new Date(Date.parse(period.end) - DAY_MS).toISOString().slice(0, 10);
      const week = Number(period.key.slice(period.key.indexOf('W') + 1));
      return formatLabel(labels.leaderboardCaptionWeek, {
        week: Number.isFinite(week) ? format.number(week) : period.key,
        dates: format.dayRange(first, last),
      });
    }
  }
}

export interface LeaderboardPeriodCaptionProps {
  /** The response's `period`. */
  period: LeaderboardPeriod;
  /** The board's category as the caption names it; absent for every category. */
  category?: string | null;
  labels: LeaderboardLabels;
  format: PodiumFormatters;
  styled: boolean;
  className?: string;
}

/**
 * The line under a board's switches that says which period it ranks (and which category): what
 * "Weekly" means this week, that trending values are decayed. Plain text, not a live region: the
 * board's switch already tells the user what changed.
 */
export function LeaderboardPeriodCaption({
  period,
  category,
  labels,
  format,
  styled,
  className,
}: LeaderboardPeriodCaptionProps) {
  return (
    <p
      className={cx(
        'podium-leaderboard__period',
        styled &&
          'podium:m-0 podium:flex podium:flex-wrap podium:items-center podium:gap-x-2 podium:gap-y-1 podium:text-sm podium:font-medium',
        className,
      )}
      data-period-kind={period.kind}
    >
      <span className={cx(styled && 'podium:inline-flex podium:items-center podium:gap-1.5')}>
        {period.kind === 'trending' ? (
          <TrendIcon className={cx(styled && 'podium:shrink-0 podium:text-(--podium-accent)')} />
        ) : null}
        {leaderboardPeriodText(period, labels, format)}
      </span>
      {category ? (
        <span
          className={cx(
            'podium-leaderboard__category',
            styled &&
              'podium:rounded-full podium:border podium:border-(--podium-border) podium:px-2 podium:py-0.5 podium:text-xs podium:font-normal podium:text-(--podium-muted)',
          )}
        >
          {formatLabel(labels.leaderboardCaptionCategory, { category })}
        </span>
      ) : null}
    </p>
  );
}

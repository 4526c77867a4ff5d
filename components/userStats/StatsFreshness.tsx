import { cx } from '../shared/cx.js';
import { AlertIcon } from '../shared/icons/AlertIcon.js';
import { ClockIcon } from '../shared/icons/ClockIcon.js';
import { formatLabel } from '../labels.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { StatsTabLabels } from './statsTabLabels.js';

export interface StatsFreshnessProps extends StatsTabPartStyle {
  /** When the stats were calculated; nothing renders while `null`. */
  calculatedAt: string | null;
  /** Older than the server's stale age (a refresh is queued): shown as a warning. */
  stale: boolean;
  /** When the last refresh failed, else `null`: shown as a note. */
  refreshFailedAt: string | null;
  /** "Now" for relative times (ms since epoch). */
  now: number;
  labels: StatsTabLabels;
  format: PodiumFormatters;
}

/**
 * How fresh the figures are: "Updated 3 hours ago" (the exact instant as `<time>`), a visible
 * warning when they are stale, and a note when the last refresh failed.
 */
export function StatsFreshness({
  calculatedAt,
  stale,
  refreshFailedAt,
  now,
  labels,
  format,
  styled,
  classNames,
}: StatsFreshnessProps) {
  if (!calculatedAt) return null;
  const updated = (
    <time dateTime={calculatedAt} title={format.dateTime(calculatedAt)}>
      {format.relativeTime(calculatedAt, now)}
    </time>
  );
  const [before, after] = labels.statsTabUpdated.split('{time}');
  const notice = cx(
    'podium-stats-tab__notice',
    styled &&
      'podium:m-0 podium:rounded-(--podium-radius) podium:border podium:px-3 podium:py-2 podium:text-sm',
    classNames.notice,
  );
  return (
    <>
      <p
        className={cx(
          'podium-stats-tab__freshness',
          styled && 'podium:m-0 podium:flex podium:items-center podium:gap-1.5 podium:text-sm podium:text-(--podium-muted)',
          classNames.freshness,
        )}
      >
        <ClockIcon />
        <span>
          {before}
          {updated}
          {after}
        </span>
      </p>
      {stale ? (
        <p
          role="status"
          data-tone="warning"
          className={cx(notice, styled && 'podium:border-(--podium-warning) podium:text-(--podium-warning)')}
        >
          <AlertIcon className={cx(styled && 'podium:me-1.5')} />
          {formatLabel(labels.statsTabStale, { time: format.relativeTime(calculatedAt, now) })}
        </p>
      ) : null}
      {refreshFailedAt ? (
        <p
          data-tone="info"
          className={cx(notice, styled && 'podium:border-(--podium-border) podium:text-(--podium-muted)')}
        >
          {formatLabel(labels.statsTabRefreshFailed, { time: format.relativeTime(refreshFailedAt, now) })}
        </p>
      ) : null}
    </>
  );
}

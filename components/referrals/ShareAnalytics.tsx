import type { ReactNode } from 'react';
import { useShareAnalytics } from '../../hooks/referrals/useShareAnalytics.js';
import type { ShareAnalyticsResponse } from '../../src/referrals/analyticsContract.js';
import { ScoringStaleNotice } from '../scoring/ScoringStaleNotice.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { InboxIcon } from '../shared/icons/InboxIcon.js';
import { TrophyIcon } from '../shared/icons/TrophyIcon.js';
import { formatLabel, useLabels } from '../labels.js';
import { useFormatters, type PodiumFormatters } from '../shared/useFormatters.js';
import { WidgetCard } from '../shared/WidgetCard.js';
import { WidgetState } from '../shared/WidgetState.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from '../shared/widgetProps.js';
import { ShareFunnel } from './ShareFunnel.js';
import { SharePlatformTable } from './SharePlatformTable.js';
import { sharePlatformName } from './sharePlatformName.js';
import { ShareStreak } from './ShareStreak.js';
import type { ShareAnalyticsClassNames } from './shareAnalyticsSlots.js';
import { shareAnalyticsLabels, type ShareAnalyticsLabels } from './shareAnalyticsLabels.js';
import { sharedLabels } from '../shared/sharedLabels.js';

/** The English strings ShareAnalytics shows (a module-level constant: `useLabels` memoises on it). */
const shareAnalyticsTables = [sharedLabels, shareAnalyticsLabels] as const;

/** The widget's state, also exposed as `data-state` on the root (`data-stale` marks a failed refresh). */
export type ShareAnalyticsState = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

export interface ShareAnalyticsProps extends PodiumWidgetProps<ShareAnalyticsClassNames>, PodiumHeadingProps {
  /** The member whose analytics to show (the signed-in user's own member id). */
  memberId: string;
  /**
   * The IANA time zone of the streak's days and the daily chart.
   * @default the provider's `timeZone` (its prop, else the browser's once mounted)
   */
  timeZone?: string;
  /** The heading. @default labels.shareAnalyticsTitle ("Share analytics") */
  title?: ReactNode;
  /**
   * Called by the "Share your link" button of the empty state (open your ShareKit, say). Without
   * it the empty state has no button.
   */
  onShare?: () => void;
}

const noClassNames: ShareAnalyticsClassNames = {};

/**
 * A member's sharing at a glance: the funnel from shares to clicks to conversions with the rates
 * between, the best platform, every platform side by side, and the share streak with the last
 * 30 days. Loading, empty (no shares yet: an invitation to share), error with Retry, and stale (a
 * refresh failed: the last figures stay, with a notice) states.
 */
export function ShareAnalytics({
  memberId,
  timeZone,
  title,
  onShare,
  headingLevel = 2,
  className,
  classNames = noClassNames,
  unstyled = false,
  labels: labelsProp,
}: ShareAnalyticsProps) {
  const labels = useLabels(shareAnalyticsTables, labelsProp);
  const format = useFormatters();
  const styled = !unstyled;
  const query = useShareAnalytics(memberId, { timeZone });
  const { analytics } = query;
  const state: ShareAnalyticsState = !memberId.trim()
    ? 'idle'
    : analytics
      ? analytics.funnel.shares === 0 && analytics.funnel.clicks === 0
        ? 'empty'
        : 'ready'
      : query.status === 'error'
        ? 'error'
        : 'loading';
  const stale = Boolean(analytics) && query.isRefetchError;
  const partLevel = Math.min(6, headingLevel + 1) as 3 | 4 | 5 | 6;
  const part = { labels, format, styled, classNames, headingLevel: partLevel };

  let content: ReactNode = null;
  if (state === 'loading') {
    content = (
      <ShareAnalyticsSkeleton
        label={labels.shareAnalyticsLoading}
        styled={styled}
        className={classNames.skeleton}
      />
    );
  } else if (state === 'error' && query.error) {
    content = (
      <WidgetState
        kind="error"
        block="podium-share-analytics"
        title={labels.shareAnalyticsErrorTitle}
        description={query.error.message}
        onRetry={query.error.isRetryable ? () => void query.refetch() : undefined}
        isRetrying={query.isFetching}
        labels={labels}
        classNames={classNames}
        unstyled={unstyled}
      />
    );
  } else if (state === 'empty') {
    content = (
      <div
        className={cx(
          'podium-share-analytics__empty',
          styled &&
            'podium:flex podium:flex-col podium:items-center podium:gap-2 podium:rounded-(--podium-radius) podium:border podium:border-dashed podium:border-(--podium-border) podium:px-4 podium:py-8 podium:text-center',
          classNames.empty,
        )}
      >
        <InboxIcon className={cx(styled && 'podium:size-8 podium:text-(--podium-muted)')} />
        <p className={cx(styled && 'podium:m-0 podium:font-semibold')}>{labels.shareAnalyticsEmptyTitle}</p>
        <p className={cx(styled && 'podium:m-0 podium:max-w-sm podium:text-sm podium:text-(--podium-muted)')}>
          {labels.shareAnalyticsEmptyHint}
        </p>
        {onShare ? (
          <Button
            variant="primary"
            unstyled={unstyled}
            className={cx(styled && 'podium:mt-2', classNames.button)}
            onClick={onShare}
          >
            {labels.shareAnalyticsEmptyAction}
          </Button>
        ) : null}
      </div>
    );
  } else if (state === 'ready' && analytics) {
    content = (
      <>
        {stale ? (
          <ScoringStaleNotice
            block="podium-share-analytics"
            message={formatLabel(labels.shareAnalyticsStale, {
              time: format.relativeTime(query.dataUpdatedAt, Date.now()),
            })}
            onRetry={() => void query.refetch()}
            isRetrying={query.isFetching}
            labels={labels}
            unstyled={unstyled}
            className={classNames.notice}
            buttonClassName={classNames.button}
          />
        ) : null}
        <BestPlatform
          analytics={analytics}
          labels={labels}
          format={format}
          styled={styled}
          className={classNames.best}
        />
        <ShareFunnel funnel={analytics.funnel} {...part} />
        <div
          className={cx(
            'podium-share-analytics__columns',
            styled && 'podium:grid podium:grid-cols-1 podium:gap-5 podium:@2xl:grid-cols-2 podium:@2xl:gap-6',
          )}
        >
          <SharePlatformTable
            platforms={analytics.platforms}
            bestPlatform={analytics.bestPlatform}
            {...part}
          />
          <ShareStreak streak={analytics.streak} daily={analytics.daily} {...part} />
        </div>
      </>
    );
  }

  return (
    <WidgetCard
      block="podium-share-analytics"
      title={title ?? labels.shareAnalyticsTitle}
      headingLevel={headingLevel}
      className={className}
      classNames={classNames}
      unstyled={unstyled}
      data-state={state}
      data-stale={stale ? 'true' : undefined}
    >
      <div
        aria-busy={state === 'loading'}
        className={cx('podium-share-analytics__body', styled && 'podium:flex podium:flex-col podium:gap-5')}
      >
        {content}
      </div>
    </WidgetCard>
  );
}

/** "WhatsApp brings you the most conversions: 2 from 6 clicks (33 %)." — or the most clicks, before any conversion. */
function BestPlatform({
  analytics,
  labels,
  format,
  styled,
  className,
}: {
  analytics: ShareAnalyticsResponse;
  labels: ShareAnalyticsLabels;
  format: PodiumFormatters;
  styled: boolean;
  className?: string;
}) {
  const best = analytics.platforms.find((p) => p.platform === analytics.bestPlatform);
  if (!best) return null;
  const values = {
    platform: sharePlatformName(best.platform, labels),
    conversions: format.number(best.conversions),
    clicks: format.number(best.clicks),
    rate: format.percent(best.conversionRate),
  };
  return (
    <div
      data-platform={best.platform}
      className={cx(
        'podium-share-analytics__best',
        styled &&
          'podium:flex podium:items-start podium:gap-3 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:p-3',
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={cx(
          styled &&
            'podium:flex podium:size-8 podium:shrink-0 podium:items-center podium:justify-center podium:rounded-full podium:bg-(--podium-accent) podium:text-(--podium-accent-fg)',
        )}
      >
        <TrophyIcon />
      </span>
      <p className={cx(styled && 'podium:m-0 podium:flex podium:flex-col podium:gap-0.5 podium:text-sm')}>
        <span
          className={cx(
            styled &&
              'podium:text-xs podium:font-medium podium:uppercase podium:tracking-wide podium:text-(--podium-muted)',
          )}
        >
          {labels.shareAnalyticsBestPlatform}
        </span>
        <span>
          {formatLabel(
            best.conversions > 0 ? labels.shareAnalyticsBestByConversions : labels.shareAnalyticsBestByClicks,
            values,
          )}
        </span>
      </p>
    </div>
  );
}

function ShareAnalyticsSkeleton({
  label,
  styled,
  className,
}: {
  label: string;
  styled: boolean;
  className?: string;
}) {
  const block = (height: string) => (
    <div
      aria-hidden="true"
      className={cx(
        styled &&
          `${height} podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:animate-pulse podium:motion-reduce:animate-none`,
      )}
    />
  );
  return (
    <div
      className={cx(
        'podium-share-analytics__skeleton',
        styled && 'podium:flex podium:flex-col podium:gap-4',
        className,
      )}
    >
      <span className="podium-sr-only">{label}</span>
      {block('podium:h-16')}
      {block('podium:h-28')}
      <div className={cx(styled && 'podium:grid podium:grid-cols-1 podium:gap-4 podium:@2xl:grid-cols-2')}>
        {block('podium:h-40')}
        {block('podium:h-40')}
      </div>
    </div>
  );
}

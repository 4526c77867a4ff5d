import type { ReactNode } from 'react';
import { usePodium } from '../../hooks/usePodium.js';
import { normalizeStatsIdentifier } from '../../hooks/userStats/userStatsQueryOptions.js';
import { useUserStats } from '../../hooks/userStats/useUserStats.js';
import { useUserStatsHistory } from '../../hooks/userStats/useUserStatsHistory.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { userTransactionsCsvUrl } from '../../src/userStats/api.js';
import { defaultStatsHistoryDays, type StatsSubject } from '../../src/userStats/contract.js';
import { Avatar } from '../shared/Avatar.js';
import { cx } from '../shared/cx.js';
import { shortenAddress } from '../shared/formatTokenAmount.js';
import { formatLabel, pluralLabel, useLabels } from '../labels.js';
import { PercentileBadge } from './PercentileBadge.js';
import { StatsFigures } from './StatsFigures.js';
import { StatsFreshness } from './StatsFreshness.js';
import { StatsTabSkeleton } from './StatsTabSkeleton.js';
import type { StatsTabClassNames, StatsTabPartStyle } from './statsTabSlots.js';
import { useFormatters } from '../shared/useFormatters.js';
import { WidgetCard } from '../shared/WidgetCard.js';
import { WidgetState, type WidgetStateBase } from '../shared/WidgetState.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from '../shared/widgetProps.js';
import { statsTabLabels, type StatsTabLabels } from './statsTabLabels.js';
import { sharedLabels } from '../shared/sharedLabels.js';

/** The English strings StatsTab shows (a module-level constant: `useLabels` memoises on it). */
const statsTabTables = [sharedLabels, statsTabLabels] as const;

/** The tab's state, also exposed as `data-state` on the root. */
export type StatsTabState = 'idle' | 'loading' | 'calculating' | 'error' | 'empty' | 'ready';

export interface StatsTabProps extends PodiumWidgetProps<StatsTabClassNames>, PodiumHeadingProps {
  /** Whose stats: a user id, a username or a wallet address. */
  identifier: string;
  /** The heading. @default labels.statsTabTitle ("Stats") */
  title?: ReactNode;
  /** Days of the daily trend chart (1 to 731), ending today (UTC). @default 90 */
  historyDays?: number;
  /** Offer the "Download transactions (CSV)" link. @default true */
  csv?: boolean;
}

const noClassNames: StatsTabClassNames = {};

/** The name to show for a subject: display name, else @username, else its (shortened) wallet. */
function subjectName(subject: StatsSubject, fallback: string): string {
  if (subject.displayName) return subject.displayName;
  if (subject.username) return `@${subject.username}`;
  const address = subject.addresses[0];
  return address ? shortenAddress(address) : fallback;
}

/**
 * A user's marketplace stats for a profile page: Sales, Purchases, Bidding, Offers and Listings
 * with percentile badges, token breakdowns, a daily trend and a CSV download. Handles loading,
 * calculating (the server answered 202: it polls until the figures exist), empty, stale, refresh
 * failed, not found and error states.
 */
export function StatsTab({
  identifier,
  title,
  headingLevel = 2,
  className,
  classNames = noClassNames,
  unstyled = false,
  labels: labelsProp,
  historyDays = defaultStatsHistoryDays,
  csv = true,
}: StatsTabProps) {
  const { client } = usePodium();
  const labels = useLabels(statsTabTables, labelsProp);
  const format = useFormatters();
  const styled = !unstyled;
  const part: StatsTabPartStyle = { styled, classNames };
  const id = normalizeStatsIdentifier(identifier);

  const query = useUserStats(id);
  const { stats, error } = query;
  const hasActivity = stats
    ? stats.sales.count +
        stats.purchases.count +
        stats.bids.placed +
        stats.offers.made +
        stats.offers.received +
        stats.listings.created >
      0
    : false;
  const state: StatsTabState = !id
    ? 'idle'
    : stats
      ? query.isCalculating
        ? 'calculating'
        : hasActivity
          ? 'ready'
          : 'empty'
      : error && query.status === 'error'
        ? 'error'
        : 'loading';
  // The trend only matters once there is activity to chart.
  const history = useUserStatsHistory(id, { days: historyDays, enabled: state === 'ready' });
  const retry = () => void query.refetch();
  const now = Date.now();
  const sectionHeading = (headingLevel + 1) as 3 | 4 | 5 | 6;
  const states: WidgetStateBase = { block: 'podium-stats-tab', labels, classNames, unstyled };

  let content: ReactNode = null;
  if (state === 'idle') {
    content = (
      <p className={cx(styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)')}>
        {labels.statsTabNoIdentifier}
      </p>
    );
  } else if (state === 'loading') {
    content = <StatsTabSkeleton label={labels.statsTabLoading} {...part} />;
  } else if (state === 'error' && error) {
    content = (
      <StatsTabError
        error={error}
        identifier={identifier.trim()}
        retry={retry}
        isRetrying={query.isFetching}
        labels={labels}
        states={states}
      />
    );
  } else if (state === 'calculating') {
    content = (
      <>
        <div
          role="status"
          data-tone="info"
          className={cx(
            'podium-stats-tab__notice',
            styled &&
              'podium:flex podium:flex-col podium:gap-1 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:px-3 podium:py-2 podium:text-sm',
            classNames.notice,
          )}
        >
          <p className={cx(styled && 'podium:m-0 podium:font-semibold')}>{labels.statsTabCalculatingTitle}</p>
          <p className={cx(styled && 'podium:m-0 podium:text-(--podium-muted)')}>
            {labels.statsTabCalculatingHint}
          </p>
        </div>
        <StatsTabSkeleton {...part} />
      </>
    );
  } else if (state === 'empty') {
    content = (
      <WidgetState kind="empty" {...states} title={labels.statsTabEmptyTitle} description={labels.statsTabEmptyHint} />
    );
  } else if (state === 'ready' && stats && query.percentiles) {
    content = (
      <StatsFigures
        stats={stats}
        percentiles={query.percentiles}
        history={history}
        historyDays={historyDays}
        labels={labels}
        format={format}
        headingLevel={sectionHeading}
        {...part}
      />
    );
  }

  const showDownload = csv && (state === 'ready' || state === 'empty' || state === 'calculating');

  return (
    <WidgetCard
      block="podium-stats-tab"
      title={title ?? labels.statsTabTitle}
      headingLevel={headingLevel}
      subtitle={
        <>
          {query.subject ? (
            <p
              className={cx(
                'podium-stats-tab__subject',
                styled &&
                  'podium:m-0 podium:flex podium:flex-wrap podium:items-center podium:gap-2 podium:text-sm',
                classNames.subject,
              )}
            >
              <Avatar
                src={query.subject.avatarUrl}
                name={subjectName(query.subject, identifier)}
                id={query.subject.userId ?? query.subject.addresses[0] ?? identifier}
                size="sm"
                unstyled={unstyled}
              />
              <span title={query.subject.addresses.join(', ') || undefined}>
                {subjectName(query.subject, identifier)}
              </span>
              {state === 'ready' && query.percentiles?.trades ? (
                <PercentileBadge
                  percentile={query.percentiles.trades}
                  template={labels.statsTabTopTraders}
                  rankTemplate={pluralLabel(
                    labels,
                    'statsTabRankTraders',
                    query.percentiles.trades.of,
                    format.locale,
                  )}
                  labels={labels}
                  format={format}
                  {...part}
                />
              ) : null}
            </p>
          ) : null}
          {state === 'ready' || state === 'empty' ? (
            <StatsFreshness
              calculatedAt={query.calculatedAt}
              stale={query.stale}
              refreshFailedAt={query.refreshFailedAt}
              now={now}
              labels={labels}
              format={format}
              {...part}
            />
          ) : null}
        </>
      }
      actions={
        showDownload ? (
          <a
            href={userTransactionsCsvUrl(client, id)}
            download
            className={cx(
              'podium-stats-tab__download',
              styled &&
                'podium:inline-flex podium:items-center podium:rounded-(--podium-radius) podium:border podium:border-(--podium-control-border) podium:px-3 podium:py-1.5 podium:text-sm podium:font-medium podium:text-(--podium-accent) podium:no-underline podium:hover:bg-(--podium-surface)',
              classNames.download,
            )}
          >
            {labels.statsTabDownloadCsv}
          </a>
        ) : null
      }
      // Polite, and only filled once real figures are shown: polls and refreshes stay quiet.
      announcement={state === 'ready' || state === 'empty' ? labels.statsTabAnnounceLoaded : ''}
      className={className}
      classNames={classNames}
      unstyled={unstyled}
      data-state={state}
      data-error-status={state === 'error' ? error?.status : undefined}
      data-fetching={query.isFetching || undefined}
      data-stale={(stats && query.stale) || undefined}
    >
      <div
        className={cx(
          'podium-stats-tab__body',
          styled && 'podium:flex podium:flex-col podium:gap-6',
          classNames.body,
        )}
        aria-busy={state === 'loading' || state === 'calculating'}
      >
        {content}
      </div>
    </WidgetCard>
  );
}

interface StatsTabErrorProps {
  error: PodiumApiError;
  identifier: string;
  retry: () => void;
  isRetrying: boolean;
  labels: StatsTabLabels;
  states: WidgetStateBase;
}

/** A failed load: "No user named …" (404) and a malformed identifier (400) cannot be retried. */
function StatsTabError({ error, identifier, retry, isRetrying, labels, states }: StatsTabErrorProps) {
  const permanent = error.status === 404 || error.status === 400;
  const message =
    error.status === 404
      ? formatLabel(labels.statsTabNotFound, { identifier })
      : error.status === 400
        ? formatLabel(labels.statsTabInvalidIdentifier, { identifier })
        : null;
  return (
    <WidgetState
      kind="error"
      {...states}
      title={message ?? labels.statsTabErrorTitle}
      description={message ? null : error.message}
      onRetry={permanent ? undefined : retry}
      isRetrying={isRetrying}
    />
  );
}

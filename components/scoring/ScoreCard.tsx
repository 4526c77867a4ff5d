import type { ReactNode } from 'react';
import { useScore } from '../../hooks/scoring/useScore.js';
import { normalizeScoreUserId } from '../../hooks/scoring/userScoreQueryOptions.js';
import { timeframePeriodKinds, type ScoreTimeframe } from '../../src/scoring/contract.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { periodKeyOf } from '../../src/shared/periodKeys.js';
import { dayKey, isValidTimeZone } from '../../src/shared/periods.js';
import { cx } from '../shared/cx.js';
import { TrophyIcon } from '../shared/icons/TrophyIcon.js';
import { useFormatters, type PodiumFormatters } from '../shared/useFormatters.js';
import { WidgetCard } from '../shared/WidgetCard.js';
import { WidgetState, type WidgetStateBase } from '../shared/WidgetState.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from '../shared/widgetProps.js';
import { formatLabel, pluralLabel, useLabels } from '../labels.js';
import { ScoreCardFigure } from './ScoreCardFigure.js';
import { ScoreCardRankHistory } from './ScoreCardRankHistory.js';
import { ScoreCardRecentActions } from './ScoreCardRecentActions.js';
import { ScoreCardSkeleton } from './ScoreCardSkeleton.js';
import type { ScoreCardClassNames, ScoreCardPartStyle } from './scoreCardSlots.js';
import { ScoreCardStreak } from './ScoreCardStreak.js';
import { ScoringStaleNotice } from './ScoringStaleNotice.js';
import { scoreCardLabels, type ScoreCardLabels } from './scoreCardLabels.js';
import { sharedLabels } from '../shared/sharedLabels.js';

/** The English strings ScoreCard shows (a module-level constant: `useLabels` memoises on it). */
const scoreCardTables = [sharedLabels, scoreCardLabels] as const;

/** The card's state, also exposed as `data-state` on the root. */
export type ScoreCardState = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

/** What `renderEmpty` gets: the player has never scored. */
export interface ScoreCardEmptyContext {
  userId: string;
  labels: ScoreCardLabels;
}

/** What `renderError` gets: a load that failed with nothing to show. */
export interface ScoreCardErrorContext {
  error: PodiumApiError;
  /** Loads again; offer it only when `error.isRetryable`. */
  retry: () => void;
  isRetrying: boolean;
  labels: ScoreCardLabels;
}

export interface ScoreCardProps extends PodiumWidgetProps<ScoreCardClassNames>, PodiumHeadingProps {
  /** Whose points (a user id). An empty id shows a hint and sends no request. */
  userId: string;
  /** Which board the points, rank and percentile are on. @default 'lifetime' */
  timeframe?: ScoreTimeframe;
  /**
   * A past day, ISO week or month of a daily, weekly or monthly card (`2026-11-27`, `2026-W48`,
   * `2026-11`). @default the current one (UTC)
   */
  period?: string;
  /** One category's board (`trading`); absent for every category. */
  category?: string;
  /** The heading. @default labels.scoreCardTitle ("Points") */
  title?: ReactNode;
  /** How many recent actions to list (the server sends up to 10); `0` hides the list. @default 5 */
  recentLimit?: number;
  /** Draw the lifetime rank's sparkline under the rank (lifetime cards of every category only). @default true */
  showRankHistory?: boolean;
  /**
   * Names of your own actions in the recent list, by action (`{ NFT_MINT: 'Minted an NFT' }`).
   * The default rules' actions are named by the labels (`scoringActionTradeExecute`...).
   */
  actionNames?: Readonly<Record<string, string>>;
  /** Ask again this often (ms) while the page is visible; `false` never. @default false */
  pollIntervalMs?: number | false;
  /** Replaces the empty state ("Record your first action"), e.g. to add your own call to action. */
  renderEmpty?: (context: ScoreCardEmptyContext) => ReactNode;
  /** Replaces the error state (a load that failed with nothing to show). */
  renderError?: (context: ScoreCardErrorContext) => ReactNode;
}

const noClassNames: ScoreCardClassNames = {};
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "March 2026" in the locale: the name of a past month's card. */
function monthName(key: string, locale: string): string {
  let format = monthFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    } catch {
      // A malformed locale from the host must not take the card down.
      format = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    }
    if (monthFormats.size > 50) monthFormats.clear();
    monthFormats.set(locale, format);
  }
  return format.format(new Date(`${key}-01T00:00:00Z`));
}

/**
 * What the card's figures are about: "All time", "This week", a past "Week 47, 2026", a past day
 * or month, and the category when there is one.
 */
function periodText(
  timeframe: ScoreTimeframe,
  period: string | null | undefined,
  category: string | null | undefined,
  now: Date,
  labels: ScoreCardLabels,
  format: PodiumFormatters,
): string {
  let text: string;
  if (timeframe === 'lifetime') text = labels.scoreCardTimeframeLifetime;
  else if (timeframe === 'trending') text = labels.scoreCardTimeframeTrending;
  else {
    const kind = timeframePeriodKinds[timeframe];
    const current = !period || period === periodKeyOf(kind, now);
    if (current) {
      text =
        timeframe === 'daily'
          ? labels.scoreCardTimeframeDaily
          : timeframe === 'weekly'
            ? labels.scoreCardTimeframeWeekly
            : labels.scoreCardTimeframeMonthly;
    } else if (kind === 'week') {
      const [year, week] = period.split('-W');
      text = formatLabel(labels.scoreCardPastWeek, { week: format.number(Number(week)), year: year ?? '' });
    } else if (kind === 'month') {
      text = monthName(period, format.locale);
    } else {
      text = format.day(period);
    }
  }
  return category ? `${text} · ${category}` : text;
}

/**
 * A player's points card: points for the timeframe, rank with "Top N %" where it flatters and a
 * sparkline of the lifetime rank, the streak with its freezes and where it stands today, and the
 * recent actions with their points and relative times. Handles loading, empty ("Record your first
 * action"), error with retry, and keeps the last points (with a notice) when a refresh fails.
 * Refreshes by itself after `useRecordAction` records an action.
 */
export function ScoreCard({
  userId,
  timeframe = 'lifetime',
  period,
  category,
  title,
  headingLevel = 2,
  recentLimit = 5,
  showRankHistory = true,
  actionNames,
  pollIntervalMs = false,
  renderEmpty,
  renderError,
  className,
  classNames = noClassNames,
  unstyled = false,
  labels: labelsProp,
}: ScoreCardProps) {
  const labels = useLabels(scoreCardTables, labelsProp);
  const format = useFormatters();
  const styled = !unstyled;
  const part: ScoreCardPartStyle = { styled, classNames };
  const id = normalizeScoreUserId(userId);
  const query = useScore(id, { timeframe, period, category, pollIntervalMs });
  const { data, error } = query;
  const retry = () => void query.refetch();

  const state: ScoreCardState = !id
    ? 'idle'
    : data
      ? data.recentActions.length === 0 && data.score === 0
        ? 'empty'
        : 'ready'
      : error && query.status === 'error'
        ? 'error'
        : 'loading';
  const stale = Boolean(data && query.isRefetchError);
  const now = Date.now();
  const partHeading = (headingLevel + 1) as 3 | 4 | 5 | 6;
  const states: WidgetStateBase = { block: 'podium-score-card', labels, classNames, unstyled };

  let content: ReactNode = null;
  if (state === 'idle') {
    content = <p className={cx(styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)')}>{labels.scoreCardNoUser}</p>;
  } else if (state === 'loading') {
    content = <ScoreCardSkeleton label={labels.scoreCardLoading} {...part} />;
  } else if (state === 'error' && error) {
    const context: ScoreCardErrorContext = { error, retry, isRetrying: query.isFetching, labels };
    content = renderError ? (
      renderError(context)
    ) : (
      <WidgetState
        kind="error"
        {...states}
        title={labels.scoreCardErrorTitle}
        description={error.message}
        onRetry={error.isRetryable ? retry : undefined}
        isRetrying={context.isRetrying}
      />
    );
  } else if (state === 'empty') {
    content = renderEmpty ? (
      renderEmpty({ userId: id, labels })
    ) : (
      <WidgetState kind="empty" {...states} title={labels.scoreCardEmptyTitle} description={labels.scoreCardEmptyHint} />
    );
  } else if (state === 'ready' && data) {
    const trending = data.timeframe === 'trending';
    // Counts are all time: said only under lifetime points of every category, where they add up.
    const lifetime = data.timeframe === 'lifetime' && data.category === null;
    const actions = Object.values(data.actionCounts).reduce((sum, count) => sum + count, 0);
    const recent = data.recentActions.slice(0, Math.max(0, recentLimit));
    const split = recent.length > 0;
    const ranked = data.rank !== null && data.rankedUsers > 0;
    const top = ranked ? (data.rank! / data.rankedUsers) * 100 : null;
    const history = showRankHistory && lifetime ? data.rankHistory : [];
    content = (
      <div
        className={cx(
          'podium-score-card__body',
          styled && 'podium:grid podium:gap-4',
          styled && split && 'podium:@3xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]',
          classNames.body,
        )}
      >
        <dl
          className={cx(
            'podium-score-card__figures',
            styled && 'podium:m-0 podium:grid podium:content-start podium:grid-cols-2 podium:gap-3',
            styled && !split && 'podium:@xl:grid-cols-3',
            classNames.figures,
          )}
        >
          <ScoreCardFigure
            name="points"
            label={trending ? labels.scoreCardTrendingPoints : labels.scoreCardPoints}
            value={format.number(data.score)}
            hints={[
              trending
                ? labels.scoreCardTrendingHint
                : lifetime && actions > 0
                  ? formatLabel(pluralLabel(labels, 'scoreCardFromActions', actions, format.locale), {
                      count: format.number(actions),
                    })
                  : null,
            ]}
            {...part}
          />
          <ScoreCardFigure
            name="rank"
            label={labels.scoreCardRank}
            data={{ 'data-percentile': data.percentile ?? undefined }}
            value={
              <>
                {ranked ? (
                  <TrophyIcon className={cx(styled && 'podium:size-5 podium:text-(--podium-muted)')} />
                ) : null}
                {ranked ? formatLabel(labels.scoreCardRankValue, { rank: format.number(data.rank!) }) : labels.notAvailable}
              </>
            }
            hints={[
              ranked ? (
                <>
                  <span>
                    {formatLabel(pluralLabel(labels, 'scoreCardRankOf', data.rankedUsers, format.locale), {
                      count: format.number(data.rankedUsers),
                    })}
                  </span>
                  {top !== null && top <= 50 ? (
                    <span
                      className={cx(
                        'podium-score-card__top',
                        styled &&
                          'podium:rounded-full podium:border podium:border-(--podium-accent) podium:px-1.5 podium:font-medium podium:text-(--podium-accent)',
                      )}
                    >
                      {formatLabel(labels.scoreCardTopPercent, { percent: format.percent(top / 100) })}
                    </span>
                  ) : null}
                </>
              ) : data.source === 'ledger' ? (
                labels.scoreCardRankUnavailable
              ) : (
                labels.scoreCardNotRanked
              ),
            ]}
            {...part}
          >
            <ScoreCardRankHistory history={history} labels={labels} format={format} {...part} />
          </ScoreCardFigure>
          <ScoreCardStreak
            streak={data.streak}
            // A bad zone from the host must not take the card down: UTC then.
            today={dayKey(new Date(now), isValidTimeZone(format.timeZone) ? format.timeZone : 'UTC')}
            labels={labels}
            format={format}
            className={cx(styled && 'podium:col-span-2', styled && !split && 'podium:@xl:col-span-1')}
            {...part}
          />
        </dl>
        <ScoreCardRecentActions
          actions={recent}
          now={now}
          labels={labels}
          format={format}
          actionNames={actionNames}
          headingLevel={partHeading}
          {...part}
        />
      </div>
    );
  }

  return (
    <WidgetCard
      block="podium-score-card"
      title={title ?? labels.scoreCardTitle}
      headingLevel={headingLevel}
      subtitle={
        state === 'idle' ? null : (
          <p
            className={cx(
              'podium-score-card__period',
              styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)',
              classNames.period,
            )}
          >
            {periodText(timeframe, data?.period ?? period, data?.category ?? category, new Date(now), labels, format)}
          </p>
        )
      }
      // Polite, and only filled once real figures are shown: refreshes stay quiet.
      announcement={state === 'ready' || state === 'empty' ? labels.scoreCardAnnounceLoaded : ''}
      className={className}
      classNames={classNames}
      unstyled={unstyled}
      data-state={state}
      data-timeframe={timeframe}
      data-error-status={state === 'error' ? error?.status : undefined}
      data-fetching={query.isFetching || undefined}
      data-stale={stale || undefined}
    >
      {stale ? (
        <ScoringStaleNotice
          block="podium-score-card"
          message={formatLabel(labels.scoreCardStale, { time: format.relativeTime(query.dataUpdatedAt, now) })}
          onRetry={retry}
          isRetrying={query.isFetching}
          labels={labels}
          unstyled={unstyled}
          className={classNames.notice}
          buttonClassName={classNames.button}
        />
      ) : null}
      <div aria-busy={state === 'loading'}>{content}</div>
    </WidgetCard>
  );
}

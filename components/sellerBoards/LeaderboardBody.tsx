import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLeaderboard } from '../../hooks/sellerBoards/useLeaderboard.js';
import type { ReferrerMetric } from '../../src/referrals/analyticsContract.js';
import { timeframePeriodKinds, type ScoreTimeframe } from '../../src/scoring/contract.js';
import { type LeaderboardPeriodKind, type SellerMetric } from '../../src/sellerBoards/contract.js';
import {
  defaultLeaderboardLimit,
  maxLeaderboardLimit,
  type LeaderboardBoard,
} from '../../src/shared/leaderboard.js';
import { isPeriodKey } from '../../src/shared/periodKeys.js';
import type { TieMode } from '../../src/shared/ranking.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { ChevronDownIcon } from '../shared/icons/ChevronDownIcon.js';
import { formatLabel } from '../labels.js';
import { LeaderboardPeriodCaption } from '../shared/LeaderboardPeriodCaption.js';
import { LeaderboardPodium } from '../shared/LeaderboardPodium.js';
import { LeaderboardRow } from '../shared/LeaderboardRow.js';
import type { LeaderboardClassNames } from '../shared/leaderboardSlots.js';
import { LeaderboardSwitch } from '../shared/LeaderboardSwitch.js';
import { LeaderboardUpdated } from '../shared/LeaderboardUpdated.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import { WidgetState, type WidgetStateBase } from '../shared/WidgetState.js';
import type { LeaderboardLabels } from '../shared/leaderboardLabels.js';

/** The body's state, also exposed as `data-state` on it. */
export type LeaderboardBodyState = 'loading' | 'error' | 'empty' | 'ready';

/** Options shared by `LeaderboardModal` and `Leaderboard`. */
export interface LeaderboardViewOptions {
  /**
   * Which board: `sellers` (a metric and a period switch), `points` (a timeframe switch, an
   * optional category, values in points) or `referrers` (one creator's members, all time, by
   * referrals, earnings or conversion rate; needs `creatorId`). @default 'sellers'
   */
  board?: LeaderboardBoard;
  /** Referrers board: the creator (community) whose members are ranked. */
  creatorId?: string;
  /** Referrers board: the metric shown first (the user can switch). @default 'referrals' */
  defaultReferrerMetric?: ReferrerMetric;
  /** Referrers board: called when the user switches the metric. */
  onReferrerMetricChange?: (metric: ReferrerMetric) => void;
  /** Sellers board: the metric shown first (the user can switch). @default 'sales' */
  defaultMetric?: SellerMetric;
  /** Sellers board: called when the user switches the metric. */
  onMetricChange?: (metric: SellerMetric) => void;
  /** Sellers board: the period shown first (the user can switch). @default 'month' */
  defaultPeriod?: LeaderboardPeriodKind;
  /** Sellers board: called when the user switches the period. */
  onPeriodChange?: (period: LeaderboardPeriodKind) => void;
  /** Sellers board: the UTC month (`YYYY-MM`) of the monthly board. @default the current month (the server's) */
  month?: string;
  /** Points board: the timeframe shown first (the user can switch). @default 'lifetime' */
  defaultTimeframe?: ScoreTimeframe;
  /** Points board: called when the user switches the timeframe. */
  onTimeframeChange?: (timeframe: ScoreTimeframe) => void;
  /**
   * Points board: the timeframes the switch offers, in this order (a single one: no switch).
   * @default ['lifetime', 'monthly', 'weekly', 'daily', 'trending']
   */
  timeframes?: readonly ScoreTimeframe[];
  /** Points board: rank one category's points (`trading`); leave it out for every category. */
  category?: string;
  /** Points board: how the caption names `category` ("Category: Trading"). @default the category id */
  categoryLabel?: string;
  /**
   * Points board: a past period to show, by key: a UTC day (`2026-03-14`), an ISO week
   * (`2026-W10`) or a month (`2026-02`). Applies while the chosen timeframe is of its kind (a week
   * key to Weekly); every other timeframe shows its current period. @default the current period
   */
  periodKey?: string;
  /** How equal values rank. @default 'standard' */
  ties?: TieMode;
  /** The signed-in user: their row is highlighted, "Jump to me" finds them, moves are announced. */
  currentUserId?: string;
  /** Entries per page; "Load more" adds this many (up to 100 in all). @default 20 */
  pageSize?: number;
  /** Poll interval in milliseconds while shown and the page is visible; `false` for none. @default 30000 */
  pollIntervalMs?: number | false;
}

export interface LeaderboardBodyProps extends LeaderboardViewOptions {
  labels: LeaderboardLabels;
  format: PodiumFormatters;
  styled: boolean;
  classNames: LeaderboardClassNames;
}

const metricOrder: readonly SellerMetric[] = ['sales', 'views'];
const referrerMetricOrder: readonly ReferrerMetric[] = ['referrals', 'earnings', 'conversionRate'];

function referrerMetricLabel(metric: ReferrerMetric, labels: LeaderboardLabels): string {
  return metric === 'earnings'
    ? labels.leaderboardMetricEarnings
    : metric === 'conversionRate'
      ? labels.leaderboardMetricConversionRate
      : labels.leaderboardMetricReferrals;
}
const periodOrder: readonly LeaderboardPeriodKind[] = ['month', 'all-time'];
/** Longest first, as the seller board's period switch reads (month, all time), trending last. */
const timeframeOrder: readonly ScoreTimeframe[] = ['lifetime', 'monthly', 'weekly', 'daily', 'trending'];

function timeframeLabel(timeframe: ScoreTimeframe, labels: LeaderboardLabels): string {
  const names: Record<ScoreTimeframe, string> = {
    lifetime: labels.leaderboardTimeframeLifetime,
    monthly: labels.leaderboardTimeframeMonthly,
    weekly: labels.leaderboardTimeframeWeekly,
    daily: labels.leaderboardTimeframeDaily,
    trending: labels.leaderboardTimeframeTrending,
  };
  return names[timeframe];
}

/** `periodKey` when it is a key of `timeframe`'s kind (a week key for weekly), else none: the current period. */
function periodKeyFor(timeframe: ScoreTimeframe, periodKey: string | undefined): string | undefined {
  if (!periodKey || !(timeframe in timeframePeriodKinds)) return undefined;
  const kind = timeframePeriodKinds[timeframe as keyof typeof timeframePeriodKinds];
  return isPeriodKey(kind, periodKey) ? periodKey : undefined;
}

/**
 * Everything inside a leaderboard: its switches (sellers: metric and period; points: timeframe,
 * with a caption naming the period the server answered), "last updated", the podium and rows,
 * "Jump to me", "Load more", the loading/empty/error states and a polite live region that
 * announces the current user's moves between polls. `LeaderboardModal` and `Leaderboard` wrap it.
 *
 * "Load more" grows `limit` (one request, one ETag, one consistent snapshot per poll) rather than
 * fetching further pages: pages polled separately could disagree as ranks shift between them.
 */
export function LeaderboardBody({
  board = 'sellers',
  creatorId,
  defaultReferrerMetric = 'referrals',
  onReferrerMetricChange,
  defaultMetric = 'sales',
  onMetricChange,
  defaultPeriod = 'month',
  onPeriodChange,
  month,
  defaultTimeframe = 'lifetime',
  onTimeframeChange,
  timeframes = timeframeOrder,
  category,
  categoryLabel,
  periodKey,
  ties,
  currentUserId,
  pageSize = defaultLeaderboardLimit,
  pollIntervalMs,
  labels,
  format,
  styled,
  classNames,
}: LeaderboardBodyProps) {
  const [metric, setMetric] = useState<SellerMetric>(defaultMetric);
  const [referrerMetric, setReferrerMetric] = useState<ReferrerMetric>(defaultReferrerMetric);
  const [period, setPeriod] = useState<LeaderboardPeriodKind>(defaultPeriod);
  const [timeframe, setTimeframe] = useState<ScoreTimeframe>(defaultTimeframe);
  const [limit, setLimit] = useState(pageSize);
  const [aroundMe, setAroundMe] = useState(false);
  const around = aroundMe && currentUserId ? currentUserId : undefined;
  const points = board === 'points';
  // The referrers board has no `around`: "Jump to me" is not offered there.
  const referrers = board === 'referrers';
  // The switches above the board (metric, period, timeframe) share one row and one look.
  const controlsClassName = cx(
    'podium-leaderboard__controls',
    styled && 'podium:flex podium:flex-wrap podium:items-center podium:justify-between podium:gap-2',
    classNames.controls,
  );
  const switchProps = { styled, className: classNames.switch, buttonClassName: classNames.switchButton };
  const pointsPeriod = periodKeyFor(timeframe, periodKey);
  const query = useLeaderboard(
    board,
    referrers
      ? { creatorId: creatorId ?? '', metric: referrerMetric, limit, pollIntervalMs }
      : points
        ? { timeframe, period: pointsPeriod, category, ties, limit, around, pollIntervalMs }
        : { metric, period, month, ties, limit, around, pollIntervalMs },
  );
  const { data, entries } = query;
  // What the values count and how many decimals they show, as the board answered (sellers send
  // neither: their metric is the unit, in whole numbers).
  const unit = data?.unit ?? data?.metric ?? '';
  const valueDecimals = data?.valueDecimals ?? 0;

  const boardKey = referrers
    ? `${board}:${creatorId ?? ''}:${referrerMetric}`
    : points
      ? `${board}:${timeframe}:${pointsPeriod ?? ''}:${category ?? ''}`
      : `${board}:${metric}:${period}:${month ?? ''}`;
  const myRank = currentUserId
    ? data?.around && data.around.userId === currentUserId
      ? data.around.rank
      : entries.find((entry) => entry.userId === currentUserId)?.rank
    : undefined;
  const { message: announcement, direction: myMovement } = useRankAnnouncement(boardKey, myRank, labels);

  // After "Jump to me", move focus to the user's row once it is on screen.
  const myRowRef = useRef<HTMLLIElement>(null);
  const [focusMine, setFocusMine] = useState(false);
  useEffect(() => {
    if (!focusMine || !myRowRef.current || query.isPlaceholderData) return;
    myRowRef.current.focus();
    myRowRef.current.scrollIntoView?.({ block: 'nearest' });
    setFocusMine(false);
  }, [focusMine, query.isPlaceholderData, entries]);

  const changeMetric = (next: SellerMetric) => {
    setMetric(next);
    setLimit(pageSize);
    onMetricChange?.(next);
  };
  const changePeriod = (next: LeaderboardPeriodKind) => {
    setPeriod(next);
    setLimit(pageSize);
    onPeriodChange?.(next);
  };
  const changeReferrerMetric = (next: ReferrerMetric) => {
    setReferrerMetric(next);
    setLimit(pageSize);
    onReferrerMetricChange?.(next);
  };
  const changeTimeframe = (next: ScoreTimeframe) => {
    setTimeframe(next);
    setLimit(pageSize);
    onTimeframeChange?.(next);
  };

  const state: LeaderboardBodyState = data
    ? data.total === 0
      ? 'empty'
      : 'ready'
    : query.status === 'error'
      ? 'error'
      : 'loading';
  const showPodium = state === 'ready' && data?.offset === 0 && !around;
  const podiumEntries = showPodium ? entries.slice(0, 3) : [];
  const rows = showPodium ? entries.slice(3) : entries;
  const loadingMore = query.isPlaceholderData;

  const states: WidgetStateBase = { block: 'podium-leaderboard', labels, classNames, unstyled: !styled };
  let content: ReactNode;
  if (state === 'loading') {
    content = (
      <LeaderboardSkeleton label={labels.leaderboardLoading} styled={styled} classNames={classNames} />
    );
  } else if (state === 'error' && query.error) {
    content = (
      <WidgetState
        kind="error"
        {...states}
        title={labels.leaderboardErrorTitle}
        description={query.error.message}
        onRetry={query.error.isRetryable ? () => void query.refetch() : undefined}
        isRetrying={query.isFetching}
      />
    );
  } else if (state === 'empty') {
    content = (
      <WidgetState
        kind="empty"
        {...states}
        title={labels.leaderboardEmptyTitle}
        description={referrers ? labels.leaderboardReferrersEmptyHint : labels.leaderboardEmptyHint}
      />
    );
  } else if (data) {
    content = (
      <>
        {podiumEntries.length > 0 ? (
          <LeaderboardPodium
            entries={podiumEntries}
            metric={unit}
            valueDecimals={valueDecimals}
            currentUserId={currentUserId}
            currentMovement={myMovement}
            labels={labels}
            format={format}
            styled={styled}
            classNames={classNames}
          />
        ) : null}
        {around && data.around === null ? (
          <p
            className={cx(
              'podium-leaderboard__not-ranked',
              styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)',
            )}
          >
            {labels.leaderboardNotRanked}
          </p>
        ) : null}
        {rows.length > 0 ? (
          <ol
            aria-label={labels.leaderboardRanking}
            className={cx(
              'podium-leaderboard__list',
              styled && 'podium:m-0 podium:flex podium:list-none podium:flex-col podium:gap-1 podium:p-0',
              classNames.list,
            )}
          >
            {rows.map((entry) => {
              const current = entry.userId === currentUserId;
              return (
                <LeaderboardRow
                  key={entry.userId}
                  entry={entry}
                  metric={unit}
                  valueDecimals={valueDecimals}
                  current={current}
                  rowRef={current ? myRowRef : undefined}
                  movement={current ? myMovement : undefined}
                  labels={labels}
                  format={format}
                  styled={styled}
                  classNames={classNames}
                />
              );
            })}
          </ol>
        ) : null}
      </>
    );
  }

  // A user already on the podium is in view: jumping would only hide the podium around them.
  const onPodium = podiumEntries.some((entry) => entry.userId === currentUserId);
  const canJump = !referrers && Boolean(currentUserId) && state === 'ready' && (Boolean(around) || !onPodium);
  const canLoadMore = state === 'ready' && query.hasMore && limit < maxLeaderboardLimit;

  return (
    <div
      className={cx(
        'podium-leaderboard__body',
        styled && 'podium:flex podium:min-h-0 podium:flex-col podium:gap-3',
      )}
      data-state={state}
      data-board={points || referrers ? board : undefined}
      data-metric={referrers ? referrerMetric : points ? undefined : metric}
      data-period={points || referrers ? undefined : period}
      data-timeframe={points ? timeframe : undefined}
    >
      {referrers ? (
        <div className={controlsClassName}>
          <LeaderboardSwitch
            name="metric"
            label={labels.leaderboardMetricLabel}
            value={referrerMetric}
            onChange={changeReferrerMetric}
            options={referrerMetricOrder.map((value) => ({
              value,
              label: referrerMetricLabel(value, labels),
            }))}
            {...switchProps}
          />
        </div>
      ) : points ? (
        timeframes.length > 1 ? (
          <div className={controlsClassName}>
            <LeaderboardSwitch
              name="timeframe"
              label={labels.leaderboardTimeframeLabel}
              value={timeframe}
              onChange={changeTimeframe}
              options={timeframes.map((value) => ({ value, label: timeframeLabel(value, labels) }))}
              {...switchProps}
            />
          </div>
        ) : null
      ) : (
        <div className={controlsClassName}>
          <LeaderboardSwitch
            name="metric"
            label={labels.leaderboardMetricLabel}
            value={metric}
            onChange={changeMetric}
            options={metricOrder.map((value) => ({
              value,
              label: value === 'sales' ? labels.leaderboardMetricSales : labels.leaderboardMetricViews,
            }))}
            {...switchProps}
          />
          <LeaderboardSwitch
            name="period"
            label={labels.leaderboardPeriodLabel}
            value={period}
            onChange={changePeriod}
            options={periodOrder.map((value) => ({
              value,
              label:
                value === 'all-time'
                  ? labels.leaderboardPeriodAllTime
                  : month
                    ? monthName(month, format.locale)
                    : labels.leaderboardPeriodMonth,
            }))}
            {...switchProps}
          />
        </div>
      )}
      {points && data ? (
        // The period the server answered (and its category), "last updated" beside it.
        <div
          className={cx(
            'podium-leaderboard__meta',
            styled &&
              'podium:flex podium:flex-wrap podium:items-center podium:justify-between podium:gap-x-3 podium:gap-y-1',
          )}
        >
          <LeaderboardPeriodCaption
            period={data.period}
            category={data.category ? (categoryLabel ?? data.category) : null}
            labels={labels}
            format={format}
            styled={styled}
          />
          {data.updatedAt ? (
            <LeaderboardUpdated updatedAt={data.updatedAt} labels={labels} format={format} styled={styled} />
          ) : null}
        </div>
      ) : data?.updatedAt ? (
        <LeaderboardUpdated updatedAt={data.updatedAt} labels={labels} format={format} styled={styled} />
      ) : null}

      {/* Polite: a move is news, but never worth interrupting the user for. */}
      <p role="status" className="podium-sr-only">
        {announcement}
      </p>

      <div
        className={cx('podium-leaderboard__content', styled && 'podium:flex podium:flex-col podium:gap-3')}
        aria-busy={state === 'loading' || loadingMore}
      >
        {content}
      </div>

      {canJump || canLoadMore || (state === 'ready' && data) ? (
        <div
          className={cx(
            'podium-leaderboard__footer',
            styled && 'podium:flex podium:flex-wrap podium:items-center podium:justify-between podium:gap-2',
            classNames.footer,
          )}
        >
          {state === 'ready' && data ? (
            <p className={cx(styled && 'podium:m-0 podium:text-xs podium:text-(--podium-muted)')}>
              {formatLabel(labels.leaderboardShowing, {
                shown: format.number(entries.length),
                total: format.number(data.total),
              })}
            </p>
          ) : null}
          <div className={cx(styled && 'podium:flex podium:flex-wrap podium:gap-2')}>
            {canJump ? (
              <Button
                size="sm"
                unstyled={!styled}
                className={cx('podium-leaderboard__jump', classNames.button)}
                onClick={() => {
                  setAroundMe(!around);
                  setLimit(pageSize);
                  setFocusMine(!around);
                }}
              >
                {around ? labels.leaderboardBackToTop : labels.leaderboardJumpToMe}
              </Button>
            ) : null}
            {canLoadMore ? (
              <Button
                size="sm"
                unstyled={!styled}
                className={cx('podium-leaderboard__load-more', classNames.button)}
                aria-disabled={loadingMore || undefined}
                onClick={() => {
                  if (!loadingMore) setLimit(Math.min(maxLeaderboardLimit, limit + pageSize));
                }}
              >
                <ChevronDownIcon />
                {loadingMore ? labels.leaderboardLoadingMore : labels.leaderboardLoadMore}
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

interface RankMove {
  /** The live region's text, e.g. "You moved up to #3"; empty before any move. */
  message: string;
  /** Which way the last move went (the row's arrow); `undefined` before any move. */
  direction: 'up' | 'down' | undefined;
}

/**
 * The live region's text: "You moved up to #3" when the user's rank on the same board changes
 * between answers (polls), kept until the next move, with its direction for the row's arrow.
 * Switching board, metric or period forgets the last rank, so a switch itself is never announced
 * as a move.
 */
function useRankAnnouncement(
  boardKey: string,
  rank: number | undefined,
  labels: LeaderboardLabels,
): RankMove {
  const [tracked, setTracked] = useState<{ key: string; rank: number | undefined } & RankMove>({
    key: boardKey,
    rank,
    message: '',
    direction: undefined,
  });
  if (tracked.key !== boardKey) {
    setTracked({ key: boardKey, rank, message: '', direction: undefined });
  } else if (rank !== undefined && rank !== tracked.rank) {
    const direction = tracked.rank === undefined ? tracked.direction : rank < tracked.rank ? 'up' : 'down';
    const message =
      tracked.rank === undefined
        ? tracked.message
        : formatLabel(direction === 'up' ? labels.leaderboardMovedUp : labels.leaderboardMovedDown, { rank });
    setTracked({ key: boardKey, rank, message, direction });
  }
  return tracked;
}

function monthName(month: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  } catch {
    return month;
  }
}

function LeaderboardSkeleton({
  label,
  styled,
  classNames,
}: {
  label: string;
  styled: boolean;
  classNames: LeaderboardClassNames;
}) {
  return (
    <div
      className={cx(
        'podium-leaderboard__skeleton',
        styled && 'podium:flex podium:flex-col podium:gap-2',
        classNames.skeleton,
      )}
    >
      <span className="podium-sr-only">{label}</span>
      {Array.from({ length: 6 }, (_, index) => (
        <div
          key={index}
          aria-hidden="true"
          className={cx(
            styled &&
              'podium:h-12 podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:animate-pulse podium:motion-reduce:animate-none',
          )}
        />
      ))}
    </div>
  );
}

import type { ReactNode } from 'react';
import { resolveJobStatsRange, type JobStatsRange } from '../../hooks/jobs/resolveJobStatsRange.js';
import { useJobStats, type JobStatsSummary } from '../../hooks/jobs/useJobStats.js';
import { useJobStatsRange } from '../../hooks/jobs/useJobStatsRange.js';
import { usePodium } from '../../hooks/usePodium.js';
import { validateJobStatsRange } from '../../hooks/jobs/validateJobStatsRange.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { AlertIcon } from '../shared/icons/AlertIcon.js';
import { RefreshIcon } from '../shared/icons/RefreshIcon.js';
import { DailyJobsChart } from './DailyJobsChart.js';
import { JobsTable } from './JobsTable.js';
import { JobStatsRangePicker } from './JobStatsRangePicker.js';
import { JobStatsSkeleton } from './JobStatsSkeleton.js';
import type { JobStatsClassNames } from './jobStatsSlots.js';
import { KpiCard } from './KpiCard.js';
import { formatLabel, pluralLabel, useLabels } from '../labels.js';
import { SuccessRateBar } from './SuccessRateBar.js';
import { useFormatters } from '../shared/useFormatters.js';
import { WidgetCard } from '../shared/WidgetCard.js';
import { WidgetState, type WidgetStateBase } from '../shared/WidgetState.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from '../shared/widgetProps.js';
import { jobStatsLabels, type JobStatsLabels } from './jobStatsLabels.js';
import { sharedLabels } from '../shared/sharedLabels.js';

/** The English strings JobStats shows (a module-level constant: `useLabels` memoises on it). */
const jobStatsTables = [sharedLabels, jobStatsLabels] as const;

/** What `renderEmpty` receives. */
export interface JobStatsEmptyContext {
  /** The range shown, as inclusive calendar days. */
  range: { from: string; to: string };
  labels: JobStatsLabels;
}

/** What `renderError` receives. */
export interface JobStatsErrorContext {
  error: PodiumApiError;
  /** Fetches again. */
  retry: () => void;
  /** True while the retry is in flight. */
  isRetrying: boolean;
  labels: JobStatsLabels;
}

/** The view's state, also exposed as `data-state` on the root. */
export type JobStatsState = 'invalid' | 'loading' | 'error' | 'empty' | 'ready';

export interface JobStatsProps extends PodiumWidgetProps<JobStatsClassNames>, PodiumHeadingProps {
  /**
   * The range when you control it; pair with `onRangeChange`.
   * @default undefined (uncontrolled)
   */
  range?: JobStatsRange;
  /**
   * The initial range of an uncontrolled widget that keeps its own range.
   * @default undefined: the provider store's range (30 days unless changed), shared with every
   * other uncontrolled JobStats under the same provider
   */
  defaultRange?: JobStatsRange;
  /** Called with the range the user picks (custom ranges only once valid and applied). */
  onRangeChange?: (range: JobStatsRange) => void;
  /** Jobs per page of the table (1 to 100). @default 20 (the server's default) */
  pageSize?: number;
  /** The heading. @default labels.jobStatsTitle ("Job statistics") */
  title?: ReactNode;
  /** Replaces the empty state ("No jobs in this range"). */
  renderEmpty?: (context: JobStatsEmptyContext) => ReactNode;
  /** Replaces the error state (a load that failed with nothing to show). */
  renderError?: (context: JobStatsErrorContext) => ReactNode;
}

const noClassNames: JobStatsClassNames = {};

/**
 * The signed-in user's job statistics over a chosen range: totals, success rate, outcomes, a
 * per-day chart and the jobs list with "Load more". Handles loading, empty, error, partial
 * (jobs still running) and stale (refresh failed) states, and announces new figures politely.
 */
export function JobStats({
  range: rangeProp,
  defaultRange,
  onRangeChange,
  pageSize,
  title,
  headingLevel = 2,
  className,
  classNames = noClassNames,
  unstyled = false,
  labels: labelsProp,
  renderEmpty,
  renderError,
}: JobStatsProps) {
  const { timeZone } = usePodium();
  const labels = useLabels(jobStatsTables, labelsProp);
  const format = useFormatters();
  const styled = !unstyled;
  const part = { styled, classNames };

  const [range, setRange] = useJobStatsRange({ range: rangeProp, defaultRange, onRangeChange });
  const bounds = resolveJobStatsRange(range, new Date(), timeZone);
  const valid = validateJobStatsRange(bounds.from, bounds.to).valid;

  const query = useJobStats({ ...bounds, tz: timeZone, pageSize, enabled: valid });
  const { stats, error } = query;
  const retry = () => void query.refetch();

  const state: JobStatsState = !valid
    ? 'invalid'
    : stats
      ? stats.totals.jobs === 0
        ? 'empty'
        : 'ready'
      : error && query.status === 'error'
        ? 'error'
        : 'loading';
  const stale = Boolean(stats && query.isRefetchError);
  const running = stats ? stats.totals.byStatus.pending + stats.totals.byStatus.processing : 0;
  const rangeText = valid ? format.dayRange(bounds.from, bounds.to) : '';
  const partHeading = (headingLevel + 1) as 3 | 4 | 5 | 6;
  const states: WidgetStateBase = { block: 'podium-job-stats', labels, classNames, unstyled };

  let content: ReactNode = null;
  if (state === 'loading') {
    content = <JobStatsSkeleton label={labels.jobStatsLoading} {...part} />;
  } else if (state === 'error' && error) {
    const context: JobStatsErrorContext = { error, retry, isRetrying: query.isFetching, labels };
    content = renderError ? (
      renderError(context)
    ) : (
      <WidgetState
        kind="error"
        {...states}
        title={labels.jobStatsErrorTitle}
        description={error.message}
        onRetry={retry}
        isRetrying={context.isRetrying}
      />
    );
  } else if (state === 'empty') {
    content = renderEmpty ? (
      renderEmpty({ range: bounds, labels })
    ) : (
      <WidgetState kind="empty" {...states} title={labels.jobStatsEmptyTitle} description={labels.jobStatsEmptyHint} />
    );
  } else if (state === 'ready' && stats) {
    content = (
      <JobStatsFigures
        stats={stats}
        query={query}
        labels={labels}
        format={format}
        headingLevel={partHeading}
        {...part}
      />
    );
  }

  return (
    <WidgetCard
      block="podium-job-stats"
      title={title ?? labels.jobStatsTitle}
      headingLevel={headingLevel}
      subtitle={
        <p className={cx('podium-job-stats__range', styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)', classNames.range)}>
          {rangeText}
          {query.isFetching && state !== 'loading' && !query.isLoadingMoreJobs ? (
            <span
              className={cx('podium-job-stats__updating', styled && 'podium:ms-2 podium:text-(--podium-muted) podium:italic', classNames.status)}
              data-testid="podium-job-stats-updating"
            >
              {labels.jobStatsUpdating}
            </span>
          ) : null}
        </p>
      }
      actions={<JobStatsRangePicker range={range} onChange={setRange} timeZone={timeZone} labels={labels} {...part} />}
      // Polite, and only changes when figures for a new range arrive: background refreshes stay quiet.
      announcement={stats && valid ? formatLabel(labels.jobStatsAnnounceLoaded, { range: rangeText }) : ''}
      className={className}
      classNames={classNames}
      unstyled={unstyled}
      data-state={state}
      data-fetching={query.isFetching || undefined}
      data-stale={stale || undefined}
      data-partial={running > 0 || undefined}
    >
      {stale ? (
        <div
          role="status"
          data-tone="warning"
          className={cx(
            'podium-job-stats__notice',
            styled &&
              'podium:flex podium:flex-wrap podium:items-center podium:gap-3 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-warning) podium:px-3 podium:py-2 podium:text-sm podium:text-(--podium-warning)',
            classNames.notice,
          )}
        >
          <p className={cx(styled && 'podium:m-0')}>
            <AlertIcon className={cx(styled && 'podium:me-1.5')} />
            {formatLabel(labels.jobStatsStale, { time: format.relativeTime(query.dataUpdatedAt, Date.now()) })}
          </p>
          <Button size="sm" unstyled={unstyled} className={classNames.button} onClick={retry} aria-disabled={query.isFetching || undefined}>
            <RefreshIcon className={cx(styled && query.isFetching && 'podium:animate-spin podium:motion-reduce:animate-none')} />
            {query.isFetching ? labels.retrying : labels.retry}
          </Button>
        </div>
      ) : null}

      {running > 0 && state !== 'loading' ? (
        <p
          data-tone="info"
          className={cx(
            'podium-job-stats__notice',
            styled && 'podium:m-0 podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:px-3 podium:py-2 podium:text-sm podium:text-(--podium-muted)',
            classNames.notice,
          )}
        >
          {formatLabel(pluralLabel(labels, 'jobStatsPartial', running, format.locale), {
            count: format.number(running),
          })}
        </p>
      ) : null}

      <div
        className={cx('podium-job-stats__body', styled && 'podium:flex podium:flex-col podium:gap-5', classNames.body)}
        aria-busy={state === 'loading' || query.isFetching}
      >
        {content}
      </div>
    </WidgetCard>
  );
}

interface PartProps {
  styled: boolean;
  classNames: JobStatsClassNames;
}

interface JobStatsFiguresProps extends PartProps {
  stats: JobStatsSummary;
  query: ReturnType<typeof useJobStats>;
  labels: JobStatsLabels;
  format: ReturnType<typeof useFormatters>;
  headingLevel: 3 | 4 | 5 | 6;
}

function JobStatsFigures({ stats, query, labels, format, headingLevel, styled, classNames }: JobStatsFiguresProps) {
  const { totals } = stats;
  const part = { styled, classNames };
  const finished = totals.successful + totals.failed;
  return (
    <>
      <dl
        aria-label={labels.jobStatsKpisLabel}
        className={cx(
          'podium-job-stats__kpis',
          styled && 'podium:m-0 podium:grid podium:grid-cols-2 podium:gap-3 podium:@md:grid-cols-3 podium:@3xl:grid-cols-5',
          classNames.kpis,
        )}
      >
        <KpiCard name="jobs" label={labels.jobStatsKpiJobs} value={format.number(totals.jobs)} {...part} />
        <KpiCard name="requested" label={labels.jobStatsKpiRequested} value={format.number(totals.requested)} {...part} />
        <KpiCard name="successful" tone="success" label={labels.jobStatsKpiSuccessful} value={format.number(totals.successful)} {...part} />
        <KpiCard name="failed" tone="danger" label={labels.jobStatsKpiFailed} value={format.number(totals.failed)} {...part} />
        <KpiCard
          name="successRate"
          label={labels.jobStatsKpiSuccessRate}
          value={totals.successRate === null ? labels.notAvailable : format.percent(totals.successRate)}
          hint={
            totals.successRate === null
              ? labels.jobStatsSuccessRateNone
              : formatLabel(labels.jobStatsSuccessRateHint, {
                  successful: format.number(totals.successful),
                  finished: format.number(finished),
                })
          }
          {...part}
        />
      </dl>
      <SuccessRateBar totals={totals} labels={labels} format={format} headingLevel={headingLevel} {...part} />
      <DailyJobsChart series={stats.series} labels={labels} format={format} headingLevel={headingLevel} {...part} />
      <JobsTable
        jobs={query.jobs}
        totalJobs={totals.jobs}
        hasMore={query.hasMoreJobs}
        isLoadingMore={query.isLoadingMoreJobs}
        loadMoreError={query.isLoadMoreError ? (query.error?.message ?? null) : null}
        onLoadMore={query.loadMoreJobs}
        labels={labels}
        format={format}
        {...part}
      />
    </>
  );
}

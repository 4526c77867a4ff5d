import { useEffect, useId, useRef, type ReactElement } from 'react';
import type { Job, JobStatus } from '../../src/jobs/contract.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { ArrowRightIcon } from '../shared/icons/ArrowRightIcon.js';
import { CheckIcon } from '../shared/icons/CheckIcon.js';
import { ChevronDownIcon } from '../shared/icons/ChevronDownIcon.js';
import { ClockIcon } from '../shared/icons/ClockIcon.js';
import type { IconProps } from '../shared/icons/Icon.js';
import { ListIcon } from '../shared/icons/ListIcon.js';
import { SpinnerIcon } from '../shared/icons/SpinnerIcon.js';
import { XIcon } from '../shared/icons/XIcon.js';
import { useScrollEdges } from '../shared/useScrollEdges.js';
import type { JobStatsPartStyle } from './jobStatsSlots.js';
import { formatLabel, pluralLabel } from '../labels.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { JobStatsLabels } from './jobStatsLabels.js';

export interface JobsTableProps extends JobStatsPartStyle {
  /** The loaded jobs, newest first. */
  jobs: readonly Job[];
  /** How many jobs the range has in all (for "Showing X of Y"). */
  totalJobs: number;
  /** True when another page can be loaded. */
  hasMore: boolean;
  /** True while the next page loads. */
  isLoadingMore: boolean;
  /** Message of the last failed page load, if any. */
  loadMoreError?: string | null;
  onLoadMore: () => void;
  labels: JobStatsLabels;
  format: PodiumFormatters;
}

const statusLabelKey: Record<JobStatus, keyof JobStatsLabels> = {
  pending: 'jobStatsStatusPending',
  processing: 'jobStatsStatusProcessing',
  completed: 'jobStatsStatusCompleted',
  failed: 'jobStatsStatusFailed',
};

/** A shape per status as well as a colour, so the badges differ without colour vision too. */
const statusIcon: Record<JobStatus, { Icon: (props: IconProps) => ReactElement; colour: string }> = {
  pending: { Icon: ClockIcon, colour: 'podium:text-(--podium-muted)' },
  processing: { Icon: SpinnerIcon, colour: 'podium:text-(--podium-warning)' },
  completed: { Icon: CheckIcon, colour: 'podium:text-(--podium-success)' },
  failed: { Icon: XIcon, colour: 'podium:text-(--podium-danger)' },
};

/** The range's jobs as a table, one page at a time, with "Load more" driven by the cursor. */
export function JobsTable({
  jobs,
  totalJobs,
  hasMore,
  isLoadingMore,
  loadMoreError,
  onLoadMore,
  labels,
  format,
  styled,
  classNames,
}: JobsTableProps) {
  const captionId = useId();
  const { ref: scrollRef, edges } = useScrollEdges<HTMLDivElement>();
  const firstNewRow = useRef<number | null>(null);
  const rowHeaders = useRef(new Map<number, HTMLTableCellElement>());

  // When the last page arrives the button disappears; move focus to the first new row so that
  // keyboard users are not dropped at the top of the document.
  useEffect(() => {
    const index = firstNewRow.current;
    if (index === null || jobs.length <= index) return;
    firstNewRow.current = null;
    if (!hasMore) rowHeaders.current.get(index)?.focus();
  }, [jobs.length, hasMore]);

  const loadMore = () => {
    if (isLoadingMore) return;
    firstNewRow.current = jobs.length;
    onLoadMore();
  };

  const cell = cx(styled && 'podium:px-3 podium:py-2 podium:text-start podium:align-top podium:whitespace-nowrap');
  const numeric = cx(styled && 'podium:px-3 podium:py-2 podium:text-end podium:align-top podium:tabular-nums podium:whitespace-nowrap');
  const head = cx(
    styled &&
      'podium:px-3 podium:py-2 podium:text-xs podium:font-medium podium:uppercase podium:tracking-wide podium:text-(--podium-muted) podium:border-b podium:border-(--podium-border) podium:whitespace-nowrap',
  );
  // The job id stays in view while the rest scrolls sideways, with a rule once something is under it.
  const pinned = cx(
    styled && 'podium:sticky podium:start-0 podium:z-[1] podium:bg-(--podium-bg)',
    styled && edges.start && 'podium:shadow-[1px_0_0_var(--podium-border)]',
  );
  // Date above time: two short lines instead of one long one, so the table fits beside a sidebar.
  const when = (instant: string) => (
    <time dateTime={instant} title={format.dateTime(instant)} className={cx(styled && 'podium:flex podium:flex-col')}>
      <span>{format.date(instant)}</span>{' '}
      <span className={cx(styled && 'podium:text-xs podium:text-(--podium-muted)')}>{format.time(instant)}</span>
    </time>
  );

  return (
    <div className={cx('podium-job-stats__jobs', styled && 'podium:flex podium:flex-col podium:gap-2')}>
      {edges.start || edges.end ? (
        <p
          aria-hidden="true"
          className={cx(
            'podium-job-stats__table-hint',
            styled && 'podium:m-0 podium:flex podium:items-center podium:gap-1.5 podium:text-xs podium:text-(--podium-muted)',
          )}
        >
          {/* Above the table, where it is read first; points to where the hidden columns are. */}
          <ArrowRightIcon className={cx(styled && !edges.end && 'podium:rotate-180')} />
          {labels.jobStatsTableScrollHint}
        </p>
      ) : null}
      <div
        className={cx('podium-job-stats__table-frame', styled && 'podium:relative')}
        data-overflow-start={edges.start || undefined}
        data-overflow-end={edges.end || undefined}
      >
        <div
          ref={scrollRef}
          role="region"
          aria-labelledby={captionId}
          // Focusable so keyboard users can scroll the table sideways on narrow screens.
          tabIndex={0}
          className={cx(
            'podium-job-stats__table-scroll',
            styled && 'podium:overflow-x-auto podium:overscroll-x-contain podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border)',
          )}
        >
          <table className={cx('podium-job-stats__table', styled && 'podium:w-full podium:border-collapse podium:text-sm', classNames.table)}>
            <caption
              id={captionId}
              className={cx(
                'podium-job-stats__table-caption',
                styled && 'podium:px-3 podium:py-2.5 podium:text-start podium:font-semibold',
              )}
            >
              <span className={cx(styled && 'podium:sticky podium:start-3 podium:inline-flex podium:items-center podium:gap-2')}>
                <ListIcon className={cx(styled && 'podium:text-(--podium-muted)')} />
                {labels.jobStatsTableCaption}
              </span>
            </caption>
            <thead>
              <tr>
                <th scope="col" className={cx(head, pinned, styled && 'podium:text-start')}>{labels.jobStatsColJobId}</th>
                <th scope="col" className={cx(head, styled && 'podium:text-start')}>{labels.jobStatsColStatus}</th>
                <th scope="col" className={cx(head, styled && 'podium:text-end')}>{labels.jobStatsColRequested}</th>
                <th scope="col" className={cx(head, styled && 'podium:text-end')}>{labels.jobStatsColSuccessful}</th>
                <th scope="col" className={cx(head, styled && 'podium:text-end')}>{labels.jobStatsColFailed}</th>
                <th scope="col" className={cx(head, styled && 'podium:text-start')}>{labels.jobStatsColCreated}</th>
                <th scope="col" className={cx(head, styled && 'podium:text-start')}>{labels.jobStatsColCompleted}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job, index) => (
                <tr
                  key={job.job_id}
                  data-status={job.status}
                  className={cx('podium-job-stats__row', styled && 'podium:border-b podium:border-(--podium-border) podium:last:border-b-0')}
                >
                  <th
                    scope="row"
                    tabIndex={-1}
                    ref={(node) => {
                      if (node) rowHeaders.current.set(index, node);
                      else rowHeaders.current.delete(index);
                    }}
                    className={cx(cell, pinned, styled && 'podium:font-mono podium:font-normal podium:max-w-48 podium:truncate')}
                    title={job.job_id}
                  >
                    {job.job_id}
                  </th>
                  <td className={cell}>
                    <span
                      data-status={job.status}
                      className={cx(
                        'podium-job-stats__badge',
                        styled &&
                          'podium:inline-flex podium:items-center podium:gap-1.5 podium:rounded-full podium:border podium:border-(--podium-border) podium:px-2 podium:py-0.5 podium:text-xs podium:font-medium',
                        classNames.badge,
                      )}
                    >
                      <StatusIcon status={job.status} styled={styled} />
                      {labels[statusLabelKey[job.status]]}
                    </span>
                  </td>
                  <td className={numeric}>{format.number(job.requested_count)}</td>
                  <td className={numeric}>{format.number(job.successful_count)}</td>
                  <td className={numeric}>{format.number(job.failed_count)}</td>
                  <td className={cell}>{when(job.created_at)}</td>
                  <td className={cell}>{job.completed_at ? when(job.completed_at) : labels.notAvailable}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {edges.end ? (
          // A fade over the cut-off edge says "more this way" without words.
          <span
            aria-hidden="true"
            className={cx(
              'podium-job-stats__table-fade',
              styled &&
                'podium:pointer-events-none podium:absolute podium:inset-y-px podium:end-px podium:w-12 podium:rounded-e-(--podium-radius) podium:bg-linear-to-l podium:from-(--podium-bg) podium:to-transparent',
            )}
          />
        ) : null}
      </div>
      <div className={cx('podium-job-stats__load-more', styled && 'podium:flex podium:flex-wrap podium:items-center podium:gap-3', classNames.loadMore)}>
        <p aria-live="polite" className={cx('podium-job-stats__showing', styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)')}>
          {formatLabel(pluralLabel(labels, 'jobStatsShowing', totalJobs, format.locale), {
            shown: format.number(jobs.length),
            total: format.number(totalJobs),
          })}
        </p>
        {hasMore ? (
          <Button
            unstyled={!styled}
            className={classNames.button}
            onClick={loadMore}
            aria-disabled={isLoadingMore || undefined}
          >
            <ChevronDownIcon />
            {isLoadingMore ? labels.jobStatsLoadingMore : labels.jobStatsLoadMore}
          </Button>
        ) : null}
        {loadMoreError ? (
          <p role="alert" className={cx('podium-job-stats__field-error', styled && 'podium:m-0 podium:text-sm podium:text-(--podium-danger)')}>
            {formatLabel(labels.jobStatsLoadMoreError, { message: loadMoreError })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function StatusIcon({ status, styled }: { status: JobStatus; styled: boolean }) {
  const { Icon, colour } = statusIcon[status];
  return <Icon className={cx(styled && colour)} />;
}

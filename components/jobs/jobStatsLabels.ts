import type { LabelsOf } from '../labels.js';
import type { sharedLabels } from '../shared/sharedLabels.js';

/**
 * The English strings of JobStats and its parts (range picker, KPIs, chart, jobs table).
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const jobStatsLabels = {
  jobStatsTitle: 'Job statistics',
  jobStatsRangeLabel: 'Date range',
  jobStatsPreset7: 'Last 7 days',
  jobStatsPreset30: 'Last 30 days',
  jobStatsPreset90: 'Last 90 days',
  jobStatsPresetCustom: 'Custom',
  jobStatsCustomFrom: 'From',
  jobStatsCustomTo: 'To',
  jobStatsCustomApply: 'Apply',
  jobStatsRangeMissing: 'Enter both a start and an end date.',
  jobStatsRangeInvalid: 'Enter dates as YYYY-MM-DD.',
  jobStatsRangeOrder: 'The start date must be on or before the end date.',
  jobStatsRangeTooLong: 'Choose a range of at most {max} days (this one has {days}).',

  jobStatsLoading: 'Loading job statistics…',
  jobStatsUpdating: 'Updating…',
  /** Announced politely when the figures for a range have arrived. */
  jobStatsAnnounceLoaded: 'Job statistics loaded for {range}.',

  jobStatsKpisLabel: 'Totals',
  jobStatsKpiJobs: 'Jobs',
  jobStatsKpiRequested: 'Requested',
  jobStatsKpiSuccessful: 'Successful',
  jobStatsKpiFailed: 'Failed',
  jobStatsKpiSuccessRate: 'Success rate',
  jobStatsSuccessRateHint: '{successful} of {finished} finished',
  jobStatsSuccessRateNone: 'No outcomes yet: the rate appears once jobs report results.',

  jobStatsOutcomesTitle: 'Outcomes of requested items',
  jobStatsOutcomeSuccessful: 'Successful',
  jobStatsOutcomeFailed: 'Failed',
  jobStatsOutcomePending: 'Still pending',
  jobStatsOutcomeValue: '{count} ({percent})',

  jobStatsChartTitle: 'Requested per day',
  jobStatsChartTableCaption: 'Requested, successful and failed per day',
  jobStatsChartBarTitle: '{date}: {requested} requested, {successful} successful, {failed} failed',
  jobStatsColDate: 'Date',
  jobStatsColJobs: 'Jobs',

  jobStatsTableCaption: 'Jobs',
  /** Under the jobs table when it is wider than its box (a phone): it scrolls inside the box. */
  jobStatsTableScrollHint: 'Scroll sideways for more columns',
  jobStatsColJobId: 'Job',
  jobStatsColStatus: 'Status',
  jobStatsColRequested: 'Requested',
  jobStatsColSuccessful: 'Successful',
  jobStatsColFailed: 'Failed',
  jobStatsColCreated: 'Created',
  jobStatsColCompleted: 'Completed',
  jobStatsStatusPending: 'Pending',
  jobStatsStatusProcessing: 'Processing',
  jobStatsStatusCompleted: 'Completed',
  jobStatsStatusFailed: 'Failed',
  jobStatsShowing: 'Showing {shown} of {total} jobs',
  /** `jobStatsShowing` when `{total}` is singular ("Showing 1 of 1 job"). */
  jobStatsShowingOne: 'Showing {shown} of {total} job',
  jobStatsLoadMore: 'Load more jobs',
  jobStatsLoadingMore: 'Loading more jobs…',
  jobStatsLoadMoreError: 'Could not load more jobs: {message}',

  jobStatsEmptyTitle: 'No jobs in this range',
  jobStatsEmptyHint: 'Jobs appear here once they are recorded. Try a longer range.',
  jobStatsErrorTitle: 'Could not load job statistics',
  jobStatsStale: 'Could not refresh. Showing figures from {time}.',
  jobStatsPartialOne: '{count} job still running — figures may change.',
  jobStatsPartialOther: '{count} jobs still running — figures may change.',
};

/** What JobStats and its parts read: the shared strings and these. */
export type JobStatsLabels = LabelsOf<[typeof sharedLabels, typeof jobStatsLabels]>;

/**
 * The parts of JobStats a host can add classes to through `classNames`. Each also carries a
 * structural class, `podium-job-stats__<part>` (kebab-case), that stays even when `unstyled`.
 */
export type JobStatsSlot =
  | 'root'
  | 'header'
  | 'title'
  | 'range'
  | 'rangePicker'
  | 'preset'
  | 'customRange'
  | 'input'
  | 'fieldError'
  | 'status'
  | 'notice'
  | 'body'
  | 'kpis'
  | 'kpi'
  | 'kpiLabel'
  | 'kpiValue'
  | 'kpiHint'
  | 'outcomes'
  | 'chart'
  | 'table'
  | 'badge'
  | 'loadMore'
  | 'empty'
  | 'error'
  | 'skeleton'
  | 'button';

/** Extra classes per part, e.g. `{ kpi: 'shadow-sm', table: 'text-xs' }`. */
export type JobStatsClassNames = Partial<Record<JobStatsSlot, string>>;

/** Styling inputs every JobStats part receives. */
export interface JobStatsPartStyle {
  /** False when the host asked for `unstyled`. */
  styled: boolean;
  classNames: JobStatsClassNames;
}

/**
 * The parts of StatsTab a host can add classes to through `classNames`. Each also carries a
 * structural class, `podium-stats-tab__<part>` (kebab-case), that stays even when `unstyled`.
 */
export type StatsTabSlot =
  | 'root'
  | 'header'
  | 'title'
  | 'subject'
  | 'freshness'
  | 'notice'
  | 'download'
  | 'body'
  | 'section'
  | 'sectionTitle'
  | 'figures'
  | 'figure'
  | 'figureLabel'
  | 'figureValue'
  | 'figureHint'
  | 'badge'
  | 'tokens'
  | 'chart'
  | 'empty'
  | 'error'
  | 'skeleton'
  | 'button';

/** Extra classes per part, e.g. `{ figure: 'shadow-sm', badge: 'uppercase' }`. */
export type StatsTabClassNames = Partial<Record<StatsTabSlot, string>>;

/** Styling inputs every StatsTab part receives. */
export interface StatsTabPartStyle {
  /** False when the host asked for `unstyled`. */
  styled: boolean;
  classNames: StatsTabClassNames;
}

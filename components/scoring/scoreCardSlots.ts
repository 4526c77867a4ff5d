/**
 * The parts of ScoreCard a host can add classes to through `classNames`. Each also carries a
 * structural class, `podium-score-card__<part>` (kebab-case), that stays even when `unstyled`.
 */
export type ScoreCardSlot =
  | 'root'
  | 'header'
  | 'title'
  | 'period'
  | 'notice'
  | 'body'
  | 'figures'
  | 'figure'
  | 'figureLabel'
  | 'figureValue'
  | 'figureHint'
  | 'sparkline'
  | 'streak'
  | 'freezes'
  | 'recent'
  | 'recentTitle'
  | 'action'
  | 'empty'
  | 'error'
  | 'skeleton'
  | 'button';

/** Extra classes per part, e.g. `{ figure: 'shadow-sm', action: 'py-3' }`. */
export type ScoreCardClassNames = Partial<Record<ScoreCardSlot, string>>;

/** Styling inputs every ScoreCard part receives. */
export interface ScoreCardPartStyle {
  /** False when the host asked for `unstyled`. */
  styled: boolean;
  classNames: ScoreCardClassNames;
}

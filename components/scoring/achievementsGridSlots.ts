/**
 * The parts of AchievementsGrid a host can add classes to through `classNames`. Each also carries
 * a structural class, `podium-achievements__<part>` (kebab-case), that stays even when `unstyled`.
 */
export type AchievementsGridSlot =
  | 'root'
  | 'header'
  | 'title'
  | 'summary'
  | 'notice'
  | 'grid'
  | 'tile'
  | 'badge'
  | 'name'
  | 'description'
  | 'progress'
  | 'progressBar'
  | 'meta'
  | 'empty'
  | 'error'
  | 'skeleton'
  | 'button';

/** Extra classes per part, e.g. `{ tile: 'shadow-sm', name: 'uppercase' }`. */
export type AchievementsGridClassNames = Partial<Record<AchievementsGridSlot, string>>;

/** Styling inputs every AchievementsGrid part receives. */
export interface AchievementsGridPartStyle {
  /** False when the host asked for `unstyled`. */
  styled: boolean;
  classNames: AchievementsGridClassNames;
}

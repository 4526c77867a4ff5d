/**
 * The parts of a leaderboard a host can add classes to through `classNames`. Each also carries a
 * structural class, `podium-leaderboard__<part>` (kebab-case), that stays even when `unstyled`.
 * Every board (sellers, points) has the same parts, so they sit with its shared pieces.
 */
export type LeaderboardSlot =
  | 'root'
  | 'header'
  | 'title'
  | 'controls'
  | 'switch'
  | 'switchButton'
  | 'podium'
  | 'podiumPlace'
  | 'list'
  | 'row'
  | 'rank'
  | 'avatar'
  | 'name'
  | 'value'
  | 'footer'
  | 'empty'
  | 'error'
  | 'skeleton'
  | 'button'
  | 'overlay'
  | 'dialog'
  | 'trigger';

/** Extra classes per part, e.g. `{ row: 'shadow-sm', podium: 'gap-4' }`. */
export type LeaderboardClassNames = Partial<Record<LeaderboardSlot, string>>;

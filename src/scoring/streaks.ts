import type { ScoringRules } from './rules.js';

/** A user's streak as the score endpoint shows it. */
export interface StreakState {
  /** Days in a row (in the user's time zone) up to today or yesterday, frozen days bridged; 0: broken. */
  current: number;
  /** The longest streak ever reached. */
  longest: number;
  /** The last day with activity (`YYYY-MM-DD`, user's zone), `null` when never active. */
  lastActiveDay: string | null;
  /** Freezes left to bridge missed days. */
  freezesLeft: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * The streak over `activeDays` (sorted, distinct `YYYY-MM-DD` in the user's zone) as of `today`.
 * A missed day consumes a freeze automatically when one is left (the streak stays alive but does
 * not grow); a gap longer than the freezes left breaks it (the freezes stay). Reaching a multiple
 * of `earnFreezeEveryDays` earns a freeze, up to `maxFreezes`. Today not yet active is no gap.
 */
export function streakState(
  activeDays: readonly string[],
  today: string,
  rules: ScoringRules['streaks'],
): StreakState {
  let freezes = Math.min(rules.initialFreezes, rules.maxFreezes);
  let current = 0;
  let longest = 0;
  let previous: number | undefined;
  for (const day of activeDays) {
    const n = dayNumber(day);
    if (previous !== undefined && n <= previous) continue;
    const missed = previous === undefined ? 0 : n - previous - 1;
    if (previous === undefined || missed > freezes) {
      current = 1;
    } else {
      freezes -= missed;
      current += 1;
    }
    if (rules.earnFreezeEveryDays > 0 && current % rules.earnFreezeEveryDays === 0) {
      freezes = Math.min(freezes + 1, rules.maxFreezes);
    }
    longest = Math.max(longest, current);
    previous = n;
  }
  const lastActiveDay = activeDays.length > 0 ? activeDays[activeDays.length - 1]! : null;
  if (previous !== undefined) {
    const missed = dayNumber(today) - previous - 1;
    if (missed > 0) {
      if (missed <= freezes) freezes -= missed;
      else current = 0;
    }
  }
  return { current, longest, lastActiveDay, freezesLeft: freezes };
}

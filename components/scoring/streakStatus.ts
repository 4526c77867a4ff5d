import type { UserScore } from '../../src/scoring/contract.js';
import { addDays } from '../../src/shared/periods.js';

/**
 * Where a streak stands today, for the hint under it:
 * - `none`: never active; `broken`: was active, the streak ended;
 * - `done`: active today already (or later: the player's zone is ahead of the viewer's);
 * - `extend`: active yesterday, not yet today, and a freeze would cover today if missed;
 * - `atRisk`: active yesterday, not yet today, no freeze left: it ends unless they act today;
 * - `frozen`: missed days since the last activity were bridged by freezes.
 */
export type StreakStatus = 'none' | 'broken' | 'done' | 'extend' | 'atRisk' | 'frozen';

/**
 * The {@link StreakStatus} of `streak` on `today` (`YYYY-MM-DD`). The server counts days in the
 * player's time zone; the card passes today in the provider's zone, which is the viewer's own
 * when they look at their own card.
 */
export function streakStatus(streak: UserScore['streak'], today: string): StreakStatus {
  const last = streak.lastActiveDay;
  if (streak.current <= 0 || last === null) return last === null ? 'none' : 'broken';
  if (last >= today) return 'done';
  if (last === addDays(today, -1)) return streak.freezesLeft > 0 ? 'extend' : 'atRisk';
  return 'frozen';
}

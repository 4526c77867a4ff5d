import { liveTopic } from '../../src/live/contract.js';
import type { LeaderboardBoard } from '../../src/shared/leaderboard.js';
import { isoWeekKey, utcDayKey, utcMonthKey } from '../../src/shared/periodKeys.js';
import type { NormalizedLeaderboardParams } from '../sellerBoards/leaderboardQueryOptions.js';

/**
 * The live topic of a leaderboard query (normalized params), or `undefined` for boards without
 * one (a creator's referrers board): the sellers board by period (a month's or all time), a
 * points board by its board key, as the server names them.
 */
export function leaderboardLiveTopic(
  board: LeaderboardBoard,
  params: NormalizedLeaderboardParams,
  now: Date = new Date(),
): string | undefined {
  if (board === 'sellers') {
    const period = params.period === 'all-time' ? 'all-time' : String(params.month ?? utcMonthKey(now));
    return liveTopic.sellers(period);
  }
  if (board === 'points') {
    // As `resolveScoreBoard` (src/scoring/boardKeys.ts) names boards, without its period bounds.
    const prefix = params.category ? `cat:${params.category}:` : '';
    const timeframe = String(params.timeframe);
    if (timeframe === 'lifetime' || timeframe === 'trending')
      return liveTopic.points(`${prefix}${timeframe}`);
    const kind = timeframe === 'daily' ? 'day' : timeframe === 'weekly' ? 'week' : 'month';
    const period =
      params.period === undefined
        ? kind === 'day'
          ? utcDayKey(now)
          : kind === 'week'
            ? isoWeekKey(now)
            : utcMonthKey(now)
        : String(params.period);
    return liveTopic.points(`${prefix}${kind}:${period}`);
  }
  return undefined;
}

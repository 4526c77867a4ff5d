import { liveTopic } from '../../src/live/contract.js';
import { resolveScoreBoard } from '../../src/scoring/boardKeys.js';
import type { ScoreTimeframe } from '../../src/scoring/contract.js';
import type { LeaderboardBoard } from '../../src/shared/leaderboard.js';
import { utcMonthKey } from '../../src/shared/periodKeys.js';
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
    const { key } = resolveScoreBoard(
      {
        timeframe: params.timeframe as ScoreTimeframe,
        period: params.period === undefined ? undefined : String(params.period),
        category: params.category === undefined ? undefined : String(params.category),
      },
      now,
    );
    return liveTopic.points(key);
  }
  return undefined;
}

import { referrerMetrics, defaultLeaderboardLimit } from 'podium-kit/core';
import type { Database } from '../../db/Database.js';
import type { AnalyticsCache } from './analyticsCache.js';
import { cachedCreatorAnalytics, cachedMemberStats, cachedReferrersBoard } from './cachedAnalytics.js';
import { readBoardVersion } from './referrersBoard.js';

/** How many members `cache:warm` warms: the top ones by referrals, across creators. */
export const warmedMembers = 100;

/** What {@link warmAnalyticsCache} did, per kind. */
export interface WarmReport {
  members: number;
  creators: number;
  boards: number;
  durationMs: number;
}

/**
 * Loads the answers most often asked for into the cache, under the keys the routes use: the top
 * 100 members' stats, every creator's analytics and the first page of every board (each metric).
 */
export async function warmAnalyticsCache(
  db: Database,
  cache: AnalyticsCache,
  now: Date,
  onProgress?: (done: number, total: number, unit: string) => void,
): Promise<WarmReport> {
  const started = performance.now();
  const [members, creators] = await Promise.all([
    db.query<{ member_id: string }>(
      `SELECT member_id FROM podium_referral_member_stats ORDER BY referrals DESC, member_id LIMIT ${warmedMembers}`,
    ),
    db.query<{ id: string }>('SELECT id FROM podium_referral_creators ORDER BY id'),
  ]);
  for (const [index, { member_id }] of members.entries()) {
    await cachedMemberStats(db, cache, member_id);
    onProgress?.(index + 1, members.length, 'members');
  }
  let boards = 0;
  for (const [index, { id }] of creators.entries()) {
    const { refreshedAt } = await readBoardVersion(db, id);
    await cachedCreatorAnalytics(db, cache, id, now, refreshedAt);
    for (const metric of referrerMetrics) {
      await cachedReferrersBoard(db, cache, {
        creatorId: id,
        metric,
        limit: defaultLeaderboardLimit,
        offset: 0,
        refreshedAt,
      });
      boards += 1;
    }
    onProgress?.(index + 1, creators.length, 'creators');
  }
  return {
    members: members.length,
    creators: creators.length,
    boards,
    durationMs: Math.round(performance.now() - started),
  };
}

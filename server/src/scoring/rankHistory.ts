import type { Database } from '../db/Database.js';
import { toNumber } from '../db/Database.js';
import { forgetVersions, versionsChannel } from '../db/versionCache.js';

/** The marker in `podium_sync_state`: the last day whose rank history was recorded. */
const markerName = 'scores.rankHistory';

/**
 * Records every ranked user's lifetime rank (standard: 1 + users with more points) as their
 * point for `day` in the rank history, so that the history has one point a day whether or not
 * the user looked. Run once a day soon after `day` ends (the scoring background does); the ranks
 * are those of that moment. From the users' ledger totals, so it works with SQL and Redis boards.
 *
 * Once per day across instances: the transaction claims the day in `podium_sync_state` first.
 * Resolves with the number of users recorded, or `null` when `day` (or a later one) was done.
 */
export async function recordDailyRanks(db: Database, day: string, now: Date): Promise<number | null> {
  const recorded = await db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO podium_sync_state (name, value, updated_at) VALUES ($1, to_jsonb($2::text), $3)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
        WHERE podium_sync_state.value #>> '{}' < $2
       RETURNING name`,
      [markerName, day, now],
    );
    if (claimed.length === 0) return null;
    const [written] = await tx.query<{ n: unknown }>(
      `WITH written AS (
         INSERT INTO podium_score_rank_history (user_id, day, rank)
         SELECT user_id, $1::date, rank() OVER (ORDER BY lifetime_points DESC)
           FROM podium_score_users WHERE lifetime_points > 0
         ON CONFLICT (user_id, day) DO UPDATE SET rank = EXCLUDED.rank
         RETURNING 1)
       SELECT count(*) AS n,
              -- Score answers kept in memory carry the history: every instance drops them.
              pg_notify('${versionsChannel}', current_schema() || ' *') AS notified
         FROM written`,
      [day],
    );
    return toNumber(written?.n);
  });
  if (recorded !== null) forgetVersions(db, ['*']);
  return recorded;
}

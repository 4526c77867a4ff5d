import type { Queryable } from '../db/Database.js';
import { forgetVersions } from '../db/versionCache.js';

/**
 * The user stats answers' key in the version cache, and in the notifications of migration 023:
 * any change of the cached figures, of which subject an identifier names, or (through `*`) of
 * the names shown.
 */
export const userStatsVersionKey = 'userStats';

/**
 * What a user's stats answer is made of besides the identifier: the versions of the figures, of
 * the identities (wallets, usernames) and of the profiles (migration 023). One small read.
 */
export async function readUserStatsVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ version: string | null }>(
    `SELECT string_agg(value::text, '.' ORDER BY name) AS version
       FROM podium_sync_state WHERE name IN ('stats.version', 'identities.version', 'profiles.version')`,
  );
  return row?.version ?? '';
}

/**
 * A stats writer in this process calls it after its change committed, so this process's next read
 * sees the change at once, before the notification of it arrives. Inside a transaction (`db` is
 * not the handle) it does nothing: the caller that commits calls it again.
 */
export function forgetUserStats(db: Queryable): void {
  forgetVersions(db, [userStatsVersionKey]);
}

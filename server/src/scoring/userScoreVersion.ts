import type { Queryable } from '../db/Database.js';
import { forgetVersions } from '../db/versionCache.js';

/**
 * A user's key in the version cache, and in the notifications of migration 024: any change of
 * their scoring state (an event, a revocation, an adjustment, a rebuild).
 */
export const userScoreVersionKey = (userId: string) => `score:${userId}`;

/**
 * A score writer in this process calls it after its change committed (and, with Redis boards,
 * reached Redis), so this process's next read of those users sees it at once, before the
 * notification arrives. Inside a transaction it does nothing (see `forgetVersions`).
 */
export function forgetUserScores(db: Queryable, userIds: Iterable<string>): void {
  forgetVersions(db, [...new Set(userIds)].map(userScoreVersionKey));
}

import type { Queryable } from '../db/Database.js';
import { createAfterCommitCounter } from '../db/afterCommitCounter.js';
import { forgetVersions } from '../db/versionCache.js';
import type { Logger } from '../logger.js';

/** Rows the change count is split over (migration 019): writers pick one at random. */
const shards = 8;

/** The seller boards' key in the version cache (and in the notifications of migration 022). */
export const sellerBoardsVersionKey = 'sellers';

/** Counts one change of the seller boards. Call it once the change has committed. */
export async function countSellerBoardsChanged(db: Queryable): Promise<void> {
  await db.query('UPDATE podium_seller_board_versions SET version = version + 1 WHERE shard = $1', [
    Math.floor(Math.random() * shards),
  ]);
  forgetVersions(db, [sellerBoardsVersionKey]);
}

/**
 * What a seller board's answer is made of besides the query: the boards' change count and the
 * profiles' (names and avatars on the rows). One small read, before any page query.
 */
export async function readSellerBoardsVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ boards: unknown; profiles: unknown }>(
    `SELECT (SELECT sum(version) FROM podium_seller_board_versions) AS boards,
            (SELECT value FROM podium_sync_state WHERE name = 'profiles.version') AS profiles`,
  );
  return `${String(row?.boards ?? 0)}.${String(row?.profiles ?? 0)}`;
}

/**
 * Counts the seller boards' changes after their commit without failing the write (see
 * {@link createAfterCommitCounter}: a failed count is retried with the next change or within a
 * second).
 */
export function createSellerBoardsChangeCounter(
  db: Queryable,
  logger: Pick<Logger, 'warn'>,
): () => Promise<void> {
  const count = createAfterCommitCounter({
    count: () => countSellerBoardsChanged(db),
    logger,
    what: 'Seller boards',
  });
  return () => count([sellerBoardsVersionKey]);
}

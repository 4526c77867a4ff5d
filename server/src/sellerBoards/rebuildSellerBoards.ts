import { countSellerBoardsChanged } from './sellerBoardVersions.js';
import { toNumber, type Database } from '../db/Database.js';

/** What {@link rebuildSellerBoards} did. */
export interface RebuildSellerBoardsResult {
  /** Cache rows the rebuild had to insert or correct: 0 means the triggers had kept it exact. */
  rowsChanged: number;
  /** Cache rows after the rebuild (rows whose counts are zero included). */
  rows: number;
  durationMs: number;
}

/**
 * Recomputes `podium_seller_boards` from the base tables (`podium_products`,
 * `podium_product_views`) with the migration's `podium_rebuild_seller_boards` function: for
 * imported history, or to check the triggers. Writers wait for it (a table lock held until it
 * commits); board reads do not. Changed rows get `updated_at = now`.
 */
export async function rebuildSellerBoards(
  db: Database,
  now: Date = new Date(),
): Promise<RebuildSellerBoardsResult> {
  const started = performance.now();
  const rebuilt = await db.transaction(async (tx) => {
    const [result] = await tx.query<{ changed: unknown }>(
      'SELECT podium_rebuild_seller_boards($1) AS changed',
      [now],
    );
    const [count] = await tx.query<{ n: unknown }>('SELECT count(*) AS n FROM podium_seller_boards');
    return {
      rowsChanged: toNumber(result?.changed),
      rows: toNumber(count?.n),
      durationMs: Math.round(performance.now() - started),
    };
  });
  // Open leaderboards must not keep answering "unchanged" for rows the rebuild corrected.
  if (rebuilt.rowsChanged > 0) await countSellerBoardsChanged(db);
  return rebuilt;
}

import { dayKey } from 'podium-kit/core';
import type { Database } from '../db/Database.js';
import { demoSellerIds } from './demoSellerBoards.js';
import { demoUsers } from '../demo/demoUsers.js';

/** `podium_sync_state` row holding the UTC day the generated demo data ends on. */
const seedDayName = 'demo.seedDay';

/**
 * Makes a demo start on a persisted database (`.podium-data`) show data ending now. The seeds are
 * idempotent (fixed ids, existing rows kept), so a restart the same day reuses the rows it already
 * has and seeds nothing; but on a later day those rows would still end on the day they were
 * generated (alice's "running" jobs still running days later). Then this deletes the generated
 * jobs and seller-board products (their views go with them, the board triggers follow) so the
 * seeds that run next generate them again, ending now. What a user did in the demo (recorded jobs,
 * "record a sale" products) is not generated data and stays.
 *
 * @returns whether generated data of an earlier day (or of an unmarked database) was deleted.
 */
export async function clearStaleDemoSeed(db: Database, now: Date = new Date()): Promise<boolean> {
  const today = dayKey(now);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ value: unknown }>('SELECT value FROM podium_sync_state WHERE name = $1', [
      seedDayName,
    ]);
    if (row?.value === today) return false;
    // The generated ids only: `demo-<user>-0001` jobs and `demo-<seller>-001` products.
    const jobs = await tx.query(
      "DELETE FROM podium_user_jobs WHERE user_id = ANY($1) AND job_id ~ '^demo-[a-z]+-[0-9]{4}$' RETURNING 1",
      [demoUsers.map((user) => user.id)],
    );
    const products = await tx.query(
      "DELETE FROM podium_products WHERE seller_id = ANY($1) AND id ~ '^demo-[a-z-]+-[0-9]{3}$' RETURNING 1",
      [demoSellerIds],
    );
    await tx.query(
      `INSERT INTO podium_sync_state (name, value, updated_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
      [seedDayName, JSON.stringify(today), now],
    );
    return jobs.length + products.length > 0;
  });
}

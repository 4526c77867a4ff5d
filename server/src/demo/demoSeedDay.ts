import { dayKey } from 'podium-kit/core';
import type { Database } from '../db/Database.js';
import type { ServerFeature } from '../feature.js';

/** `podium_sync_state` row holding the UTC day the generated demo data ends on. */
const seedDayName = 'demo.seedDay';

/**
 * Makes a demo start on a persisted database (`.podium-data`) show data ending now. The seeds are
 * idempotent (fixed ids, existing rows kept), so a restart the same day reuses the rows it already
 * has and seeds nothing; but on a later day those rows would still end on the day they were
 * generated (alice's "running" jobs still running days later). Then each feature deletes the data
 * its seed generated (`demoSeed.clearGenerated`), in one transaction, so the seeds that run next
 * generate it again, ending now. What a visitor did in the demo is not generated data and stays.
 *
 * @returns whether generated data of an earlier day (or of an unmarked database) was deleted.
 */
export async function clearStaleDemoSeed(
  db: Database,
  features: readonly ServerFeature[],
  now: Date = new Date(),
): Promise<boolean> {
  const today = dayKey(now);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ value: unknown }>('SELECT value FROM podium_sync_state WHERE name = $1', [
      seedDayName,
    ]);
    if (row?.value === today) return false;
    let deleted = 0;
    for (const feature of features) deleted += (await feature.demoSeed?.clearGenerated?.(tx)) ?? 0;
    await tx.query(
      `INSERT INTO podium_sync_state (name, value, updated_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
      [seedDayName, JSON.stringify(today), now],
    );
    return deleted > 0;
  });
}

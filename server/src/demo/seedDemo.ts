import type { DemoSeedContext, DemoSeedReport, ServerFeature } from '../feature.js';
import { clearStaleDemoSeed } from './demoSeedDay.js';

/** What {@link seedDemo} did. */
export interface SeedDemoResult {
  /** Whether generated data of an earlier day was deleted first. */
  cleared: boolean;
  /** Each feature's report, by feature name, in seeding order. */
  reports: Record<string, DemoSeedReport>;
}

/**
 * The demo's data: generated data of an earlier day is cleared, then every feature seeds its part
 * in list order (identity first, so the others' data belongs to registered users). Idempotent.
 */
export async function seedDemo(
  features: readonly ServerFeature[],
  context: DemoSeedContext,
): Promise<SeedDemoResult> {
  const cleared = await clearStaleDemoSeed(context.db, features, context.now);
  const reports: Record<string, DemoSeedReport> = {};
  for (const feature of features) {
    if (feature.demoSeed) reports[feature.name] = await feature.demoSeed.seed(context);
  }
  return { cleared, reports };
}

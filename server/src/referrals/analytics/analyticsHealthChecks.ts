import type { Database } from '../../db/Database.js';
import { HealthCheckFailure, type HealthCheckDefinition } from '../../http/healthRoutes.js';
import type { AnalyticsCache } from './analyticsCache.js';
import { readViewStates, referralViews, referralViewsRefreshIntervalMs } from './refreshReferralViews.js';

/** Below this hit rate (after enough lookups to mean something) the cache check warns. */
const minHitRate = 0.2;
const minLookups = 100;

/**
 * One check per referral view (`warn` when it is older than twice the refresh interval, or was
 * never refreshed that long after the server started: the scheduler or the cron is not running) and one of the
 * cache: its lookups and hit rate always in `details`, `warn` when the rate is low.
 */
export function analyticsHealthChecks(
  db: Database,
  now: () => Date,
  cache: AnalyticsCache,
): HealthCheckDefinition[] {
  // A new server (or database) has not refreshed yet: "never refreshed" is news only once the
  // scheduler has had its chance (the same twice-the-interval grace as a stale view), and only
  // with creators to analyse.
  const since = now().getTime();
  const viewChecks = referralViews.map((view): HealthCheckDefinition => ({
    key: `${view}:age`,
    componentId: view,
    componentType: 'component',
    failStatus: 'warn',
    async run() {
      const state = (await readViewStates(db, now())).find((candidate) => candidate.view === view)!;
      if (state.ageMs === null) {
        if (now().getTime() - since <= 2 * referralViewsRefreshIntervalMs) return;
        // Nothing to analyse yet: the empty views are right, not stale.
        const [row] = await db.query<{ any: unknown }>(
          'SELECT EXISTS (SELECT 1 FROM podium_referral_creators) AS any',
        );
        if (row?.any === true) throw new HealthCheckFailure('never refreshed');
        return;
      }
      if (state.ageMs > 2 * referralViewsRefreshIntervalMs) {
        throw new HealthCheckFailure(`last refreshed ${Math.round(state.ageMs / 1000)} s ago`);
      }
    },
  }));
  const cacheCheck: HealthCheckDefinition = {
    key: 'referralAnalyticsCache:hitRate',
    componentId: 'referral-analytics-cache',
    componentType: 'component',
    failStatus: 'warn',
    async run() {
      const { lookups, hitRate } = cache.stats();
      if (hitRate !== null && lookups >= minLookups && hitRate < minHitRate) {
        throw new HealthCheckFailure(`hit rate ${Math.round(hitRate * 100)} % of ${lookups} lookups`);
      }
    },
    details: () => {
      const { store, lookups, hits, hitRate, errors } = cache.stats();
      // Rounded to a tenth of a percent: the figure is for people and dashboards.
      return {
        store,
        lookups,
        hits,
        hitRate: hitRate === null ? null : Math.round(hitRate * 1000) / 1000,
        errors,
      };
    },
  };
  return [...viewChecks, cacheCheck];
}

import type { CreateAppOptions } from '../../app.js';
import { createAnalyticsCache, type AnalyticsCache, type AnalyticsCacheScope } from './analyticsCache.js';

const caches = new WeakMap<CreateAppOptions, AnalyticsCache>();

/**
 * The analytics cache of one app (its routes, health checks and writers share it): in this
 * process, or in Redis when the app has one (`REDIS_URL`, given to the app as `scoring.redis`;
 * the keys have their own `referral-analytics:` prefix after the app's).
 */
export function referralAnalyticsCacheOf(options: CreateAppOptions): AnalyticsCache {
  let cache = caches.get(options);
  if (!cache) {
    const now = options.now;
    const redis = options.scoring?.redis;
    const { db } = options;
    // Without Redis each instance caches in its own memory: invalidations then travel between
    // instances as Postgres notifications (in-process on PGlite).
    const shareByNotify = !redis && db.listen !== undefined;
    const created = createAnalyticsCache({
      redis,
      ...(now ? { nowMs: () => now().getTime() } : {}),
      ...(shareByNotify
        ? { publish: (key: string) => db.query('SELECT pg_notify($1, $2)', [invalidationChannel, key]) }
        : {}),
    });
    if (shareByNotify) {
      db.listen!(
        invalidationChannel,
        (key) => created.applyPeerInvalidation(key),
        () => created.forgetAll(),
      ).catch(() => created.forgetAll());
    }
    cache = created;
    caches.set(options, cache);
  }
  return cache;
}

/** The channel the referral analytics invalidations travel on between instances without Redis. */
export const invalidationChannel = 'podium_referral_analytics';

/**
 * Makes the cached analytics of a member and of its creator stale: call it after any write that
 * changes their counts (a share, a counted click, a conversion or its review, refund or chargeback).
 */
export function invalidateReferralAnalytics(
  options: CreateAppOptions,
  scope: AnalyticsCacheScope,
): Promise<void> {
  return referralAnalyticsCacheOf(options).invalidate(scope);
}

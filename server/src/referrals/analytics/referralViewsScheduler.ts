import type { Lease } from '../../background/keepLease.js';
import type { Database } from '../../db/Database.js';
import type { BackgroundWork } from '../../feature.js';
import type { Logger } from '../../logger.js';
import { referralViewsRefreshIntervalMs, refreshReferralViews } from './refreshReferralViews.js';

/** Options of {@link startReferralViewsScheduler}. */
export interface ReferralViewsSchedulerOptions {
  db: Database;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** @default referralViewsRefreshIntervalMs (5 minutes) */
  intervalMs?: number;
  /** Wait before the first refresh (the views are empty until then). @default 1000 */
  firstDelayMs?: number;
  /**
   * With several instances: refresh only while this instance holds the lease (a refresh on every
   * instance would repeat the same work N times). @default always refresh
   */
  lease?: Lease;
  /** How often a tick that did not hold the lease looks again. @default 1000 */
  retryMs?: number;
}

/**
 * Refreshes the referral views now and then every `intervalMs`. A tick that finds the previous
 * refresh still running is skipped (refreshes never overlap: a slow database is not piled on);
 * `stop()` clears the timer and waits for a refresh in progress.
 */
export function startReferralViewsScheduler(options: ReferralViewsSchedulerOptions): BackgroundWork {
  const { db, logger } = options;
  const intervalMs = options.intervalMs ?? referralViewsRefreshIntervalMs;
  let running: Promise<void> | undefined;
  let stopped = false;
  let failureWarned = false;
  let lastRefreshAt = 0;
  let term: number | undefined;
  const tick = () => {
    if (running || stopped) return;
    const { lease } = options;
    if (lease) {
      if (!lease.held()) return;
      // A term that was just taken refreshes at once (the previous holder may have died long
      // before its next refresh); within a term, every intervalMs.
      if (lease.term() === term && Date.now() - lastRefreshAt < intervalMs) return;
      term = lease.term();
    }
    lastRefreshAt = Date.now();
    running = refreshReferralViews(db)
      .then((views) => {
        failureWarned = false;
        const ms = views.reduce((sum, view) => sum + view.durationMs, 0);
        logger.info(`Referral views refreshed in ${ms} ms.`);
      })
      .catch((error: unknown) => {
        // Said once until it works again; health reports the views' age meanwhile.
        if (!failureWarned) logger.warn('Referral views: refresh failed (retrying)', { error });
        failureWarned = true;
      })
      .finally(() => (running = undefined));
  };
  const first = setTimeout(tick, options.firstDelayMs ?? 1_000);
  // Under a lease, looked at often (cheap: no query) so a takeover refreshes within seconds.
  const timer = setInterval(
    tick,
    options.lease ? Math.min(intervalMs, options.retryMs ?? 1_000) : intervalMs,
  );
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

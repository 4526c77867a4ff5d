import type { ServerFeature } from '../feature.js';
import { createReferralsRoutes } from './referralsRoutes.js';
import { createReferralsStore } from './referralsStore.js';

/** Default lifetime of the `podium_ref` cookie, in days (`PODIUM_REFERRAL_COOKIE_DAYS`). */
export const defaultReferralCookieDays = 30;

/**
 * Referral sharing (issue 12): creators and members with their codes, tracked shares, and the
 * tracked link's click and redirect.
 */
export const referralsFeature: ServerFeature = {
  name: 'referrals',
  routes: ({ db, now, logger, options }) =>
    createReferralsRoutes({
      store: createReferralsStore(db),
      apiKey: options.apiKey,
      jwtSecret: options.jwtSecret,
      now,
      logger,
      basePath: (options.basePath ?? '/api').replace(/\/+$/, ''),
      publicUrl: options.referrals?.publicUrl,
      fallbackUrl: options.referrals?.fallbackUrl,
      cookieDays: options.referrals?.cookieDays ?? defaultReferralCookieDays,
      secret: options.referrals?.secret,
      trustProxy: options.trustProxy ?? false,
    }),
};

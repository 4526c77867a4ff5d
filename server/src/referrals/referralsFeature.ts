import { defaultFraudRules, mergeFraudRules } from 'podium-kit/core';
import type { ServerFeature } from '../feature.js';
import { analyticsCommands } from './analytics/analyticsCommands.js';
import { analyticsHealthChecks } from './analytics/analyticsHealthChecks.js';
import { analyticsOpenApi } from './analytics/analyticsOpenApi.js';
import { createAnalyticsRoutes } from './analytics/analyticsRoutes.js';
import { referralAnalyticsCacheOf } from './analytics/referralAnalyticsCacheOf.js';
import { startReferralViewsScheduler } from './analytics/referralViewsScheduler.js';
import { refreshReferralViews } from './analytics/refreshReferralViews.js';
import { conversionsOpenApi } from './conversionsOpenApi.js';
import { createConversionsRoutes } from './conversionsRoutes.js';
import { createDemoReferralRoutes } from './demoReferralRoutes.js';
import { clearGeneratedDemoReferrals, seedDemoReferrals } from './demoReferrals.js';
import { createReferralSecret } from './referralSecret.js';
import { referralsOpenApi } from './referralsOpenApi.js';
import { createReferralsRoutes } from './referralsRoutes.js';
import { createReferralsStore, generateReferralCode } from './referralsStore.js';

/** Default lifetime of the `podium_ref` cookie, in days (`PODIUM_REFERRAL_COOKIE_DAYS`). */
export const defaultReferralCookieDays = 30;

/**
 * Referral sharing (issue 12): creators and members with their codes, tracked shares, and the
 * tracked link's click and redirect; conversions with their fraud scoring, reversals and reviews.
 */
export const referralsFeature: ServerFeature = {
  name: 'referrals',
  openApi: [...referralsOpenApi, ...conversionsOpenApi, ...analyticsOpenApi],
  routes: ({ db, now, logger, options, userTokens }) => {
    const secret = createReferralSecret(db, options.referrals?.secret);
    const routes = createReferralsRoutes({
      store: createReferralsStore(db),
      apiKey: options.apiKey,
      userTokens,
      now,
      logger,
      basePath: (options.basePath ?? '/api').replace(/\/+$/, ''),
      publicUrl: options.referrals?.publicUrl,
      fallbackUrl: options.referrals?.fallbackUrl,
      cookieDays: options.referrals?.cookieDays ?? defaultReferralCookieDays,
      secret,
      trustProxy: options.trustProxy ?? false,
      analyticsCache: referralAnalyticsCacheOf(options),
    });
    routes.route(
      '/',
      createConversionsRoutes({
        db,
        apiKey: options.apiKey,
        now,
        logger,
        secret,
        fraudRules: mergeFraudRules(defaultFraudRules, options.referrals?.fraudRules),
        analyticsCache: referralAnalyticsCacheOf(options),
      }),
    );
    // Analytics (issue 12): member stats and share analytics, creator analytics and board.
    routes.route(
      '/',
      createAnalyticsRoutes({
        db,
        cache: referralAnalyticsCacheOf(options),
        apiKey: options.apiKey,
        userTokens,
        cronSecret: options.cronSecret,
        now,
        logger,
      }),
    );
    return routes;
  },
  healthChecks: ({ db, now, options }) => analyticsHealthChecks(db, now, referralAnalyticsCacheOf(options)),
  // The analytics views every 5 minutes (also GET|POST /cron/refresh-views and views:refresh).
  startBackground: ({ db, logger, leases }) =>
    startReferralViewsScheduler({
      db,
      logger,
      ...(leases ? { lease: leases.lease('referrals:views') } : {}),
    }),
  commands: analyticsCommands,
  // The demo page's conversion and review buttons (the host's backend holds the API key).
  demoRoutes: (context) => createDemoReferralRoutes(context),
  demoSeed: {
    clearGenerated: clearGeneratedDemoReferrals,
    async seed({ db, users, config, now }) {
      // Referral links land back on the demo page, which then offers to "buy" through them.
      // The address the server listens on (a wildcard one is reached as localhost).
      const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
      const origin = config.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
      const counts = await seedDemoReferrals(db, users, origin, now, generateReferralCode);
      await refreshReferralViews(db, { now: () => now });
      return {
        summary: `${counts.members} referral members with ${counts.shares} shares, ${counts.clicks} clicks and ${counts.conversions} conversions`,
        counts,
      };
    },
  },
};

import { randomBytes } from 'node:crypto';
import {
  clickIdSchema,
  conversionIdSchema,
  defaultFraudRules,
  fraudReviewsQuerySchema,
  isShareChannel,
  mergeFraudRules,
  type Conversion,
} from 'podium-kit/core';
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import type { FeatureContext } from '../feature.js';
import type { AppEnv } from '../http/AppEnv.js';
import { clientIp } from '../http/clientIp.js';
import { parsePathParam } from '../http/pathParam.js';
import { referralAnalyticsCacheOf } from './analytics/referralAnalyticsCacheOf.js';
import { refreshReferralViews } from './analytics/refreshReferralViews.js';
import { createConversionsStore } from './conversionsStore.js';
import { createFraudReviewsStore } from './fraudReviewsStore.js';
import { recordConversion, type RecordConversionInput } from './recordConversion.js';
import { createReferralSecret, hashIp } from './referralSecret.js';
import { createReferralsStore } from './referralsStore.js';

const conversionQuerySchema = z.object({
  click: clickIdSchema,
  /** `visitor`: a new customer; `self`: the member's own device under a second account. */
  as: z._default(z.enum(['visitor', 'self'], { error: 'must be visitor or self' }), 'visitor'),
});
const decisionQuerySchema = z.object({
  decision: z.enum(['approve', 'reject'], { error: 'must be approve or reject' }),
});

/**
 * The demo page plays the host's backend for conversions, which hold the API key a browser must
 * never have: "buy through this link" records a conversion for the click the page arrived with,
 * and the review queue is read and decided here. Each write refreshes the analytics views so the
 * board and the funnel move at once (the scheduler would take up to five minutes).
 */
export function createDemoReferralRoutes({ db, now, options }: FeatureContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const secret = createReferralSecret(db, options.referrals?.secret);
  const store = createConversionsStore(db);
  const referrals = createReferralsStore(db);
  const reviews = createFraudReviewsStore(db);
  const rules = mergeFraudRules(defaultFraudRules, options.referrals?.fraudRules);
  const cache = referralAnalyticsCacheOf(options);
  const changed = async (conversion: Conversion) => {
    await cache.invalidate({ memberId: conversion.memberId, creatorId: conversion.creatorId });
    await refreshReferralViews(db, { now });
    return conversion;
  };
  // The address the member's own shares were recorded from (this browser's), keyed as they were.
  const browserIp = (c: Context) => clientIp(c, options.trustProxy ?? false);

  /**
   * The demo page's browser is the member's too, so the click it arrived with comes from the
   * member's own address (a same-IP signal). A new customer is simulated on another network: a
   * click of their own, five minutes ago, on the same share and platform, which the purchase is
   * attributed to.
   */
  const visitorClick = async (arrivedClickId: string, id: string) => {
    const [arrived] = await db.query<{
      referral_code: string;
      share_id: string | null;
      platform: string | null;
    }>(
      `SELECT m.referral_code, k.share_id, k.platform FROM podium_referral_clicks k
         JOIN podium_referral_members m ON m.id = k.member_id WHERE k.click_id = $1`,
      [arrivedClickId],
    );
    if (!arrived) return arrivedClickId; // recordConversion answers the 422 naming clickId
    const click = await referrals.recordClick(
      {
        code: arrived.referral_code,
        platform: isShareChannel(arrived.platform) ? arrived.platform : undefined,
        shareId: arrived.share_id ?? undefined,
        ipHash: hashIp(await secret(), `203.0.113.${parseInt(id.slice(0, 2), 16) % 250}`),
        userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1',
        isBot: false,
      },
      new Date(now().getTime() - 5 * 60_000),
    );
    return click?.clickId ?? arrivedClickId;
  };

  routes.post('/demo/referrals/conversion', async (c) => {
    const query = conversionQuerySchema.parse(c.req.query());
    const id = randomBytes(6).toString('hex');
    // Built here rather than parsed: the browser's address is already in its stored (keyed) form.
    const body: RecordConversionInput = {
      conversionId: `visit-${id}`,
      clickId: query.click,
      amount: 20 + (parseInt(id.slice(0, 4), 16) % 100) + 0.99,
      currency: 'USD',
      referee:
        query.as === 'self'
          ? // A second account on the member's own machine: same network and browser.
            {
              userId: `second-account-${id}`,
              ip: browserIp(c),
              userAgent: c.req.header('user-agent')?.slice(0, 512),
            }
          : { userId: `customer-${id}`, email: `customer-${id}@example.com` },
    };
    if (query.as === 'visitor') body.clickId = await visitorClick(query.click, id);
    const { conversion } = await recordConversion({ db, store, rules, secret, now }, body);
    return c.json(await changed(conversion), 201);
  });

  // Checked like the API-key route's query, so a malformed creator id is a 400 naming it.
  routes.get('/demo/referrals/reviews', async (c) =>
    c.json(await reviews.listFlagged(fraudReviewsQuerySchema.parse(c.req.query()))),
  );

  routes.post('/demo/referrals/reviews/:conversionId', async (c) => {
    const id = parsePathParam(conversionIdSchema, 'conversionId', c.req.param('conversionId'), 'Invalid id');
    const { decision } = decisionQuerySchema.parse(c.req.query());
    return c.json(await changed(await reviews.decide(id, { decision, reviewer: 'demo', note: null }, now())));
  });
  return routes;
}

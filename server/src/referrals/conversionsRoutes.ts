import {
  conversionChargebackRoute,
  conversionIdSchema,
  conversionRefundRoute,
  conversionsRoute,
  fraudReviewRoute,
  fraudReviewsQuerySchema,
  fraudReviewsRoute,
  recordConversionBodySchema,
  reverseConversionBodySchema,
  reviewDecisionBodySchema,
  type Conversion,
  type FraudReviewsResponse,
  type FraudRules,
} from 'podium-kit/core';
import { Hono } from 'hono';
import { requireApiKey } from '../auth/guards.js';
import type { Database } from '../db/Database.js';
import type { AppEnv } from '../http/AppEnv.js';
import { parsePathParam } from '../http/pathParam.js';
import { readJsonBody } from '../http/readJsonBody.js';
import type { Logger } from '../logger.js';
import type { AnalyticsCache } from './analytics/analyticsCache.js';
import { createConversionsStore } from './conversionsStore.js';
import { createFraudReviewsStore } from './fraudReviewsStore.js';
import { recordConversion } from './recordConversion.js';

/** Options of {@link createConversionsRoutes}. */
export interface ConversionsRoutesOptions {
  db: Database;
  apiKey: string | undefined;
  now: () => Date;
  logger: Pick<Logger, 'warn'>;
  /** The key of the referee hashes (see `createReferralSecret`). */
  secret: () => Promise<string>;
  /** The merged fraud rules (`PODIUM_FRAUD_RULES` over the defaults). */
  fraudRules: FraudRules;
  /** Made stale by every write here: each changes the member's and the creator's figures. */
  analyticsCache?: AnalyticsCache | undefined;
}

/**
 * The conversion endpoints (API key): record a conversion, reverse it (refund, chargeback), and
 * the review queue of flagged ones with the reviewers' decisions.
 */
export function createConversionsRoutes(options: ConversionsRoutesOptions): Hono<AppEnv> {
  const { db, now } = options;
  const routes = new Hono<AppEnv>();
  const apiKeyOnly = requireApiKey(options.apiKey);
  const store = createConversionsStore(db);
  const reviews = createFraudReviewsStore(db);
  const { secret } = options;
  const changed = async (conversion: Conversion) => {
    await options.analyticsCache?.invalidate({
      memberId: conversion.memberId,
      creatorId: conversion.creatorId,
    });
    return conversion;
  };
  const conversionIdOf = (value: string) =>
    parsePathParam(conversionIdSchema, 'id', value, 'Invalid conversion id');

  routes.post(conversionsRoute, apiKeyOnly, async (c) => {
    const body = recordConversionBodySchema.parse(await readJsonBody(c));
    const { conversion, created } = await recordConversion(
      { db, store, rules: options.fraudRules, secret, now },
      body,
    );
    if (created) await changed(conversion);
    return c.json(conversion, created ? 201 : 200);
  });

  for (const [route, kind] of [
    [conversionRefundRoute, 'refund'],
    [conversionChargebackRoute, 'chargeback'],
  ] as const) {
    routes.post(route, apiKeyOnly, async (c) => {
      const id = conversionIdOf(c.req.param('id'));
      // Both fields are optional: an empty body (no JSON at all) is a reversal without a reason.
      const empty = (await c.req.text()).trim() === '';
      const body = reverseConversionBodySchema.parse(empty ? {} : await readJsonBody(c));
      return c.json(await changed(await store.reverse(id, kind, body.reason ?? null, now())));
    });
  }

  routes.get(fraudReviewsRoute, apiKeyOnly, async (c) => {
    const query = fraudReviewsQuerySchema.parse(c.req.query());
    const { reviews: list, total } = await reviews.listFlagged(query);
    const answer: FraudReviewsResponse = { reviews: list, total, offset: query.offset, limit: query.limit };
    return c.json(answer);
  });

  routes.post(fraudReviewRoute, apiKeyOnly, async (c) => {
    const id = parsePathParam(
      conversionIdSchema,
      'conversionId',
      c.req.param('conversionId'),
      'Invalid conversion id',
    );
    const body = reviewDecisionBodySchema.parse(await readJsonBody(c));
    const decision = { decision: body.decision, reviewer: body.reviewer ?? null, note: body.note ?? null };
    return c.json(await changed(await reviews.decide(id, decision, now())));
  });

  return routes;
}

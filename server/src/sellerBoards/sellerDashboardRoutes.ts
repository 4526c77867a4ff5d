import { errorCodes, sellerDashboardRoute, userIdSchema, type SellerDashboard } from 'podium-kit/core';
import { Hono, type MiddlewareHandler } from 'hono';
import { requireApiKey, requireUser, secretMatcher } from '../auth/guards.js';
import { monthBounds, monthKeyOf } from './monthPeriod.js';
import { joinTransaction, type Database } from '../db/Database.js';
import { HttpError } from '../errors.js';
import type { AppEnv } from '../http/AppEnv.js';
import { parsePathParam } from '../http/pathParam.js';
import { createSqlProductsStore } from './productsStore.js';
import { createSqlSellerBoardsStore } from './sellerBoardsStore.js';
import type { UserTokenVerifier } from '../auth/userTokens.js';

/** Options of {@link createSellerDashboardRoutes}. */
export interface SellerDashboardRoutesOptions {
  db: Database;
  /** The app's user-token verifier: a seller reads their own dashboard. */
  userTokens: UserTokenVerifier;
  /** The server-to-server API key: the host reads any seller's dashboard. */
  apiKey: string | undefined;
  /** The clock: which month "this month" is, and token expiry. */
  now: () => Date;
}

/**
 * `GET /sellers/:id/dashboard`: active listings, and views, sales and earnings this month and all
 * time, with the seller's (standard) rank on each board. Views and sales are read from the same
 * cache rows the leaderboard ranks, so the two never disagree. The seller's own user token
 * (another user's is a 403) or the API key.
 */
export function createSellerDashboardRoutes({
  db,
  userTokens,
  apiKey,
  now,
}: SellerDashboardRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const userAuth = requireUser(userTokens);
  const keyAuth = requireApiKey(apiKey);
  const isApiKey = secretMatcher(apiKey);

  // The API key when one is presented (x-api-key, or a bearer equal to the key), else a user JWT.
  const sellerOrApiKey: MiddlewareHandler<AppEnv> = async (c, next) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const presentsKey = c.req.header('x-api-key') !== undefined || (bearer !== undefined && isApiKey(bearer));
    if (presentsKey) return keyAuth(c, next);
    return userAuth(c, async () => {
      if (c.get('userId') !== c.req.param('id')) {
        throw new HttpError(403, errorCodes.forbidden, 'A seller dashboard is readable only by that seller');
      }
      await next();
    });
  };

  routes.get(sellerDashboardRoute, sellerOrApiKey, async (c) => {
    const sellerId = parsePathParam(userIdSchema, 'id', c.req.param('id'), 'Invalid seller id');
    const month = monthKeyOf(now());

    // One snapshot: the counts (cache) and the earnings (products) describe the same sales.
    const dashboard = await db.transaction(async (tx): Promise<SellerDashboard> => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const inTx = joinTransaction(tx, db.kind);
      const summary = await createSqlProductsStore(inTx).getSellerSummary(sellerId, monthBounds(month));
      const standings = await createSqlSellerBoardsStore(inTx).getStandings(sellerId, [month, 'all']);
      const thisMonth = standings.get(month)!;
      const allTime = standings.get('all')!;
      return {
        sellerId,
        month,
        activeListings: summary.activeListings,
        views: { month: thisMonth.views, allTime: allTime.views },
        sales: { month: thisMonth.sales, allTime: allTime.sales },
        earnings: summary.earnings,
        rank: {
          sales: { month: thisMonth.salesRank, allTime: allTime.salesRank },
          views: { month: thisMonth.viewsRank, allTime: allTime.viewsRank },
        },
      };
    });
    c.header('Cache-Control', 'private, no-cache');
    return c.json(dashboard);
  });

  return routes;
}

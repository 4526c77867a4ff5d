import { Hono } from 'hono';
import { userIdSchema, utcMonthKey } from 'podium-kit/core';
import { z } from 'zod';
import type { ServerFeature } from '../feature.js';
import { sellerBoardsOpenApi } from './sellerBoardsOpenApi.js';
import type { AppEnv } from '../http/AppEnv.js';
import { demoSellerIds, recordDemoSellerActivity, seedDemoSellerBoards } from './demoSellerBoards.js';
import { demoPeople } from '../demo/demoPeople.js';
import { mirrorDemoMarket, mirroredProductIdPattern } from './demoMarketMirror.js';
import { createLeaderboardsRoutes } from './leaderboardsRoutes.js';
import { createSqlProductsStore } from './productsStore.js';
import { createProductsRoutes } from './productsRoutes.js';
import { rebuildSellerBoards } from './rebuildSellerBoards.js';
import { createSellerDashboardRoutes } from './sellerDashboardRoutes.js';
import { createSqlSellerBoardsStore } from './sellerBoardsStore.js';
import { countSellerBoardsChanged, createSellerBoardsChangeCounter } from './sellerBoardVersions.js';
import { openDatabase } from '../db/openDatabase.js';
import { migrate } from '../migrate.js';
import { liveOf } from '../live/liveOf.js';

const sellerActivityQuerySchema = z.object({
  kind: z.enum(['sale', 'view'], { error: 'must be sale or view' }),
  seller: userIdSchema,
});

/**
 * Seller boards: products and views (API key), the sellers leaderboard and each seller's
 * dashboard. The migration's triggers keep the board cache; `boards:rebuild` recomputes it.
 */
export const sellerBoardsFeature: ServerFeature = {
  name: 'sellerBoards',
  openApi: sellerBoardsOpenApi,

  routes({ db, now, options, userTokens, logger }) {
    const routes = new Hono<AppEnv>();
    const onBoardsChanged = createSellerBoardsChangeCounter(db, logger);
    routes.route(
      '/',
      createProductsRoutes({
        store: createSqlProductsStore(db, { onBoardsChanged }),
        apiKey: options.apiKey,
        now,
        trustProxy: options.trustProxy ?? false,
        viewsPerClientPerDay: options.viewsPerClientPerDay ?? 20,
        live: liveOf(options).publisher,
      }),
    );
    routes.route('/', createLeaderboardsRoutes({ store: createSqlSellerBoardsStore(db), db, now }));
    routes.route('/', createSellerDashboardRoutes({ db, userTokens, apiKey: options.apiKey, now }));
    return routes;
  },

  demoRoutes({ db, now, options }, { market }) {
    const people = demoPeople(market);
    // With the demo marketplace, the boards mirror it: a change there (simulated activity, a
    // recorded sale) shows here too, and a sale is recorded there so the stats tab agrees.
    // Like the products routes, announce the boards a demo change moves (this month's and all
    // time), else a live leaderboard (which does not poll while its stream is open) never moves.
    const announce = (at: Date) =>
      liveOf(options).publisher.publish(
        ['all-time', utcMonthKey(at)].map((period) => ({ kind: 'sellers' as const, subject: period })),
      );
    market?.onChange('sellerBoards', async () => {
      const at = now();
      const mirrored = await mirrorDemoMarket(db, market, people, options.tokens, at);
      announce(at);
      return mirrored;
    });
    const routes = new Hono<AppEnv>();
    // The demo's "record a sale / a view" buttons: an open leaderboard shows it on its next poll.
    routes.post('/demo/seller-activity', async (c) => {
      const { kind, seller } = sellerActivityQuerySchema.parse(c.req.query());
      const wallet = people.find((person) => person.id === seller)?.wallets[0];
      if (market && kind === 'sale' && wallet) {
        const purchaseId = market.recordSale(wallet);
        await market.changed();
        return c.json({ kind, productId: `demo-m-p${purchaseId}`, counted: true });
      }
      const at = now();
      const recorded = await recordDemoSellerActivity(db, kind, seller, at);
      announce(at);
      return c.json(recorded);
    });
    return routes;
  },

  // On every instance: if this process's previous run died between a commit and its count, the
  // boards would keep answering polls with "unchanged" until their next change.
  startBackground({ db }) {
    void countSellerBoardsChanged(db).catch(() => undefined);
    return undefined;
  },

  commands: [
    {
      name: 'boards:rebuild',
      summary:
        'recompute the seller leaderboards from products and views (after an import,\nor to check the triggers) and report whether the cache differed',
      async run({ config, logger }) {
        const db = await openDatabase(config, logger);
        try {
          await migrate(db, { logger });
          const { rowsChanged, rows, durationMs } = await rebuildSellerBoards(db);
          logger.info(
            rowsChanged === 0
              ? `Seller boards rebuilt in ${durationMs} ms: the cache matched the base tables (${rows} rows).`
              : `Seller boards rebuilt in ${durationMs} ms: the cache differed, ${rowsChanged} of ${rows} rows changed.`,
          );
        } finally {
          await db.close();
        }
        return 0;
      },
    },
  ],

  demoSeed: {
    // The generated ids only (`demo-<seller>-001`; views go with them, the board triggers follow):
    // "record a sale" products a visitor made stay.
    async clearGenerated(tx) {
      const rows = await tx.query(
        "DELETE FROM podium_products WHERE (seller_id = ANY($1) AND id ~ '^demo-[a-z-]+-[0-9]{3}$') OR id ~ $2 RETURNING 1",
        [demoSellerIds, mirroredProductIdPattern],
      );
      return rows.length;
    },
    // With the demo marketplace, the boards are its mirror (one world with the stats); without
    // one (a real subgraph), generated products and views.
    async seed({ db, now, market, config }) {
      const { products, views } = market
        ? await mirrorDemoMarket(db, market, demoPeople(market), config.tokens, now)
        : await seedDemoSellerBoards(db, { now });
      return {
        summary: `${products} products and ${views} views on the seller boards`,
        counts: { products, views },
      };
    },
  },
};

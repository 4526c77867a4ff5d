import { userStatsOpenApi } from './userStatsOpenApi.js';
import { Hono } from 'hono';
import { z } from 'zod';
import type { DemoSeedReport, ServerFeature } from '../feature.js';
import type { AppEnv } from '../http/AppEnv.js';
import { HealthCheckFailure } from '../http/healthRoutes.js';
import { createCronRoutes } from './cronRoutes.js';
import { seedDemoStats } from './demoMarketplace.js';
import { runStatsCommand } from './runStatsCommand.js';
import { startStatsScheduler } from './statsWorker.js';
import { syncCursorName, syncStatsIncremental } from './syncStats.js';
import { createUserStatsRoutes } from './userStatsRoutes.js';

const dayMs = 86_400_000;

const activityQuerySchema = z.object({
  events: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(25),
});

/**
 * User stats from the marketplace subgraph: the stats, history, leaders and CSV routes, the cron
 * sync, the scheduler that keeps them fresh, the `stats:*` commands and the demo marketplace.
 */
export const userStatsFeature: ServerFeature = {
  name: 'userStats',
  openApi: userStatsOpenApi,

  routes({ db, now, logger, options }) {
    const routes = new Hono<AppEnv>();
    routes.route(
      '/',
      createUserStatsRoutes({
        db,
        ...(options.tokens ? { tokens: options.tokens } : {}),
        ...(options.statsStaleAfterMs !== undefined ? { staleAfterMs: options.statsStaleAfterMs } : {}),
        now,
      }),
    );
    routes.route(
      '/',
      createCronRoutes({
        db,
        client: options.subgraph,
        cronSecret: options.cronSecret,
        ...(options.tokens ? { tokens: options.tokens } : {}),
        now,
        logger,
      }),
    );
    return routes;
  },

  demoRoutes({ db, options }, { market }) {
    if (!market) return undefined;
    // Whatever changes the marketplace (this feature's button, a sale recorded on the boards),
    // the stats follow before the button's request answers.
    market.onChange('userStats', () =>
      syncStatsIncremental(db, market.client, options.tokens ? { tokens: options.tokens } : {}),
    );
    const routes = new Hono<AppEnv>();
    // The demo's "simulate marketplace activity" button: the stats tab (and, through the other
    // features' listeners, the boards) show the result at once.
    routes.post('/demo/market-activity', async (c) => {
      const { events } = activityQuerySchema.parse(c.req.query());
      market.simulate(events);
      const results = await market.changed();
      return c.json({ events, sync: results['userStats'] });
    });
    return routes;
  },

  // With a subgraph, served stats are only as fresh as the last sync: older than the staleness
  // window means every cached figure is going stale, which degrades the service (warn, not fail).
  healthChecks({ db, now, options }) {
    if (!options.subgraph) return [];
    const staleAfterMs = options.statsStaleAfterMs ?? dayMs;
    return [
      {
        key: 'stats:lastSync',
        componentId: 'subgraph',
        componentType: 'component',
        failStatus: 'warn',
        async run() {
          const [row] = await db.query<{ updated_at: Date | string }>(
            'SELECT updated_at FROM podium_sync_state WHERE name = $1',
            [syncCursorName],
          );
          if (!row) throw new HealthCheckFailure('stats have never been synced (run stats:backfill)');
          const ageMs = now().getTime() - new Date(row.updated_at).getTime();
          if (ageMs > staleAfterMs) {
            throw new HealthCheckFailure(`last successful sync ${Math.round(ageMs / 60_000)} minutes ago`);
          }
        },
      },
    ];
  },

  // With a subgraph the queue is always worked (a 202 must turn into stats); the periodic sync
  // only when an interval is set.
  // One instance at a time (the lease): the subgraph is read once, not once per instance.
  startBackground({ db, config, logger, subgraph, leases }) {
    if (!subgraph) return undefined;
    return startStatsScheduler({
      db,
      client: subgraph,
      intervalMs: config.statsSyncIntervalMs,
      tokens: config.tokens,
      logger,
      ...(leases ? { lease: leases.lease('userStats:sync') } : {}),
    });
  },

  commands: [
    {
      name: 'stats:backfill',
      summary:
        "load every marketplace entity from the subgraph and calculate every user's\nstats (resumes an interrupted run; --restart starts over)",
      flags: { '--restart': 'discard the progress of an unfinished backfill' },
      run: ({ flags, config, logger, progress, handleSignals }) =>
        runStatsCommand('stats:backfill', flags, config, logger, {
          ...(progress ? { progress } : {}),
          ...(handleSignals !== undefined ? { handleSignals } : {}),
        }),
    },
    {
      name: 'stats:sync',
      summary: 'one incremental sync: entities changed since the last sync, and the users\nthey touch',
      run: ({ flags, config, logger, progress, handleSignals }) =>
        runStatsCommand('stats:sync', flags, config, logger, {
          ...(progress ? { progress } : {}),
          ...(handleSignals !== undefined ? { handleSignals } : {}),
        }),
    },
  ],

  demoSeed: {
    async seed({ db, market, config, now }): Promise<DemoSeedReport> {
      if (!market) return { summary: 'user stats from the configured subgraph', counts: {} };
      const { subjects, entities } = await seedDemoStats(db, market, { tokens: config.tokens, now });
      return {
        summary: `user stats for ${subjects} wallets and users from ${entities} marketplace entities`,
        counts: { subjects, entities },
      };
    },
  },
};

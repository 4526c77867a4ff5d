import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { errorCodes } from 'podium-kit/core';
import { createApp } from './app.js';
import { errorBody } from './errors.js';
import type { ServerConfig } from './config.js';
import type { Database } from './db/Database.js';
import { openDatabase } from './db/openDatabase.js';
import { demoUsers } from './demo/demoUsers.js';
import { createDemoMarketplace, seedDemoStats, simulateDemoActivity } from './userStats/demoMarketplace.js';
import { recordDemoSellerActivity, seedDemoSellerBoards } from './sellerBoards/demoSellerBoards.js';
import { clearStaleDemoSeed } from './sellerBoards/demoSeedDay.js';
import { createDemoSiteHandler } from './demo/serveDemoSite.js';
import { createSubgraphClient, type SubgraphClient } from './indexer/index.js';
import { startStatsScheduler, type StatsScheduler } from './userStats/statsWorker.js';
import { seedDemoData, type SeedDemoDataResult } from './jobs/seedDemoData.js';
import { consoleLogger, type Logger } from './logger.js';
import { migrate } from './migrate.js';
import { createRedisClient } from './redis.js';

/** How long a shutdown waits for requests in flight before it cuts their connections. */
const shutdownGraceMs = 10_000;

/** What a request gets once shutdown has begun: try again (elsewhere) shortly. */
function shuttingDownResponse(): Response {
  return new Response(
    JSON.stringify(errorBody(errorCodes.unavailable, 'The Podium server is shutting down')),
    {
      status: 503,
      headers: { 'content-type': 'application/json', connection: 'close', 'retry-after': '1' },
    },
  );
}

/** Options of {@link startServer}. */
export interface StartServerOptions {
  config: ServerConfig;
  logger?: Logger;
  /**
   * Demo mode: seed the demo data, add the demo routes and serve the demo page from `dir` at `/`.
   * Only `podium-server demo` sets it.
   */
  demo?: { dir: string } | undefined;
}

/** A listening server. */
export interface RunningServer {
  /** `http://HOST:PORT` it listens on (the real port when PORT=0). */
  url: string;
  db: Database;
  /** Demo mode only: what the seed did. */
  seeded?: SeedDemoDataResult & {
    statsSubjects: number;
    marketEntities: number;
    /** Seller-board products and views inserted by this start (0 when already there). */
    products: number;
    views: number;
  };
  /** Stops accepting requests, then closes Redis and the database. Idempotent. */
  close(): Promise<void>;
}

/**
 * The Node adapter: opens the database, migrates it, (demo: seeds it), builds the app and serves
 * it with `@hono/node-server`. Everything opened is closed again if a later step fails.
 */
export async function startServer({
  config,
  logger = consoleLogger,
  demo,
}: StartServerOptions): Promise<RunningServer> {
  const db = await openDatabase(config, logger);
  let redis: Redis | undefined;
  let scheduler: StatsScheduler | undefined;
  try {
    await migrate(db, { logger });
    // Demo: a local subgraph stand-in over generated marketplace activity, unless a real one is
    // configured; its stats are loaded before the server listens so the page opens complete.
    const market = demo && !config.subgraphUrl ? createDemoMarketplace() : undefined;
    let seeded: RunningServer['seeded'];
    if (demo) {
      await clearStaleDemoSeed(db); // a persisted database of an earlier day is seeded afresh
      const jobs = await seedDemoData(db);
      const stats = market ? await seedDemoStats(db, market, { tokens: config.tokens }) : undefined;
      const boards = await seedDemoSellerBoards(db);
      seeded = {
        ...jobs,
        statsSubjects: stats?.subjects ?? 0,
        marketEntities: stats?.entities ?? 0,
        products: boards.products,
        views: boards.views,
      };
    }
    const subgraph: SubgraphClient | undefined =
      market?.client ??
      (config.subgraphUrl
        ? createSubgraphClient({
            url: config.subgraphUrl,
            ...(config.subgraphApiKey ? { apiKey: config.subgraphApiKey } : {}),
          })
        : undefined);
    redis = config.redisUrl ? createRedisClient(config.redisUrl, logger) : undefined;

    const app = createApp({
      db,
      jwtSecret: config.jwtSecret,
      apiKey: config.apiKey,
      cronSecret: config.cronSecret,
      tokens: config.tokens,
      statsStaleAfterMs: config.statsStaleAfterMs,
      subgraph,
      basePath: config.basePath,
      corsOrigins: config.corsOrigins,
      redis,
      // Shared through Redis when configured; the local demo's own page (loopback) is never limited.
      rateLimits:
        config.rateLimits === false ? false : { rules: config.rateLimits, redis, exemptLoopback: !!demo },
      trustProxy: config.trustProxy,
      viewsPerClientPerDay: config.viewsPerClientPerDay,
      healthTimeoutMs: config.healthTimeoutMs,
      logger,
      demo: demo
        ? {
            users: demoUsers,
            recordSellerActivity: (kind: 'sale' | 'view', sellerId: string) =>
              recordDemoSellerActivity(db, kind, sellerId),
            ...(market
              ? {
                  simulateActivity: (events: number) =>
                    simulateDemoActivity(db, market, events, config.tokens),
                }
              : {}),
          }
        : undefined,
    });
    if (market) app.route('/', market.app);
    if (demo) app.get('*', createDemoSiteHandler({ dir: demo.dir, basePath: config.basePath }));

    // Requests being handled: a shutdown lets them finish before it closes the database under them,
    // and answers any request that still arrives (on a kept-alive connection) with a 503.
    const inFlight = new Set<Promise<unknown>>();
    let shuttingDown = false;
    const fetch: typeof app.fetch = (request, ...rest) => {
      if (shuttingDown) return shuttingDownResponse();
      const handled = Promise.resolve(app.fetch(request, ...rest));
      inFlight.add(handled);
      void handled.finally(() => inFlight.delete(handled)).catch(() => {});
      return handled;
    };
    const server = await listen(fetch, config.port, config.host);
    // With a subgraph, the queue is always worked (a 202 must turn into stats); the periodic sync
    // only when an interval is set.
    if (subgraph) {
      scheduler = startStatsScheduler({
        db,
        client: subgraph,
        intervalMs: config.statsSyncIntervalMs,
        tokens: config.tokens,
        logger,
      });
    }
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

    let closing: Promise<void> | undefined;
    return {
      url,
      db,
      ...(seeded ? { seeded } : {}),
      close: () =>
        (closing ??= (async () => {
          shuttingDown = true;
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          // Idle keep-alive connections would hold close() open until they time out; busy ones
          // finish their response first (bounded, so a hung handler cannot block the shutdown).
          server.closeIdleConnections();
          const deadline = Date.now() + shutdownGraceMs;
          while (inFlight.size > 0 && Date.now() < deadline) {
            await Promise.race([
              Promise.allSettled([...inFlight]),
              new Promise((resolve) => setTimeout(resolve, deadline - Date.now()).unref()),
            ]);
          }
          server.closeAllConnections();
          await closed;
          // After the requests: a stats run in progress finishes before the database closes.
          await scheduler?.stop();
          await redis?.quit().catch(() => redis?.disconnect());
          await db.close();
        })()),
    };
  } catch (error) {
    await scheduler?.stop().catch(() => {});
    redis?.disconnect();
    await db.close().catch(() => {});
    throw error;
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string) {
  return new Promise<Server>((resolve, reject) => {
    // Without TLS or HTTP/2 options, @hono/node-server creates a plain node:http server.
    const server = serve({ fetch, port, hostname }) as Server;
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on ${hostname} is already in use: stop the other process or set PORT`)
          : error,
      );
    });
  });
}

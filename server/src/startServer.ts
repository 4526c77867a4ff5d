import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { errorCodes } from 'podium-kit/core';
import { createApp } from './app.js';
import { createBackgroundLeases, type BackgroundLeases } from './background/createBackgroundLeases.js';
import { errorBody } from './errors.js';
import type { ServerConfig } from './config.js';
import type { Database } from './db/Database.js';
import { openDatabase } from './db/openDatabase.js';
import { demoUsers } from './demo/demoUsers.js';
import { createDemoMarketplace } from './userStats/demoMarketplace.js';
import { seedDemo, type SeedDemoResult } from './demo/seedDemo.js';
import { createDemoSiteHandler } from './demo/serveDemoSite.js';
import type { BackgroundWork, DemoContext, ServerFeature } from './feature.js';
import { serverFeatures } from './features.js';
import { createSubgraphClient, type SubgraphClient } from './indexer/index.js';
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
  /** The features served. @default serverFeatures */
  features?: readonly ServerFeature[];
}

/** A listening server. */
export interface RunningServer {
  /** `http://HOST:PORT` it listens on (the real port when PORT=0). */
  url: string;
  db: Database;
  /** Demo mode only: what the seed did, by feature. */
  seeded?: SeedDemoResult;
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
  features = serverFeatures,
}: StartServerOptions): Promise<RunningServer> {
  const db = await openDatabase(config, logger);
  let redis: Redis | undefined;
  const background: BackgroundWork[] = [];
  let leases: BackgroundLeases | undefined;
  // The work first (a run in progress finishes), then its leases are released for another instance.
  const stopBackground = async () => {
    await Promise.all(background.map((work) => work.stop()));
    await leases?.stop();
  };
  try {
    await migrate(db, { logger });
    // Demo: a local subgraph stand-in over generated marketplace activity, unless a real one is
    // configured; its stats are loaded before the server listens so the page opens complete.
    const market = demo && !config.subgraphUrl ? createDemoMarketplace() : undefined;
    const demoContext: DemoContext | undefined = demo ? { users: demoUsers, market } : undefined;
    const seeded = demoContext
      ? await seedDemo(features, { ...demoContext, db, config, now: new Date(), logger })
      : undefined;
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
      userTokens: config.userTokens,
      apiKey: config.apiKey,
      cronSecret: config.cronSecret,
      tokens: config.tokens,
      statsStaleAfterMs: config.statsStaleAfterMs,
      subgraph,
      basePath: config.basePath,
      corsOrigins: config.corsOrigins,
      redis,
      // Shared through Redis when configured; the local demo's own page (loopback) is never limited.
      // Under PODIUM_REDIS_PREFIX like every other key: apps sharing a Redis count apart.
      rateLimits:
        config.rateLimits === false
          ? false
          : { rules: config.rateLimits, redis, keyPrefix: `${config.redisPrefix}rl`, exemptLoopback: !!demo },
      trustProxy: config.trustProxy,
      viewsPerClientPerDay: config.viewsPerClientPerDay,
      scoring: {
        rules: config.scoringRules,
        backdateDays: config.scoresBackdateDays,
        redis: redis ? { client: redis, prefix: config.redisPrefix } : undefined,
        webhook: config.webhook,
      },
      referrals: {
        publicUrl: config.publicUrl,
        fallbackUrl: config.referralFallbackUrl,
        cookieDays: config.referralCookieDays,
        secret: config.referralSecret,
        fraudRules: config.fraudRules,
      },
      healthTimeoutMs: config.healthTimeoutMs,
      live: config.live,
      logger,
      demo: demoContext,
      features,
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
    leases = createBackgroundLeases({ db, leaseMs: config.backgroundLeaseMs, logger });
    for (const feature of features) {
      const work = feature.startBackground?.({ db, config, logger, subgraph, leases });
      if (work) background.push(work);
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
          // After the requests: background work in progress (a stats run) finishes before the
          // database closes.
          await stopBackground();
          await redis?.quit().catch(() => redis?.disconnect());
          await db.close();
        })()),
    };
  } catch (error) {
    await stopBackground().catch(() => {});
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

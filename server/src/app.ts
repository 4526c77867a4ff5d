import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { errorCodes, type TokenInfo } from 'podium-kit/core';
import type { Database } from './db/Database.js';
import type { DemoUser } from './demo/demoUsers.js';
import { errorResponse, HttpError, notFoundResponse } from './errors.js';
import type { AppEnv } from './http/AppEnv.js';
import { consoleLogger, type Logger } from './logger.js';
import { rateLimit, type RateLimitOptions } from './http/rateLimit.js';
import { createDemoRoutes } from './demo/demoRoutes.js';
import { createHealthRoutes, type RedisPinger } from './http/healthRoutes.js';
import { createJobsRoutes } from './jobs/jobsRoutes.js';
import { createLeaderboardsRoutes } from './sellerBoards/leaderboardsRoutes.js';
import { createProductsRoutes } from './sellerBoards/productsRoutes.js';
import { createSellerDashboardRoutes } from './sellerBoards/sellerDashboardRoutes.js';
import type { SubgraphClient } from './indexer/index.js';
import { createCronRoutes } from './userStats/cronRoutes.js';
import { createUserStatsRoutes } from './userStats/userStatsRoutes.js';
import { createUsersRoutes } from './identity/usersRoutes.js';
import { createSqlJobsStore, type JobsStore } from './jobs/jobsStore.js';
import { createSqlProductsStore } from './sellerBoards/productsStore.js';
import { createSqlSellerBoardsStore } from './sellerBoards/sellerBoardsStore.js';
import { createSqlUsersStore } from './identity/usersStore.js';
import { serverVersion } from './version.js';

/** Options of {@link createApp}. */
export interface CreateAppOptions {
  /** The database (see `openDatabase`, `createPgliteDatabase`, `createPostgresDatabase`), migrated. */
  db: Database;
  /** Job statistics storage. @default createSqlJobsStore(db) */
  jobs?: JobsStore;
  /** HS256 secret of user tokens (`PODIUM_JWT_SECRET`). Without it, user endpoints answer 401. */
  jwtSecret?: string | undefined;
  /**
   * Server-to-server API key (`PODIUM_API_KEY`) of `PUT /users/:id` and `PUT /products/:id` (and
   * any seller's dashboard). Without it, those writes answer 401.
   */
  apiKey?: string | undefined;
  /** Known payment tokens (symbols and decimals of the CSV export). @default defaultTokenList (ETH) */
  tokens?: readonly TokenInfo[];
  /** Cached user stats older than this are served as `stale` and queued for a refresh. @default 86_400_000 (24 h) */
  statsStaleAfterMs?: number;
  /** `CRON_SECRET`: the bearer secret of `/cron/*`. Without it those endpoints answer 401. */
  cronSecret?: string | undefined;
  /**
   * The marketplace subgraph user stats are calculated from (`PODIUM_SUBGRAPH_URL`). Without it
   * the cron endpoint answers 503; cached stats are still served.
   */
  subgraph?: SubgraphClient | undefined;
  /** Where the API is mounted. @default '/api' */
  basePath?: string;
  /**
   * Origins allowed to call the API from browsers (`PODIUM_CORS_ORIGINS`): `['*']`, a list, or
   * empty for no cross-origin access.
   * @default []
   */
  corsOrigins?: readonly string[];
  /** The clock: new jobs' `created_at`, default ranges, token expiry. @default () => new Date() */
  now?: () => Date;
  /** Redis client, reported by the health check (an optional dependency). */
  redis?: RedisPinger | undefined;
  /** Time limit of each health check, in milliseconds. @default 2000 */
  healthTimeoutMs?: number;
  /** Largest accepted request body, in bytes. @default 65536 */
  maxBodyBytes?: number;
  /**
   * Rate limits (see `http/rateLimit.ts` and the README): per client IP, per user and per API key,
   * in memory, or shared through `rateLimits.redis`. `false` turns them off.
   * @default the documented defaults, in memory
   */
  rateLimits?: Pick<RateLimitOptions, 'rules' | 'redis' | 'exemptLoopback' | 'keyPrefix'> | false;
  /** Believe `X-Forwarded-For` for the client IP (`PODIUM_TRUST_PROXY`). @default false */
  trustProxy?: boolean;
  /**
   * At most this many counted views per client IP (hashed) and product per UTC day
   * (`PODIUM_VIEWS_PER_CLIENT_PER_DAY`); 0 turns the cap off.
   * @default 20
   */
  viewsPerClientPerDay?: number;
  /** Where unexpected errors are logged. @default console */
  logger?: Logger;
  /**
   * Demo mode (`podium-server demo`): adds `GET {base}/demo/users` and `GET {base}/demo/token`,
   * which sign tokens for the demo users. Leave unset in production.
   */
  demo?:
    | {
        users: readonly DemoUser[];
        /** Adds `POST {base}/demo/market-activity`: new marketplace events, then a stats sync. */
        simulateActivity?: (events: number) => Promise<unknown>;
        /** Adds `POST {base}/demo/seller-activity?kind=sale|view&seller=`. */
        recordSellerActivity?: (kind: 'sale' | 'view', sellerId: string) => Promise<unknown>;
      }
    | undefined;
}

/**
 * The Podium server as a Hono app: a plain `Request -> Response` value. Serve it with
 * `@hono/node-server` (see `startServer`), mount it in a Next.js route handler, or call
 * `app.request()` in tests.
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? consoleLogger;
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const corsOrigins = options.corsOrigins ?? [];

  const api = new Hono<AppEnv>();
  if (corsOrigins.length > 0) {
    api.use(
      '*',
      cors({
        origin: corsOrigins.includes('*') ? '*' : [...corsOrigins],
        allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowHeaders: ['Authorization', 'Content-Type', 'x-api-key'],
        // Browsers may read the rate-limit state (hidden cross-origin unless exposed).
        exposeHeaders: ['ETag', 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }
  if (options.rateLimits !== false) {
    api.use(
      '*',
      rateLimit({
        ...options.rateLimits,
        trustProxy: options.trustProxy ?? false,
        exemptPaths: [`${basePath}/health`],
        jwtSecret: options.jwtSecret,
        apiKey: options.apiKey,
        now,
        logger,
      }),
    );
  }
  api.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 65_536,
      onError: () => {
        throw new HttpError(
          413,
          errorCodes.payloadTooLarge,
          `The request body is larger than ${options.maxBodyBytes ?? 65_536} bytes`,
        );
      },
    }),
  );

  api.route(
    '/',
    createHealthRoutes({
      db: options.db,
      redis: options.redis,
      timeoutMs: options.healthTimeoutMs ?? 2000,
      version: serverVersion,
      now,
      logger,
    }),
  );
  api.route(
    '/',
    createJobsRoutes({
      store: options.jobs ?? createSqlJobsStore(options.db),
      jwtSecret: options.jwtSecret,
      now,
    }),
  );
  api.route('/', createUsersRoutes({ store: createSqlUsersStore(options.db), apiKey: options.apiKey, now }));
  // Seller boards (issue 5): products and views feed the cache through triggers; boards read it.
  api.route(
    '/',
    createProductsRoutes({
      store: createSqlProductsStore(options.db),
      apiKey: options.apiKey,
      now,
      trustProxy: options.trustProxy ?? false,
      viewsPerClientPerDay: options.viewsPerClientPerDay ?? 20,
    }),
  );
  api.route('/', createLeaderboardsRoutes({ store: createSqlSellerBoardsStore(options.db), now }));
  api.route(
    '/',
    createSellerDashboardRoutes({
      db: options.db,
      jwtSecret: options.jwtSecret,
      apiKey: options.apiKey,
      now,
    }),
  );
  api.route(
    '/',
    createUserStatsRoutes({
      db: options.db,
      ...(options.tokens ? { tokens: options.tokens } : {}),
      ...(options.statsStaleAfterMs !== undefined ? { staleAfterMs: options.statsStaleAfterMs } : {}),
      now,
    }),
  );
  api.route(
    '/',
    createCronRoutes({
      db: options.db,
      client: options.subgraph,
      cronSecret: options.cronSecret,
      ...(options.tokens ? { tokens: options.tokens } : {}),
      now,
      logger,
    }),
  );
  if (options.demo) {
    if (!options.jwtSecret) throw new Error('Demo mode needs a JWT secret to sign the demo tokens');
    api.route(
      '/',
      createDemoRoutes({
        users: options.demo.users,
        jwtSecret: options.jwtSecret,
        now,
        ...(options.demo.simulateActivity ? { simulateActivity: options.demo.simulateActivity } : {}),
        ...(options.demo.recordSellerActivity
          ? { recordSellerActivity: options.demo.recordSellerActivity }
          : {}),
      }),
    );
  }

  const app = new Hono<AppEnv>();
  app.route(basePath || '/', api);
  const onError = (error: unknown, c: Parameters<typeof notFoundResponse>[0]) =>
    errorResponse(c, error, logger);
  app.onError(onError);
  api.onError(onError);
  app.notFound(notFoundResponse);
  api.notFound(notFoundResponse);
  return app;
}

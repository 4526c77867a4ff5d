import { Hono } from 'hono';
import type { Cluster, Redis } from 'ioredis';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import {
  errorCodes,
  scoreActionsRoute,
  type FraudRulesOverride,
  type ScoringRules,
  type TokenInfo,
} from 'podium-kit/core';
import type { Database } from './db/Database.js';
import type { DemoContext, FeatureContext, ServerFeature } from './feature.js';
import { serverFeatures } from './features.js';
import { errorResponse, HttpError, notFoundResponse } from './errors.js';
import type { AppEnv } from './http/AppEnv.js';
import { createMemoRouter } from './http/memoRouter.js';
import { consoleLogger, type Logger } from './logger.js';
import { rateLimit, type RateLimitOptions } from './http/rateLimit.js';
import { createDemoRoutes } from './demo/demoRoutes.js';
import { createHealthRoutes, type RedisPinger } from './http/healthRoutes.js';
import { healthOpenApi } from './http/healthOpenApi.js';
import { buildOpenApiDocument } from './http/openapi/buildOpenApiDocument.js';
import { createOpenApiRoutes, openApiDocumentRoute } from './http/openapi/openApiRoutes.js';
import type { SubgraphClient } from './indexer/index.js';
import type { JobsStore } from './jobs/jobsStore.js';
import { serverVersion } from './version.js';
import type { WebhookTarget } from './webhooks/webhookDeliveries.js';
import { createUserTokenVerifier, type UserTokenOptions } from './auth/userTokens.js';
import type { LiveOptions } from './live/liveOf.js';

/** Options of {@link createApp}. */
export interface CreateAppOptions {
  /** The database (see `openDatabase`, `createPgliteDatabase`, `createPostgresDatabase`), migrated. */
  db: Database;
  /** Job statistics storage. @default createSqlJobsStore(db) */
  jobs?: JobsStore;
  /** HS256 secret of user tokens (`PODIUM_JWT_SECRET`). Without it (and `userTokens.jwksUrl`), user endpoints answer 401. */
  jwtSecret?: string | undefined;
  /**
   * Tokens from the host's sign-in provider (Clerk, Auth0, Supabase, Firebase, Cognito): its
   * JWKS URL, the issuer (required with it), the audience when set, the user id claim. See
   * `auth/userTokens.ts`.
   */
  userTokens?: Omit<UserTokenOptions, 'jwtSecret' | 'now'> | undefined;
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
  /**
   * Points and achievements: the rule set (`PODIUM_SCORING_RULES`) and how far back events may
   * be dated (`PODIUM_SCORES_BACKDATE_DAYS`).
   * @default { rules: defaultScoringRules, backdateDays: 30 }
   */
  scoring?: {
    rules?: ScoringRules;
    backdateDays?: number;
    /**
     * Keep the boards in Redis (`REDIS_URL`, `PODIUM_REDIS_PREFIX`) instead of SQL tables: a
     * client (a single Redis or a Cluster) and the key prefix.
     */
    redis?: { client: Redis | Cluster; prefix: string } | undefined;
    /** Send signed webhooks there (`PODIUM_WEBHOOK_URL`, `PODIUM_WEBHOOK_SECRET`). */
    webhook?: WebhookTarget | undefined;
  };
  /**
   * Referral sharing: where visitors reach Podium (`PODIUM_PUBLIC_URL`, origin and any path
   * Podium is mounted under; the base path is added), where unknown codes go
   * (`PODIUM_REFERRAL_FALLBACK_URL`), the `podium_ref` cookie's lifetime in days
   * (`PODIUM_REFERRAL_COOKIE_DAYS`) and the key of the IP hashes (`PODIUM_REFERRAL_SECRET`).
   * @default { publicUrl: the request's origin, fallbackUrl: none (a 404 page), cookieDays: 30, secret: a random key made once per database }
   */
  referrals?: {
    publicUrl?: string | undefined;
    fallbackUrl?: string | undefined;
    cookieDays?: number | undefined;
    secret?: string | undefined;
    /**
     * Conversion fraud rules over the defaults (`PODIUM_FRAUD_RULES`): weights, thresholds and the
     * signals' parameters, each part optional. @default defaultFraudRules
     */
    fraudRules?: FraudRulesOverride | undefined;
  };
  /**
   * Live updates (`GET /events`, Server-Sent Events): heartbeat, connection limits, how long
   * events are kept for resumes, the tickets' key. See `live/liveOf.ts` and the README.
   */
  live?: LiveOptions | undefined;
  /** Largest accepted body of `POST /scores/actions` (a batch of up to 1,000 events), in bytes. @default 2_000_000 */
  maxBatchBodyBytes?: number;
  /**
   * The hot reads (cached boards, user stats, scores, member analytics, their 304s) answer with a
   * ready-made response whose headers are one plain object, which @hono/node-server writes
   * fastest (see `http/plainAnswer.ts`). Mounted in a Hono app of yours whose middleware sets
   * headers with `c.header()` before `next()` (Hono's `requestId`, say), set this to `false`:
   * those answers then go through the context and carry your headers, at some speed (headers a
   * middleware sets on `c.res` after `next()` reach every answer either way). @default true
   */
  plainAnswers?: boolean;
  /** Where unexpected errors are logged. @default console */
  logger?: Logger;
  /**
   * Demo mode (`podium-server demo`): adds `GET {base}/demo/users` and `GET {base}/demo/token`,
   * which sign tokens for the demo users, and the features' demo routes (the demo page's buttons:
   * `POST {base}/demo/seller-activity`, and `POST {base}/demo/market-activity` when `market` is
   * given). Leave unset in production.
   */
  demo?: DemoContext | undefined;
  /**
   * The features served (see `features.ts`): a host can serve a subset, or add its own.
   * @default serverFeatures (identity, jobs, user stats, seller boards)
   */
  features?: readonly ServerFeature[];
}

/** The reference's section names of the built-in features (a host's own feature goes by its name). */
const openApiTags: Record<string, string> = {
  identity: 'Users',
  jobs: 'Job stats',
  userStats: 'User stats',
  sellerBoards: 'Seller boards',
  scoring: 'Points and achievements',
  referrals: 'Referrals',
};

/**
 * The Podium server as a Hono app: a plain `Request -> Response` value. Serve it with
 * `@hono/node-server` (see `startServer`), mount it in a Next.js route handler, or call
 * `app.request()` in tests.
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? consoleLogger;
  // One verifier for the app: the rate limiter and the routes ask about the same token once.
  const userTokens = createUserTokenVerifier({ ...options.userTokens, jwtSecret: options.jwtSecret, now });
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const corsOrigins = options.corsOrigins ?? [];
  const features = options.features ?? serverFeatures;

  const api = new Hono<AppEnv>();
  if (corsOrigins.length > 0) {
    api.use(
      '*',
      cors({
        origin: corsOrigins.includes('*') ? '*' : [...corsOrigins],
        allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowHeaders: ['Authorization', 'Content-Type', 'x-api-key', 'Last-Event-ID'],
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
        userTokens,
        apiKey: options.apiKey,
        logger,
      }),
    );
  }
  // One limit for every body, and a larger one for event batches (1,000 events with metadata).
  const bodyLimitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new HttpError(
          413,
          errorCodes.payloadTooLarge,
          `The request body is larger than ${maxSize} bytes`,
        );
      },
    });
  const defaultBodyLimit = bodyLimitOf(options.maxBodyBytes ?? 65_536);
  const batchBodyLimit = bodyLimitOf(options.maxBatchBodyBytes ?? 2_000_000);
  const batchPath = `${basePath}${scoreActionsRoute}`;
  if (options.plainAnswers === false) {
    api.use('*', (c, next) => {
      c.set('answerThroughContext', true);
      return next();
    });
  }
  api.use('*', (c, next) => {
    // GET and HEAD have no body a route reads. Asking for one builds the whole WHATWG Request (an
    // AbortController, a copy of the headers): 5-10 % of a cached poll's CPU in a profile.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (c.req.path === batchPath ? batchBodyLimit : defaultBodyLimit)(c, next);
  });

  const context: FeatureContext = { db: options.db, now, logger, options, userTokens };
  api.route(
    '/',
    createHealthRoutes({
      db: options.db,
      redis: options.redis,
      checks: features.flatMap((feature) => feature.healthChecks?.(context) ?? []),
      timeoutMs: options.healthTimeoutMs ?? 2000,
      version: serverVersion,
      now,
      logger,
    }),
  );
  for (const feature of features) api.route('/', feature.routes(context));
  api.route(
    '/',
    createOpenApiRoutes(() =>
      buildOpenApiDocument({
        groups: [
          {
            tag: 'Operations',
            description: 'Health and this document',
            routes: [...healthOpenApi, openApiDocumentRoute],
          },
          ...features.flatMap((feature) =>
            feature.openApi
              ? [{ tag: openApiTags[feature.name] ?? feature.name, routes: feature.openApi }]
              : [],
          ),
        ],
        basePath,
        publicUrl: options.referrals?.publicUrl,
        version: serverVersion,
      }),
    ),
  );
  if (options.demo) {
    if (!options.jwtSecret) throw new Error('Demo mode needs a JWT secret to sign the demo tokens');
    api.route('/', createDemoRoutes({ users: options.demo.users, jwtSecret: options.jwtSecret, now }));
    for (const feature of features) {
      const routes = feature.demoRoutes?.(context, options.demo);
      if (routes) api.route('/', routes);
    }
  }

  const app = new Hono<AppEnv>({ router: createMemoRouter() });
  app.route(basePath || '/', api);
  const onError = (error: unknown, c: Parameters<typeof notFoundResponse>[0]) =>
    errorResponse(c, error, logger);
  app.onError(onError);
  api.onError(onError);
  app.notFound(notFoundResponse);
  api.notFound(notFoundResponse);
  return app;
}

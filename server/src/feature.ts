import type { Hono } from 'hono';
import type { CreateAppOptions } from './app.js';
import type { BackgroundLeases } from './background/createBackgroundLeases.js';
import type { ServerConfig } from './config.js';
import type { Database, Queryable } from './db/Database.js';
import type { DemoUser } from './demo/demoUsers.js';
import type { AppEnv } from './http/AppEnv.js';
import type { HealthCheckDefinition } from './http/healthRoutes.js';
import type { OpenApiRoute } from './http/openapi/OpenApiRoute.js';
import type { SubgraphClient } from './indexer/index.js';
import type { Logger } from './logger.js';
import type { ProgressStream } from './progressBar.js';
import type { DemoMarketplace } from './userStats/demoMarketplace.js';
import type { UserTokenVerifier } from './auth/userTokens.js';

/**
 * One Podium system on the server (jobs, user stats, seller boards, ...): everything it adds to
 * the shared server, as one value. `createApp`, `startServer` and the CLI each walk the list in
 * `features.ts`, so adding a feature is one folder and one line there.
 *
 * Each member takes the context of the moment it runs in (the app being built, a CLI command,
 * the demo seed), because those have different dependencies: a factory taking them all up front
 * would need a database to print `--help`.
 */
export interface ServerFeature {
  /** Names the feature in logs and the demo summary, e.g. `'sellerBoards'`. */
  readonly name: string;
  /** The feature's HTTP routes, mounted under the base path. */
  routes(context: FeatureContext): Hono<AppEnv>;
  /**
   * The description of each route of `routes` for `GET /openapi.json` (`<feature>/<feature>OpenApi.ts`).
   * Podium's own features describe every route (a test holds them to it); a host's feature may
   * leave this out and is then absent from the document.
   */
  readonly openApi?: readonly OpenApiRoute[];
  /** Routes that exist in demo mode only (the demo page's buttons). */
  demoRoutes?(context: FeatureContext, demo: DemoContext): Hono<AppEnv> | undefined;
  /** Checks `GET /health` runs besides the database and Redis ones. */
  healthChecks?(context: FeatureContext): HealthCheckDefinition[];
  /** Background work `startServer` starts once it listens and stops before the database closes. */
  startBackground?(context: BackgroundContext): BackgroundWork | undefined;
  /** `podium-server` commands the feature adds (listed by `--help`). */
  readonly commands?: readonly CliCommand[];
  /** Demo data, seeded by `podium-server demo` before it listens, in the order of the list. */
  readonly demoSeed?: DemoSeed;
}

/** What a feature's routes get from `createApp`. */
export interface FeatureContext {
  db: Database;
  now: () => Date;
  logger: Logger;
  /** The options `createApp` was given; each feature reads its own (`apiKey`, `tokens`, ...). */
  options: CreateAppOptions;
  /** The app's user-token verifier (HS256 secret and/or the sign-in provider's keys). */
  userTokens: UserTokenVerifier;
}

/** Demo mode's world, shared by the features' demo routes and seeds. */
export interface DemoContext {
  users: readonly DemoUser[];
  /** The generated marketplace behind the subgraph stand-in (absent with a real subgraph). */
  market?: DemoMarketplace | undefined;
}

/** What `startServer` gives background work. */
export interface BackgroundContext {
  db: Database;
  config: ServerConfig;
  logger: Logger;
  /** The subgraph the stats come from: the configured one or the demo's stand-in. */
  subgraph?: SubgraphClient | undefined;
  /**
   * This instance's background leases: work that must run on one instance at a time takes a
   * named lease and runs only while it holds it. `startServer` always gives one; without it
   * (a host wiring features itself) the work runs unconditionally.
   */
  leases?: BackgroundLeases | undefined;
}

/** Running background work. */
export interface BackgroundWork {
  /** Resolves once the work in progress has finished; nothing starts afterwards. */
  stop(): Promise<void>;
}

/** A `podium-server` command. */
export interface CliCommand {
  /** What the user types, e.g. `'boards:rebuild'`. */
  readonly name: string;
  /** The `--help` text after the name (wrapped lines are indented by the help printer). */
  readonly summary: string;
  /** Flags it accepts, with their `--help` text, e.g. `{ '--restart': '...' }`. */
  readonly flags?: Readonly<Record<string, string>>;
  /** Runs it; resolves to the process exit code. */
  run(context: CommandContext): Promise<number>;
}

/** What a command gets from the CLI. */
export interface CommandContext {
  flags: readonly string[];
  config: ServerConfig;
  logger: Logger;
  /** Where long commands draw progress (tests pass a buffer). @default process.stderr */
  progress?: ProgressStream | undefined;
  /** Stop on SIGINT / SIGTERM at the next safe point. @default true */
  handleSignals?: boolean | undefined;
}

/** A feature's part of the demo data. */
export interface DemoSeed {
  /**
   * Deletes the data this seed generated on an earlier day (not what a visitor did in the demo),
   * inside the shared transaction, so that the seed generates data ending now. Returns rows deleted.
   */
  clearGenerated?(tx: Queryable): Promise<number>;
  /** Seeds idempotently (fixed ids, existing rows kept). */
  seed(context: DemoSeedContext): Promise<DemoSeedReport>;
}

/** What a demo seed gets. */
export interface DemoSeedContext extends DemoContext {
  db: Database;
  config: ServerConfig;
  now: Date;
  /** For connection warnings of what a seed opens itself (Redis). @default silent */
  logger?: Logger | undefined;
}

/** What a demo seed did, for the "Demo ready" line and tests. */
export interface DemoSeedReport {
  /** A short phrase, e.g. `'120 products and 800 views on the seller boards'`. */
  summary: string;
  /** The figures behind it, by name. */
  counts: Readonly<Record<string, number>>;
}

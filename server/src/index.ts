/**
 * `podium-server`: Podium's companion server as a library. Build the app with {@link createApp}
 * and serve it anywhere a fetch handler runs, or use {@link startServer} (what the
 * `podium-server` command runs) for a ready Node server.
 *
 * @example
 * import { createApp, loadConfig, migrate, openDatabase } from 'podium-server';
 * const config = loadConfig(process.env);
 * const db = await openDatabase(config);
 * await migrate(db);
 * export const app = createApp({ db, jwtSecret: config.jwtSecret, basePath: config.basePath });
 *
 * User stats need a subgraph client (`createSubgraphClient`) passed as `subgraph`; run
 * `startStatsScheduler` (or call the cron endpoint) to keep them current.
 */
export { createApp, type CreateAppOptions } from './app.js';
export {
  configVariables,
  ConfigError,
  loadConfig,
  minJwtSecretLength,
  type ConfigVariable,
  type ServerConfig,
} from './config.js';
export { toIsoString, toNumber, type Database, type Queryable } from './db/Database.js';
export { createPgliteDatabase, type PgliteDatabaseOptions } from './db/createPgliteDatabase.js';
export { createPostgresDatabase, type PostgresDatabaseOptions } from './db/createPostgresDatabase.js';
export { openDatabase } from './db/openDatabase.js';
export {
  migrate,
  MigrationChecksumError,
  migrationsDirectory,
  type MigrateOptions,
  type MigrateResult,
} from './migrate.js';
export { createSqlJobsStore, type JobsStore, type JobStatsPageParams } from './jobs/jobsStore.js';
export { errorBody, HttpError, invalidRequest, type FieldErrors } from './errors.js';
export {
  requireApiKey,
  requireCronSecret,
  requireUser,
  safeEqual,
  type RequireUserOptions,
} from './auth/guards.js';
export {
  createUserTokenVerifier,
  providerAlgorithms,
  type UserTokenOptions,
  type UserTokenVerifier,
} from './auth/userTokens.js';
export type { RedisPinger } from './http/healthRoutes.js';
export { createRedisClient } from './redis.js';
export { consoleLogger, silentLogger, type Logger } from './logger.js';
export { startServer, type RunningServer, type StartServerOptions } from './startServer.js';
export { seedDemoData, type SeedDemoDataOptions, type SeedDemoDataResult } from './jobs/seedDemoData.js';
export { seedDemo, type SeedDemoResult } from './demo/seedDemo.js';
// The features the app, the server and the CLI compose (a host may serve a subset or add one).
export { serverFeatures } from './features.js';
export type {
  BackgroundContext,
  BackgroundWork,
  CliCommand,
  CommandContext,
  DemoContext,
  DemoSeed,
  DemoSeedContext,
  DemoSeedReport,
  FeatureContext,
  ServerFeature,
} from './feature.js';
export type { HealthCheckDefinition } from './http/healthRoutes.js';
// A host feature describes its routes for GET /openapi.json with these (`ServerFeature.openApi`).
export type { OpenApiAuth, OpenApiResponse, OpenApiRoute } from './http/openapi/OpenApiRoute.js';
export { buildOpenApiDocument, type OpenApiDocumentOptions } from './http/openapi/buildOpenApiDocument.js';
export type { AppEnv } from './http/AppEnv.js';
export { demoUsers, type DemoUser } from './demo/demoUsers.js';
export { serverVersion } from './version.js';
// User stats: the indexer client, the sync, and the background work.
export {
  createSubgraphClient,
  SubgraphError,
  type SubgraphClient,
  type SubgraphClientOptions,
} from './indexer/index.js';
export {
  backfillStats,
  syncStatsIncremental,
  type BackfillOptions,
  type SyncResult,
} from './userStats/syncStats.js';
export {
  processStatsQueue,
  startStatsScheduler,
  type StatsScheduler,
  type StatsSchedulerOptions,
} from './userStats/statsWorker.js';
// The local subgraph stand-in (demo, tests, benchmarks, prototyping against a fake indexer).
export {
  appendMarketplaceEvents,
  createMarketplaceData,
  createSubgraphApp,
  generateMarketplace,
} from './subgraph/index.js';
// Seller boards: recompute the trigger-kept cache from the base tables.
export { rebuildSellerBoards, type RebuildSellerBoardsResult } from './sellerBoards/rebuildSellerBoards.js';
export {
  signWebhook,
  verifyWebhookSignature,
  type VerifyWebhookOptions,
} from './webhooks/webhookSignature.js';
export type { WebhookTarget } from './webhooks/webhookDeliveries.js';
export type { LiveOptions } from './live/liveOf.js';
// A host's own writes (a feature of its own) announce their changes through the app's publisher.
export { liveOf } from './live/liveOf.js';
export type { LiveChange, LivePublisher } from './live/livePublisher.js';

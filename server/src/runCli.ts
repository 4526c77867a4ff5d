import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { rebuildSellerBoards } from './sellerBoards/rebuildSellerBoards.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/openDatabase.js';
import { withDemoDefaults } from './demo/demoDefaults.js';
import { demoUsers } from './demo/demoUsers.js';
import type { Logger } from './logger.js';
import { migrate, MigrationChecksumError } from './migrate.js';
import { startServer, type RunningServer } from './startServer.js';
import { runStatsCommand, statsCommands, type StatsCommandIo } from './userStats/runStatsCommand.js';

/**
 * The demo page's default location: `examples/demo/dist` of the repository. Resolved from this
 * module's URL, which is `server/src/` when run from source and the flat `server/dist/` when
 * built: both are two levels below the repository root (keep this file directly in `src/`).
 */
export const defaultDemoDir = fileURLToPath(new URL('../../examples/demo/dist/', import.meta.url));

/** `podium-server --help`. */
export const usage = `Usage: podium-server [command]

Commands:
  start            serve the API (default)
  migrate          apply pending database migrations and exit
  demo             seed demo data, then serve the API, the demo routes and the demo page
  stats:backfill   load every marketplace entity from the subgraph and calculate every user's
                   stats (resumes an interrupted run; --restart starts over)
  stats:sync       one incremental sync: entities changed since the last sync, and the users
                   they touch
  boards:rebuild   recompute the seller leaderboards from products and views (after an import,
                   or to check the triggers) and report whether the cache differed

Options:
  -h, --help   show this help
  --restart    (stats:backfill) discard the progress of an unfinished backfill

Configuration comes from environment variables (PORT, HOST, DATABASE_URL, PODIUM_DATA_DIR,
REDIS_URL, PODIUM_JWT_SECRET, PODIUM_API_KEY, CRON_SECRET, PODIUM_BASE_PATH,
PODIUM_CORS_ORIGINS, PODIUM_DEMO_DIR, PODIUM_HEALTH_TIMEOUT_MS, PODIUM_SUBGRAPH_URL,
PODIUM_SUBGRAPH_API_KEY, PODIUM_TOKENS): see the README.`;

/** What {@link runCli} ended with: a running server (start, demo) or an exit code. */
export type CliResult =
  { server: RunningServer; exitCode?: undefined } | { server?: undefined; exitCode: number };

/**
 * Runs a `podium-server` command. Separate from the `cli.ts` entry (which adds signal handling
 * and exits) so tests can run commands in-process with their own environment.
 *
 * @param startedAt `performance.now()`-style start instant, for the demo's "ready in" line.
 * @param io Where the stats commands draw their progress bar and which signals stop them
 *   (tests pass a buffer and none).
 */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  logger: Logger,
  startedAt = performance.now(),
  io: StatsCommandIo = {},
): Promise<CliResult> {
  const args = argv.filter((arg) => arg !== '--');
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    logger.info(usage);
    return { exitCode: 0 };
  }
  const command = args[0] ?? 'start';
  const flags = args.slice(1);
  const known =
    ['start', 'migrate', 'demo', 'boards:rebuild'].includes(command) ||
    (command === 'stats:backfill' && flags.every((flag) => flag === '--restart')) ||
    (command === 'stats:sync' && flags.length === 0);
  if (!known || (!statsCommands.includes(command) && flags.length > 0)) {
    logger.error(`Unknown arguments: ${args.join(' ')}\n\n${usage}`);
    return { exitCode: 2 };
  }

  try {
    if (statsCommands.includes(command)) {
      return { exitCode: await runStatsCommand(command, flags, loadConfig(env), logger, io) };
    }

    if (command === 'migrate') {
      const config = loadConfig(env);
      const db = await openDatabase(config, logger);
      try {
        const { applied, total } = await migrate(db, { logger });
        logger.info(
          applied.length > 0
            ? `Applied ${applied.length} of ${total} migrations.`
            : `Database up to date (${total} migrations).`,
        );
      } finally {
        await db.close();
      }
      return { exitCode: 0 };
    }

    if (command === 'boards:rebuild') {
      const db = await openDatabase(loadConfig(env), logger);
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
      return { exitCode: 0 };
    }

    if (command === 'start') {
      const config = loadConfig(env);
      const server = await startServer({ config, logger });
      logger.info(`Podium server listening on ${server.url}`);
      return { server };
    }

    const config = loadConfig(withDemoDefaults(env, (message) => logger.warn(message)));
    const server = await startServer({ config, logger, demo: { dir: config.demoDir ?? defaultDemoDir } });
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    logger.info(`Podium server listening on ${server.url}`);
    logger.info(
      `Demo ready in ${seconds} s: open ${server.url}/ (users: ${demoUsers.map((user) => user.id).join(', ')}; ` +
        `${server.seeded?.created ?? 0} jobs seeded, ${server.seeded?.skipped ?? 0} already there; ` +
        `user stats for ${server.seeded?.statsSubjects ?? 0} wallets and users from ` +
        `${server.seeded?.marketEntities ?? 0} marketplace entities; ` +
        `${server.seeded?.products ?? 0} products and ${server.seeded?.views ?? 0} views on the seller boards)`,
    );
    return { server };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationChecksumError) {
      logger.error(error.message);
      return { exitCode: 1 };
    }
    throw error;
  }
}

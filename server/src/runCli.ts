import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/openDatabase.js';
import { withDemoDefaults } from './demo/demoDefaults.js';
import type { Logger } from './logger.js';
import { migrate, MigrationChecksumError } from './migrate.js';
import { startServer, type RunningServer } from './startServer.js';
import type { CliCommand } from './feature.js';
import { serverFeatures } from './features.js';
import type { StatsCommandIo } from './userStats/runStatsCommand.js';

/**
 * The demo page's default location: `examples/demo/dist` of the repository. Resolved from this
 * module's URL, which is `server/src/` when run from source and the flat `server/dist/` when
 * built: both are two levels below the repository root (keep this file directly in `src/`).
 */
export const defaultDemoDir = fileURLToPath(new URL('../../examples/demo/dist/', import.meta.url));

/** The commands of the server itself; the features add theirs (`ServerFeature.commands`). */
const builtInCommands: ReadonlyArray<Pick<CliCommand, 'name' | 'summary'>> = [
  { name: 'start', summary: 'serve the API (default)' },
  { name: 'migrate', summary: 'apply pending database migrations and exit' },
  { name: 'demo', summary: 'seed demo data, then serve the API, the demo routes and the demo page' },
];

/** Every feature's commands, by name. */
const featureCommands = new Map(
  serverFeatures.flatMap((feature) => feature.commands ?? []).map((command) => [command.name, command]),
);

const column = 17;

/** `podium-server --help`: the built-in commands, then each feature's, with their flags. */
export const usage = `Usage: podium-server [command]

Commands:
${[...builtInCommands, ...featureCommands.values()]
  .map(
    ({ name, summary }) =>
      `  ${name.padEnd(column)}${summary.replaceAll('\n', `\n${' '.repeat(column + 2)}`)}`,
  )
  .join('\n')}

Options:
  -h, --help   show this help
${[...featureCommands.values()]
  .flatMap((command) =>
    Object.entries(command.flags ?? {}).map(
      ([flag, text]) => `  ${flag.padEnd(11)}  (${command.name}) ${text}`,
    ),
  )
  .join('\n')}

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
  const featureCommand = featureCommands.get(command);
  const known = featureCommand
    ? flags.every((flag) => Object.hasOwn(featureCommand.flags ?? {}, flag))
    : builtInCommands.some((builtIn) => builtIn.name === command) && flags.length === 0;
  if (!known) {
    logger.error(`Unknown arguments: ${args.join(' ')}\n\n${usage}`);
    return { exitCode: 2 };
  }

  try {
    if (featureCommand) {
      return {
        exitCode: await featureCommand.run({
          flags,
          config: loadConfig(env),
          logger,
          progress: io.progress,
          handleSignals: io.handleSignals,
        }),
      };
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
    const summaries = Object.values(server.seeded?.reports ?? {}).map((report) => report.summary);
    logger.info(`Demo ready in ${seconds} s: open ${server.url}/ (${summaries.join('; ')})`);
    return { server };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationChecksumError) {
      logger.error(error.message);
      return { exitCode: 1 };
    }
    throw error;
  }
}

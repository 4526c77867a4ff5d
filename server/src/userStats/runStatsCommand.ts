import type { ServerConfig } from '../config.js';
import { openDatabase } from '../db/openDatabase.js';
import { createSubgraphClient } from '../indexer/index.js';
import type { Logger } from '../logger.js';
import { migrate } from '../migrate.js';
import { createProgressBar, formatDuration, type ProgressStream } from '../progressBar.js';
import { backfillStats, syncStatsIncremental, type StatsProgressEvent } from './syncStats.js';

/** What the stats commands need from the process (tests pass their own). */
export interface StatsCommandIo {
  /** Where the progress bar is drawn. @default process.stderr */
  progress?: ProgressStream;
  /**
   * Stop on SIGINT / SIGTERM: the run ends at the next page or batch, closes the database
   * cleanly and a backfill resumes on the next run (a second Ctrl-C exits at once).
   * @default true
   */
  handleSignals?: boolean;
}

/** Requests one run may make: a backfill of millions of entities is thousands of pages. */
const maxPagesPerRun = 1_000_000;

/**
 * Runs `stats:backfill [--restart]` or `stats:sync`: opens and migrates the configured database,
 * talks to `PODIUM_SUBGRAPH_URL`, shows progress on stderr, and returns the exit code (0 done,
 * 1 configuration problem or failure, 130 interrupted).
 */
export async function runStatsCommand(
  command: string,
  flags: readonly string[],
  config: ServerConfig,
  logger: Logger,
  io: StatsCommandIo = {},
): Promise<number> {
  if (!config.subgraphUrl) {
    logger.error(
      `PODIUM_SUBGRAPH_URL is not set: ${command} needs the GraphQL endpoint of the marketplace subgraph ` +
        '(e.g. https://gateway.thegraph.com/api/subgraphs/id/<id>, with PODIUM_SUBGRAPH_API_KEY)',
    );
    return 1;
  }
  const client = createSubgraphClient({
    url: config.subgraphUrl,
    ...(config.subgraphApiKey ? { apiKey: config.subgraphApiKey } : {}),
    timeoutMs: 30_000,
    maxPages: maxPagesPerRun,
  });
  const bar = createProgressBar({ stream: io.progress ?? process.stderr });
  const onProgress = (event: StatsProgressEvent) =>
    bar.update(event.done, event.total, event.phase === 'subjects' ? 'users' : event.phase);

  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    if (++interrupts > 1) process.exit(130);
    logger.warn('Stopping after the current page (Ctrl-C again to quit at once)…');
    controller.abort(new Error('Interrupted'));
  };
  const handleSignals = io.handleSignals ?? true;
  if (handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  const db = await openDatabase(config, logger);
  try {
    await migrate(db, { logger });
    const options = { tokens: config.tokens, onProgress, signal: controller.signal };
    if (command === 'stats:backfill') {
      const result = await backfillStats(db, client, { ...options, restart: flags.includes('--restart') });
      bar.finish();
      const entities = Object.entries(result.entities)
        .map(([kind, n]) => `${n.toLocaleString('en-US')} ${kind}`)
        .join(', ');
      logger.info(
        `Backfill ${result.resumed ? 'resumed and ' : ''}done in ${formatDuration(result.durationMs)}: ` +
          `${entities}; ${result.subjects.toLocaleString('en-US')} users calculated; sync cursor at block ${result.head}.`,
      );
    } else {
      const result = await syncStatsIncremental(db, client, options);
      bar.finish();
      logger.info(
        result.fromBlock > result.toBlock
          ? `Up to date at block ${result.toBlock}.`
          : `Synced blocks ${result.fromBlock}..${result.toBlock} in ${formatDuration(result.durationMs)}: ` +
              `${result.entities.toLocaleString('en-US')} changed entities, ${result.subjects.toLocaleString('en-US')} users recalculated.`,
      );
    }
    return 0;
  } catch (error) {
    bar.finish();
    if (controller.signal.aborted) {
      logger.warn(
        command === 'stats:backfill'
          ? 'Backfill interrupted: run stats:backfill again to resume where it stopped.'
          : 'Sync interrupted: the next sync redoes this cycle.',
      );
      return 130;
    }
    logger.error(`${command} failed: ${error instanceof Error ? error.message : String(error)}`, { error });
    return 1;
  } finally {
    if (handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    await db.close();
  }
}

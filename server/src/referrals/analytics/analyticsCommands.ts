import type { CliCommand, CommandContext } from '../../feature.js';
import type { Database } from '../../db/Database.js';
import { openDatabase } from '../../db/openDatabase.js';
import { migrate } from '../../migrate.js';
import { createProgressBar, formatDuration } from '../../progressBar.js';
import { createRedisClient } from '../../redis.js';
import { createAnalyticsCache } from './analyticsCache.js';
import { readViewStates, refreshReferralViews } from './refreshReferralViews.js';
import { warmAnalyticsCache } from './warmAnalyticsCache.js';

/** Opens and migrates the configured database, runs `fn`, and closes it. */
async function withDatabase(context: CommandContext, fn: (db: Database) => Promise<number>): Promise<number> {
  const db = await openDatabase(context.config, context.logger);
  try {
    await migrate(db, { logger: context.logger });
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** `views:refresh`, `views:stats` and `cache:warm`: the referral analytics from the CLI. */
export const analyticsCommands: readonly CliCommand[] = [
  {
    name: 'views:refresh',
    summary: 'refresh the referral analytics views now (as the scheduler does every 5 minutes)',
    run: (context) =>
      withDatabase(context, async (db) => {
        const views = await refreshReferralViews(db, {
          onProgress: ({ view, index, total, done }) =>
            context.logger.info(
              done
                ? `[${index + 1}/${total}] ${view}: ${done.rows} rows in ${done.durationMs} ms`
                : `[${index + 1}/${total}] ${view}: refreshing…`,
            ),
        });
        const ms = views.reduce((sum, view) => sum + view.durationMs, 0);
        context.logger.info(`Referral views refreshed in ${ms} ms.`);
        return 0;
      }),
  },
  {
    name: 'views:stats',
    summary: 'show each referral view: rows, last refresh, its duration and age',
    run: (context) =>
      withDatabase(context, async (db) => {
        for (const state of await readViewStates(db, new Date())) {
          context.logger.info(
            state.refreshedAt === null
              ? `${state.view}: never refreshed`
              : `${state.view}: ${state.rows} rows, refreshed ${state.refreshedAt} in ${state.durationMs} ms, ${formatDuration(state.ageMs!)} ago`,
          );
        }
        return 0;
      }),
  },
  {
    name: 'cache:warm',
    summary:
      'load the referral analytics cache (Redis with REDIS_URL): the top 100 members,\nevery creator\u2019s analytics and every referrers board',
    run: (context) =>
      withDatabase(context, async (db) => {
        const { config, logger } = context;
        const redis = config.redisUrl ? createRedisClient(config.redisUrl, logger) : undefined;
        if (!redis) logger.warn('No REDIS_URL: the warmed cache lives only as long as this command.');
        const bar = createProgressBar({ stream: context.progress ?? process.stderr });
        try {
          const cache = createAnalyticsCache({
            redis: redis ? { client: redis, prefix: config.redisPrefix } : undefined,
          });
          const report = await warmAnalyticsCache(db, cache, new Date(), (done, total, unit) =>
            bar.update(done, total, unit),
          );
          bar.finish();
          logger.info(
            `Analytics cache warmed in ${report.durationMs} ms: ${report.members} members, ${report.creators} creators, ${report.boards} boards.`,
          );
          return 0;
        } finally {
          redis?.disconnect();
        }
      }),
  },
];

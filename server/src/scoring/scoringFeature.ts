import { scoringOpenApi } from './scoringOpenApi.js';
import { Hono } from 'hono';
import { addDays, defaultScoringRules, userIdSchema, utcDayKey } from 'podium-kit/core';
import { z } from 'zod';
import type { FeatureContext, ServerFeature } from '../feature.js';
import { demoPeople } from '../demo/demoPeople.js';
import type { AppEnv } from '../http/AppEnv.js';
import { demoScoreKinds, generatedDemoEventPattern, recordDemoScore, seedDemoScores } from './demoScores.js';
import { createRedisScoreBoards, type RedisScoreBoards } from './redisScoreBoards.js';
import { createScoreWriter } from './scoreWriter.js';
import { createRedisClient } from '../redis.js';
import { deliverDueWebhooks } from '../webhooks/webhookDeliveries.js';
import { openDatabase } from '../db/openDatabase.js';
import { migrate } from '../migrate.js';
import { silentLogger } from '../logger.js';
import { rebuildScores } from './rebuildScores.js';
import { rebuildRedisScoreBoards } from './rebuildRedisScoreBoards.js';
import { createScoringRoutes } from './scoringRoutes.js';
import { recordDailyRanks } from './rankHistory.js';
import { countEveryBoardChanged } from './sqlScoreBoards.js';
import { HealthCheckFailure } from '../http/healthRoutes.js';
import { liveOf } from '../live/liveOf.js';

/** The Redis boards of an app configured with `scoring.redis`, else none (the SQL projection). */
function redisBoardsOf({ db, now, logger, options }: FeatureContext): RedisScoreBoards | undefined {
  const redis = options.scoring?.redis;
  if (!redis) return undefined;
  return createRedisScoreBoards({
    db,
    redis: redis.client,
    prefix: redis.prefix,
    logger,
    announce: options.scoring?.webhook ? { now } : undefined,
    now,
  });
}

/** How long board changes may wait for Redis before health says `warn`. */
const outboxLagWarnMs = 60_000;

/**
 * Points and achievements (issue 11): hosts record what users did, the rules score it into a
 * ledger, and the boards, scores, streaks and achievements are read from its projection.
 */
export const scoringFeature: ServerFeature = {
  name: 'scoring',
  openApi: scoringOpenApi,

  routes(context) {
    const { db, now, logger, options } = context;
    return createScoringRoutes({
      db,
      logger,
      webhook: options.scoring?.webhook,
      redisBoards: redisBoardsOf(context),
      rules: options.scoring?.rules ?? defaultScoringRules,
      apiKey: options.apiKey,
      now,
      backdateDays: options.scoring?.backdateDays ?? 30,
      live: liveOf(options).publisher,
    });
  },

  demoRoutes(context) {
    const { db, now, logger, options } = context;
    const rules = options.scoring?.rules ?? defaultScoringRules;
    // The same way to the boards as the API's writes (Redis too when it is configured).
    const writer = createScoreWriter({
      db,
      now,
      logger,
      webhook: options.scoring?.webhook,
      redisBoards: redisBoardsOf(context),
      live: liveOf(options).publisher,
    });
    const routes = new Hono<AppEnv>();
    // The demo page's "record a trade / copy trade / stake" buttons: the card, boards and
    // achievements show it on their next poll; the answer names any achievement unlocked.
    routes.post('/demo/score-action', async (c) => {
      const { kind, user } = demoScoreQuerySchema.parse(c.req.query());
      return c.json(await recordDemoScore(db, rules, user, kind, now(), writer));
    });
    return routes;
  },

  // With Redis boards: board changes still waiting in the outbox a minute after they were
  // written mean the projection is not catching up (Redis away, or no drainer running).
  healthChecks({ db, now, options }) {
    if (!options.scoring?.redis) return [];
    return [
      {
        key: 'scores:outboxBacklog',
        componentId: 'redis-boards',
        componentType: 'component',
        failStatus: 'warn',
        async run() {
          const [row] = await db.query<{ n: unknown; oldest: unknown }>(
            'SELECT count(*) AS n, min(created_at) AS oldest FROM podium_score_outbox',
          );
          const waiting = Number(row?.n ?? 0);
          if (waiting === 0 || row?.oldest == null) return;
          const ageMs = now().getTime() - new Date(row.oldest as string).getTime();
          if (ageMs > outboxLagWarnMs) {
            throw new HealthCheckFailure(
              `${waiting} board change${waiting === 1 ? '' : 's'} waiting for Redis, the oldest for ${Math.round(ageMs / 1000)} s`,
            );
          }
        },
      },
    ];
  },

  // Every few seconds: with Redis, the outbox to Redis (board changes wait there while Redis is
  // away; each write also drains, so normally it is empty); webhooks due for a retry (with
  // backoff, see deliverDueWebhooks); and once a UTC day, the rank history's point for the day
  // that just ended. One instance at a time (the lease); the others' writes still drain the
  // outbox themselves, and deliveries are claimed row by row, so this is about doing it once.
  startBackground({ db, config, logger, leases }) {
    // On every instance: if this process's previous run died between a commit and its count,
    // the boards it changed would keep answering polls with "unchanged".
    void countEveryBoardChanged(db).catch(() => undefined);
    const lease = leases?.lease('scoring:background');
    const redis = config.redisUrl ? createRedisClient(config.redisUrl, logger) : undefined;
    const boards = redis
      ? createRedisScoreBoards({
          db,
          redis,
          prefix: config.redisPrefix,
          logger,
          announce: config.webhook ? { now: () => new Date() } : undefined,
        })
      : undefined;
    const webhook = config.webhook;
    let ranksRecordedOn: string | undefined;
    let rankFailureWarned = false;
    const recordYesterdaysRanks = async () => {
      const now = new Date();
      const today = utcDayKey(now);
      if (ranksRecordedOn === today) return;
      const users = await recordDailyRanks(db, addDays(today, -1), now);
      ranksRecordedOn = today;
      rankFailureWarned = false;
      if (users !== null)
        logger.info(`Scores: rank history recorded for ${addDays(today, -1)} (${users} users).`);
    };
    let running: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      if (lease && !lease.held()) return;
      running = Promise.all([
        boards?.drain().catch(() => undefined),
        webhook ? deliverDueWebhooks(db, webhook, { logger }).catch(() => undefined) : undefined,
        // Tried again every tick until it works; said once.
        recordYesterdaysRanks().catch((error: unknown) => {
          if (rankFailureWarned) return;
          rankFailureWarned = true;
          logger.warn('Scores: could not record the rank history (retrying)', { error });
        }),
      ]);
    }, 5_000);
    timer.unref();
    return {
      async stop() {
        clearInterval(timer);
        await running;
        redis?.disconnect();
      },
    };
  },

  commands: [
    {
      name: 'scores:rebuild',
      summary:
        'recompute the points boards (SQL, and Redis with REDIS_URL) and user totals from\nthe scoring ledger and report whether they differed',
      async run({ config, logger }) {
        const db = await openDatabase(config, logger);
        const redis = config.redisUrl ? createRedisClient(config.redisUrl, logger) : undefined;
        try {
          await migrate(db, { logger });
          const { rows, rowsChanged, usersChanged, durationMs } = await rebuildScores(db);
          logger.info(
            rowsChanged === 0 && usersChanged === 0
              ? `Points boards rebuilt in ${durationMs} ms: they matched the ledger (${rows} rows).`
              : `Points boards rebuilt in ${durationMs} ms: they differed from the ledger, ${rowsChanged} of ${rows} board rows and ${usersChanged} user totals changed.`,
          );
          if (redis) {
            // With REDIS_URL the boards that are read are Redis's: rebuild those too.
            const result = await rebuildRedisScoreBoards(db, redis, config.redisPrefix);
            logger.info(
              result.membersChanged === 0
                ? `Redis boards rebuilt in ${result.durationMs} ms: they matched the ledger (${result.boards} boards).`
                : `Redis boards rebuilt in ${result.durationMs} ms: ${result.membersChanged} members differed from the ledger (${result.boards} boards).`,
            );
          }
        } finally {
          redis?.disconnect();
          await db.close();
        }
        return 0;
      },
    },
  ],

  demoSeed: {
    // Generated events only (and their milestones, audit rows and unlocks); what a visitor
    // recorded stays. The seed that follows rebuilds the totals and boards from the ledger.
    async clearGenerated(tx) {
      await tx.query('DELETE FROM podium_score_audit WHERE event_id ~ $1', [generatedDemoEventPattern]);
      await tx.query('DELETE FROM podium_score_achievements WHERE event_id ~ $1', [
        generatedDemoEventPattern,
      ]);
      const rows = await tx.query('DELETE FROM podium_score_events WHERE event_id ~ $1 RETURNING 1', [
        generatedDemoEventPattern,
      ]);
      return rows.length;
    },
    async seed({ db, now, market, config, logger }) {
      const { events, users } = await seedDemoScores(db, config.scoringRules, demoPeople(market), now);
      if (config.redisUrl) {
        // The seed built the SQL boards from the ledger; with Redis boards, Redis gets the same.
        const redis = createRedisClient(config.redisUrl, logger ?? silentLogger);
        try {
          await rebuildRedisScoreBoards(db, redis, config.redisPrefix);
        } finally {
          redis.disconnect();
        }
      }
      return { summary: `${events} scored actions of ${users} people`, counts: { events, users } };
    },
  },
};

const demoScoreQuerySchema = z.object({
  kind: z.enum(demoScoreKinds, { error: 'must be trade, copy or stake' }),
  user: userIdSchema,
});

import { Hono } from 'hono';
import { defaultScoringRules, userIdSchema } from 'podium-kit/core';
import { z } from 'zod';
import type { ServerFeature } from '../feature.js';
import { demoPeople } from '../demo/demoPeople.js';
import type { AppEnv } from '../http/AppEnv.js';
import { demoScoreKinds, generatedDemoEventPattern, recordDemoScore, seedDemoScores } from './demoScores.js';
import { applySqlBoardDeltas } from './sqlScoreBoards.js';
import { createRedisScoreBoards } from './redisScoreBoards.js';
import { createRedisClient } from '../redis.js';
import { deliverDueWebhooks } from '../webhooks/webhookDeliveries.js';
import { openDatabase } from '../db/openDatabase.js';
import { migrate } from '../migrate.js';
import { rebuildScores } from './rebuildScores.js';
import { rebuildRedisScoreBoards } from './rebuildRedisScoreBoards.js';
import { createScoringRoutes } from './scoringRoutes.js';
import { HealthCheckFailure } from '../http/healthRoutes.js';

/** How long board changes may wait for Redis before health says `warn`. */
const outboxLagWarnMs = 60_000;

/**
 * Points and achievements (issue 11): hosts record what users did, the rules score it into a
 * ledger, and the boards, scores, streaks and achievements are read from its projection.
 */
export const scoringFeature: ServerFeature = {
  name: 'scoring',

  routes({ db, now, logger, options }) {
    const redis = options.scoring?.redis;
    return createScoringRoutes({
      db,
      logger,
      webhook: options.scoring?.webhook,
      redisBoards: redis
        ? createRedisScoreBoards({
            db,
            redis: redis.client,
            prefix: redis.prefix,
            logger,
            announce: options.scoring?.webhook ? { now } : undefined,
          })
        : undefined,
      rules: options.scoring?.rules ?? defaultScoringRules,
      apiKey: options.apiKey,
      now,
      backdateDays: options.scoring?.backdateDays ?? 30,
    });
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

  demoRoutes({ db, now, options }) {
    const rules = options.scoring?.rules ?? defaultScoringRules;
    const routes = new Hono<AppEnv>();
    // The demo page's "record a trade / copy trade / stake" buttons: the card, boards and
    // achievements show it on their next poll; the answer names any achievement unlocked.
    routes.post('/demo/score-action', async (c) => {
      const { kind, user } = demoScoreQuerySchema.parse(c.req.query());
      return c.json(
        await recordDemoScore(db, rules, user, kind, now(), { inTransaction: applySqlBoardDeltas }),
      );
    });
    return routes;
  },

  // With Redis, board changes wait in the outbox while Redis is away; this applies them once it is
  // back (each write also drains, so normally the queue is empty).
  // Webhooks are retried from here too (with backoff, see deliverDueWebhooks).
  startBackground({ db, config, logger }) {
    if (!config.redisUrl && !config.webhook) return undefined;
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
    let running: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      running = Promise.all([
        boards?.drain().catch(() => undefined),
        webhook ? deliverDueWebhooks(db, webhook, { logger }).catch(() => undefined) : undefined,
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
    async seed({ db, now, market, config }) {
      const { events, users } = await seedDemoScores(db, config.scoringRules, demoPeople(market), now);
      return { summary: `${events} scored actions of ${users} people`, counts: { events, users } };
    },
  },
};

const demoScoreQuerySchema = z.object({
  kind: z.enum(demoScoreKinds, { error: 'must be trade, copy or stake' }),
  user: userIdSchema,
});

import type { Database } from '../db/Database.js';
import type { Logger } from '../logger.js';
import { deliverDueWebhooks, type WebhookTarget } from '../webhooks/webhookDeliveries.js';
import type { BoardSink } from './ingestScoreEvents.js';
import { writeScoreOutbox, type RedisScoreBoards } from './redisScoreBoards.js';
import { applySqlBoardDeltas, touchBoards } from './sqlScoreBoards.js';
import type { BoardDelta } from './writeLedgerEntries.js';

/** How every write of points (the API's and the demo page's) reaches the boards and webhooks. */
export interface ScoreWriter {
  /** Passed to the ledger writes: where their board changes go inside the transaction. */
  sink: BoardSink;
  /** After commit: stamps the boards, sends webhooks due, and applies the outbox to Redis. */
  afterWrite(deltas: readonly BoardDelta[], at: Date): Promise<void>;
}

/**
 * With Redis the write transaction only queues the board changes (the outbox); they reach Redis
 * after commit, before the answer (read-your-writes). The ledger never waits for Redis: when it
 * is away, writes still commit and the background catches up.
 */
export function createScoreWriter(options: {
  db: Database;
  now: () => Date;
  redisBoards?: RedisScoreBoards | undefined;
  webhook?: WebhookTarget | undefined;
  logger: Pick<Logger, 'warn'>;
}): ScoreWriter {
  const { db, now, redisBoards, webhook, logger } = options;
  let redisWarned = false;
  return {
    sink: {
      webhooks: webhook !== undefined,
      inTransaction: redisBoards ? (tx, deltas) => writeScoreOutbox(tx, deltas, now()) : applySqlBoardDeltas,
    },
    async afterWrite(deltas, at) {
      await touchBoards(db, [...new Set(deltas.map((delta) => delta.key))], at);
      // Not awaited: a slow receiver must not slow the write; failures are retried by the background.
      if (webhook) void deliverDueWebhooks(db, webhook, { now, logger }).catch(() => undefined);
      if (!redisBoards) return;
      try {
        await redisBoards.drain();
        redisWarned = false;
      } catch (error) {
        if (!redisWarned)
          logger.warn(`Scores: Redis unavailable, board changes queued (${(error as Error).message})`);
        redisWarned = true;
      }
    },
  };
}

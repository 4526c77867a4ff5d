import { createAfterCommitCounter } from '../db/afterCommitCounter.js';
import type { Database } from '../db/Database.js';
import type { Logger } from '../logger.js';
import { deliverDueWebhooks, type WebhookTarget } from '../webhooks/webhookDeliveries.js';
import type { BoardSink } from './ingestScoreEvents.js';
import { writeScoreOutbox, type RedisScoreBoards } from './redisScoreBoards.js';
import { applySqlBoardDeltas, touchBoards } from './sqlScoreBoards.js';
import { isUserScoreVersionKey, userScoreVersionKey } from './userScoreVersion.js';
import type { BoardDelta } from './writeLedgerEntries.js';
import type { LiveChange, LivePublisher } from '../live/livePublisher.js';

/** How every write of points (the API's and the demo page's) reaches the boards and webhooks. */
export interface ScoreWriter {
  /** Passed to the ledger writes: where their board changes go inside the transaction. */
  sink: BoardSink;
  /** After commit: counts the boards' change (SQL boards), sends webhooks due, and applies the outbox to Redis. */
  afterWrite(
    deltas: readonly BoardDelta[],
    at: Date,
    /** The users written with what each unlocked (every user of the write, for their score answers). */
    unlocked?: ReadonlyArray<{ userId: string; achievements: readonly string[] }>,
  ): Promise<void>;
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
  /** Live updates: the boards, scores and achievements a write changed, announced after it. */
  live?: LivePublisher | undefined;
}): ScoreWriter {
  const { db, now, redisBoards, webhook, logger, live } = options;
  let redisWarned = false;
  // The time of the latest write whose boards are counted (their `updated_at` stamp).
  let countAt = now();
  // Board keys and users' score keys (`score:<user>`) go through one counter: one statement per
  // round counts the boards and announces the users (userScoreVersion.ts).
  // The boards' versions as this process last counted them (SQL boards): what a live event
  // carries, without reading them again.
  const counted = new Map<string, string>();
  const countBoards = createAfterCommitCounter({
    count: async (keys) => {
      const versions = await touchBoards(
        db,
        keys.filter((key) => !isUserScoreVersionKey(key)),
        countAt,
        keys.filter(isUserScoreVersionKey),
      );
      if (counted.size > 10_000) counted.clear();
      for (const [board, version] of versions) counted.set(board, version);
    },
    logger,
    what: 'Scores',
  });
  const countChanges = (keys: Iterable<string>, at: Date): Promise<void> => {
    countAt = at;
    return countBoards(keys);
  };
  return {
    sink: {
      webhooks: webhook !== undefined,
      inTransaction: redisBoards ? (tx, deltas) => writeScoreOutbox(tx, deltas, now()) : applySqlBoardDeltas,
    },
    async afterWrite(deltas, at, unlocked = []) {
      // `unlocked` names every user written, also those whose event moved no board.
      const userKeys = [
        ...new Set([...deltas, ...unlocked].map((entry) => userScoreVersionKey(entry.userId))),
      ];
      try {
        await applyAfterWrite(deltas, at, userKeys);
      } finally {
        if (live) announce(db, live, deltas, unlocked, redisBoards ? undefined : counted);
      }
    },
  };

  async function applyAfterWrite(deltas: readonly BoardDelta[], at: Date, userKeys: string[]): Promise<void> {
    // With Redis the drain counts the change, once it is in Redis: counted here, a poll
    // before the drain would keep the old page under the new version.
    if (!redisBoards) await countChanges(new Set([...deltas.map((delta) => delta.key), ...userKeys]), at);
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
    // After the drain, so a score read it wakes finds the change in Redis.
    await countChanges(userKeys, at);
  }
}

/**
 * Publishes what a write changed, without waiting: the boards with their change counts (as this
 * process's count returned them, else read after it: an event's version is the one a refetch
 * gets), the users' scores and any achievements unlocked.
 */
function announce(
  db: Database,
  live: LivePublisher,
  deltas: readonly BoardDelta[],
  unlocked: ReadonlyArray<{ userId: string; achievements: readonly string[] }>,
  /** Versions this process counted, when they are the boards' (SQL boards). */
  counted?: ReadonlyMap<string, string>,
): void {
  const boards = [...new Set(deltas.map((delta) => delta.key))];
  const changes: LiveChange[] = [...new Set(deltas.map((delta) => delta.userId))].map((userId) => ({
    kind: 'score',
    subject: userId,
  }));
  for (const { userId, achievements } of unlocked) {
    if (achievements.length > 0) changes.push({ kind: 'achievements', subject: userId });
  }
  if (boards.length === 0) return live.publish(changes);
  const publishWith = (versions?: ReadonlyMap<string, string>) =>
    live.publish([
      ...boards.map((board): LiveChange => ({
        kind: 'points',
        subject: board,
        version: versions?.get(board),
      })),
      ...changes,
    ]);
  if (counted && boards.every((board) => counted.has(board))) return publishWith(counted);
  db.query<{ board: string; version: unknown }>(
    'SELECT board, version FROM podium_score_board_versions WHERE board = ANY($1::text[])',
    [boards],
  ).then(
    (rows) => publishWith(new Map(rows.map((row) => [row.board, String(row.version)]))),
    // The versions are a nicety: the events still go out.
    () => publishWith(),
  );
}

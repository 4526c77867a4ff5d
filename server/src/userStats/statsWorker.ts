import type { TokenInfo } from 'podium-kit/core';
import type { Lease } from '../background/keepLease.js';
import type { Database } from '../db/Database.js';
import type { SubgraphClient } from '../indexer/index.js';
import type { Logger } from '../logger.js';
import { calculateSubjectFromIndexer } from './calculateSubjects.js';
import {
  completeQueuedSubject,
  failQueuedSubject,
  takeDueSubjects,
  type QueuedSubject,
} from './statsQueue.js';
import { syncStatsIncremental, type SyncResult } from './syncStats.js';
import { errorMessage } from './userStatsRows.js';

/** Options of {@link processStatsQueue}. */
export interface ProcessStatsQueueOptions {
  /** Most subjects taken in one run. @default 20 */
  limit?: number;
  /** Subjects calculated at the same time (each runs six subgraph queries). @default 4 */
  concurrency?: number;
  /** The clock. @default () => new Date() */
  now?: () => Date;
  tokens?: readonly TokenInfo[];
  signal?: AbortSignal;
}

/** What one queue run did. */
export interface ProcessStatsQueueResult {
  taken: number;
  succeeded: number;
  failed: number;
  errors: Array<{ subject: string; error: string }>;
}

/**
 * Calculates the subjects whose turn has come (`podium_stats_queue`) from the indexer, a few at
 * a time: each success leaves the queue; each failure stays queued with a backoff (and the
 * subject's last good figures stay, flagged). A subject that no longer exists leaves the queue.
 */
export async function processStatsQueue(
  db: Database,
  client: SubgraphClient,
  options: ProcessStatsQueueOptions = {},
): Promise<ProcessStatsQueueResult> {
  const now = options.now ?? (() => new Date());
  client.startRun();
  const items = await takeDueSubjects(db, options.limit ?? 20, now());
  const result: ProcessStatsQueueResult = { taken: items.length, succeeded: 0, failed: 0, errors: [] };
  await forEachConcurrently(items, options.concurrency ?? 4, async (item: QueuedSubject) => {
    try {
      await calculateSubjectFromIndexer(db, client, item.subject, {
        now,
        ...(options.tokens ? { tokens: options.tokens } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      await completeQueuedSubject(db, item);
      result.succeeded++;
    } catch (error) {
      const message = errorMessage(error);
      result.failed++;
      result.errors.push({ subject: item.subject, error: message });
      // The database may be what failed: then the failure cannot be recorded, but the lease runs
      // out and the subject comes back. Throwing here would abandon the other lanes mid-run.
      await failQueuedSubject(db, item, message, now()).catch(() => {});
    }
  });
  return result;
}

/** Runs `fn` over `items` with at most `concurrency` in flight; resolves when all are done. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), items.length) }, lane));
}

/** Options of {@link startStatsScheduler}. */
export interface StatsSchedulerOptions {
  db: Database;
  client: SubgraphClient;
  /** How often the incremental sync runs, in milliseconds; 0 runs only the queue worker. */
  intervalMs: number;
  /** How often the queue is looked at when it was empty, in milliseconds. @default 2000 */
  queueIntervalMs?: number;
  /** Subjects per queue run. @default 20 */
  queueBatch?: number;
  logger: Logger;
  tokens?: readonly TokenInfo[];
  /** The clock. @default () => new Date() */
  now?: () => Date;
  /** Called after each sync (tests, metrics). */
  onSync?: (result: SyncResult) => void;
  /** Called after each queue run that took something. */
  onQueue?: (result: ProcessStatsQueueResult) => void;
  /**
   * With several instances: the sync and the queue run only while this instance holds the lease
   * (one instance does the work, another takes it over when this one dies). @default always run
   */
  lease?: Lease;
}

/** A running scheduler. */
export interface StatsScheduler {
  /** Stops scheduling and waits for the run in progress (if any) to finish. */
  stop(): Promise<void>;
}

/**
 * The built-in background work: the queue worker every `queueIntervalMs` (at once again while
 * the queue is full), and the incremental sync every `intervalMs`. One run at a time, never two;
 * errors are logged and the schedule goes on (a scheduler must never crash the server).
 */
export function startStatsScheduler(options: StatsSchedulerOptions): StatsScheduler {
  const { db, client, logger } = options;
  const now = options.now ?? (() => new Date());
  const queueIntervalMs = options.queueIntervalMs ?? 2_000;
  const queueBatch = options.queueBatch ?? 20;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  // The first sync runs right away: a server that just started should catch up.
  let nextSyncAt = 0;
  // 0: the queue is still worked (stats asked for before they were calculated), but syncing is
  // left to the cron endpoint or the CLI.
  const syncEnabled = options.intervalMs > 0;

  let term: number | undefined;

  const tick = async (): Promise<number> => {
    const { lease } = options;
    if (lease) {
      if (!lease.held()) return queueIntervalMs;
      // Taken over from another instance (or taken again): sync at once, as at a start.
      if (lease.term() !== term) nextSyncAt = 0;
      term = lease.term();
    }
    const signal = lease?.signal();
    if (syncEnabled && Date.now() >= nextSyncAt) {
      nextSyncAt = Date.now() + options.intervalMs;
      try {
        const result = await syncStatsIncremental(db, client, {
          now,
          ...(options.tokens ? { tokens: options.tokens } : {}),
          ...(signal ? { signal } : {}),
        });
        options.onSync?.(result);
      } catch (error) {
        logger.error('Stats sync failed; it will run again at the next interval', { error });
      }
    }
    if (stopped || signal?.aborted) return queueIntervalMs;
    try {
      const result = await processStatsQueue(db, client, {
        limit: queueBatch,
        now,
        ...(options.tokens ? { tokens: options.tokens } : {}),
        ...(signal ? { signal } : {}),
      });
      if (result.taken > 0) {
        options.onQueue?.(result);
        if (result.failed > 0) {
          logger.warn(
            `Stats queue: ${result.failed} of ${result.taken} calculations failed (they retry later)`,
            {
              errors: result.errors,
            },
          );
        }
      }
      // A full batch means more is probably waiting: go again at once.
      if (result.taken >= queueBatch) return 0;
    } catch (error) {
      logger.error('Stats queue run failed', { error });
    }
    return syncEnabled ? Math.min(queueIntervalMs, Math.max(0, nextSyncAt - Date.now())) : queueIntervalMs;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = tick().then(
        (delay) => {
          running = undefined;
          schedule(delay);
        },
        (error: unknown) => {
          // tick catches its own errors; this is a last line of defence.
          running = undefined;
          logger.error('Stats scheduler run failed', { error });
          schedule(queueIntervalMs);
        },
      );
    }, delayMs);
    // Never keep the process alive just for the schedule.
    timer.unref?.();
  };

  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}

import type { Logger } from '../logger.js';

/**
 * Counts changes after their commit (a board's version, which its ETag is made from) without
 * failing the write: the change has happened, so its answer stays a 2xx (a 503 would make the host
 * retry into a replay). A failed count (a busy pool, a lost connection) keeps its keys and is
 * retried with the next change or within a second.
 *
 * Counts run one at a time, each taking every key waiting (group commit): concurrent writes of one
 * board would otherwise queue on its version row's lock, each holding it through its own commit
 * (measured: POST /scores/actions stalled on that lock at ~270 req/s on Postgres). A key added
 * while a count runs goes into the next one, so every change is counted by a statement that
 * started after its commit.
 *
 * `count` receives every key not counted yet; resolves once this call's keys are counted or
 * queued for the retry (it never rejects).
 */
export function createAfterCommitCounter(options: {
  count: (keys: string[]) => Promise<void>;
  logger: Pick<Logger, 'warn'>;
  /** What is counted, for the warning ("Seller boards", "Scores"). */
  what: string;
  retryMs?: number;
}): (keys: Iterable<string>) => Promise<void> {
  const { count, logger, what, retryMs = 1_000 } = options;
  let waiting = new Set<string>();
  let running: Promise<void> | undefined;
  // The count after the running one, which every call made meanwhile joins.
  let next: Promise<void> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const countWaiting = async (): Promise<void> => {
    const counting = waiting;
    waiting = new Set();
    if (counting.size === 0) return;
    try {
      await count([...counting]);
    } catch (error) {
      for (const key of counting) waiting.add(key);
      logger.warn(`${what}: could not count a change of ${counting.size} key(s); retrying`, { error });
      retry ??= setTimeout(() => {
        retry = undefined;
        void schedule();
      }, retryMs);
      retry.unref?.();
    }
  };

  const schedule = (): Promise<void> => {
    if (!running) {
      running = countWaiting().finally(() => {
        running = undefined;
      });
      return running;
    }
    next ??= running.then(() => {
      next = undefined;
      return schedule();
    });
    return next;
  };

  return (keys) => {
    for (const key of keys) waiting.add(key);
    return schedule();
  };
}

import type { Logger } from '../logger.js';

/**
 * Counts changes after their commit (a board's version, which its ETag is made from) without
 * failing the write: the change has happened, so its answer stays a 2xx (a 503 would make the host
 * retry into a replay). A failed count (a busy pool, a lost connection) keeps its keys and is
 * retried with the next change or within a second.
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
  const uncounted = new Set<string>();
  let retry: ReturnType<typeof setTimeout> | undefined;
  const countNow = async (keys: Iterable<string>): Promise<void> => {
    for (const key of keys) uncounted.add(key);
    const counting = [...uncounted];
    if (counting.length === 0) return;
    try {
      await count(counting);
      for (const key of counting) uncounted.delete(key);
    } catch (error) {
      logger.warn(`${what}: could not count a change of ${counting.length} key(s); retrying`, { error });
      retry ??= setTimeout(() => {
        retry = undefined;
        void countNow([]);
      }, retryMs);
      retry.unref?.();
    }
  };
  return countNow;
}

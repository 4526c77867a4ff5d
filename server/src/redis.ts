import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * The Redis client for `REDIS_URL`. Today only the health check uses it; later features (scores,
 * hot leaderboards) will share it.
 *
 * Lazy: nothing connects until the first command, so a missing Redis never blocks start-up
 * (Redis is an optional dependency: its failure degrades the service, it does not stop it).
 */
export function createRedisClient(url: string, logger: Pick<Logger, 'warn'>): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    // Fail commands quickly while Redis is away instead of queueing them for ever.
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  // ioredis emits 'error' on every failed reconnect; log each new problem once, not every 250 ms.
  let lastMessage: string | undefined;
  redis.on('error', (error: Error) => {
    if (error.message !== lastMessage) logger.warn(`Redis: ${error.message}`);
    lastMessage = error.message;
  });
  redis.on('ready', () => (lastMessage = undefined));
  return redis;
}

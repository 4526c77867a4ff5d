import { isPodiumApiError } from '../../src/shared/PodiumApiError.js';

/** React Query's `retry` option: a count, a yes/no, or a decision per failure. */
export type RetryPolicy = boolean | number | ((failureCount: number, error: Error) => boolean);

/**
 * Podium's retry rule: never retry a failure that cannot change (a 4xx); for the others (no
 * answer, 408, 429, 5xx) follow `fallback`, which the hooks set to the host QueryClient's own
 * `retry` default, so a host that turned retries off keeps them off.
 */
export function podiumRetry(fallback: RetryPolicy = 3) {
  return (failureCount: number, error: Error): boolean => {
    if (isPodiumApiError(error) && !error.isRetryable) return false;
    if (typeof fallback === 'function') return fallback(failureCount, error);
    if (typeof fallback === 'boolean') return fallback;
    return failureCount < fallback;
  };
}

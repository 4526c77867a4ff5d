import type { QueryClient } from '@tanstack/react-query';
import type { RetryPolicy } from './podiumRetry.js';

/**
 * The host QueryClient's own `retry` default, which Podium's query options follow for the
 * failures worth retrying (see `podiumRetry`), so a host that turned retries off keeps them off.
 */
export function hostRetry(queryClient: QueryClient): RetryPolicy | undefined {
  return queryClient.getDefaultOptions().queries?.retry as RetryPolicy | undefined;
}

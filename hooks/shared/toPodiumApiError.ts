import { isPodiumApiError, PodiumApiError } from '../../src/shared/PodiumApiError.js';

/** Anything a queryFn throws reaches the UI as a PodiumApiError, so callers handle one type. */
export function toPodiumApiError(error: unknown): PodiumApiError {
  if (isPodiumApiError(error)) return error;
  return new PodiumApiError({
    status: 0,
    code: 'client_error',
    message: error instanceof Error ? error.message : 'The request failed',
    cause: error,
  });
}

/** Runs a request, rethrowing aborts as they are and every other failure as a PodiumApiError. */
export async function withPodiumErrors<T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (signal.aborted) throw error;
    throw toPodiumApiError(error);
  }
}

import type { ErrorBody } from './errors.js';

/**
 * The one error type the API client throws. `status` is the HTTP status (0 when the request never
 * got an answer), `code` the server's error code (`network_error` / `invalid_response` for
 * failures on the client side), and `fieldErrors` names each invalid field with its messages.
 */
export class PodiumApiError extends Error {
  override readonly name = 'PodiumApiError';
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
  readonly details: ErrorBody['error']['details'];

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ErrorBody['error']['details'];
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.fieldErrors = init.details?.fields ?? {};
  }

  /** True for failures worth retrying: no answer, 408, 429 and 5xx. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** Type guard for errors thrown by the Podium API client. */
export function isPodiumApiError(error: unknown): error is PodiumApiError {
  return error instanceof PodiumApiError;
}

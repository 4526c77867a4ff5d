/** What went wrong talking to a subgraph. */
export type SubgraphErrorKind = 'timeout' | 'http' | 'graphql' | 'network' | 'limit';

/** Details of a {@link SubgraphError}. */
export interface SubgraphErrorDetails {
  kind: SubgraphErrorKind;
  /** Whether trying again could succeed (the client already did, `attempts` times). */
  retryable: boolean;
  /** The endpoint, with any API key in it masked. */
  url: string;
  attempts: number;
  /** The HTTP status, for `http` errors. */
  status?: number;
  cause?: unknown;
}

/**
 * A failed subgraph request, after the client's retries. The message names the endpoint (never
 * the API key), the status or GraphQL message, and how many attempts were made, so a log line is
 * enough to tell an outage from a bad query.
 */
export class SubgraphError extends Error {
  override readonly name = 'SubgraphError';
  readonly kind: SubgraphErrorKind;
  readonly retryable: boolean;
  readonly url: string;
  readonly attempts: number;
  readonly status: number | undefined;

  constructor(reason: string, details: SubgraphErrorDetails) {
    const tries = details.attempts === 1 ? '1 attempt' : `${details.attempts} attempts`;
    super(`Subgraph ${details.url}: ${reason} (${tries})`, { cause: details.cause });
    this.kind = details.kind;
    this.retryable = details.retryable;
    this.url = details.url;
    this.attempts = details.attempts;
    this.status = details.status;
  }
}

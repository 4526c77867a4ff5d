/**
 * Recognises a database outage (as opposed to a bug or a bad statement): the connection was
 * refused, lost, timed out, or the server is shutting down or starting up. The HTTP layer answers
 * these with 503 + Retry-After: a caller can try again, and nothing is wrong with its request.
 */

/** Socket errors of the connection to the database (Node's `error.code`). */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of an unavailable server: `57P01` admin_shutdown (e.g. `pg_terminate_backend`),
 * `57P02` crash_shutdown, `57P03` cannot_connect_now (starting up, in recovery), `53300`
 * too_many_connections. Class `08` (connection exceptions) is matched as a whole.
 */
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * Messages of node-postgres, pg-pool and PGlite errors that carry no code. They are the drivers'
 * own wording, so a driver upgrade that changes one fails the outage tests rather than silently.
 */
const driverMessages = [
  /^Connection terminated/, // pg: the socket closed (unexpectedly, or on connect timeout)
  /^timeout exceeded when trying to connect$/, // pg-pool: connectionTimeoutMillis
  /is not queryable$/, // pg: a client whose connection already failed
  /^Cannot use a pool after calling end on the pool$/, // pg-pool: closing down
  /^PGlite is closed$/, // PGlite: the embedded database was closed
];

/** `true` when `error` (or an error it wraps) means the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (networkCodes.has(code) || unavailableSqlStates.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === 'string' && driverMessages.some((pattern) => pattern.test(message))) return true;
  // Node reports a refused dual-stack connect as an AggregateError; wrappers keep a `cause`.
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

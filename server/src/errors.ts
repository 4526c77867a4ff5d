import { errorCodes, fieldErrorsFromIssues, type ErrorBody, type ErrorCode } from 'podium-kit/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { $ZodError } from 'zod/v4/core';
import { isDatabaseUnavailable } from './db/isDatabaseUnavailable.js';
import type { Logger } from './logger.js';

/** Field path -> messages, as in `details.fields` of a 400. */
export type FieldErrors = Record<string, string[]>;

/**
 * An error with a known HTTP meaning. Throw it from anywhere below a route; {@link errorResponse}
 * turns it into the one error shape `{ "error": { "code", "message", "details"? } }`.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** A 400 naming the offending fields. */
export function invalidRequest(message: string, fields: FieldErrors): HttpError {
  return new HttpError(400, errorCodes.invalidRequest, message, { fields });
}

/**
 * Check constraints whose violation is the caller's fault rather than a bug: a merged update can
 * only be validated by the database (the stored values are not known before the statement runs).
 * Keyed by constraint name (see server/migrations).
 */
const clientCheckConstraints: Record<string, { message: string; fields: string[] }> = {
  podium_user_jobs_outcomes_check: {
    message: 'successful_count + failed_count would exceed requested_count once merged with the stored job',
    fields: ['requested_count', 'successful_count', 'failed_count'],
  },
};

/**
 * THE mapping from anything thrown while handling a request to an error response. Every route,
 * middleware and the not-found handler end here, so the error shape cannot drift.
 */
export function errorResponse(c: Context, error: unknown, logger: Logger): Response {
  const known = toHttpError(error);
  if (known) {
    // A 503 is temporary (an outage, a shutdown): tell the caller when to try again.
    if (known.status === 503 && !c.res.headers.has('retry-after')) {
      c.header('Retry-After', retryAfterSeconds);
    }
    // The operator must see an outage, but as a warning: it is not a bug.
    if (isDatabaseUnavailable(error)) {
      logger.warn(`Database unavailable on ${c.req.method} ${c.req.path}`, { error });
    }
    return c.json(errorBody(known.code, known.message, known.details), known.status);
  }

  // Anything else is a bug: log it in full, tell the caller nothing about internals.
  logger.error(`Unhandled error on ${c.req.method} ${c.req.path}`, { error });
  return c.json(errorBody(errorCodes.internal, 'Something went wrong on the Podium server'), 500);
}

/** The JSON 404 for routes that do not exist. */
export function notFoundResponse(c: Context): Response {
  return c.json(errorBody(errorCodes.notFound, `No route for ${c.req.method} ${c.req.path}`), 404);
}

/** Builds the error body (exported for the few places that answer errors without throwing). */
export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** Seconds a client is asked to wait after a 503 (a database restart takes a few seconds). */
const retryAfterSeconds = '5';

function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (isDatabaseUnavailable(error)) {
    return new HttpError(503, errorCodes.unavailable, 'The database is unavailable; try again shortly');
  }
  // $ZodError: what both zod/mini (the shared contracts) and classic zod (server-local schemas) throw.
  if (error instanceof $ZodError) return fromZodError(error);
  if (error instanceof HTTPException) return fromHonoException(error);
  const pg = asPostgresError(error);
  if (pg?.code === '23514' && pg.constraint && clientCheckConstraints[pg.constraint]) {
    const { message, fields } = clientCheckConstraints[pg.constraint]!;
    // Name only the fields the caller sent when we know them (see withSentFields).
    const sent = sentFields.get(error as object);
    const named = sent ? fields.filter((field) => sent.includes(field)) : fields;
    return invalidRequest(
      message,
      Object.fromEntries((named.length > 0 ? named : fields).map((field) => [field, [message]])),
    );
  }
  // The runtime validated the zone, but the database's tz data can be older than Node's ICU.
  if (pg?.code === '22023' && /time zone/i.test(pg.message ?? '')) {
    return invalidRequest('Unknown time zone', {
      tz: ["is a time zone this server's database does not know; try UTC or a canonical IANA name"],
    });
  }
  return undefined;
}

const sentFields = new WeakMap<object, readonly string[]>();

/**
 * Runs `fn`; if it throws, remembers which request fields were sent, so a constraint violation
 * names those fields rather than every field the constraint involves (a merged update can only be
 * checked by the database, which cannot say which field of the request broke the rule).
 */
export async function withSentFields<T>(fields: readonly string[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (typeof error === 'object' && error !== null) sentFields.set(error, fields);
    throw error;
  }
}

/** Zod issues become `details.fields` the same way the mocks name them (shared core mapping). */
function fromZodError(error: $ZodError): HttpError {
  const fields = fieldErrorsFromIssues(error.issues);
  return invalidRequest(`Invalid request: ${fieldList(Object.keys(fields))}`, fields);
}

/**
 * The fields of a 400's message: all of them up to five, else the first five and a count (a
 * batch of 1,000 bad events would otherwise make a message of 30 kB; `details.fields` has all).
 */
export function fieldList(names: readonly string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}

function fromHonoException(error: HTTPException): HttpError {
  const byStatus: Partial<Record<number, ErrorCode>> = {
    400: errorCodes.invalidRequest,
    401: errorCodes.unauthorized,
    403: errorCodes.forbidden,
    404: errorCodes.notFound,
    409: errorCodes.conflict,
    413: errorCodes.payloadTooLarge,
    415: errorCodes.unsupportedMediaType,
    503: errorCodes.unavailable,
  };
  const code =
    byStatus[error.status] ?? (error.status >= 500 ? errorCodes.internal : errorCodes.invalidRequest);
  // A 5xx message could carry internals; 4xx messages from Hono's middleware are written for callers.
  const message =
    error.status >= 500 ? 'Something went wrong on the Podium server' : error.message || 'Request refused';
  return new HttpError(error.status, code, message);
}

/** Both node-postgres and PGlite raise errors carrying the SQLSTATE `code` and `constraint`. */
function asPostgresError(
  error: unknown,
): { code?: string; constraint?: string; message?: string } | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return error as { code?: string; constraint?: string; message?: string };
}

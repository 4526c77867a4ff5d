import { createHash, timingSafeEqual } from 'node:crypto';
import { errorCodes, isUserId, maxUserIdLength } from 'podium-kit/core';
import type { Context, MiddlewareHandler } from 'hono';
import { errors as joseErrors, jwtVerify } from 'jose';
import { HttpError } from './errors.js';
import type { AppEnv } from './http/AppEnv.js';

/**
 * Who may call what:
 * - end users: `Authorization: Bearer <JWT>` signed by the host app with `PODIUM_JWT_SECRET`
 *   (HS256); the user id is the `sub` claim;
 * - server-to-server writes: the API key (`x-api-key` or `Authorization: Bearer`);
 * - cron endpoints: `Authorization: Bearer <CRON_SECRET>`.
 * Secrets are compared in constant time.
 */

/** Options of {@link requireUser}. */
export interface RequireUserOptions {
  /** HS256 secret; when absent every request is refused with a 401 saying so. */
  jwtSecret: string | undefined;
  /** Clock used for `exp` / `nbf` (the app clock, so tests control time). */
  now: () => Date;
}

/** Middleware: verifies the user's JWT and sets `c.var.userId`, or answers 401. */
export function requireUser({ jwtSecret, now }: RequireUserOptions): MiddlewareHandler<AppEnv> {
  const key = jwtSecret ? new TextEncoder().encode(jwtSecret) : undefined;
  return async (c, next) => {
    if (!key) {
      throw unauthorized(
        'This Podium server has no PODIUM_JWT_SECRET configured, so it cannot verify user tokens',
      );
    }
    const token = bearerToken(c);
    if (!token)
      throw unauthorized('Missing user token: send "Authorization: Bearer <JWT signed by your app>"');

    let sub: unknown;
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: now() });
      sub = payload.sub;
    } catch (error) {
      throw unauthorized(describeJwtError(error));
    }
    if (typeof sub !== 'string' || sub.length === 0) {
      throw unauthorized('The token has no "sub" claim: it must carry the user id');
    }
    // Same grammar as every user id: a token whose sub could never name a user here is not
    // valid for this server (a 401), and nothing unbounded reaches an index.
    if (!isUserId(sub)) {
      throw unauthorized(
        `The token's "sub" claim is not a valid user id: 1 to ${maxUserIdLength} printable characters, no control characters, no space at either end`,
      );
    }
    c.set('userId', sub);
    await next();
  };
}

/** Middleware: accepts the API key from `x-api-key` or `Authorization: Bearer`, else 401. */
export function requireApiKey(apiKey: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!apiKey)
      throw unauthorized(
        'This Podium server has no PODIUM_API_KEY configured, so server-to-server writes are refused',
      );
    const presented = c.req.header('x-api-key') ?? bearerToken(c);
    if (!presented || !safeEqual(presented, apiKey)) {
      throw unauthorized('Missing or wrong API key: send it as "x-api-key" or "Authorization: Bearer <key>"');
    }
    await next();
  };
}

/** Middleware: accepts `Authorization: Bearer <CRON_SECRET>`, else 401. */
export function requireCronSecret(cronSecret: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!cronSecret)
      throw unauthorized('This Podium server has no CRON_SECRET configured, so cron endpoints are refused');
    const presented = bearerToken(c);
    if (!presented || !safeEqual(presented, cronSecret)) {
      throw unauthorized('Missing or wrong cron secret: send "Authorization: Bearer <CRON_SECRET>"');
    }
    await next();
  };
}

/**
 * Compares two secrets in constant time. Both are hashed first: `timingSafeEqual` needs equal
 * lengths, and comparing digests keeps the time independent of where (or whether) they differ
 * and of the secret's length.
 */
export function safeEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

function bearerToken(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, errorCodes.unauthorized, message);
}

function describeJwtError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired: get a fresh one from your app';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return error.claim === 'nbf'
      ? 'The token is not valid yet ("nbf" is in the future)'
      : `The token's "${error.claim}" claim is invalid`;
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'The token signature does not match: is it signed with PODIUM_JWT_SECRET?';
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'The token must be signed with HS256';
  return 'The token is malformed: expected a JWT signed with HS256';
}

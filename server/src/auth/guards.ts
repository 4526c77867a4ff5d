import { createHash, timingSafeEqual } from 'node:crypto';
import { errorCodes } from 'podium-kit/core';
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from '../errors.js';
import type { AppEnv } from '../http/AppEnv.js';
import { createUserTokenVerifier, type UserTokenVerifier } from './userTokens.js';

/**
 * Who may call what:
 * - end users: `Authorization: Bearer <JWT>`, signed by the host app with `PODIUM_JWT_SECRET`
 *   (HS256) or by its sign-in provider (`PODIUM_JWKS_URL`, see `userTokens.ts`);
 * - server-to-server writes: the API key (`x-api-key` or `Authorization: Bearer`);
 * - cron endpoints: `Authorization: Bearer <CRON_SECRET>`.
 * Secrets are compared in constant time.
 */

/** Options of {@link requireUser} for HS256 tokens alone (a host wiring routes itself). */
export interface RequireUserOptions {
  /** HS256 secret; when absent every request is refused with a 401 saying so. */
  jwtSecret: string | undefined;
  /** Clock used for `exp` / `nbf` (the app clock, so tests control time). */
  now: () => Date;
}

/**
 * Middleware: verifies the user's token and sets `c.var.userId`, or answers 401. Give it the
 * app's verifier (HS256 and/or the provider's keys), or HS256 options.
 */
export function requireUser(tokens: UserTokenVerifier | RequireUserOptions): MiddlewareHandler<AppEnv> {
  const verifier =
    'verify' in tokens ? tokens : createUserTokenVerifier({ jwtSecret: tokens.jwtSecret, now: tokens.now });
  return async (c, next) => {
    const token = bearerToken(c);
    if (verifier.configured && !token)
      throw unauthorized('Missing user token: send "Authorization: Bearer <JWT signed by your app>"');
    c.set('userId', await verifier.verify(token ?? ''));
    await next();
  };
}

/** Middleware: accepts the API key from `x-api-key` or `Authorization: Bearer`, else 401. */
export function requireApiKey(apiKey: string | undefined): MiddlewareHandler {
  const isApiKey = secretMatcher(apiKey);
  return async (c, next) => {
    if (!apiKey)
      throw unauthorized(
        'This Podium server has no PODIUM_API_KEY configured, so server-to-server writes are refused',
      );
    const presented = c.req.header('x-api-key') ?? bearerToken(c);
    if (!presented || !isApiKey(presented)) {
      throw unauthorized('Missing or wrong API key: send it as "x-api-key" or "Authorization: Bearer <key>"');
    }
    await next();
  };
}

/** Middleware: accepts `Authorization: Bearer <CRON_SECRET>`, else 401. */
export function requireCronSecret(cronSecret: string | undefined): MiddlewareHandler {
  const isCronSecret = secretMatcher(cronSecret);
  return async (c, next) => {
    if (!cronSecret)
      throw unauthorized('This Podium server has no CRON_SECRET configured, so cron endpoints are refused');
    const presented = bearerToken(c);
    if (!presented || !isCronSecret(presented)) {
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
  return timingSafeEqual(sha256(presented), sha256(expected));
}

/**
 * {@link safeEqual} against a configured secret, hashed once rather than on every request (the
 * member polls compared a bearer with the API key twice a request: 7 % of their time). Always
 * false when no secret is configured (unset or empty).
 */
export function secretMatcher(expected: string | undefined): (presented: string) => boolean {
  if (!expected) return () => false;
  const digest = sha256(expected);
  // Values already seen not to match. A member's user token is compared with the API key on
  // every poll, by the limiter and by the route (two hashes: 7 % of a member poll). Only misses
  // are kept, so a lookup tells nothing about the secret; bounded in count and length, and
  // cleared when full, so garbage cannot grow it.
  const misses = new Set<string>();
  return (presented) => {
    if (misses.has(presented)) return false;
    const matches = timingSafeEqual(sha256(presented), digest);
    if (!matches && presented.length <= maxRememberedMissLength) {
      if (misses.size >= maxRememberedMisses) misses.clear();
      misses.add(presented);
    }
    return matches;
  };
}

// A JWT of a sign-in provider is well under 2 KB: at most ~2 MB per matcher.
const maxRememberedMisses = 1_024;
const maxRememberedMissLength = 2_048;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, errorCodes.unauthorized, message);
}

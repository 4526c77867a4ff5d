import { createHash } from 'node:crypto';
import { errorCodes } from 'podium-kit/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { secretMatcher } from '../auth/guards.js';
import { errorBody } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './AppEnv.js';
import { clientIp, isLoopback, socketAddress } from './clientIp.js';
import type { UserTokenVerifier } from '../auth/userTokens.js';

/** A fixed window: at most `limit` requests per `windowSeconds`. */
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/** The limit of each kind of traffic. Every family is optional; unset ones keep their default. */
export interface RateLimitRules {
  /** Requests without valid credentials, per client IP. @default 300 a minute */
  public: RateLimitRule;
  /** Failed authentications (401 answers), per client IP. @default 30 a minute */
  failedAuth: RateLimitRule;
  /** Requests with a valid user JWT, per user (`sub`). @default 600 a minute */
  user: RateLimitRule;
  /** Requests with the API key, per key. @default 6000 a minute */
  apiKey: RateLimitRule;
}

/** The documented defaults of {@link RateLimitRules}. */
export const defaultRateLimitRules: RateLimitRules = {
  public: { limit: 300, windowSeconds: 60 },
  failedAuth: { limit: 30, windowSeconds: 60 },
  user: { limit: 600, windowSeconds: 60 },
  apiKey: { limit: 6000, windowSeconds: 60 },
};

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  rules?: Partial<RateLimitRules>;
  /** Believe `X-Forwarded-For` (see `clientIp`). @default false */
  trustProxy?: boolean;
  /**
   * Shares the counts between server instances. While Redis is unreachable (or slower than
   * {@link RateLimitOptions.redisTimeoutMs}) each instance counts in its own memory instead.
   */
  redis?: Redis | undefined;
  /** @default 250 */
  redisTimeoutMs?: number;
  /** Prefix of the limiter's keys (in Redis). @default 'podium:rl' */
  keyPrefix?: string;
  /** Leaves requests from a loopback TCP peer alone (the local demo). @default false */
  exemptLoopback?: boolean;
  /** Paths never limited (the health check). */
  exemptPaths?: readonly string[];
  /** The app's user-token verifier: a verified user is counted per user, others per IP. */
  userTokens?: UserTokenVerifier | undefined;
  apiKey?: string | undefined;
  logger: Pick<Logger, 'warn'>;
}

type Family = keyof RateLimitRules;

/**
 * Middleware: fixed-window rate limits per client IP (public and failed-auth traffic), per user
 * and per API key, with rate-limiter-flexible (in memory, or Redis with an in-memory fallback).
 *
 * Every limited response carries the draft-ietf-httpapi-ratelimit-headers-07 fields
 * `RateLimit-Policy: 300;w=60` and `RateLimit: limit=300, remaining=299, reset=42` (seconds until
 * the window ends); a refusal is a 429 `rate_limited` with `Retry-After`.
 *
 * Failed authentication: each 401 counts against the client IP. Once the IP is over its limit,
 * every request from it that carries credentials gets a 429 without them being checked (good ones
 * too: otherwise a right guess would stand out from the refused wrong ones), and any other
 * answer that would be a 401 becomes a 429. Requests without credentials to public routes only
 * meet the public limit.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const rules: RateLimitRules = { ...defaultRateLimitRules, ...options.rules };
  const limiters = Object.fromEntries(
    (Object.keys(rules) as Family[]).map((family) => [family, createLimiter(family, rules[family], options)]),
  ) as Record<Family, RateLimiterAbstract>;
  const exemptPaths = new Set(options.exemptPaths ?? []);
  const identify = createIdentifier(options);
  const trustProxy = options.trustProxy ?? false;

  // Redis is created lazily (see createRedisClient): the limiter needs it connected.
  if (options.redis?.status === 'wait') options.redis.connect().catch(() => {});

  return async (c, next) => {
    if (exemptPaths.has(c.req.path)) return next();
    if (options.exemptLoopback) {
      const peer = socketAddress(c);
      if (peer && isLoopback(peer)) return next();
    }
    const ipKey = `ip:${clientIp(c, trustProxy)}`;
    const credentials = presentedCredentials(c);

    if (credentials) {
      const failures = await safely(limiters.failedAuth.get(ipKey));
      // msBeforeNext: the memory store returns a window that is over until its timer removes it.
      if (failures && failures.consumedPoints >= rules.failedAuth.limit && failures.msBeforeNext > 0) {
        return tooManyRequests(rules.failedAuth, failures, 'authentication failures');
      }
    }

    const identity = credentials ? await identify(credentials) : undefined;
    const family: Family = identity?.family ?? 'public';
    const counted = await consume(limiters[family], identity?.key ?? ipKey, options.logger);
    if (counted && !counted.allowed) {
      return tooManyRequests(rules[family], counted.res, `requests (${describeFamily(family)})`);
    }

    if (counted) c.set('rateLimitHeaders', headerFields(rules[family], counted.res));
    await next();

    if (c.res.status === 401) {
      const failures = await safely(limiters.failedAuth.penalty(ipKey));
      if (failures && failures.consumedPoints > rules.failedAuth.limit) {
        c.res = tooManyRequests(rules.failedAuth, failures, 'authentication failures');
        return;
      }
      if (failures) setResponseHeaders(c, rules.failedAuth, failures);
      return;
    }
    // A plain answer carries the fields already; reading c.res.headers would rebuild it.
    if (counted && !c.get('rateLimitHeadersSent')) setResponseHeaders(c, rules[family], counted.res);
  };
}

function describeFamily(family: Family): string {
  return {
    public: 'from this address',
    failedAuth: 'failed authentications',
    user: 'of this user',
    apiKey: 'with this API key',
  }[family];
}

function createLimiter(family: Family, rule: RateLimitRule, options: RateLimitOptions): RateLimiterAbstract {
  const keyPrefix = `${options.keyPrefix ?? 'podium:rl'}:${family}`;
  const memory = new RateLimiterMemory({ points: rule.limit, duration: rule.windowSeconds, keyPrefix });
  if (!options.redis) return memory;
  const shared = new RateLimiterRedis({
    storeClient: options.redis,
    points: rule.limit,
    duration: rule.windowSeconds,
    keyPrefix,
    // Straight to the in-memory insurance while the connection is down, rather than queueing.
    rejectIfRedisNotReady: true,
  });
  // A Redis that is connected but hung must not hold requests: past the timeout, memory decides.
  return new RLWrapperTimeouts({
    limiter: shared,
    timeoutMs: options.redisTimeoutMs ?? 250,
    insuranceLimiter: memory,
  }) as unknown as RateLimiterAbstract;
}

/** The limiter's answer, or `undefined` when it failed (the request is then let through). */
async function consume(
  limiter: RateLimiterAbstract,
  key: string,
  logger: Pick<Logger, 'warn'>,
): Promise<{ allowed: boolean; res: RateLimiterRes } | undefined> {
  try {
    return { allowed: true, res: await limiter.consume(key) };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, res: rejection };
    // The in-memory insurance should have answered; if even that failed, serve rather than 500.
    logger.warn(
      `Rate limit not checked: ${rejection instanceof Error ? rejection.message : String(rejection)}`,
    );
    return undefined;
  }
}

/** A limiter read or penalty, `undefined` when the store failed (never a 500 for a limit). */
async function safely(result: Promise<RateLimiterRes | null>): Promise<RateLimiterRes | undefined> {
  try {
    return (await result) ?? undefined;
  } catch (rejection) {
    return rejection instanceof RateLimiterRes ? rejection : undefined;
  }
}

function tooManyRequests(rule: RateLimitRule, res: RateLimiterRes, what: string): Response {
  // A new Response rather than c.json: it may replace a 401 already built by the route.
  const body = errorBody(
    errorCodes.rateLimited,
    `Too many ${what}: try again in ${secondsToReset(rule, res)} s`,
  );
  const response = new Response(JSON.stringify(body), {
    status: 429,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
  setHeaders(response.headers, rule, res);
  response.headers.set('Retry-After', String(secondsToReset(rule, res)));
  return response;
}

/** {@link setHeaders} on the route's answer, copied first if its headers are immutable. */
function setResponseHeaders(c: Context, rule: RateLimitRule, res: RateLimiterRes): void {
  try {
    setHeaders(c.res.headers, rule, res);
  } catch {
    c.res = new Response(c.res.body, c.res);
    setHeaders(c.res.headers, rule, res);
  }
}

/** {@link headerFields} on a response's headers. */
function setHeaders(headers: Headers, rule: RateLimitRule, res: RateLimiterRes): void {
  for (const [name, value] of Object.entries(headerFields(rule, res))) headers.set(name, value);
}

/** draft-ietf-httpapi-ratelimit-headers-07: the policy, and where this client stands in it. */
function headerFields(rule: RateLimitRule, res: RateLimiterRes): Record<string, string> {
  const remaining = Math.max(0, rule.limit - res.consumedPoints);
  return {
    'RateLimit-Policy': `${rule.limit};w=${rule.windowSeconds}`,
    RateLimit: `limit=${rule.limit}, remaining=${remaining}, reset=${secondsToReset(rule, res)}`,
  };
}

/** Whole seconds until the window ends (at least 1, so a client never retries at once). */
function secondsToReset(rule: RateLimitRule, res: RateLimiterRes): number {
  const ms = res.msBeforeNext >= 0 ? res.msBeforeNext : rule.windowSeconds * 1000;
  return Math.max(1, Math.ceil(ms / 1000));
}

/** `x-api-key`, else the bearer token: what a route's auth would check. */
function presentedCredentials(c: Context): string | undefined {
  const apiKey = c.req.header('x-api-key');
  if (apiKey) return apiKey;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1] ?? (c.req.header('authorization') ? 'malformed' : undefined);
}

interface Identity {
  family: 'user' | 'apiKey';
  key: string;
}

/**
 * Who valid credentials belong to: the API key, or a user token verified like `requireUser`
 * does (an unverified `sub` would let a client pick a fresh bucket per request). Anything else
 * (no credentials, wrong ones, the cron secret) is counted per IP.
 */
function createIdentifier({ userTokens, apiKey }: RateLimitOptions) {
  const apiKeyId = apiKey ? `key:${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}` : '';
  const isApiKey = secretMatcher(apiKey);
  return async (credentials: string): Promise<Identity | undefined> => {
    if (isApiKey(credentials)) return { family: 'apiKey', key: apiKeyId };
    if (!userTokens?.configured || credentials.split('.').length !== 3) return undefined;
    try {
      // The verifier remembers tokens that verified: the route's own check costs nothing more.
      return { family: 'user', key: `user:${await userTokens.verify(credentials)}` };
    } catch {
      return undefined;
    }
  };
}

import type { Context } from 'hono';
import type { AppEnv } from './AppEnv.js';

/**
 * Answers built with one plain header object, for the hot reads (cached boards, stats, scores,
 * their 304s). @hono/node-server writes such a response straight to the socket (its
 * `responseViaCache` path); the WHATWG `Headers` that Hono builds once a route calls `c.header`
 * costs undici conversions on every request (a cached poll measured 8-17 % more requests a
 * second without them).
 *
 * The answer carries `headers` and the rate limiter's fields (handed over in the context, see
 * `rateLimit.ts`), not headers set earlier with `c.header`: a middleware that adds headers does so
 * on `c.res` after `next()`, as Hono's own middleware (CORS, secure headers) do.
 */
export function plainAnswer(
  c: Context<AppEnv>,
  status: 200 | 304,
  body: string | null,
  headers: Record<string, string>,
): Response {
  const limits = c.get('rateLimitHeaders');
  if (limits === undefined) return new Response(body, { status, headers });
  c.set('rateLimitHeadersSent', true);
  return new Response(body, { status, headers: { ...headers, ...limits } });
}

/** A 200 with a JSON text (see {@link plainAnswer}). */
export function plainJson(c: Context<AppEnv>, json: string, headers: Record<string, string> = {}): Response {
  return plainAnswer(c, 200, json, { ...headers, 'Content-Type': 'application/json' });
}

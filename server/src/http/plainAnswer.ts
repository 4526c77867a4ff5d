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
 * `rateLimit.ts`), not headers set earlier with `c.header` (a host's middleware adds its own on
 * `c.res` after `next()`), unless the app was made with `plainAnswers: false`.
 */
export function plainAnswer(
  c: Context<AppEnv>,
  status: 200 | 304,
  body: string | null,
  headers: Record<string, string>,
): Response {
  const limits = c.get('rateLimitHeaders');
  if (limits !== undefined) c.set('rateLimitHeadersSent', true);
  const all = limits === undefined ? headers : { ...headers, ...limits };
  // Through the context: Hono adds what a host's middleware set with c.header() before next().
  if (c.get('answerThroughContext'))
    return body === null ? c.body(null, status, all) : c.body(body, 200, all);
  return new Response(body, { status, headers: all });
}

/** A 200 with a JSON text (see {@link plainAnswer}). */
export function plainJson(c: Context<AppEnv>, json: string, headers: Record<string, string> = {}): Response {
  return plainAnswer(c, 200, json, { ...headers, 'Content-Type': 'application/json' });
}

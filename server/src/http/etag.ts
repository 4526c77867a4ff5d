import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/**
 * A strong ETag of a response body: a SHA-256 of its exact bytes, so equal bodies share a tag
 * and any change (a figure, a timestamp) makes a new one.
 */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * RFC 9110 If-None-Match: `*` or a list of tags, compared weakly (a `W/` prefix is ignored), as
 * the RFC asks for GET. True when the client's copy is still current.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .includes(etag);
}

/**
 * Answers a JSON body with its strong `ETag` and `headers` (cache policy), or a bodiless 304 with
 * the same headers when the request's `If-None-Match` still matches: RFC 9110 has a 304 carry
 * the `ETag` and `Cache-Control` the 200 would have had.
 */
export function jsonWithEtag(c: Context, body: unknown, headers: Record<string, string>): Response {
  const json = JSON.stringify(body);
  const etag = strongEtag(json);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  c.header('ETag', etag);
  if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  return c.body(json, 200, { 'Content-Type': 'application/json' });
}

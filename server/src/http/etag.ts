import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from './AppEnv.js';
import { plainAnswer, plainJson } from './plainAnswer.js';

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
export function jsonWithEtag(c: Context<AppEnv>, body: unknown, headers: Record<string, string>): Response {
  const json = JSON.stringify(body);
  return taggedJson(c, { json, etag: strongEtag(json) }, headers);
}

/** A JSON text and the strong ETag made from it. */
export interface TaggedJson {
  json: string;
  etag: string;
}

/** {@link jsonWithEtag} of a JSON text already tagged (kept in memory, say). */
export function taggedJson(
  c: Context<AppEnv>,
  answer: TaggedJson,
  headers: Record<string, string>,
): Response {
  const tagged = { ...headers, ETag: answer.etag };
  if (matchesIfNoneMatch(c.req.header('if-none-match'), answer.etag))
    return plainAnswer(c, 304, null, tagged);
  return plainJson(c, answer.json, tagged);
}

/**
 * A strong ETag made from fixed parts (a parsed query, say) and a data version, kept by a route
 * for a query that polls repeat: the hash is remade only when the version moves.
 */
export interface VersionedTag {
  readonly parts: readonly unknown[];
  version: string | undefined;
  etag: string;
}

/** A {@link VersionedTag} of `parts`, not made for any version yet. */
export function versionedTag(parts: readonly unknown[]): VersionedTag {
  return { parts, version: undefined, etag: '' };
}

/** The tag of `tag.parts` at `version` (remade only when it moved since the last call). */
export function etagAt(tag: VersionedTag, version: string): string {
  if (tag.version !== version) {
    tag.etag = strongEtag(JSON.stringify([...tag.parts, version]));
    tag.version = version;
  }
  return tag.etag;
}

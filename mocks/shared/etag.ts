import { HttpResponse } from 'msw';
import { hashString } from '../../src/shared/random.js';

/**
 * A strong ETag of a JSON body: FNV-1a over the text and its length (the mocks run in browsers,
 * without node:crypto). Equal bodies share a tag; a changed body gets a new one.
 */
export function mockEtag(json: string): string {
  const hash = hashString(json);
  return `"${hash.toString(16).padStart(8, '0')}-${json.length.toString(16)}"`;
}

/** True when an `If-None-Match` header names `etag` (weak comparison, lists and `*`), as RFC 9110 asks. */
export function ifNoneMatchMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * `body` as JSON with its ETag and `headers`, or a bodiless 304 with the same headers when the
 * request's `If-None-Match` still matches: what the server's `jsonWithEtag` answers.
 */
export function jsonWithEtag(request: Request, body: unknown, headers: Record<string, string>): Response {
  const json = JSON.stringify(body);
  const etag = mockEtag(json);
  const all = { ...headers, ETag: etag };
  if (ifNoneMatchMatches(request.headers.get('if-none-match'), etag)) {
    return new HttpResponse(null, { status: 304, headers: all });
  }
  return new HttpResponse(json, { headers: { ...all, 'Content-Type': 'application/json' } });
}

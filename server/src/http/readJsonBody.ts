import { errorCodes } from 'podium-kit/core';
import type { Context } from 'hono';
import { HttpError, invalidRequest } from '../errors.js';

/**
 * Reads a JSON request body: 415 unless the content type is JSON (`application/json` or any
 * `+json` type), 400 when it does not parse. The size limit is enforced before, by `bodyLimit`.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const contentType = c.req.header('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(mediaType)) {
    throw new HttpError(
      415,
      errorCodes.unsupportedMediaType,
      `Send the body as JSON with "Content-Type: application/json"${contentType ? ` (got "${contentType}")` : ''}`,
    );
  }
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw invalidRequest('The request body is not valid JSON', { body: ['must be a valid JSON object'] });
  }
  const nulAt = findNul(body);
  if (nulAt !== undefined) {
    throw invalidRequest(`Invalid request: ${nulAt}`, { [nulAt]: ['must not contain NUL characters'] });
  }
  return body;
}

/**
 * The dotted path of the first string (or key) holding a NUL, else `undefined`. Postgres refuses
 * `\u0000` in text and jsonb, so no body that holds one may reach a query, whatever its schema
 * forgets. The contract schemas refuse every control character in the fields they define; this
 * is the net under them. Iterative, so a deeply nested body cannot overflow the stack.
 */
function findNul(body: unknown): string | undefined {
  const pending: Array<[unknown, string]> = [[body, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || 'body';
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return childPath;
        pending.push([child, childPath]);
      }
    }
  }
  return undefined;
}

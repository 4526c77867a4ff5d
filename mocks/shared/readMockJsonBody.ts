import { errorCodes } from '../../src/shared/errors.js';
import { errorResponse, invalidResponse } from './errorResponses.js';

/**
 * The request's JSON body as the server reads it, or the server's answer to a body it refuses:
 * 415 for a type that is not JSON, 400 for text that does not parse or holds a NUL anywhere
 * (Postgres cannot store one; the server refuses it before any schema runs).
 */
export async function readMockJsonBody(request: Request): Promise<{ value: unknown } | Response> {
  const contentType = request.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(mediaType)) {
    return errorResponse(
      415,
      errorCodes.unsupportedMediaType,
      `Send the body as JSON with "Content-Type: application/json"${contentType ? ` (got "${contentType}")` : ''}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(await request.text());
  } catch {
    return invalidResponse('The request body is not valid JSON', { body: ['must be a valid JSON object'] });
  }
  const nulAt = findNul(value);
  if (nulAt !== undefined)
    return invalidResponse(`Invalid request: ${nulAt}`, { [nulAt]: ['must not contain NUL characters'] });
  return { value };
}

/** The dotted path of a string or key holding a NUL, as the server names it. */
function findNul(body: unknown): string | undefined {
  const pending: [unknown, string][] = [[body, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string' && value.includes('\u0000')) return path || 'body';
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return childPath;
      pending.push([child, childPath]);
    }
  }
  return undefined;
}

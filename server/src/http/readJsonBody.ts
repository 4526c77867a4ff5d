import { errorCodes } from '@podium/core';
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
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidRequest('The request body is not valid JSON', { body: ['must be a valid JSON object'] });
  }
}

import type { Hono } from 'hono';
import type { AppEnv } from '../../src/http/AppEnv.js';

/** The API key of the scoring tests' apps. */
export const scoresApiKey = 'scores-test-key-0123456789';

/** A client for the `/api/scores` endpoints of `app`, with the API key. */
export function scoresClient(app: Hono<AppEnv>, apiKey = scoresApiKey) {
  const send = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    app.request(`/api${path}`, {
      method,
      headers: {
        'x-api-key': apiKey,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    send,
    record: (body: unknown) => send('POST', '/scores/actions', body),
    revoke: (eventId: string) => send('DELETE', `/scores/actions/${encodeURIComponent(eventId)}`),
    adjust: (body: unknown) => send('POST', '/scores/adjustments', body),
    get: (path: string) => send('GET', path),
    async json<T = unknown>(response: Response | Promise<Response>): Promise<T> {
      return (await (await response).json()) as T;
    },
  };
}

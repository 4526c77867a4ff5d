import type { Hono } from 'hono';
import type { Redis } from 'ioredis';
import type { AppEnv } from '../../src/http/AppEnv.js';
import { testRedisUrl } from '../helpers/testDatabase.js';

/** The board stores a suite runs against: SQL always, Redis boards when a test Redis is set. */
export const boardStores: ReadonlyArray<{ kind: string; redisUrl: string | undefined }> = [
  { kind: 'SQL boards', redisUrl: undefined },
  ...(testRedisUrl ? [{ kind: 'Redis boards', redisUrl: testRedisUrl }] : []),
];

/** Deletes a run's Redis keys (those containing `prefix`) and disconnects. */
export async function dropRedisRun(redis: Redis | undefined, prefix: string): Promise<void> {
  if (!redis) return;
  const keys = await redis.keys(`*${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

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

/**
 * Sends `distinct` events of 20 users at once, each of the first `duplicates` twice (a replay),
 * through `clients` in turn, retrying 503s as a host would. Resolves with the statuses seen.
 */
export async function sendConcurrentBurst(
  clients: ReadonlyArray<ReturnType<typeof scoresClient>>,
  { distinct, duplicates, now, prefix }: { distinct: number; duplicates: number; now: Date; prefix: string },
): Promise<Record<string, number>> {
  const events = Array.from({ length: distinct }, (_, i) => ({
    eventId: `${prefix}-${i}`,
    userId: `${prefix}-u${i % 20}`,
    action: i % 2 === 0 ? 'COPY_TRADE' : 'REFERRAL_TRADE',
    occurredAt: new Date(now.getTime() - (i % 5) * 60_000).toISOString(),
    metadata: i % 2 === 0 ? { success: i % 4 === 0 } : {},
  }));
  const sends = [...events, ...events.slice(0, duplicates)];
  const statuses: Record<string, number> = {};
  await Promise.all(
    sends.map(async (event, i) => {
      for (let attempt = 1; ; attempt++) {
        const response = await clients[i % clients.length]!.record(event);
        const body = (await response.json()) as { status?: string };
        if (response.status === 503 && attempt < 20) {
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
          continue;
        }
        const key = response.status === 200 ? String(body.status) : String(response.status);
        statuses[key] = (statuses[key] ?? 0) + 1;
        return;
      }
    }),
  );
  return statuses;
}

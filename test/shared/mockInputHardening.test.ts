// @vitest-environment jsdom
// (the handlers resolve their default relative base URL against the page, as in a browser)
import { describe, expect, it } from 'vitest';
import { setupMswServer } from './setupMswServer.js';

/**
 * The mocks refuse the same hostile input as the server (issue 9), through the same contract
 * schemas and field mapping: a 400 naming the field, a friendly message, never a thrown error.
 */

const now = new Date('2025-06-15T12:00:00.000Z');
const { serve } = setupMswServer({ mocks: { now } });
const base = new URL('/api', globalThis.location.href).href;
const auth = { authorization: 'Bearer test-token' };

type ErrorJson = { error: { code: string; details?: { fields?: Record<string, string[]> } } };

async function send(path: string, init: RequestInit = {}) {
  serve();
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, body: (await response.json()) as ErrorJson };
}

const patchJob = (body: string) =>
  send('/stats', { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body });

describe('mock input hardening', () => {
  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])(
    'PATCH /stats answers 400 naming the unknown field %s',
    async (key) => {
      const { status, body } = await patchJob(`{${JSON.stringify(key)}:1,"job_id":"j-1"}`);
      expect(status).toBe(400);
      expect(Object.hasOwn(body.error.details!.fields!, key)).toBe(true);
      expect(body.error.details!.fields![key]).toEqual(['is not a known field']);
    },
  );

  it('PATCH /stats answers 400 with friendly messages naming the field', async () => {
    for (const [payload, field, message] of [
      // A NUL is refused before the schema, as the server's body reader does; other controls by it.
      [{ job_id: 'a\u0000b' }, 'job_id', 'must not contain NUL characters'],
      [{ job_id: 'a\u0007b' }, 'job_id', 'must not contain control characters'],
      [{ job_id: 'j'.repeat(3200) }, 'job_id', 'must be at most 200 characters'],
      [{ job_id: 'j', status: 'done' }, 'status', 'must be one of: pending, processing, completed, failed'],
      [{ job_id: 7 }, 'job_id', 'must be a string'],
      [[], 'body', 'must be a JSON object'],
    ] as const) {
      const { status, body } = await patchJob(JSON.stringify(payload));
      expect(status).toBe(400);
      expect(body.error.details!.fields![field]).toEqual([message]);
    }
  });

  it.each([
    ['from=0001-01-01&to=9999-12-31', ['from', 'to']],
    ['from=2024-13-01', ['from']],
    ['to=', ['to']],
    ['from=2024-01-01&to=9998-12-31', ['to']],
  ])('GET /stats?%s answers 400 naming %j', async (query, fields) => {
    const { status, body } = await send(`/stats?${query}`, { headers: auth });
    expect(status).toBe(400);
    expect(Object.keys(body.error.details!.fields!).sort()).toEqual(fields);
  });

  it.each([
    ['from=2024-13-01', 'from'],
    ['from=', 'from'],
    ['from=abc', 'from'],
    ['to=2024-02-30', 'to'],
    ['from=0000-01-01', 'from'],
    ['from=1970-01-01&to=9998-12-31', 'to'],
  ])('GET /user/:identifier/stats/history?%s answers 400 naming %s', async (query, field) => {
    const { status, body } = await send(`/user/alice/stats/history?${query}`);
    expect(status).toBe(400);
    expect(Object.keys(body.error.details!.fields!)).toEqual([field]);
  });

  it('reads user ids with the one grammar: provider ids pass, control characters and 256 characters do not', async () => {
    for (const id of ['auth0|65f0c1d2e3', 'ann@example.com', 'a'.repeat(255)]) {
      expect((await send(`/sellers/${encodeURIComponent(id)}/dashboard`)).status).toBe(200);
      const board = await send(`/leaderboards/sellers?around=${encodeURIComponent(id)}`);
      expect(board.status).toBe(200);
    }
    for (const id of ['a\u0000b', 'x'.repeat(256), ' lead']) {
      const dashboard = await send(`/sellers/${encodeURIComponent(id)}/dashboard`);
      expect(dashboard.status).toBe(400);
      expect(Object.keys(dashboard.body.error.details!.fields!)).toEqual(['id']);
      const board = await send(`/leaderboards/sellers?around=${encodeURIComponent(id)}`);
      expect(board.status).toBe(400);
      expect(Object.keys(board.body.error.details!.fields!)).toEqual(['around']);
      // A stats identifier is trimmed first (as on the server), so only the others are refused there.
      if (id.trim() !== id) continue;
      const stats = await send(`/user/${encodeURIComponent(id)}/stats`);
      expect(stats.status).toBe(400);
      expect(Object.keys(stats.body.error.details!.fields!)).toEqual(['identifier']);
    }
  });

  it.each([
    'metric=sales&period=month',
    'metric=views&period=month',
    'metric=sales&period=all-time',
    'metric=views&period=all-time',
  ])('answers around: null with the first page for a user not on the board (%s)', async (board) => {
    const first = (await send(`/leaderboards/sellers?${board}&limit=3`)).body as unknown as {
      entries: unknown[];
    };
    for (const around of ['nobody', 'auth0|never-seen']) {
      const { status, body } = await send(
        `/leaderboards/sellers?${board}&limit=3&offset=2&around=${encodeURIComponent(around)}`,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ around: null, offset: 0, entries: first.entries });
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, createLiveTicket, liveEventsUrl, liveTopic } from 'podium-kit/core';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createRecordingLogger, createTestApp } from '../helpers/testApp.js';
import { scoresApiKey, scoresClient } from '../scoring/scoringFixtures.js';
import type { CreateAppOptions } from '../../src/app.js';
import { liveOf } from '../../src/live/liveOf.js';
import type { Database } from '../../src/db/Database.js';
import { dataOf, listenOnFreePort, openEventStream } from './sseClient.js';

/** `GET /api/events` over real HTTP: what a write announces, to whom, and how a stream resumes. */
describe('live updates', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(options: Partial<CreateAppOptions> = {}, test?: TestDatabase) {
    const database = test ?? (await createTestDatabase());
    if (!test) cleanups.push(database.cleanup);
    const appOptions = { apiKey: scoresApiKey, ...options };
    const testApp = createTestApp(database.db, appOptions);
    const server = await listenOnFreePort(testApp.app);
    cleanups.push(server.close);
    const open = async (query: string, headers: Record<string, string> = {}) => {
      const stream = await openEventStream(`${server.url}/api/events?${query}`, headers);
      cleanups.push(stream.close);
      return stream;
    };
    return { ...testApp, db: database.db, server, open, scores: scoresClient(testApp.app) };
  }
  const topics = (...list: string[]) => `topics=${encodeURIComponent(list.join(','))}`;
  const trade = (eventId: string, userId: string) => ({ eventId, userId, action: 'TRADE_EXECUTE' });

  it('announces a write to the streams watching its topics within a second, and only those', async () => {
    const { open, scores } = await start();
    const alice = await open(
      topics('points:lifetime', liveTopic.score('alice'), liveTopic.achievements('alice')),
    );
    const bob = await open(topics(liveTopic.score('bob')));
    expect(alice.response.status).toBe(200);
    expect(alice.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const opened = await alice.next((m) => m.retry !== undefined);
    expect(opened.retry).toBe('2000');

    // Timed from the answer: a cold first write on PGlite under a loaded CI can itself take a
    // second; what is measured here is the announcement after the commit.
    expect((await scores.record(trade('t1', 'alice'))).status).toBe(200);
    const wrote = performance.now();
    const board = await alice.next((m) => m.event === 'leaderboard.changed', 1_000);
    expect(performance.now() - wrote).toBeLessThan(1_000);
    expect(board.id).toMatch(/^\d+$/);
    expect(dataOf(board)).toMatchObject({ topic: 'points:lifetime', version: expect.any(String) });
    expect(Date.parse(dataOf(board).at as string)).not.toBeNaN();
    expect(dataOf(await alice.next((m) => m.event === 'score.changed', 1_000)).topic).toBe('score:alice');
    const unlocked = await alice.next((m) => m.event === 'achievement.unlocked', 1_000);
    expect(dataOf(unlocked).topic).toBe('achievements:alice');

    // Bob's stream hears of Bob only.
    await scores.record(trade('t2', 'bob'));
    expect(dataOf(await bob.next((m) => m.event !== undefined, 1_000)).topic).toBe('score:bob');
    expect(bob.messages.filter((m) => m.data?.includes('alice'))).toEqual([]);
  });

  it("a board's event carries the board's change count (what its ETag is made from)", async () => {
    const { open, scores, db } = await start();
    const stream = await open(topics('points:lifetime'));
    await stream.next((m) => m.retry !== undefined);
    const versions: string[] = [];
    for (const eventId of ['v1', 'v2']) {
      await scores.record(trade(eventId, 'alice'));
      const event = await stream.next((m) => m.event === 'leaderboard.changed', 1_000);
      versions.push(dataOf(event).version as string);
    }
    const [row] = await db.query<{ version: unknown }>(
      "SELECT version FROM podium_score_board_versions WHERE board = 'lifetime'",
    );
    expect(versions[1]).toBe(String(row!.version));
    expect(Number(versions[1])).toBeGreaterThan(Number(versions[0]));
  });

  it('coalesces a burst of writes into the first event and one with the latest version', async () => {
    const { open, scores, db } = await start({ live: { coalesceMs: 1_500 } });
    const stream = await open(topics('points:lifetime'));
    await stream.next((m) => m.retry !== undefined);
    for (let i = 0; i < 5; i++) expect((await scores.record(trade(`c${i}`, `u${i}`))).status).toBe(200);
    const first = await stream.next((m) => m.event === 'leaderboard.changed', 1_000);
    const last = await stream.next((m) => m.event === 'leaderboard.changed', 2_500);
    const [row] = await db.query<{ version: unknown }>(
      "SELECT version FROM podium_score_board_versions WHERE board = 'lifetime'",
    );
    expect(dataOf(last).version).toBe(String(row!.version));
    expect(Number(dataOf(last).version)).toBeGreaterThan(Number(dataOf(first).version));
    await expect(stream.next((m) => m.event === 'leaderboard.changed', 700)).rejects.toThrow(/no matching/);
  });

  it('replays what a stream missed after Last-Event-ID (header or query), and resets on an unknown id', async () => {
    const { open, scores } = await start();
    const first = await open(topics(liveTopic.score('alice')));
    await scores.record(trade('r1', 'alice'));
    const seen = await first.next((m) => m.event === 'score.changed', 1_000);
    first.close();

    await scores.record(trade('r2', 'alice'));
    await scores.record(trade('r3', 'bob'));
    const resumed = await open(topics(liveTopic.score('alice')), { 'last-event-id': seen.id! });
    const missed = await resumed.next((m) => m.event === 'score.changed', 1_000);
    expect(Number(missed.id)).toBeGreaterThan(Number(seen.id));
    expect(dataOf(missed).topic).toBe('score:alice');

    const byQuery = await open(`${topics(liveTopic.score('alice'))}&lastEventId=${seen.id}`);
    expect((await byQuery.next((m) => m.event === 'score.changed', 1_000)).id).toBe(missed.id);

    const unknown = await open(topics(liveTopic.score('alice')), { 'last-event-id': '999999999' });
    const reset = await unknown.next((m) => m.event !== undefined, 1_000);
    expect(reset.event).toBe('reset');
    expect(dataOf(reset)).toEqual({ reason: 'unknown-id' });
  });

  it('resets a resume from before the events it still keeps', async () => {
    const { open, scores, db } = await start({ live: { retentionMs: 1 } });
    const stream = await open(topics(liveTopic.score('alice')));
    await scores.record(trade('p1', 'alice'));
    const seen = await stream.next((m) => m.event === 'score.changed', 1_000);
    stream.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await db.query(`DELETE FROM podium_live_events WHERE id <= $1`, [Number(seen.id)]);
    await db.query(
      `UPDATE podium_sync_state SET value = to_jsonb($1::bigint) WHERE name = 'live.pruned_through'`,
      [Number(seen.id)],
    );
    const old = await open(topics(liveTopic.score('alice')), {
      'last-event-id': String(Number(seen.id) - 1),
    });
    expect(dataOf(await old.next((m) => m.event !== undefined, 1_000))).toEqual({ reason: 'too-old' });
  });

  it('sends heartbeats as comment lines', async () => {
    const { open } = await start({ live: { heartbeatMs: 50 } });
    const stream = await open(topics('points:lifetime'));
    expect((await stream.next((m) => m.comment === 'heartbeat', 1_000)).comment).toBe('heartbeat');
  });

  it('refuses unknown topics (400 naming topics)', async () => {
    const { app } = await start();
    for (const query of [
      '',
      'topics=',
      'topics=weather:today',
      'topics=points:week:nope',
      'topics=stats:a%252',
    ]) {
      const response = await app.request(`/api/events?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { details: { fields: Record<string, string[]> } } };
      expect(Object.keys(body.error.details.fields)).toEqual(['topics']);
    }
  });

  it('opens private topics only with a valid ticket of their user (401, 403, expiry)', async () => {
    let clock = new Date('2026-11-29T04:00:00Z');
    const { app, tokenFor, open, patchJob } = await start({ now: () => clock });
    const jobs = topics(liveTopic.jobs('alice'));
    expect((await app.request(`/api/events?${jobs}`)).status).toBe(401);
    expect((await app.request(`/api/events?${jobs}&ticket=forged.1.abc`)).status).toBe(401);
    expect((await app.request('/api/events/tickets', { method: 'POST' })).status).toBe(401);

    const ticketOf = async (userId: string) => {
      const response = await app.request('/api/events/tickets', {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenFor(userId)}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { ticket: string; expiresAt: string; userId: string };
    };
    const bobs = await ticketOf('bob');
    expect(bobs.expiresAt).toBe('2026-11-29T04:01:00.000Z');
    expect(bobs.userId).toBe('bob'); // pages name their own private topics with it
    const forbidden = await app.request(`/api/events?${jobs}&ticket=${bobs.ticket}`);
    expect(forbidden.status).toBe(403);

    const alices = await ticketOf('alice');
    const stream = await open(`${jobs}&ticket=${alices.ticket}`);
    expect(stream.response.status).toBe(200);
    await patchJob('alice', {
      job_id: 'j1',
      status: 'completed',
      requested_count: 1,
      successful_count: 1,
      failed_count: 0,
    });
    expect(dataOf(await stream.next((m) => m.event === 'jobs.changed', 1_000)).topic).toBe('jobs:alice');

    clock = new Date(clock.getTime() + 61_000);
    const expired = await app.request(`/api/events?${jobs}&ticket=${alices.ticket}`);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it("the core client's createLiveTicket and liveEventsUrl open a private stream", async () => {
    const { tokenFor, server, patchJob } = await start();
    const client = createApiClient({ baseUrl: `${server.url}/api`, getToken: () => tokenFor('carol') });
    const { ticket } = await createLiveTicket(client);
    const stream = await openEventStream(liveEventsUrl(client, [liveTopic.jobs('carol')], { ticket }));
    cleanups.push(stream.close);
    expect(stream.response.status).toBe(200);
    await stream.next((m) => m.retry !== undefined);
    await patchJob('carol', { job_id: 'c1', status: 'processing', requested_count: 1 });
    expect(dataOf(await stream.next((m) => m.event === 'jobs.changed', 1_000)).topic).toBe('jobs:carol');
  });

  it('bounds the streams a client holds open (429), and frees the slot when one closes', async () => {
    const { open, server } = await start({ live: { maxConnectionsPerClient: 2 } });
    const a = await open(topics('points:lifetime'));
    const b = await open(topics('points:lifetime'));
    await a.next((m) => m.retry !== undefined);
    await b.next((m) => m.retry !== undefined);
    const over = await fetch(`${server.url}/api/events?${topics('points:lifetime')}`);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('10');
    a.close();
    await expect
      .poll(async () => {
        const again = await openEventStream(`${server.url}/api/events?${topics('points:lifetime')}`);
        again.close();
        return again.response.status;
      })
      .toBe(200);
  });

  it('reports the open streams in the health check', async () => {
    const { open, app } = await start();
    const stream = await open(topics('points:lifetime'));
    await stream.next((m) => m.retry !== undefined);
    const health = (await (await app.request('/api/health')).json()) as {
      checks: Record<string, Array<{ details?: { observedValue: number } }>>;
    };
    expect(health.checks['live:connections']?.[0]?.details?.observedValue).toBe(1);
  });

  it('a sale announces the sellers boards of all time and its month', async () => {
    const clock = new Date('2026-11-15T12:00:00Z');
    const { open, app } = await start({ now: () => clock });
    const stream = await open(topics(liveTopic.sellers('all-time'), liveTopic.sellers('2026-11')));
    await stream.next((m) => m.retry !== undefined);
    const put = (id: string, body: unknown) =>
      app.request(`/api/users/${id}`, {
        method: 'PUT',
        headers: { 'x-api-key': scoresApiKey, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put('seller-1', { displayName: 'S' })).status).toBe(201);
    const sold = await app.request('/api/products/p1', {
      method: 'PUT',
      headers: { 'x-api-key': scoresApiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ sellerId: 'seller-1', status: 'sold', price: '1.00', currency: 'USD' }),
    });
    expect(sold.status).toBe(201);
    const seen = new Set<unknown>();
    for (let i = 0; i < 2; i++) {
      seen.add(dataOf(await stream.next((m) => m.event === 'leaderboard.changed', 1_000)).topic);
    }
    expect(seen).toEqual(new Set(['sellers:all-time', 'sellers:2026-11']));
  });

  it('taking a sale back announces the month it had been sold in', async () => {
    let clock = new Date('2026-10-30T12:00:00Z');
    const { open, app } = await start({ now: () => clock });
    const putProduct = (status: string) =>
      app.request('/api/products/p-back', {
        method: 'PUT',
        headers: { 'x-api-key': scoresApiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ sellerId: 'seller-2', status, price: '1.00', currency: 'USD' }),
      });
    expect((await putProduct('sold')).status).toBe(201);
    // A month later, a widget shows October's board; the sale is cancelled.
    clock = new Date('2026-11-20T12:00:00Z');
    const stream = await open(topics(liveTopic.sellers('2026-10')));
    await stream.next((m) => m.retry !== undefined);
    expect((await putProduct('active')).status).toBe(200);
    const event = await stream.next((m) => m.event === 'leaderboard.changed', 1_000);
    expect(dataOf(event).topic).toBe('sellers:2026-10');
  });

  it('user stats announce the users whose figures changed (a database trigger)', async () => {
    const { open, db } = await start();
    const stream = await open(topics(liveTopic.stats('alice')));
    await stream.next((m) => m.retry !== undefined);
    await db.query(`INSERT INTO podium_users (id) VALUES ('alice')`);
    await db.query(
      `INSERT INTO podium_user_stats (subject, user_id, addresses, stats, calculated_at)
       VALUES ('user:alice', 'alice', '{}', '{}'::jsonb, now())`,
    );
    const event = await stream.next((m) => m.event === 'stats.changed', 1_000);
    expect(dataOf(event).topic).toBe('stats:alice');
  });

  it('answers 503 (the widgets poll) when its LISTEN hears nothing, as behind a transaction pooler', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    // LISTEN "succeeds" and no notification ever arrives.
    const deaf: Database = { ...test.db, listen: async () => async () => {} };
    const { app, logger } = createTestApp(deaf);
    const started = performance.now();
    const response = await app.request(`/api/events?${topics('points:lifetime')}`);
    expect(response.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(logger.entries.map((entry) => entry.message)).toContain(
      'Live updates: cannot listen for changes; streams answer 503 and widgets poll',
    );
    // The next stream is refused at once, not after another probe.
    const again = performance.now();
    expect((await app.request(`/api/events?${topics('points:lifetime')}`)).status).toBe(503);
    expect(performance.now() - again).toBeLessThan(500);
  });

  it('a failed publish is logged and never fails a write', async () => {
    const { scores, db, app } = await start();
    const logger = createRecordingLogger();
    const options = { db, logger } as CreateAppOptions;
    // A publisher on a database without the live table: it logs, the caller is not affected.
    await db.query('ALTER TABLE podium_live_events RENAME TO podium_live_events_away');
    liveOf(options).publisher.publish([{ kind: 'score', subject: 'x' }]);
    await liveOf(options).publisher.settled();
    expect(logger.entries.map((entry) => entry.message)).toEqual([
      'Live updates: could not publish a change',
    ]);
    expect((await scores.record(trade('f1', 'alice'))).status).toBe(200);
    await db.query('ALTER TABLE podium_live_events_away RENAME TO podium_live_events');
    expect((await app.request('/api/scores/alice')).status).toBe(200);
  });
});

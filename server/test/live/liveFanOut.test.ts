import { afterEach, describe, expect, it } from 'vitest';
import { liveTopic } from 'podium-kit/core';
import { createTestDatabase, testDatabaseUrl } from '../helpers/testDatabase.js';
import { createTestApp } from '../helpers/testApp.js';
import { scoresApiKey, scoresClient } from '../scoring/scoringFixtures.js';
import { dataOf, listenOnFreePort, openEventStream } from './sseClient.js';

/**
 * Two server instances on one Postgres (each its own pool and LISTEN connection): a write on one
 * reaches a stream held by the other, and a stream resumed on the other replays it. Needs
 * DATABASE_URL: PGlite is one process's database, so it has no second instance to reach.
 */
describe.skipIf(!testDatabaseUrl)('live updates across instances (needs DATABASE_URL)', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('a write on instance A reaches a stream on instance B within a second', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const a = createTestApp(test.db, { apiKey: scoresApiKey });
    const b = createTestApp(test.openAnother(), { apiKey: scoresApiKey });
    const serverB = await listenOnFreePort(b.app);
    cleanups.push(serverB.close);
    const url = `${serverB.url}/api/events?topics=${encodeURIComponent(`points:lifetime,${liveTopic.score('alice')}`)}`;
    const stream = await openEventStream(url);
    cleanups.push(stream.close);
    await stream.next((m) => m.retry !== undefined);

    const wrote = performance.now();
    const response = await scoresClient(a.app).record({
      eventId: 'x1',
      userId: 'alice',
      action: 'TRADE_EXECUTE',
    });
    expect(response.status).toBe(200);
    // One publish: the boards first, then the scores.
    await stream.next((m) => m.event === 'leaderboard.changed', 1_000);
    const score = await stream.next((m) => m.event === 'score.changed', 1_000);
    expect(performance.now() - wrote).toBeLessThan(1_000);
    expect(dataOf(score).topic).toBe('score:alice');

    // A resume on B replays what A published after the id it saw.
    stream.close();
    await scoresClient(a.app).record({ eventId: 'x2', userId: 'alice', action: 'TRADE_EXECUTE' });
    const resumed = await openEventStream(url, { 'last-event-id': score.id! });
    cleanups.push(resumed.close);
    const missed = await resumed.next((m) => m.event === 'score.changed', 1_000);
    expect(Number(missed.id)).toBeGreaterThan(Number(score.id));
  });
});

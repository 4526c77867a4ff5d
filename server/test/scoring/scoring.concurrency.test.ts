import { boardKeysOf, defaultScoringRules, scoreAction, type EventResult } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { rebuildScores } from '../../src/scoring/rebuildScores.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { scoresApiKey as apiKey, scoresClient } from './scoringFixtures.js';

/**
 * 1,000 requests at once: 800 distinct events of 20 users, 150 exact duplicates (replays), 50
 * reuses of an id with another payload (conflicts), across midnight. On Postgres the apps use
 * separate pools (real concurrency: the user row locks and the unique event id decide); on
 * PGlite they share the one engine. Totals must be exact and equal the rebuild.
 */
describe('scoring under 1,000 concurrent events', () => {
  let test: TestDatabase;
  let handles: Database[];

  beforeAll(async () => {
    test = await createTestDatabase();
    handles = Array.from({ length: 4 }, () => test.openAnother());
  });
  afterAll(() => test.cleanup());

  it('counts every distinct event once and answers duplicates as replays', async () => {
    const now = new Date('2026-11-27T00:00:30.000Z');
    const clients = handles.map((db) => scoresClient(createTestApp(db, { apiKey, now: () => now }).app));
    const users = Array.from({ length: 20 }, (_, i) => `u${i}`);
    const events = Array.from({ length: 800 }, (_, i) => ({
      eventId: `c-${i}`,
      userId: users[i % users.length]!,
      action: i % 3 === 0 ? 'COPY_TRADE' : 'STAKE_SSE',
      // Either side of midnight: two days, two daily boards.
      occurredAt: new Date(now.getTime() - 60_000 + (i % 7) * 10_000).toISOString(),
      metadata:
        i % 3 === 0 ? { success: i % 2 === 0, delayMs: i * 13 } : { amount: (i % 5) * 30_000, days: i % 400 },
    }));
    const duplicates = events.filter((_, i) => i % 5 === 1).slice(0, 150);
    const conflicts = events
      .filter((_, i) => i % 5 === 2)
      .slice(0, 50) // Another payload with the same points: whichever of the pair arrives first is scored, the other is the 409.
      .map((e) => ({ ...e, metadata: { ...e.metadata, note: 'another payload' } }));
    const sends = [...events, ...duplicates, ...conflicts];
    // A client retries a 503 (the pool's wait for a connection can run out under this burst), as
    // hosts do: idempotency makes the retry safe, which is part of what this test checks.
    const send = async (event: (typeof sends)[number], i: number) => {
      for (let attempt = 1; ; attempt++) {
        const response = await clients[i % clients.length]!.record(event);
        if (response.status !== 503 || attempt === 20)
          return { status: response.status, body: await response.json() };
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    };
    const responses = await Promise.all(sends.map(send));
    const statuses: Record<number, number> = {};
    for (const { status } of responses) statuses[status] = (statuses[status] ?? 0) + 1;
    const failures = responses.filter((r) => r.status !== 200 && r.status !== 409).slice(0, 3);
    expect({ statuses, failures }).toEqual({ statuses: { 200: 950, 409: 50 }, failures: [] });
    const results = responses.filter((r) => r.status === 200).map((r) => r.body as EventResult);
    expect(results.filter((r) => r.status === 'scored')).toHaveLength(800);
    expect(results.filter((r) => r.status === 'replayed')).toHaveLength(150);

    // The model: each distinct event once, by the rules.
    const expected = new Map<string, number>();
    for (const event of events) {
      const rule = defaultScoringRules.actions[event.action]!;
      const { points } = scoreAction(rule, event.metadata);
      for (const { key, trending } of boardKeysOf(rule.category, new Date(event.occurredAt))) {
        if (trending) continue;
        const id = `${key} ${event.userId}`;
        expected.set(id, (expected.get(id) ?? 0) + points);
      }
    }
    const rows = await test.db.query<{ board: string; user_id: string; value: unknown }>(
      `SELECT board, user_id, value FROM podium_score_boards WHERE board NOT LIKE '%trending'`,
    );
    const actual = new Map(rows.map((row) => [`${row.board} ${row.user_id}`, Number(row.value)]));
    expect(actual).toEqual(expected);
    const [ledger] = await test.db.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM podium_score_events WHERE kind = 'event'`,
    );
    expect(Number(ledger!.n)).toBe(800);
    const rebuilt = await rebuildScores(test.db, now);
    expect(rebuilt).toMatchObject({ rowsChanged: 0, usersChanged: 0 });
  }, 120_000);
});

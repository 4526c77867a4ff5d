import { registerDemoPeople } from '../../src/identity/registerDemoPeople.js';
import { leaderboardResponseSchema } from 'podium-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { rebuildSellerBoards } from '../../src/sellerBoards/rebuildSellerBoards.js';
import { seedDemoSellerBoards } from '../../src/sellerBoards/demoSellerBoards.js';
import { demoUsers } from '../../src/demo/demoUsers.js';
import { createTestApp, testJwtSecret } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const now = new Date('2026-11-20T12:00:00Z');

describe('demo seller boards', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.cleanup();
    test = undefined;
  });

  it('seeds boards the triggers keep exact, idempotently, and the demo buttons move them', async () => {
    test = await createTestDatabase();
    await registerDemoPeople(test.db, now);
    const seeded = await seedDemoSellerBoards(test.db, { now });
    expect(seeded.products).toBeGreaterThan(100);
    expect(seeded.views).toBeGreaterThan(300);
    expect(await seedDemoSellerBoards(test.db, { now })).toEqual({ products: 0, views: 0 });
    // The cache the triggers filled equals a rebuild from the base tables.
    expect((await rebuildSellerBoards(test.db, now)).rowsChanged).toBe(0);

    const { app } = createTestApp(test.db, {
      jwtSecret: testJwtSecret,
      now: () => now,
      demo: { users: demoUsers },
    });
    const board = async () =>
      leaderboardResponseSchema.parse(
        await (
          await app.request('/api/leaderboards/sellers?metric=sales&period=all-time&around=carol')
        ).json(),
      );
    const before = await board();
    expect(before.total).toBeGreaterThan(10);
    expect(before.entries[0]?.displayName).not.toBeNull();

    const response = await app.request('/api/demo/seller-activity?kind=sale&seller=carol', {
      method: 'POST',
    });
    expect(response.status).toBe(200);
    const after = await board();
    expect(after.around?.value).toBe((before.around?.value ?? 0) + 1);
    // Announced like any write, so a live board (which does not poll) moves too.
    await expect
      .poll(async () =>
        (
          await test!.db.query<{ topic_key: string }>(
            "SELECT topic_key FROM podium_live_events WHERE event = 'leaderboard.changed' ORDER BY topic_key",
          )
        ).map((row) => row.topic_key),
      )
      .toEqual(expect.arrayContaining(['sellers:2026-11', 'sellers:all-time']));

    const bad = await app.request('/api/demo/seller-activity?kind=refund&seller=carol', { method: 'POST' });
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { error: { details: { fields: object } } }).error.details.fields,
    ).toHaveProperty('kind');
  });
});

import { leaderboardResponseSchema, sellerDashboardSchema, userStatsResponseSchema } from 'podium-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { withDemoDefaults } from '../../src/demo/demoDefaults.js';
import { demoPeople } from '../../src/demo/demoPeople.js';
import { demoUsers } from '../../src/demo/demoUsers.js';
import { seedDemo } from '../../src/demo/seedDemo.js';
import { serverFeatures } from '../../src/features.js';
import { rebuildSellerBoards } from '../../src/sellerBoards/rebuildSellerBoards.js';
import { createDemoMarketplace, type DemoMarketplace } from '../../src/userStats/demoMarketplace.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const apiKey = 'demo-world-api-key';
const now = new Date('2026-11-27T12:00:00Z');
const config = loadConfig(withDemoDefaults({}, () => {}));

/** A demo start on `db`: the seed startServer runs, with a marketplace generated for `now`. */
async function demoStart(db: TestDatabase['db'], market: DemoMarketplace) {
  return seedDemo(serverFeatures, { db, now, users: demoUsers, market, config });
}

/**
 * The demo is one world: every widget on the page tells the same story about a person. The
 * stats tab's sales (from the marketplace), the seller dashboard's and the sellers board's (from
 * products) are the same trades, after seeding and after each demo button.
 */
describe('the demo world', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.cleanup();
    test = undefined;
  });

  it('gives every person the same sales in the stats tab, the dashboard and the board', async () => {
    test = await createTestDatabase();
    const market = createDemoMarketplace({ now });
    const first = await demoStart(test.db, market);
    const { app } = createTestApp(test.db, {
      apiKey,
      now: () => now,
      subgraph: market.client,
      tokens: config.tokens,
      demo: { users: demoUsers, market },
    });

    const people = demoPeople(market);
    const salesOf = async (id: string) => {
      const stats = userStatsResponseSchema.parse(await (await app.request(`/api/user/${id}/stats`)).json());
      const dashboard = sellerDashboardSchema.parse(
        await (
          await app.request(`/api/sellers/${id}/dashboard`, { headers: { 'x-api-key': apiKey } })
        ).json(),
      );
      return { stats: stats.stats.sales.count, dashboard: dashboard.sales.allTime };
    };
    const board = async () => {
      const body = leaderboardResponseSchema.parse(
        await (await app.request('/api/leaderboards/sellers?metric=sales&period=all-time&limit=100')).json(),
      );
      return new Map(body.entries.map((entry) => [entry.userId, entry.value]));
    };
    const expectOneWorld = async () => {
      const onBoard = await board();
      for (const person of people) {
        const { stats, dashboard } = await salesOf(person.id);
        expect({ person: person.id, dashboard, board: onBoard.get(person.id) ?? 0 }).toEqual({
          person: person.id,
          dashboard: stats,
          board: stats,
        });
      }
    };

    // The crowd trades too: the world is not three users with sales and a crowd without.
    expect((await salesOf(people[3]!.id)).stats).toBeGreaterThan(0);
    await expectOneWorld();

    // "Record a sale" for carol: one more sale everywhere.
    const before = await salesOf('carol');
    const sale = await app.request('/api/demo/seller-activity?kind=sale&seller=carol', { method: 'POST' });
    expect(sale.status).toBe(200);
    expect(await salesOf('carol')).toEqual({ stats: before.stats + 1, dashboard: before.dashboard + 1 });
    // "Simulate activity": new trades, still one world.
    expect((await app.request('/api/demo/market-activity?events=60', { method: 'POST' })).status).toBe(200);
    await expectOneWorld();
    // The board cache the triggers kept through the mirror equals a rebuild.
    expect((await rebuildSellerBoards(test.db, now)).rowsChanged).toBe(0);

    // A second start the same day (a regenerated marketplace) sees the same people and subjects.
    const second = await demoStart(test.db, createDemoMarketplace({ now }));
    expect(second.reports['userStats']!.counts['subjects']).toBe(
      first.reports['userStats']!.counts['subjects'],
    );
    // Two demo seeds (a full stats backfill each) and ~90 reads: about 20 s on a quiet 2-core machine.
  }, 120_000);
});

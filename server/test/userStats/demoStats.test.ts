import { registerDemoPeople } from '../../src/identity/registerDemoPeople.js';
import { userStatsResponseSchema } from 'podium-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { withDemoDefaults } from '../../src/demo/demoDefaults.js';
import { createDemoMarketplace, seedDemoStats } from '../../src/userStats/demoMarketplace.js';
import { demoUsers } from '../../src/demo/demoUsers.js';
import { createTestApp, testJwtSecret } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

describe('demo user stats', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.cleanup();
    test = undefined;
  });

  it('registers the demo users and serves real stats computed from the local subgraph', async () => {
    test = await createTestDatabase();
    const market = createDemoMarketplace({ now: new Date('2026-11-01T12:00:00Z') });
    await registerDemoPeople(test.db);
    const seeded = await seedDemoStats(test.db, market);
    expect(seeded.entities).toBe(Object.values(market.data.counts()).reduce((a, b) => a + b, 0));

    const { app } = createTestApp(test.db, {
      jwtSecret: testJwtSecret,
      demo: { users: demoUsers, market },
    });
    const read = async (identifier: string) => {
      const response = await app.request(`/api/user/${identifier}/stats`);
      expect(response.status).toBe(200);
      return userStatsResponseSchema.parse(await response.json());
    };

    // Alice trades from two wallets: one set of stats whichever identifier is used.
    const alice = await read('alice.art');
    expect(alice.subject).toMatchObject({
      kind: 'user',
      userId: 'alice',
      addresses: [...demoUsers[0]!.wallets].sort(),
    });
    expect(await read(demoUsers[0]!.wallets[1]!.toUpperCase().replace('0X', '0x'))).toEqual(alice);
    expect(alice.stats.sales.count).toBeGreaterThan(50);
    expect(alice.percentiles.salesVolume).toMatchObject({ rank: 1 });
    for (const user of demoUsers) {
      const stats = await read(user.id);
      expect(stats.stats.sales.count + stats.stats.purchases.count + stats.stats.bids.placed).toBeGreaterThan(
        0,
      );
    }

    // The demo's "simulate activity" adds events and syncs them into the cache before answering.
    // A wallet that never traded has nothing cached yet: 202, queued.
    expect((await app.request('/api/user/0x00000000000000000000000000000000000000ff/stats')).status).toBe(
      202,
    );
    const response = await app.request('/api/demo/market-activity?events=40', { method: 'POST' });
    expect(response.status).toBe(200);
    const { sync } = (await response.json()) as { sync: { entities: number; subjects: number } };
    expect(sync.entities).toBeGreaterThan(0);
    expect(sync.subjects).toBeGreaterThan(0);
    const bad = await app.request('/api/demo/market-activity?events=5000', { method: 'POST' });
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { error: { details: { fields: Record<string, unknown> } } }).error.details.fields
        .events,
    ).toBeDefined();
  });

  it('configures the demo to know its marketplace tokens and to run the stats scheduler', () => {
    const config = loadConfig(withDemoDefaults({}, () => {}));
    expect(config.tokens.map((token) => [token.symbol, token.decimals])).toEqual([
      ['ETH', 18],
      ['USDC', 6],
      ['WETH', 18],
      ['DAI', 18],
    ]);
    expect(config.statsSyncIntervalMs).toBe(60_000);
    // Whatever the operator set wins.
    expect(
      loadConfig(withDemoDefaults({ PODIUM_STATS_SYNC_INTERVAL_SECONDS: '0' }, () => {})).statsSyncIntervalMs,
    ).toBe(0);
  });
});

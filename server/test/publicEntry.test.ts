import { userStatsResponseSchema } from 'podium-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  backfillStats,
  createApp,
  createMarketplaceData,
  createSubgraphApp,
  createSubgraphClient,
  generateMarketplace,
  silentLogger,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase.js';

describe('the podium-server entry, as an embedding host uses it', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.cleanup();
    test = undefined;
  });

  it('builds a subgraph client, backfills and serves user stats with nothing but public exports', async () => {
    test = await createTestDatabase();
    const data = createMarketplaceData({ startTime: new Date('2025-01-01T00:00:00Z') });
    const { wallets } = generateMarketplace(data, {
      walletCount: 12,
      events: 400,
      seed: 9,
      start: new Date('2025-01-01T00:00:00Z'),
      end: new Date('2025-03-01T00:00:00Z'),
    });
    const indexer = createSubgraphApp(data);
    const subgraph = createSubgraphClient({
      url: 'http://indexer.test/graphql',
      fetch: (input, init) => Promise.resolve(indexer.fetch(new Request(input, init))),
    });
    const result = await backfillStats(test.db, subgraph);
    expect(result.subjects).toBe(wallets.length);

    const app = createApp({ db: test.db, subgraph, cronSecret: 'cron-secret', logger: silentLogger });
    const response = await app.request(`/api/user/${wallets[0]}/stats`);
    expect(response.status).toBe(200);
    const body = userStatsResponseSchema.parse(await response.json());
    expect(body.stats.sales.count + body.stats.purchases.count).toBeGreaterThan(0);
    const cron = await app.request(`/api/cron/calculate-user-stats?address=${wallets[1]}`, {
      headers: { authorization: 'Bearer cron-secret' },
    });
    expect(cron.status).toBe(200);
  });
});

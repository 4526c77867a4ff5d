import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildSellerBoards } from '../../src/sellerBoards/rebuildSellerBoards.js';
import type { Database } from '../../src/db/Database.js';
import { createSqlProductsStore, type ProductsStore } from '../../src/sellerBoards/productsStore.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { expectedBoards, readBoards, type ModelEvent } from './sellerBoardsFixtures.js';

const sellers = ['s0', 's1', 's2', 's3', 's4'];
const sellerOf = (i: number) => sellers[i % sellers.length]!;
/** Around midnight UTC between October and November 2025: `ms` milliseconds from it. */
const nearMidnight = (ms: number) => new Date(Date.parse('2025-11-01T00:00:00.000Z') + ms);
const october = new Date('2025-10-15T12:00:00.000Z');

/**
 * Hundreds of simultaneous views, sales, un-sells and re-sells. On Postgres every store has its
 * own pool (real concurrency: the counters' row locks and the upserts decide); on PGlite the
 * handles share the one engine. Afterwards the cache must equal both the model and the rebuild.
 */
describe('seller boards under concurrent events', () => {
  let test: TestDatabase;
  let handles: Database[];
  let stores: ProductsStore[];

  beforeEach(async () => {
    test = await createTestDatabase();
    handles = Array.from({ length: 6 }, () => test.openAnother());
    stores = handles.map((handle) => createSqlProductsStore(handle));
  });
  afterEach(() => test.cleanup());

  const put = (store: ProductsStore, id: string, i: number, status: 'active' | 'sold', at: Date) =>
    store.putProduct(id, { sellerId: sellerOf(i), status, price: '1.00', currency: 'USD' }, at);

  it('loses no count and keeps every instant right, across a month boundary', async () => {
    const setup = createSqlProductsStore(test.db);
    for (let i = 0; i < 20; i++) await put(setup, `viewed-${i}`, i, 'active', october);
    for (let i = 0; i < 40; i++) await put(setup, `sold-${i}`, i, 'active', october);
    // Sold in October, then un-sold (half of them re-sold in November) while the rest happens.
    for (let i = 0; i < 20; i++)
      await put(setup, `unsold-${i}`, i, 'sold', new Date(october.getTime() + i * 1000));

    const model: ModelEvent[] = [];
    const work: Array<() => Promise<unknown>> = [];
    let n = 0;
    const store = () => stores[n++ % stores.length]!;

    // 600 distinct (product, viewer) pairs either side of midnight, 150 of them sent twice.
    for (let p = 0; p < 20; p++) {
      for (let v = 0; v < 30; v++) {
        const at = nearMidnight((v % 2 === 0 ? -1 : 1) * (1 + ((p * 30 + v) % 997)));
        const viewer =
          v % 3 === 0 ? { sessionId: `session-${p}-${v}-xxxxxxxx` } : { viewerId: `viewer-${v}` };
        model.push({ kind: 'view', sellerId: sellerOf(p), at });
        work.push(() => store().recordView(`viewed-${p}`, viewer, at));
        if (v % 4 === 0) work.push(() => store().recordView(`viewed-${p}`, viewer, at));
      }
    }
    // 40 sales, alternating 23:59:59.9xx on October 31 and 00:00:00.0xx on November 1.
    for (let i = 0; i < 40; i++) {
      const at = nearMidnight((i % 2 === 0 ? -1 : 1) * (1 + i));
      model.push({ kind: 'sale', sellerId: sellerOf(i), at });
      work.push(() => put(store(), `sold-${i}`, i, 'sold', at));
    }
    // 20 un-sells of October sales; half are re-sold just after midnight.
    for (let i = 0; i < 20; i++) {
      const resoldAt = nearMidnight(5_000 + i);
      if (i % 2 === 1) model.push({ kind: 'sale', sellerId: sellerOf(i), at: resoldAt });
      work.push(async () => {
        await put(store(), `unsold-${i}`, i, 'active', nearMidnight(1_000));
        if (i % 2 === 1) await put(store(), `unsold-${i}`, i, 'sold', resoldAt);
      });
    }
    // Rebuilds in the middle of it all: they lock writers out, so they find the cache exact.
    for (let i = 0; i < 3; i++) work.push(() => rebuildSellerBoards(handles[i]!, october));
    // Interleaved: views, sales and un-sells of the same sellers and periods race each other.
    const shuffled = work
      .map((fn, i) => ({ fn, key: (i * 7919) % work.length }))
      .sort((a, b) => a.key - b.key);
    const results = await Promise.all(shuffled.map(({ fn }) => fn()));

    const rebuilds = results.filter((r) => typeof r === 'object' && r !== null && 'rowsChanged' in r);
    expect(rebuilds).toEqual(Array(3).fill(expect.objectContaining({ rowsChanged: 0 })));
    const counted = results.filter((r) => typeof r === 'object' && r !== null && 'counted' in r && r.counted);
    expect(counted).toHaveLength(600);
    const expected = expectedBoards(model);
    expect(await readBoards(test.db)).toEqual(expected);
    expect((await rebuildSellerBoards(test.db)).rowsChanged).toBe(0);
    // Both months were really hit, and October lost the un-sold sales.
    const octoberSales = expected.filter((r) => r.period === '2025-10').reduce((sum, r) => sum + r.sales, 0);
    const novemberSales = expected.filter((r) => r.period === '2025-11').reduce((sum, r) => sum + r.sales, 0);
    expect([octoberSales, novemberSales]).toEqual([20, 30]);
  });

  it('counts one view for a viewer who sends the same view from many connections at once', async () => {
    await put(createSqlProductsStore(test.db), 'hot', 0, 'active', october);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        stores[i % stores.length]!.recordView('hot', { viewerId: 'same' }, october),
      ),
    );
    expect(results.filter((r) => r?.counted)).toHaveLength(1);
    expect((await readBoards(test.db)).map((r) => r.views)).toEqual([1, 1]);
  });
});

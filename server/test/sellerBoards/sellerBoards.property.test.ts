import { createSeededRandom, rankEntries, tieModes, type ProductStatus } from 'podium-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildSellerBoards } from '../../src/sellerBoards/rebuildSellerBoards.js';
import { createSqlProductsStore, type ProductsStore } from '../../src/sellerBoards/productsStore.js';
import { createSqlSellerBoardsStore } from '../../src/sellerBoards/sellerBoardsStore.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { expectedBoards, readBoards, type BoardRow, type ModelEvent } from './sellerBoardsFixtures.js';

const sellers = ['ana', 'ben', 'cy', 'dee', 'eve'];
const viewers = [...sellers, 'v1', 'v2', 'v3', 'v4', 'v5', 'v6'];
const statuses: ProductStatus[] = ['draft', 'active', 'sold'];

interface ModelProduct {
  sellerId: string;
  status: ProductStatus;
  soldAt: Date | null;
}

/**
 * The triggers against two independent references: a plain JS model of the events, and the SQL
 * rebuild. A seeded random sequence of creates, sales, un-sells, re-sells, drafts, repeat and
 * self views, with the clock crossing month (and year) boundaries and often standing still.
 */
describe('seller boards: triggers agree with the rebuild and with a model', () => {
  let test: TestDatabase;
  let store: ProductsStore;

  beforeEach(async () => {
    test = await createTestDatabase();
    store = createSqlProductsStore(test.db);
  });
  afterEach(() => test.cleanup());

  async function expectExact(products: Map<string, ModelProduct>, views: ModelEvent[]): Promise<BoardRow[]> {
    const sales: ModelEvent[] = [...products.values()].flatMap((p) =>
      p.status === 'sold' ? [{ kind: 'sale' as const, sellerId: p.sellerId, at: p.soldAt! }] : [],
    );
    const expected = expectedBoards([...sales, ...views]);
    expect(await readBoards(test.db)).toEqual(expected);
    expect((await rebuildSellerBoards(test.db)).rowsChanged).toBe(0);
    expect(await readBoards(test.db)).toEqual(expected);
    return expected;
  }

  it.each([1, 2, 3])('seed %i: 400 random events', async (seed) => {
    const random = createSeededRandom(seed);
    let clock = Date.parse('2025-11-28T22:00:00.000Z');
    const products = new Map<string, ModelProduct>();
    const seen = new Set<string>();
    const views: ModelEvent[] = [];
    const happened = { unsold: 0, resold: 0, refused: 0 };
    const everSold = new Set<string>();

    for (let step = 1; step <= 400; step++) {
      // Often the same instant (ties on reached_at), sometimes hours or days later.
      if (random.next() < 0.35) clock += random.int(0, 40) * 3_600_000 + random.int(0, 999);
      const now = new Date(clock);
      const roll = random.next();
      if (roll < 0.45 || products.size === 0) {
        const id =
          products.size < 25 && (roll < 0.15 || products.size === 0)
            ? `p${products.size}`
            : random.pick([...products.keys()]);
        const existing = products.get(id);
        const status = random.pick(statuses);
        const sellerId = existing?.sellerId ?? random.pick(sellers);
        const { product, created } = await store.putProduct(
          id,
          { sellerId, status, price: `${random.int(1, 99)}.50`, currency: 'USD' },
          now,
        );
        expect(created).toBe(!existing);
        const soldAt = status !== 'sold' ? null : existing?.status === 'sold' ? existing.soldAt : now;
        expect(product.soldAt).toBe(soldAt?.toISOString() ?? null);
        if (existing?.status === 'sold' && status !== 'sold') happened.unsold += 1;
        if (status === 'sold' && existing?.status !== 'sold' && everSold.has(id)) happened.resold += 1;
        if (status === 'sold') everSold.add(id);
        products.set(id, { sellerId, status, soldAt });
      } else {
        const id = random.pick([...products.keys()]);
        const product = products.get(id)!;
        const viewerId = random.pick(viewers);
        const counted =
          product.status !== 'draft' && viewerId !== product.sellerId && !seen.has(`${id}/${viewerId}`);
        expect(await store.recordView(id, { viewerId }, now)).toEqual({ counted });
        if (!counted) happened.refused += 1;
        if (counted) {
          seen.add(`${id}/${viewerId}`);
          views.push({ kind: 'view', sellerId: product.sellerId, at: now });
        }
      }
      if (step % 50 === 0) await expectExact(products, views);
    }

    const expected = await expectExact(products, views);
    // The sequence really crossed months and a year, and really un-sold things.
    expect(new Set(expected.map((row) => row.period)).size).toBeGreaterThanOrEqual(4);
    expect(happened.unsold).toBeGreaterThan(5);
    expect(happened.resold).toBeGreaterThan(5);
    expect(happened.refused).toBeGreaterThan(5);

    // Every board, every tie mode: the SQL ranking is the core's reference ranking.
    const boards = createSqlSellerBoardsStore(test.db);
    for (const period of new Set(expected.map((row) => row.period))) {
      for (const metric of ['sales', 'views'] as const) {
        for (const ties of tieModes) {
          const inputs = expected
            .filter((row) => row.period === period && row[metric] > 0)
            .map((row) => ({
              id: row.sellerId,
              value: row[metric],
              reachedAt: (metric === 'sales' ? row.salesReachedAt : row.viewsReachedAt)!,
            }));
          const page = await boards.getPage({ metric, period, ties, limit: 100, offset: 0 });
          expect(page.total, `${period} ${metric} ${ties}`).toBe(inputs.length);
          expect(page.entries.map((e) => [e.rank, e.userId, e.value])).toEqual(
            rankEntries(inputs, ties).map(({ rank, entry }) => [rank, entry.id, entry.value]),
          );
        }
      }
    }
  });

  it('repairs a cache that drifted, and says how many rows it changed', async () => {
    const at = new Date('2025-10-10T00:00:00.000Z');
    await store.putProduct('r1', { sellerId: 'ana', status: 'sold', price: '1', currency: 'USD' }, at);
    await store.putProduct('r2', { sellerId: 'ben', status: 'active', price: '1', currency: 'USD' }, at);
    await store.recordView('r2', { viewerId: 'v1' }, at);
    const good = await readBoards(test.db);
    expect(good).toHaveLength(4);

    // Three kinds of drift: a wrong count, a wrong instant, a missing row; and one stray row.
    await test.db.exec(`
      UPDATE podium_seller_boards SET sales = 5 WHERE seller_id = 'ana' AND period = 'all';
      UPDATE podium_seller_boards SET views_reached_at = '2020-01-01Z' WHERE seller_id = 'ben' AND period = 'all';
      DELETE FROM podium_seller_boards WHERE seller_id = 'ana' AND period = '2025-10';
      INSERT INTO podium_seller_boards (period, seller_id, views, views_reached_at, updated_at)
        VALUES ('2025-09', 'ghost', 7, '2025-09-01Z', '2025-09-01Z');`);
    const result = await rebuildSellerBoards(test.db, new Date('2025-10-11T00:00:00.000Z'));
    expect(result.rowsChanged).toBe(4);
    expect(await readBoards(test.db)).toEqual(good);
    // The stray row stays, at zero (counts may drop to zero; zero is not ranked).
    expect(result.rows).toBe(5);
    expect((await rebuildSellerBoards(test.db)).rowsChanged).toBe(0);
  });
});

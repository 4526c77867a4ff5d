import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toIsoString, type Database } from '../../src/db/Database.js';
import { rebuildSellerBoards } from '../../src/sellerBoards/rebuildSellerBoards.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { expectedBoards, readBoards, type ModelEvent } from './sellerBoardsFixtures.js';

// Mixed case: the trigger's lock order is code-point order ('Zed' before 'ana').
const sellers = ['ana', 'Zed', 'bo', 'Cy', 'dee', 'eli', 'Fay', 'gus'];
const products = 32;
const sellerOf = (p: number) => sellers[p % sellers.length]!;
const connections = 6;
const batchesPerConnection = 10;

/** A (product, viewer) pair's instant: fixed, so whichever duplicate lands first, the count is the same. */
const viewedAt = (p: number, v: number) =>
  new Date(Date.parse('2026-03-01T00:00:00.000Z') + ((p * 37 + v * 11) % 41) * 60_000 - 20 * 60_000);

/**
 * Migration 016's statement-level triggers under concurrent multi-row statements: several
 * connections (their own pools on Postgres) insert batches of views whose sellers overlap, in
 * different orders, with duplicate pairs across connections, while other statements sell and
 * un-sell several products at once. No statement may fail (the triggers take board rows in one
 * order: no deadlock), and the cache must hold exact totals: the model's views, the final sales,
 * and what a full recalculation finds. On PGlite the handles share one engine (serialised).
 */
describe('seller boards: statement-level triggers under concurrent multi-row statements', () => {
  let test: TestDatabase;
  let handles: Database[];

  beforeEach(async () => {
    test = await createTestDatabase();
    handles = Array.from({ length: connections }, () => test.openAnother());
    await test.db.query(
      `INSERT INTO podium_products (id, seller_id, status, price, currency, sold_at, created_at, updated_at)
       SELECT 'p' || i, (ARRAY[${sellers.map((s) => `'${s}'`).join(', ')}])[1 + i % ${sellers.length}],
              CASE WHEN i % 2 = 0 THEN 'sold' ELSE 'active' END, 1, 'USD',
              CASE WHEN i % 2 = 0 THEN timestamptz '2026-02-10' + i * interval '1 minute' END,
              timestamptz '2026-02-01', timestamptz '2026-02-10'
         FROM generate_series(0, ${products - 1}) AS i`,
    );
  });
  afterEach(() => test.cleanup());

  it('loses no view and keeps every total exact, across a month boundary, without deadlocks', async () => {
    const pairs = new Map<string, ModelEvent>();
    const work: Array<() => Promise<unknown>> = [];

    for (let c = 0; c < connections; c++) {
      for (let b = 0; b < batchesPerConnection; b++) {
        // 40 views per statement over most sellers; neighbouring connections repeat each other's
        // pairs (a duplicate is ON CONFLICT DO NOTHING, counted once), and odd connections list
        // them backwards (the statement inserts them in key order; the sellers' order in the
        // transition table still differs per statement).
        const rows = Array.from({ length: 40 }, (_, i) => {
          const p = (b * 7 + i * 5 + (c >> 1) * 3) % products;
          const v = (b * 40 + i) % 97;
          return { id: `p${p}`, viewer: `user:v${v}`, at: viewedAt(p, v).toISOString(), p, v };
        });
        if (c % 2 === 1) rows.reverse();
        for (const row of rows) {
          pairs.set(`${row.p}/${row.v}`, {
            kind: 'view',
            sellerId: sellerOf(row.p),
            at: viewedAt(row.p, row.v),
          });
        }
        const db = handles[c]!;
        work.push(() =>
          db.query(
            `INSERT INTO podium_product_views (product_id, viewer, seller_id, viewed_at)
             SELECT p.id, r.viewer, p.seller_id, r.at
               FROM jsonb_to_recordset($1::jsonb) AS r (id text, viewer text, at timestamptz)
               JOIN podium_products p ON p.id = r.id
              -- In key order: two statements inserting the same new pairs in different orders
              -- deadlock in the primary key itself (each waits for the other's uncommitted row to
              -- know whether it conflicts), whatever the triggers do. What is under test is the
              -- triggers' order on the board rows, which sort the sellers themselves.
              ORDER BY p.id COLLATE "C", r.viewer COLLATE "C"
             ON CONFLICT DO NOTHING`,
            [JSON.stringify(rows)],
          ),
        );
      }
    }
    // Sales and un-sales of two sellers' products per statement, racing the views: each toggles
    // a group of 8 products (half sold in setup: un-sold; half active: sold), three times in a
    // row, so the removal path (decrement, recompute) runs concurrently with the upserts. The
    // groups are disjoint: the statements never wait for each other on product rows.
    for (let g = 0; g < 4; g++) {
      const ids = Array.from({ length: products / 4 }, (_, i) => `p${i * 4 + g}`);
      const db = handles[g % connections]!;
      work.push(async () => {
        for (let round = 0; round < 3; round++) {
          const at = new Date(Date.parse('2026-02-28T23:59:50.000Z') + (g * 3 + round) * 1_000).toISOString();
          await db.query(
            `UPDATE podium_products SET updated_at = $2,
                    status = CASE WHEN status = 'sold' THEN 'active' ELSE 'sold' END,
                    sold_at = CASE WHEN status = 'sold' THEN NULL ELSE $2::timestamptz END
              WHERE id = ANY($1::text[])`,
            [ids, at],
          );
        }
      });
    }
    const shuffled = work
      .map((fn, i) => ({ fn, key: (i * 7919) % work.length }))
      .sort((a, b) => a.key - b.key);
    await Promise.all(shuffled.map(({ fn }) => fn()));

    const sold = await test.db.query<{ seller_id: string; sold_at: unknown }>(
      `SELECT seller_id, sold_at FROM podium_products WHERE status = 'sold'`,
    );
    // Three toggles: what was sold is not, and what was not is, sold at the last round's instant.
    expect(sold).toHaveLength(products / 2);
    const sales: ModelEvent[] = sold.map((row) => ({
      kind: 'sale',
      sellerId: row.seller_id,
      at: new Date(toIsoString(row.sold_at)),
    }));
    const expected = expectedBoards([...pairs.values(), ...sales]);
    expect(await readBoards(test.db)).toEqual(expected);
    expect((await rebuildSellerBoards(test.db)).rowsChanged).toBe(0);

    // The totals, plainly: every distinct pair once, on both sides of midnight.
    const views = (period: string) =>
      expected.filter((row) => row.period === period).reduce((sum, row) => sum + row.views, 0);
    expect(views('all')).toBe(pairs.size);
    expect(views('2026-02') + views('2026-03')).toBe(pairs.size);
    expect(views('2026-02')).toBeGreaterThan(0);
    expect(views('2026-03')).toBeGreaterThan(0);
    const [stored] = await test.db.query<{ n: unknown }>(
      'SELECT count(*)::int AS n FROM podium_product_views',
    );
    expect(stored?.n).toBe(pairs.size);
  }, 120_000);
});

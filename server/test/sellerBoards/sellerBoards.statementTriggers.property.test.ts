import fc from 'fast-check';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoString, toNumber, type Database } from '../../src/db/Database.js';
import { migrate, migrationsDirectory } from '../../src/migrate.js';
import { rebuildSellerBoards } from '../../src/sellerBoards/rebuildSellerBoards.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * Migration 016 replaced 004's row-level board triggers with statement-level ones. Random batches
 * of multi-row statements (inserts, upserts, updates, deletes of products; inserts and deletes of
 * views) run on two databases: one migrated up to 015 (the row-level triggers, the reference) and
 * one fully migrated. After every statement the whole cache table must be equal on both (counts,
 * instants, updated_at, rows left at zero), and equal to a full recalculation (the rebuild changes
 * 0 rows). Deletes stamp updated_at with now(), which differs between the two databases: such
 * instants compare as "now".
 */

const sellers = ['ana', 'Ben', 'cy'];
const products = 9;
const productId = (i: number) => `p${i}`;
/** A product's seller never changes: derived from its id. */
const sellerOf = (i: number) => sellers[i % sellers.length]!;
/** Instants either side of two month boundaries (and a year's), with ties. */
const instants = [
  '2025-12-31T23:59:59.999Z',
  '2026-01-01T00:00:00.000Z',
  '2026-01-01T00:00:00.000Z',
  '2026-01-20T10:00:00.000Z',
  '2026-01-31T23:59:59.999Z',
  '2026-02-01T00:00:00.001Z',
  '2026-02-14T08:00:00.000Z',
].map((s) => new Date(s).toISOString());

const at = fc.constantFrom(...instants);
const product = fc.integer({ min: 0, max: products - 1 });
const status = fc.constantFrom('draft', 'active', 'sold', 'sold');
const uniqueProducts = <T>(item: fc.Arbitrary<T & { product: number }>) =>
  fc.uniqueArray(item, { selector: (x) => x.product, minLength: 1, maxLength: products });

const command = fc.oneof(
  fc.record({
    kind: fc.constant('insertProducts' as const),
    rows: fc.array(fc.record({ product, status, at }), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({
    kind: fc.constant('upsertProducts' as const),
    rows: uniqueProducts(fc.record({ product, status, at })),
  }),
  fc.record({
    kind: fc.constant('updateProducts' as const),
    // restamp: a sold product gets a new sold_at (the "sold at another instant" path).
    rows: uniqueProducts(fc.record({ product, status, at, restamp: fc.boolean() })),
  }),
  fc.record({
    kind: fc.constant('deleteProducts' as const),
    ids: fc.uniqueArray(product, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('insertViews' as const),
    rows: fc.array(fc.record({ product, viewer: fc.integer({ min: 0, max: 4 }), at }), {
      minLength: 1,
      maxLength: 12,
    }),
  }),
  fc.record({
    kind: fc.constant('deleteViews' as const),
    rows: fc.array(fc.record({ product, viewer: fc.integer({ min: 0, max: 4 }) }), {
      minLength: 1,
      maxLength: 6,
    }),
  }),
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

/** One statement per command, the same SQL on both databases. */
async function run(db: Database, cmd: Command): Promise<void> {
  switch (cmd.kind) {
    case 'insertProducts':
    case 'upsertProducts': {
      const rows = cmd.rows.map((r) => ({
        id: productId(r.product),
        seller: sellerOf(r.product),
        status: r.status,
        at: r.at,
      }));
      await db.query(
        `INSERT INTO podium_products AS p (id, seller_id, status, price, currency, sold_at, created_at, updated_at)
         SELECT r.id, r.seller, r.status, 1, 'USD', CASE WHEN r.status = 'sold' THEN r.at END, r.at, r.at
           FROM jsonb_to_recordset($1::jsonb) AS r (id text, seller text, status text, at timestamptz)
         ${
           cmd.kind === 'insertProducts'
             ? 'ON CONFLICT (id) DO NOTHING'
             : `ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at,
                  sold_at = CASE WHEN EXCLUDED.status = 'sold' THEN coalesce(p.sold_at, EXCLUDED.sold_at) END`
         }`,
        [JSON.stringify(rows)],
      );
      return;
    }
    case 'updateProducts': {
      const rows = cmd.rows.map((r) => ({
        id: productId(r.product),
        status: r.status,
        at: r.at,
        restamp: r.restamp,
      }));
      await db.query(
        `UPDATE podium_products p
            SET status = r.status, updated_at = r.at,
                sold_at = CASE WHEN r.status = 'sold' THEN CASE WHEN r.restamp THEN r.at ELSE coalesce(p.sold_at, r.at) END END
           FROM jsonb_to_recordset($1::jsonb) AS r (id text, status text, at timestamptz, restamp boolean)
          WHERE p.id = r.id`,
        [JSON.stringify(rows)],
      );
      return;
    }
    case 'deleteProducts':
      await db.query('DELETE FROM podium_products WHERE id = ANY($1::text[])', [cmd.ids.map(productId)]);
      return;
    case 'insertViews': {
      const rows = cmd.rows.map((r) => ({ id: productId(r.product), viewer: `user:v${r.viewer}`, at: r.at }));
      await db.query(
        `INSERT INTO podium_product_views (product_id, viewer, seller_id, viewed_at)
         SELECT p.id, r.viewer, p.seller_id, r.at
           FROM jsonb_to_recordset($1::jsonb) AS r (id text, viewer text, at timestamptz)
           JOIN podium_products p ON p.id = r.id
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(rows)],
      );
      return;
    }
    case 'deleteViews': {
      const rows = cmd.rows.map((r) => ({ id: productId(r.product), viewer: `user:v${r.viewer}` }));
      await db.query(
        `DELETE FROM podium_product_views v USING jsonb_to_recordset($1::jsonb) AS r (id text, viewer text)
          WHERE v.product_id = r.id AND v.viewer = r.viewer`,
        [JSON.stringify(rows)],
      );
      return;
    }
  }
}

/** The whole cache table, rows at zero and updated_at included; now()-stamped instants as 'now'. */
async function wholeCache(db: Database, since: Date): Promise<string[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT period, seller_id, sales, views, sales_reached_at, views_reached_at, updated_at
       FROM podium_seller_boards ORDER BY period COLLATE "C", seller_id COLLATE "C"`,
  );
  const instant = (value: unknown) => (value === null ? 'null' : toIsoString(value));
  return rows.map((row) => {
    const updated = new Date(toIsoString(row.updated_at)) >= since ? 'now' : instant(row.updated_at);
    return [
      row.period,
      row.seller_id,
      toNumber(row.sales),
      toNumber(row.views),
      instant(row.sales_reached_at),
      instant(row.views_reached_at),
      updated,
    ].join(' ');
  });
}

describe('seller boards: statement-level triggers (016) against the row-level ones (004) and the rebuild', () => {
  let legacy: TestDatabase;
  let current: TestDatabase;
  let legacyMigrations: string;

  beforeAll(async () => {
    // The migrations before 016, in a folder of their own: the reference database stops there.
    legacyMigrations = await mkdtemp(join(tmpdir(), 'podium-legacy-migrations-'));
    const directory = fileURLToPath(migrationsDirectory);
    for (const name of await readdir(directory)) {
      if (name.endsWith('.sql') && name < '016')
        await copyFile(join(directory, name), join(legacyMigrations, name));
    }
    legacy = await createTestDatabase({ migrated: false });
    await migrate(legacy.db, { directory: legacyMigrations });
    current = await createTestDatabase();
  }, 120_000);

  afterAll(async () => {
    await legacy?.cleanup();
    await current?.cleanup();
    if (legacyMigrations) await rm(legacyMigrations, { recursive: true, force: true });
  });

  it('the reference really has the row-level triggers, and the current database the statement-level ones', async () => {
    const levels = async (db: Database) =>
      (
        await db.query<{ tgname: string; level: string }>(
          `SELECT tgname, CASE WHEN tgtype & 1 = 1 THEN 'row' ELSE 'statement' END AS level
             FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'podium_seller_boards%'
               AND tgrelid = 'podium_product_views'::regclass ORDER BY tgname`,
        )
      ).map((row) => `${row.tgname}:${row.level}`);
    expect(await levels(legacy.db)).toEqual(['podium_seller_boards_view:row']);
    expect(await levels(current.db)).toEqual([
      'podium_seller_boards_views_deleted:statement',
      'podium_seller_boards_views_inserted:statement',
    ]);
  });

  it('random batches leave the same cache as the row-level triggers, and as a full recalculation', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async (commands) => {
        runs += 1;
        const since = new Date(Date.now() - 1000);
        for (const db of [legacy.db, current.db]) {
          // TRUNCATE fires no DELETE trigger: a clean slate for both.
          await db.exec(
            'TRUNCATE podium_product_view_quota, podium_product_views, podium_products, podium_seller_boards',
          );
        }
        for (const [step, cmd] of commands.entries()) {
          await run(legacy.db, cmd);
          await run(current.db, cmd);
          const expected = await wholeCache(legacy.db, since);
          expect(await wholeCache(current.db, since), `after step ${step}: ${JSON.stringify(cmd)}`).toEqual(
            expected,
          );
          expect((await rebuildSellerBoards(current.db)).rowsChanged, `rebuild after step ${step}`).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
    expect(runs).toBe(60);
  }, 300_000);

  it('refuses what 004 refused: a product changing seller, a view being updated', async () => {
    await current.db.exec(
      'TRUNCATE podium_product_view_quota, podium_product_views, podium_products, podium_seller_boards',
    );
    await run(current.db, {
      kind: 'insertProducts',
      rows: [{ product: 0, status: 'sold', at: instants[0]! }],
    });
    await run(current.db, { kind: 'insertViews', rows: [{ product: 0, viewer: 1, at: instants[1]! }] });
    await expect(
      current.db.exec(`UPDATE podium_products SET seller_id = 'other' WHERE id = 'p0'`),
    ).rejects.toMatchObject({
      code: '23514',
      message: expect.stringContaining("A product's seller never changes (product p0)"),
    });
    await expect(
      current.db.exec(`UPDATE podium_product_views SET viewed_at = viewed_at + interval '1 day'`),
    ).rejects.toMatchObject({
      code: '0A000',
      message: expect.stringContaining('Product views are never updated'),
    });
    // Updates that touch nothing counted, or no row at all, pass.
    await current.db.exec(`UPDATE podium_products SET price = 2 WHERE id = 'p0'`);
    await current.db.exec(`UPDATE podium_product_views SET viewer = viewer WHERE false`);
    expect((await rebuildSellerBoards(current.db)).rowsChanged).toBe(0);
  });
});

import { countSellerBoardsChanged } from './sellerBoardVersions.js';
import { createSeededRandom } from 'podium-kit/core';
import type { Database } from '../db/Database.js';
import { createSqlProductsStore } from './productsStore.js';
import { demoCrowdIds } from '../demo/demoPeople.js';
import { demoUsers } from '../demo/demoUsers.js';

/** The demo's sellers: the demo users first (alice busy, bob steady, carol quiet), then the crowd. */
export const demoSellerIds = [...demoUsers.map((user) => user.id), ...demoCrowdIds];

/** What {@link seedDemoSellerBoards} did. */
export interface SeedDemoSellerBoardsResult {
  products: number;
  views: number;
}

/**
 * Seeds the seller boards without a demo marketplace (a real subgraph is configured; with one,
 * the boards mirror it: `mirrorDemoMarket`): products over the last three months (about a third sold, spread over
 * those months) and views from a pool of viewers, skewed so the boards have leaders and ties.
 * Bulk inserts through the base tables, so the migration's triggers fill the cache exactly as
 * they do for live events. Idempotent: ids are deterministic and existing rows are kept.
 */
export async function seedDemoSellerBoards(
  db: Database,
  options: { now?: Date; seed?: number } = {},
): Promise<SeedDemoSellerBoardsResult> {
  const now = options.now ?? new Date();
  const random = createSeededRandom(options.seed ?? 5);

  const dayMs = 86_400_000;
  const products: {
    id: string;
    seller: string;
    status: string;
    price: string;
    soldAt: string | null;
    at: string;
  }[] = [];
  const views: { product: string; viewer: string; seller: string; at: string }[] = [];
  demoSellerIds.forEach((seller, rank) => {
    // Busier sellers first: alice lists the most, the tail of the crowd the least.
    const listed = Math.max(3, Math.round(40 / (1 + rank * 0.35)) + random.int(0, 4));
    for (let n = 0; n < listed; n += 1) {
      const id = `demo-${seller}-${String(n).padStart(3, '0')}`;
      const listedAt = now.getTime() - random.int(1, 88) * dayMs;
      const sold = random.next() < 0.35;
      const status = sold ? 'sold' : random.next() < 0.12 ? 'draft' : 'active';
      const soldAt = sold
        ? new Date(Math.min(listedAt + random.int(1, 20) * dayMs, now.getTime() - 60_000))
        : null;
      products.push({
        id,
        seller,
        status,
        price: (random.int(5, 400) + random.int(0, 99) / 100).toFixed(2),
        soldAt: soldAt?.toISOString() ?? null,
        at: new Date(listedAt).toISOString(),
      });
      if (status === 'draft') continue;
      const viewCount = random.int(0, Math.max(2, 30 - rank));
      for (let v = 0; v < viewCount; v += 1) {
        const viewedAt = listedAt + random.next() * (now.getTime() - listedAt);
        views.push({
          product: id,
          viewer: `user:viewer-${random.int(1, 400)}`,
          seller,
          at: new Date(viewedAt).toISOString(),
        });
      }
    }
  });

  const result = await db.transaction(async (tx) => {
    const insertedProducts = await tx.query(
      `INSERT INTO podium_products (id, seller_id, status, price, currency, sold_at, created_at, updated_at)
       SELECT p.id, p.seller, p.status, p.price::numeric, 'USD', p."soldAt", p.at, coalesce(p."soldAt", p.at)
         FROM jsonb_to_recordset($1::jsonb)
           AS p(id text, seller text, status text, price text, "soldAt" timestamptz, at timestamptz)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(products)],
    );
    const insertedViews = await tx.query(
      `INSERT INTO podium_product_views (product_id, viewer, seller_id, viewed_at)
       SELECT v.product, v.viewer, v.seller, v.at
         FROM jsonb_to_recordset($1::jsonb) AS v(product text, viewer text, seller text, at timestamptz)
       ON CONFLICT DO NOTHING RETURNING product_id`,
      [JSON.stringify(views)],
    );
    return { products: insertedProducts.length, views: insertedViews.length };
  });
  if (result.products + result.views > 0) await countSellerBoardsChanged(db);
  return result;
}

/**
 * The demo's "record a sale / a view" buttons: a sale lists and sells a new product for the
 * seller now; a view comes from a new session on one of the seller's active products (or a new
 * listing when they have none). Through the store, like a host's backend would.
 */
export async function recordDemoSellerActivity(
  db: Database,
  kind: 'sale' | 'view',
  sellerId: string,
  now: Date = new Date(),
): Promise<{ kind: 'sale' | 'view'; productId: string; counted: boolean }> {
  const products = createSqlProductsStore(db);
  const stamp = `${now.getTime().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  if (kind === 'sale') {
    const productId = `demo-live-${stamp}`;
    await products.putProduct(
      productId,
      { sellerId, status: 'active', price: '49.00', currency: 'USD' },
      now,
    );
    await products.putProduct(productId, { sellerId, status: 'sold', price: '49.00', currency: 'USD' }, now);
    return { kind, productId, counted: true };
  }
  const [active] = await db.query<{ id: string }>(
    "SELECT id FROM podium_products WHERE seller_id = $1 AND status = 'active' ORDER BY id LIMIT 1",
    [sellerId],
  );
  const productId = active?.id ?? `demo-live-${stamp}`;
  if (!active)
    await products.putProduct(
      productId,
      { sellerId, status: 'active', price: '25.00', currency: 'USD' },
      now,
    );
  const result = await products.recordView(productId, { sessionId: `demo-session-${stamp}` }, now);
  return { kind, productId, counted: result?.counted ?? false };
}

import { createHash, createHmac } from 'node:crypto';
import { errorCodes, type Product, type PutProductBody, type RecordViewBody } from 'podium-kit/core';
import { toIsoString, toNumber, type Database, type Queryable } from '../db/Database.js';
import { HttpError } from '../errors.js';
import { countSellerBoardsChanged } from './sellerBoardVersions.js';

/** What {@link ProductsStore.putProduct} did. */
export interface PutProductResult {
  product: Product;
  /** `true` when the product did not exist before (a 201). */
  created: boolean;
  /**
   * When the product had been sold before this write (ISO 8601), else `null`: a sale taken back
   * leaves that month's board, which the product no longer says.
   */
  previousSoldAt: string | null;
}

/** Products and their views (`podium_products`, `podium_product_views`); triggers keep the boards. */
export interface ProductsStore {
  /**
   * Creates or updates product `id`. Moving to `sold` stamps `sold_at = now`; staying sold keeps
   * the original instant; moving away clears it (the trigger takes the sale back out of the month
   * it was counted in).
   *
   * @throws {HttpError} 409 naming `sellerId` when the product belongs to another seller.
   */
  putProduct(id: string, input: PutProductBody, now: Date): Promise<PutProductResult>;
  /**
   * Records a view at `now`. `counted: false` for a repeat viewer, a draft, the seller viewing
   * their own product, or a `client` past its daily cap; `null` when there is no such product.
   * Without `client` (seeds, a host's own backend) views are not capped.
   */
  recordView(
    productId: string,
    viewer: RecordViewBody,
    now: Date,
    client?: ViewClient,
  ): Promise<{ counted: boolean } | null>;
  /**
   * A seller's active listings and earnings (sums of sold products' prices per currency, exact
   * NUMERIC sums as decimal strings) in `[month.start, month.end)` and all time.
   */
  getSellerSummary(sellerId: string, month: { start: Date; end: Date }): Promise<SellerProductsSummary>;
}

/** Who sent a view, for the per-client cap of {@link ProductsStore.recordView}. */
export interface ViewClient {
  /** The client's IP address; stored only as a salted hash. */
  ip: string;
  /** Counted views per client, product and UTC day; 0 or less: no cap. */
  maxViewsPerDay: number;
}

/** An exact amount of one currency. */
export interface Money {
  currency: string;
  amount: string;
}

/** What {@link ProductsStore.getSellerSummary} returns. */
export interface SellerProductsSummary {
  activeListings: number;
  earnings: { month: Money[]; allTime: Money[] };
}

interface ProductRow {
  id: string;
  seller_id: string;
  status: Product['status'];
  price: string;
  currency: string;
  sold_at: unknown;
  created_at: unknown;
  updated_at: unknown;
}

// price::text: node-postgres returns NUMERIC as a string but PGlite as a (lossy) number.
const productColumns =
  'id, seller_id, status, price::text AS price, currency, sold_at, created_at, updated_at';

/** Options of {@link createSqlProductsStore}. */
export interface SqlProductsStoreOptions {
  /**
   * Called after a write that may change the boards has committed (a product written, a view
   * counted): it counts the change the leaderboard's ETag is made from. It must not throw.
   */
  onBoardsChanged?: (() => Promise<void>) | undefined;
}

/** The SQL implementation, the same on PGlite and Postgres. */
export function createSqlProductsStore(db: Database, options: SqlProductsStoreOptions = {}): ProductsStore {
  // Without a counter of its own (seeds, the demo's buttons, tests): count directly; a failure
  // leaves the change uncounted until the next one or the next start (which counts once).
  const boardsChanged =
    options.onBoardsChanged ?? (() => countSellerBoardsChanged(db).catch(() => undefined));
  let salt: Promise<string> | undefined;
  // The UTC day whose earlier quota rows this store has deleted: the cap is per day, so once a
  // day has passed its rows only take space.
  let prunedBefore: string | undefined;
  const pruneQuotaBefore = async (now: Date) => {
    const today = now.toISOString().slice(0, 10);
    if (prunedBefore === today) return;
    prunedBefore = today;
    await db
      .query('DELETE FROM podium_product_view_quota WHERE day < $1::date', [today])
      // Not the view's business: the next day (or the next instance) tries again.
      .catch(() => (prunedBefore = undefined));
  };
  return {
    async putProduct(id, input, now) {
      const result = await db.transaction(async (tx): Promise<PutProductResult> => {
        const [inserted] = await tx.query<ProductRow>(
          `INSERT INTO podium_products (id, seller_id, status, price, currency, sold_at, created_at, updated_at)
           VALUES ($1, $2, $3::text, $4::numeric, $5, CASE WHEN $3::text = 'sold' THEN $6::timestamptz END, $6, $6)
           ON CONFLICT (id) DO NOTHING RETURNING ${productColumns}`,
          [id, input.sellerId, input.status, input.price, input.currency, now],
        );
        if (inserted) return { product: toProduct(inserted), created: true, previousSoldAt: null };

        // Locked: two PUTs of one product run one after the other, so a sale is stamped once.
        const [existing] = await tx.query<{ seller_id: string; sold_at: unknown }>(
          'SELECT seller_id, sold_at FROM podium_products WHERE id = $1 FOR UPDATE',
          [id],
        );
        if (!existing) throw new Error(`Product ${id} vanished during its update`);
        if (existing.seller_id !== input.sellerId) throw sellerChanged();
        const [updated] = await tx.query<ProductRow>(
          `UPDATE podium_products
              SET status = $2::text, price = $3::numeric, currency = $4, updated_at = $5,
                  -- sold_at is set exactly while sold (a CHECK): keep it, stamp it, or clear it.
                  sold_at = CASE WHEN $2::text = 'sold' THEN coalesce(sold_at, $5::timestamptz) END
            WHERE id = $1 RETURNING ${productColumns}`,
          [id, input.status, input.price, input.currency, now],
        );
        return {
          product: toProduct(updated!),
          created: false,
          previousSoldAt: existing.sold_at == null ? null : toIsoString(existing.sold_at),
        };
      });
      await boardsChanged();
      return result;
    },

    async recordView(productId, viewer, now, client) {
      if (viewer.viewerId === undefined && viewer.sessionId === undefined) {
        throw new Error('A view needs a viewerId or a sessionId');
      }
      const key =
        viewer.viewerId !== undefined ? `user:${viewer.viewerId}` : `session:${sha256(viewer.sessionId!)}`;
      if (client && client.maxViewsPerDay > 0) {
        const clientHash = createHmac(
          'sha256',
          await (salt ??= readClientIpSalt(db).catch((error: unknown) => {
            salt = undefined; // a failed read is tried again by the next view
            throw error;
          })),
        )
          .update(client.ip)
          .digest('hex');
        const outcome = await recordCappedView(db, productId, key, now, clientHash, client.maxViewsPerDay);
        await pruneQuotaBefore(now);
        if (outcome === 'counted') await boardsChanged();
        if (outcome !== 'unknown product') return { counted: outcome === 'counted' };
      } else if ((await insertView(db, productId, key, now)).length > 0) {
        await boardsChanged();
        return { counted: true };
      }
      const known = await db.query('SELECT 1 FROM podium_products WHERE id = $1', [productId]);
      return known.length > 0 ? { counted: false } : null;
    },

    async getSellerSummary(sellerId, month) {
      const [listings] = await db.query<{ n: unknown }>(
        "SELECT count(*) AS n FROM podium_products WHERE seller_id = $1 AND status = 'active'",
        [sellerId],
      );
      // ::text: exact decimals on both drivers (PGlite would parse NUMERIC into a float).
      const rows = await db.query<{ currency: string; all_time: string; month: string | null }>(
        `SELECT currency, sum(price)::text AS all_time,
                (sum(price) FILTER (WHERE sold_at >= $2 AND sold_at < $3))::text AS month
           FROM podium_products WHERE seller_id = $1 AND status = 'sold'
          GROUP BY currency ORDER BY currency`,
        [sellerId, month.start, month.end],
      );
      return {
        activeListings: toNumber(listings?.n),
        earnings: {
          month: rows.flatMap((row) =>
            row.month === null ? [] : [{ currency: row.currency, amount: row.month }],
          ),
          allTime: rows.map((row) => ({ currency: row.currency, amount: row.all_time })),
        },
      };
    },
  };
}

/**
 * One statement: the primary key makes a repeat (even a concurrent one) a no-op, and the WHERE
 * leaves drafts and the seller's own views out, so the trigger only sees counted views.
 */
function insertView(db: Queryable, productId: string, viewer: string, now: Date) {
  return db.query(
    `INSERT INTO podium_product_views (product_id, viewer, seller_id, viewed_at)
     SELECT id, $2, seller_id, $3 FROM podium_products
      WHERE id = $1 AND status <> 'draft' AND $2 <> ('user:' || seller_id)
     ON CONFLICT (product_id, viewer) DO NOTHING RETURNING 1`,
    [productId, viewer, now],
  );
}

/** Thrown inside the transaction to take back a quota increment whose view did not count. */
class NotCounted extends Error {}

/**
 * A view under the per-client daily cap, in one transaction: the quota row first (its row lock
 * makes concurrent views of one client and product take turns, and the conditional UPDATE refuses
 * past the cap, so 60 concurrent new viewers count exactly `max`), then the view. A view that does
 * not count (a repeat, a draft, the seller) rolls the increment back, so only counted views use up
 * the quota. Lock order is quota row, then the trigger's board rows, for every writer: no deadlock.
 */
async function recordCappedView(
  db: Database,
  productId: string,
  viewer: string,
  now: Date,
  clientHash: string,
  max: number,
): Promise<'counted' | 'not counted' | 'unknown product'> {
  try {
    return await db.transaction(async (tx) => {
      const [quota] = await tx.query(
        `INSERT INTO podium_product_view_quota AS q (product_id, client_hash, day, counted)
         SELECT id, $2, ($3::timestamptz AT TIME ZONE 'UTC')::date, 1 FROM podium_products WHERE id = $1
         ON CONFLICT (product_id, client_hash, day) DO UPDATE SET counted = q.counted + 1 WHERE q.counted < $4
         RETURNING 1`,
        [productId, clientHash, now, max],
      );
      if (!quota) {
        const known = await tx.query('SELECT 1 FROM podium_products WHERE id = $1', [productId]);
        return known.length > 0 ? 'not counted' : 'unknown product';
      }
      if ((await insertView(tx, productId, viewer, now)).length === 0) throw new NotCounted();
      return 'counted';
    });
  } catch (error) {
    if (error instanceof NotCounted) return 'not counted';
    throw error;
  }
}

/** The database's salt of client IP hashes (migration 005). */
async function readClientIpSalt(db: Queryable): Promise<string> {
  const [row] = await db.query<{ value: string }>(
    "SELECT value FROM podium_server_secrets WHERE name = 'client_ip_salt'",
  );
  if (!row) throw new Error('The client IP salt is missing: has migration 005 run?');
  return row.value;
}

/** Session ids are stored hashed: bounded in size, and useless to whoever reads the table. */
function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function sellerChanged(): HttpError {
  return new HttpError(409, errorCodes.conflict, "A product's seller never changes", {
    fields: { sellerId: ['differs from the seller this product was created with'] },
  });
}

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sellerId: row.seller_id,
    status: row.status,
    price: row.price,
    currency: row.currency,
    soldAt: row.sold_at === null ? null : toIsoString(row.sold_at),
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
  };
}

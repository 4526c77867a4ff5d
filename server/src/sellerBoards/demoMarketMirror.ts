import { countSellerBoardsChanged } from './sellerBoardVersions.js';
import {
  createSeededRandom,
  defaultTokenList,
  hashString,
  nativeTokenAddress,
  type TokenInfo,
} from 'podium-kit/core';
import type { Database } from '../db/Database.js';
import type { DemoPerson } from '../demo/demoPeople.js';
import type { DemoMarketplace } from '../userStats/demoMarketplace.js';
import { formatTokenAmount } from '../userStats/userStatsRoutes.js';

/** Ids of products mirrored from the demo marketplace: `demo-m-p<purchase id>`, `demo-m-l<listing id>`. */
export const mirroredProductIdPattern = '^demo-m-[lp]0x[0-9a-f]+$';

interface MirroredProduct {
  id: string;
  seller: string;
  status: 'sold' | 'active';
  price: string;
  currency: string;
  soldAt: string | null;
  at: string;
}

/** What {@link mirrorDemoMarket} changed. */
export interface MirrorDemoMarketResult {
  products: number;
  views: number;
  /** Mirrored products whose marketplace entity is gone (a regenerated marketplace). */
  removed: number;
}

/**
 * Makes the seller boards tell the same story as the demo marketplace the user stats come from:
 * every purchase of a demo person's listing is a sold product (so a seller's sales on the boards
 * and the dashboard equal the sales in their stats tab), every open listing an active product.
 * Views are not marketplace events: each product gets a deterministic set of them. Idempotent, and
 * an exact mirror: products of entities the marketplace no longer has are deleted (the triggers
 * keep the board cache right through all of it).
 */
export async function mirrorDemoMarket(
  db: Database,
  market: DemoMarketplace,
  people: readonly DemoPerson[],
  tokens: readonly TokenInfo[] = defaultTokenList,
  now: Date = new Date(),
): Promise<MirrorDemoMarketResult> {
  const products = mirroredProducts(market, people, tokens);
  const views = products.flatMap((product) => viewsOf(product, now));
  const result = await db.transaction(async (tx) => {
    const removed = await tx.query(
      `DELETE FROM podium_products WHERE id ~ $1 AND NOT (id = ANY($2)) RETURNING 1`,
      [mirroredProductIdPattern, products.map((product) => product.id)],
    );
    const inserted = await tx.query(
      `INSERT INTO podium_products (id, seller_id, status, price, currency, sold_at, created_at, updated_at)
       SELECT p.id, p.seller, p.status, p.price::numeric, p.currency, p."soldAt", p.at, coalesce(p."soldAt", p.at)
         FROM jsonb_to_recordset($1::jsonb)
           AS p(id text, seller text, status text, price text, currency text, "soldAt" timestamptz, at timestamptz)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(products)],
    );
    // Views only for products this call inserted: a product already there keeps the ones it has.
    const fresh = new Set(inserted.map((row) => (row as { id: string }).id));
    const insertedViews = await tx.query(
      `INSERT INTO podium_product_views (product_id, viewer, seller_id, viewed_at)
       SELECT v.product, v.viewer, v.seller, v.at
         FROM jsonb_to_recordset($1::jsonb) AS v(product text, viewer text, seller text, at timestamptz)
       ON CONFLICT DO NOTHING RETURNING product_id`,
      [JSON.stringify(views.filter((view) => fresh.has(view.product)))],
    );
    return { products: inserted.length, views: insertedViews.length, removed: removed.length };
  });
  // After commit: the boards' change count makes open leaderboards' next poll a 200.
  if (result.products + result.views + result.removed > 0) await countSellerBoardsChanged(db);
  return result;
}

/** The products the marketplace implies for the demo's people. */
function mirroredProducts(
  market: DemoMarketplace,
  people: readonly DemoPerson[],
  tokens: readonly TokenInfo[],
): MirroredProduct[] {
  const owners = new Map(
    people.flatMap((person) => person.wallets.map((wallet) => [wallet.toLowerCase(), person.id])),
  );
  const tokensByAddress = new Map(tokens.map((token) => [token.address.toLowerCase(), token]));
  const listings = new Map(
    market.data
      .table('listings')
      .all()
      .map((listing) => [listing.id, listing]),
  );
  const products: MirroredProduct[] = [];
  const money = (amount: bigint, erc20: string) => {
    const token = tokensByAddress.get(erc20.toLowerCase());
    // An unknown token still counts as a sale (the stats count it too), under a generic code.
    const decimals = erc20.toLowerCase() === nativeTokenAddress ? 18 : (token?.decimals ?? 18);
    const symbol = erc20.toLowerCase() === nativeTokenAddress ? 'ETH' : (token?.symbol ?? 'ERC20');
    return { price: formatTokenAmount(amount.toString(), decimals), currency: symbol.toUpperCase() };
  };
  for (const purchase of market.data.table('purchases').all()) {
    const listing = listings.get(purchase.listing);
    const seller = listing && owners.get(listing.seller);
    if (!listing || !seller) continue;
    products.push({
      id: `demo-m-p${purchase.id}`,
      seller,
      status: 'sold',
      ...money(purchase.amount, listing.erc20),
      soldAt: instant(purchase.timestamp),
      at: instant(listing.createdAt),
    });
  }
  for (const listing of listings.values()) {
    const seller = owners.get(listing.seller);
    if (!seller || listing.status !== 'ACTIVE') continue;
    products.push({
      id: `demo-m-l${listing.id}`,
      seller,
      status: 'active',
      ...money(listing.price, listing.erc20),
      soldAt: null,
      at: instant(listing.createdAt),
    });
  }
  return products;
}

/** A product's views: a few to a few dozen viewers, between its listing and its sale (or now). */
function viewsOf(product: MirroredProduct, now: Date) {
  const random = createSeededRandom(hashString(product.id));
  const from = Date.parse(product.at);
  const to = product.soldAt ? Date.parse(product.soldAt) : now.getTime();
  return Array.from({ length: random.int(0, 24) }, () => ({
    product: product.id,
    viewer: `user:viewer-${random.int(1, 400)}`,
    seller: product.seller,
    at: new Date(from + random.next() * Math.max(0, to - from)).toISOString(),
  }));
}

function instant(unixSeconds: bigint): string {
  return new Date(Number(unixSeconds) * 1000).toISOString();
}

import type {
  BidRecord,
  ListingRecord,
  ListingStatus,
  OfferRecord,
  OfferStatus,
  PurchaseRecord,
  SubjectRecords,
} from 'podium-kit/core';
import type { Queryable } from '../db/Database.js';
import type { IndexedBid, IndexedListing, IndexedOffer, IndexedPurchase } from '../indexer/index.js';

/**
 * The mirror: the server's copy of the subgraph's marketplace entities (migration 002). Every
 * figure of a subject is computed from its rows here, so the incremental sync only has to page
 * what changed and recompute whom it touches.
 */

/** A batch of indexed entities, any kind may be empty. */
export interface MarketEntities {
  listings?: readonly IndexedListing[];
  purchases?: readonly IndexedPurchase[];
  bids?: readonly IndexedBid[];
  offers?: readonly IndexedOffer[];
}

/** How many entities of each kind a batch holds. */
export function countEntities(entities: MarketEntities): number {
  return (
    (entities.listings?.length ?? 0) +
    (entities.purchases?.length ?? 0) +
    (entities.bids?.length ?? 0) +
    (entities.offers?.length ?? 0)
  );
}

/**
 * Rows per statement. The rows travel as one array parameter per column (`unnest`), so the
 * chunk is bounded by statement size and memory, not by Postgres' 65,535-parameter limit.
 */
const chunkSize = 2_000;

/**
 * Listing and offer states only move forward (ACTIVE -> FINALIZED | CANCELLED, PENDING -> any
 * other): a stored terminal state is kept. That makes upserts commutative, so a per-user
 * calculation that read an older snapshot cannot undo what a concurrent sync already wrote.
 */
const upsertListingsSql = `
  INSERT INTO podium_market_listings AS m
    (id, seller, erc20, token_address, token_id, listing_type, status, created_at)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                       $7::text[], $8::timestamptz[])
  ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status
  WHERE m.status = 'ACTIVE' AND EXCLUDED.status <> 'ACTIVE'
  RETURNING id, (xmax = 0) AS inserted`;

// Purchases and bids never change once indexed: a second sight is a no-op.
const upsertPurchasesSql = `
  INSERT INTO podium_market_purchases
    (id, listing_id, buyer, seller, erc20, token_address, token_id, amount, count, "timestamp")
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                       $7::text[], $8::numeric[], $9::int[], $10::timestamptz[])
  ON CONFLICT (id) DO NOTHING
  RETURNING id`;

const upsertBidsSql = `
  INSERT INTO podium_market_bids (id, listing_id, bidder, erc20, amount, "timestamp")
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::timestamptz[])
  ON CONFLICT (id) DO NOTHING
  RETURNING id`;

const upsertOffersSql = `
  INSERT INTO podium_market_offers AS m (id, listing_id, offerer, seller, erc20, amount, status, "timestamp")
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[],
                       $7::text[], $8::timestamptz[])
  ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status
  WHERE m.status = 'PENDING' AND EXCLUDED.status <> 'PENDING'
  RETURNING id, (xmax = 0) AS inserted`;

/**
 * What an upsert actually changed in the mirror: the rows it inserted, and the rows whose status
 * it moved forward (a listing from `ACTIVE`, an offer from `PENDING`: the only transitions the
 * upserts allow, so the previous status is known). A row seen again unchanged is in neither, which
 * is what lets the stats be updated by delta without counting an event twice.
 */
export interface MirrorChanges {
  listings: { inserted: IndexedListing[]; updated: IndexedListing[] };
  purchases: IndexedPurchase[];
  bids: IndexedBid[];
  offers: { inserted: IndexedOffer[]; updated: IndexedOffer[] };
}

/** No changes. */
export function emptyMirrorChanges(): MirrorChanges {
  return {
    listings: { inserted: [], updated: [] },
    purchases: [],
    bids: [],
    offers: { inserted: [], updated: [] },
  };
}

/** How many rows a {@link MirrorChanges} holds. */
export function countMirrorChanges(changes: MirrorChanges): number {
  return (
    changes.listings.inserted.length +
    changes.listings.updated.length +
    changes.purchases.length +
    changes.bids.length +
    changes.offers.inserted.length +
    changes.offers.updated.length
  );
}

/**
 * Writes a batch into the mirror: new entities are inserted, known ones updated (only a status
 * can change, and only forward). Idempotent: writing the same batch twice changes nothing.
 * Addresses must be lower-case (the indexer normalises them; the tables check).
 *
 * @returns what changed (see {@link MirrorChanges}), from the statements' own `RETURNING`, so a
 *   concurrent writer that stored a row first makes it a no-op here, never a second change.
 */
export async function upsertMarketEntities(db: Queryable, entities: MarketEntities): Promise<MirrorChanges> {
  const changes = emptyMirrorChanges();
  for (const chunk of chunks(entities.listings)) {
    const rows = await db.query<{ id: string; inserted: boolean }>(upsertListingsSql, [
      chunk.map((l) => l.id),
      chunk.map((l) => l.seller),
      chunk.map((l) => l.erc20),
      chunk.map((l) => l.tokenAddress),
      chunk.map((l) => l.tokenId),
      chunk.map((l) => l.listingType),
      chunk.map((l) => l.status),
      chunk.map((l) => l.createdAt.toISOString()),
    ]);
    sortChanges(chunk, rows, changes.listings);
  }
  for (const chunk of chunks(entities.purchases)) {
    const rows = await db.query<{ id: string }>(upsertPurchasesSql, [
      chunk.map((p) => p.id),
      chunk.map((p) => p.listingId),
      chunk.map((p) => p.buyer),
      chunk.map((p) => p.seller),
      chunk.map((p) => p.erc20),
      chunk.map((p) => p.tokenAddress),
      chunk.map((p) => p.tokenId),
      chunk.map((p) => p.amount.toString()),
      chunk.map((p) => p.count),
      chunk.map((p) => p.timestamp.toISOString()),
    ]);
    changes.purchases.push(...pick(chunk, rows));
  }
  for (const chunk of chunks(entities.bids)) {
    const rows = await db.query<{ id: string }>(upsertBidsSql, [
      chunk.map((b) => b.id),
      chunk.map((b) => b.listingId),
      chunk.map((b) => b.bidder),
      chunk.map((b) => b.erc20),
      chunk.map((b) => b.amount.toString()),
      chunk.map((b) => b.timestamp.toISOString()),
    ]);
    changes.bids.push(...pick(chunk, rows));
  }
  for (const chunk of chunks(entities.offers)) {
    const rows = await db.query<{ id: string; inserted: boolean }>(upsertOffersSql, [
      chunk.map((o) => o.id),
      chunk.map((o) => o.listingId),
      chunk.map((o) => o.offerer),
      chunk.map((o) => o.seller),
      chunk.map((o) => o.erc20),
      chunk.map((o) => o.amount.toString()),
      chunk.map((o) => o.status),
      chunk.map((o) => o.timestamp.toISOString()),
    ]);
    sortChanges(chunk, rows, changes.offers);
  }
  return changes;
}

/** The items of a chunk whose ids a statement returned. */
function pick<T extends { id: string }>(chunk: readonly T[], rows: readonly { id: string }[]): T[] {
  const byId = new Map(chunk.map((item) => [item.id, item]));
  return rows.map((row) => byId.get(row.id)!);
}

/** Splits returned rows into inserted and updated ones. */
function sortChanges<T extends { id: string }>(
  chunk: readonly T[],
  rows: readonly { id: string; inserted: boolean | string }[],
  into: { inserted: T[]; updated: T[] },
): void {
  const byId = new Map(chunk.map((item) => [item.id, item]));
  for (const row of rows) {
    const item = byId.get(row.id)!;
    if (row.inserted === true || row.inserted === 't') into.inserted.push(item);
    else into.updated.push(item);
  }
}

/**
 * Splits into statement-sized chunks, keeping the last sight of an id: `ON CONFLICT DO UPDATE`
 * refuses a statement that would touch the same row twice.
 */
function chunks<T extends { id: string }>(items: readonly T[] | undefined): T[][] {
  if (!items || items.length === 0) return [];
  // Sorted by id, so concurrent writers (two subjects sharing a purchase) lock rows in the same
  // order on Postgres and cannot deadlock.
  const unique = [...new Map(items.map((item) => [item.id, item])).values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const result: T[][] = [];
  for (let start = 0; start < unique.length; start += chunkSize)
    result.push(unique.slice(start, start + chunkSize));
  return result;
}

/**
 * Every address whose figures a batch can change (call it after upserting the batch): a listing
 * touches its seller and everyone who bid on it (their active bids follow the listing's status),
 * a purchase its buyer and seller, a bid its bidder, an offer its offerer and the listing's
 * seller. A purchase on an auction changes "bids won" only for its buyer, who is touched anyway.
 */
export async function addressesTouchedBy(db: Queryable, entities: MarketEntities): Promise<Set<string>> {
  const touched = new Set<string>();
  for (const listing of entities.listings ?? []) touched.add(listing.seller);
  for (const purchase of entities.purchases ?? []) touched.add(purchase.buyer).add(purchase.seller);
  for (const bid of entities.bids ?? []) touched.add(bid.bidder);
  for (const offer of entities.offers ?? []) touched.add(offer.offerer).add(offer.seller);
  const listingIds = [...new Set((entities.listings ?? []).map((listing) => listing.id))];
  for (let start = 0; start < listingIds.length; start += chunkSize) {
    const rows = await db.query<{ bidder: string }>(
      'SELECT DISTINCT bidder FROM podium_market_bids WHERE listing_id = ANY($1::text[])',
      [listingIds.slice(start, start + chunkSize)],
    );
    for (const row of rows) touched.add(row.bidder);
  }
  return touched;
}

/** Mutable {@link SubjectRecords}, as the loaders fill them. */
interface RecordLists {
  listings: ListingRecord[];
  sales: PurchaseRecord[];
  purchases: PurchaseRecord[];
  bids: BidRecord[];
  offersMade: OfferRecord[];
  offersReceived: OfferRecord[];
}

function emptyRecords(): RecordLists {
  return { listings: [], sales: [], purchases: [], bids: [], offersMade: [], offersReceived: [] };
}

/**
 * The records of one subject: everything its wallets did, from the mirror. A trade between two
 * of the subject's own wallets is both a sale and a purchase, as `computeUserStats` expects.
 */
export async function loadSubjectRecords(
  db: Queryable,
  addresses: readonly string[],
): Promise<SubjectRecords> {
  const byAddress = await loadRecordsByAddress(db, addresses);
  return mergeRecords(addresses, byAddress);
}

/** Concatenates the per-address records of a subject's wallets (each record has one owner per role, so no duplicates). */
export function mergeRecords(
  addresses: readonly string[],
  byAddress: ReadonlyMap<string, SubjectRecords>,
): SubjectRecords {
  const merged = emptyRecords();
  for (const address of new Set(addresses)) {
    const records = byAddress.get(address);
    if (!records) continue;
    merged.listings.push(...records.listings);
    merged.sales.push(...records.sales);
    merged.purchases.push(...records.purchases);
    merged.bids.push(...records.bids);
    merged.offersMade.push(...records.offersMade);
    merged.offersReceived.push(...records.offersReceived);
  }
  return merged;
}

/**
 * The mirror's records of many addresses in six set queries (not six per address), grouped by
 * address: what makes recalculating thousands of subjects take seconds.
 *
 * A bid whose listing is not mirrored yet counts as on an `ACTIVE` listing: bids are only placed
 * on active listings, and a listing can only be missing when it was created after the sync paged
 * the listings (so it is new); its next change or the next cycle brings it, and touches the bidder.
 */
export async function loadRecordsByAddress(
  db: Queryable,
  addresses: readonly string[],
): Promise<Map<string, SubjectRecords>> {
  const wanted = [...new Set(addresses)];
  const result = new Map<string, RecordLists>(wanted.map((address) => [address, emptyRecords()]));
  if (wanted.length === 0) return result;
  const of = (address: unknown) => result.get(address as string);

  const listings = await packedRows<[string, string, ListingStatus]>(
    db,
    'SELECT id, seller, status FROM podium_market_listings WHERE seller = ANY($1::text[])',
    'id, seller, status',
    wanted,
  );
  for (const [id, seller, status] of listings) of(seller)?.listings.push({ id, seller, status });

  // One read for both roles: a purchase is a sale of its seller and a purchase of its buyer.
  const purchases = await packedRows<[string, string, string, string, string, string, number, number]>(
    db,
    `SELECT * FROM podium_market_purchases WHERE buyer = ANY($1::text[]) OR seller = ANY($1::text[])`,
    `id, listing_id, buyer, seller, erc20, amount::text, count, ${epochMs('"timestamp"')}`,
    wanted,
  );
  for (const [id, listingId, buyer, seller, erc20, amount, count, ms] of purchases) {
    const record: PurchaseRecord = {
      id,
      listingId,
      buyer,
      seller,
      erc20,
      amount: BigInt(amount),
      count,
      timestamp: new Date(ms),
    };
    of(buyer)?.purchases.push(record);
    of(seller)?.sales.push(record);
  }

  const bids = await packedRows<[string, string, string, string, string, number, ListingStatus]>(
    db,
    `SELECT b.*, coalesce(l.status, 'ACTIVE') AS listing_status
       FROM podium_market_bids b LEFT JOIN podium_market_listings l ON l.id = b.listing_id
      WHERE b.bidder = ANY($1::text[])`,
    `id, listing_id, bidder, erc20, amount::text, ${epochMs('"timestamp"')}, listing_status`,
    wanted,
  );
  for (const [id, listingId, bidder, erc20, amount, ms, listingStatus] of bids) {
    of(bidder)?.bids.push({
      id,
      listingId,
      bidder,
      erc20,
      amount: BigInt(amount),
      listingStatus,
      timestamp: new Date(ms),
    });
  }

  const offers = await packedRows<[string, string, string, string, OfferStatus, number]>(
    db,
    `SELECT * FROM podium_market_offers WHERE offerer = ANY($1::text[]) OR seller = ANY($1::text[])`,
    `id, listing_id, offerer, seller, status, ${epochMs('"timestamp"')}`,
    wanted,
  );
  for (const [id, listingId, offerer, seller, status, ms] of offers) {
    const record: OfferRecord = { id, listingId, offerer, seller, status, timestamp: new Date(ms) };
    of(offerer)?.offersMade.push(record);
    of(seller)?.offersReceived.push(record);
  }
  return result;
}

/** A timestamptz column as epoch milliseconds (exact: the columns keep milliseconds). */
function epochMs(column: string): string {
  return `(extract(epoch FROM ${column}) * 1000)::float8`;
}

/**
 * Runs `from` and returns its rows as arrays of `columns`, packed by the database into one JSON
 * text value: both drivers decode one text column far faster than thousands of typed rows
 * (about twice as fast on PGlite), and the recalculation reads hundreds of thousands of rows.
 */
async function packedRows<T extends unknown[]>(
  db: Queryable,
  from: string,
  columns: string,
  addresses: readonly string[],
): Promise<T[]> {
  const [row] = await db.query<{ rows: string | null }>(
    `SELECT json_agg(json_build_array(${columns}))::text AS rows FROM (${from}) r`,
    [addresses],
  );
  return row?.rows ? (JSON.parse(row.rows) as T[]) : [];
}

/**
 * Every wallet address the mirror has seen in any role, sorted (`COLLATE "C"`, byte order, the
 * same on every database).
 */
export async function mirroredAddresses(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ address: string }>(`${mirroredAddressesSql} ORDER BY 1 COLLATE "C"`);
  return rows.map((row) => row.address);
}

/** The union of every address column of the mirror (no ORDER BY: callers add theirs). */
export const mirroredAddressesSql = `
  SELECT seller AS address FROM podium_market_listings
  UNION SELECT buyer FROM podium_market_purchases
  UNION SELECT seller FROM podium_market_purchases
  UNION SELECT bidder FROM podium_market_bids
  UNION SELECT offerer FROM podium_market_offers
  UNION SELECT seller FROM podium_market_offers`;

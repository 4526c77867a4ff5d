import type { SubgraphClient } from './subgraphClient.js';
import { SubgraphError } from './subgraphError.js';

/** A listing as the indexer keeps it. */
export interface IndexedListing {
  id: string;
  seller: string;
  erc20: string;
  tokenAddress: string;
  tokenId: string;
  listingType: string;
  status: 'ACTIVE' | 'FINALIZED' | 'CANCELLED';
  createdAt: Date;
}

/** A purchase, with the listing fields stats need (who sold, in which token, which NFT). */
export interface IndexedPurchase {
  id: string;
  listingId: string;
  buyer: string;
  seller: string;
  erc20: string;
  tokenAddress: string;
  tokenId: string;
  amount: bigint;
  count: number;
  timestamp: Date;
}

/** A bid, with its listing's payment token. */
export interface IndexedBid {
  id: string;
  listingId: string;
  bidder: string;
  erc20: string;
  amount: bigint;
  timestamp: Date;
}

/** An offer, with its listing's seller and payment token. */
export interface IndexedOffer {
  id: string;
  listingId: string;
  offerer: string;
  seller: string;
  erc20: string;
  amount: bigint;
  status: 'PENDING' | 'ACCEPTED' | 'RESCINDED' | 'REJECTED';
  timestamp: Date;
}

/** The four entity collections of the marketplace subgraph. */
export type MarketEntityKind = 'listings' | 'purchases' | 'bids' | 'offers';

/** The record type of each {@link MarketEntityKind}. */
export interface MarketEntityMap {
  listings: IndexedListing;
  purchases: IndexedPurchase;
  bids: IndexedBid;
  offers: IndexedOffer;
}

/** A `where` argument (The Graph's filter syntax). */
export type SubgraphFilter = Record<string, unknown>;

/** Progress of a stream, after each page. */
export interface MarketPageInfo {
  kind: MarketEntityKind;
  /** 1 for the first page. */
  page: number;
  /** Rows in this page. */
  rows: number;
  /** Rows so far, this page included. */
  total: number;
  /** The cursor: the last id of this page. */
  lastId: string | undefined;
}

/** Options of {@link streamMarketEntities}. */
export interface StreamMarketEntitiesOptions {
  /** Rows per request, 1..1000 (default 1000, The Graph's maximum). */
  pageSize?: number;
  signal?: AbortSignal;
  onPage?(info: MarketPageInfo): void;
}

/** The Graph caps `first` at 1000. */
export const maxPageSize = 1000;
/** The most addresses one `_in` filter carries: long lists make slow, huge queries. */
export const maxAddressesPerFilter = 100;

const selections: Record<MarketEntityKind, { type: string; fields: string }> = {
  listings: { type: 'Listing', fields: 'id seller erc20 tokenAddress tokenId listingType status createdAt' },
  purchases: {
    type: 'Purchase',
    fields: 'id buyer amount count timestamp listing { id seller erc20 tokenAddress tokenId }',
  },
  bids: { type: 'Bid', fields: 'id bidder amount timestamp listing { id erc20 }' },
  offers: { type: 'Offer', fields: 'id offerer amount status timestamp listing { id seller erc20 }' },
};

/** The page query of a collection: cursor paging on `id`, never `skip` (The Graph caps it at 5000). */
function pageQuery(kind: MarketEntityKind): string {
  const { type, fields } = selections[kind];
  return `query MarketPage($first: Int!, $where: ${type}_filter!) {
  rows: ${kind}(first: $first, orderBy: id, orderDirection: asc, where: $where) { ${fields} }
}`;
}

/**
 * Streams every entity of `kind` matching `where`, one normalised page at a time, with cursor
 * paging: each request asks for `id_gt` the last id seen, ordered by id. Unlike `skip`, this stays
 * fast and exact however deep it goes, and rows inserted meanwhile behind the cursor cannot shift
 * a page. A page that breaks the expected shape (or does not move the cursor forward) fails with a
 * {@link SubgraphError} of kind `graphql` rather than being half-stored.
 */
export async function* streamMarketEntities<K extends MarketEntityKind>(
  client: SubgraphClient,
  kind: K,
  where: SubgraphFilter,
  options: StreamMarketEntitiesOptions = {},
): AsyncGenerator<MarketEntityMap[K][], void, undefined> {
  const pageSize = options.pageSize ?? maxPageSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw new RangeError(`pageSize must be an integer in 1..${maxPageSize}, got ${pageSize}`);
  }
  const document = pageQuery(kind);
  const { id_gt: startAfter, ...filter } = where;
  let lastId = typeof startAfter === 'string' ? startAfter : undefined;
  let total = 0;
  for (let page = 1; ; page++) {
    const variables = {
      first: pageSize,
      where: lastId === undefined ? filter : { ...filter, id_gt: lastId },
    };
    const data = await client.query<{ rows?: unknown }>(document, variables, options.signal);
    const malformed = (reason: string) =>
      new SubgraphError(`malformed ${kind} page ${page}: ${reason}`, {
        kind: 'graphql',
        retryable: false,
        url: client.url,
        attempts: 1,
      });
    if (!Array.isArray(data?.rows)) throw malformed('`rows` is not a list');
    if (data.rows.length > pageSize) throw malformed(`${data.rows.length} rows for first: ${pageSize}`);
    const rows = data.rows.map((row: unknown, index) => {
      try {
        return normalisers[kind](row) as MarketEntityMap[K];
      } catch (error) {
        throw malformed(`row ${index}: ${(error as Error).message}`);
      }
    });
    // The cursor must move, or the next `id_gt` would fetch the same rows forever. (Ids are not
    // compared with `>` here: the subgraph's database collation, not JavaScript's, orders them.)
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.id === lastId || seen.has(row.id))
        throw malformed(`id ${row.id} repeats; the cursor would not move`);
      seen.add(row.id);
    }
    lastId = rows.length > 0 ? rows[rows.length - 1]!.id : lastId;
    total += rows.length;
    options.onPage?.({ kind, page, rows: rows.length, total, lastId });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
  }
}

/** The six per-user filters, each split into chunks of at most {@link maxAddressesPerFilter} addresses. */
export interface UserFilters {
  listingsBySeller: SubgraphFilter[];
  purchasesAsBuyer: SubgraphFilter[];
  purchasesAsSeller: SubgraphFilter[];
  bidsByBidder: SubgraphFilter[];
  offersMade: SubgraphFilter[];
  offersReceived: SubgraphFilter[];
}

/** Which collection each of {@link UserFilters} queries. */
export const userFilterKinds: { [F in keyof UserFilters]: MarketEntityKind } = {
  listingsBySeller: 'listings',
  purchasesAsBuyer: 'purchases',
  purchasesAsSeller: 'purchases',
  bidsByBidder: 'bids',
  offersMade: 'offers',
  offersReceived: 'offers',
};

/**
 * Everything that concerns some wallets: what they listed, bought, sold, bid, offered and were
 * offered. Addresses are lower-cased and de-duplicated; an empty list gives no filters at all
 * (an empty `_in` would match nothing, a missing one everything).
 */
export function userFilters(addresses: readonly string[]): UserFilters {
  const unique = [...new Set(addresses.map(normaliseAddress))];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += maxAddressesPerFilter)
    chunks.push(unique.slice(i, i + maxAddressesPerFilter));
  return {
    listingsBySeller: chunks.map((chunk) => ({ seller_in: chunk })),
    purchasesAsBuyer: chunks.map((chunk) => ({ buyer_in: chunk })),
    purchasesAsSeller: chunks.map((chunk) => ({ listing_: { seller_in: chunk } })),
    bidsByBidder: chunks.map((chunk) => ({ bidder_in: chunk })),
    offersMade: chunks.map((chunk) => ({ offerer_in: chunk })),
    offersReceived: chunks.map((chunk) => ({ listing_: { seller_in: chunk } })),
  };
}

/** Entities whose last change happened at or after `block` (combine with a filter by spreading). */
export function changedSince(block: number): { _change_block: { number_gte: number } } {
  if (!Number.isInteger(block) || block < 0)
    throw new RangeError(`block must be a non-negative integer, got ${block}`);
  return { _change_block: { number_gte: block } };
}

function normaliseAddress(value: string): string {
  const lower = value.trim().toLowerCase();
  if (!/^0x[0-9a-f]{40}$/.test(lower)) throw new RangeError(`Not an address: ${value}`);
  return lower;
}

// ---- page validation: every field checked, so a changed subgraph schema fails loudly ----

type Row = Record<string, unknown>;

function object(value: unknown, name: string): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${name} is not an object`);
  return value as Row;
}

function text(row: Row, field: string): string {
  const value = row[field];
  if (typeof value !== 'string' || value === '') throw new Error(`${field} is not a non-empty string`);
  return value;
}

function address(row: Row, field: string): string {
  const value = text(row, field).toLowerCase();
  if (!/^0x[0-9a-f]{40}$/.test(value))
    throw new Error(`${field} is not an address: ${JSON.stringify(row[field])}`);
  return value;
}

/**
 * A non-negative integer field, as its canonical decimal string (exact at any size). graph-node
 * serialises `BigInt`, `Int8` and `BigDecimal` fields as decimal strings and `Int` fields as JSON
 * numbers, and which type a field has is each subgraph's own choice, so both are read alike.
 * Refused, as not such a number: signs, exponents (`1e3`), fractions (`1.5`, even `12.0`), hex,
 * blanks around or inside, and JSON numbers above 2^53 - 1 (JSON.parse has rounded them already,
 * so they are no longer exact).
 */
function integer(row: Row, field: string): string {
  const value = row[field];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value).toString();
  throw new Error(
    `${field} is not a non-negative integer (a JSON number or a decimal string): ${JSON.stringify(value)}`,
  );
}

function seconds(row: Row, field: string): Date {
  const date = new Date(Number(integer(row, field)) * 1000);
  if (Number.isNaN(date.getTime())) throw new Error(`${field} is not a time`);
  return date;
}

function oneOf<T extends string>(row: Row, field: string, values: readonly T[]): T {
  const value = row[field];
  if (!values.includes(value as T))
    throw new Error(`${field} is not one of ${values.join(', ')}: ${JSON.stringify(value)}`);
  return value as T;
}

/** The largest count stored (the mirror's `count` column is a 32-bit integer). */
const maxCount = 2_147_483_647;

/** An edition count: {@link integer}, within the mirror's 32-bit column. */
function count(row: Row, field: string): number {
  const value = Number(integer(row, field));
  if (value > maxCount)
    throw new Error(`${field} is not a count of at most ${maxCount}: ${JSON.stringify(row[field])}`);
  return value;
}

const normalisers: { [K in MarketEntityKind]: (value: unknown) => MarketEntityMap[K] } = {
  listings(value) {
    const row = object(value, 'the row');
    return {
      id: text(row, 'id'),
      seller: address(row, 'seller'),
      erc20: address(row, 'erc20'),
      tokenAddress: address(row, 'tokenAddress'),
      tokenId: integer(row, 'tokenId'),
      listingType: text(row, 'listingType'),
      status: oneOf(row, 'status', ['ACTIVE', 'FINALIZED', 'CANCELLED'] as const),
      createdAt: seconds(row, 'createdAt'),
    };
  },
  purchases(value) {
    const row = object(value, 'the row');
    const listing = object(row.listing, 'listing');
    return {
      id: text(row, 'id'),
      listingId: text(listing, 'id'),
      buyer: address(row, 'buyer'),
      seller: address(listing, 'seller'),
      erc20: address(listing, 'erc20'),
      tokenAddress: address(listing, 'tokenAddress'),
      tokenId: integer(listing, 'tokenId'),
      amount: BigInt(integer(row, 'amount')),
      count: count(row, 'count'),
      timestamp: seconds(row, 'timestamp'),
    };
  },
  bids(value) {
    const row = object(value, 'the row');
    const listing = object(row.listing, 'listing');
    return {
      id: text(row, 'id'),
      listingId: text(listing, 'id'),
      bidder: address(row, 'bidder'),
      erc20: address(listing, 'erc20'),
      amount: BigInt(integer(row, 'amount')),
      timestamp: seconds(row, 'timestamp'),
    };
  },
  offers(value) {
    const row = object(value, 'the row');
    const listing = object(row.listing, 'listing');
    return {
      id: text(row, 'id'),
      listingId: text(listing, 'id'),
      offerer: address(row, 'offerer'),
      seller: address(listing, 'seller'),
      erc20: address(listing, 'erc20'),
      amount: BigInt(integer(row, 'amount')),
      status: oneOf(row, 'status', ['PENDING', 'ACCEPTED', 'RESCINDED', 'REJECTED'] as const),
      timestamp: seconds(row, 'timestamp'),
    };
  },
};

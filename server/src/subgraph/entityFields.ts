/**
 * The marketplace subgraph's entities described once: the record types the stand-in stores, and
 * the field table both the query engine (filters, ordering) and the GraphQL schema are built from,
 * so the two cannot disagree about which field is a BigInt or which filters exist.
 */

/** Listing lifecycle, as the auction-house contract reports it. */
export const listingStatuses = ['ACTIVE', 'FINALIZED', 'CANCELLED'] as const;
/** How a listing sells. */
export const listingTypes = ['FIXED_PRICE', 'INDIVIDUAL_AUCTION', 'OFFERS_ONLY'] as const;
/** Offer lifecycle. */
export const offerStatuses = ['PENDING', 'ACCEPTED', 'RESCINDED', 'REJECTED'] as const;

/** A listing's status. */
export type ListingStatus = (typeof listingStatuses)[number];
/** A listing's type. */
export type ListingType = (typeof listingTypes)[number];
/** An offer's status. */
export type OfferStatus = (typeof offerStatuses)[number];

/** The zero address: an `erc20` of this value means the listing is priced in native ETH. */
export const nativeToken = '0x0000000000000000000000000000000000000000';

/** Fields every stored entity has: a string id that sorts like the entity's age, and its last change. */
export interface EntityRecord {
  id: string;
  /** Block of the entity's last change (what `_change_block: { number_gte }` selects on). */
  changeBlock: number;
}

/**
 * A listing. `price`, `quantity`, `remaining` and `topBid` are the stand-in's own bookkeeping
 * (the contract state the subgraph does not expose); the schema does not publish them.
 */
export interface ListingRecord extends EntityRecord {
  listingId: bigint;
  seller: string;
  erc20: string;
  tokenAddress: string;
  tokenId: bigint;
  listingType: ListingType;
  status: ListingStatus;
  finalized: boolean;
  /** Unix seconds. */
  createdAt: bigint;
  /** Asking price per edition (FIXED_PRICE) or reserve (auctions, offers). */
  price: bigint;
  quantity: number;
  remaining: number;
  /** Id of the highest bid, if any. */
  topBid: string | null;
}

/** A sale: a direct purchase, an auction settlement or an accepted offer. */
export interface PurchaseRecord extends EntityRecord {
  /** The listing's id. */
  listing: string;
  buyer: string;
  amount: bigint;
  count: number;
  timestamp: bigint;
}

/** A bid on an auction. */
export interface BidRecord extends EntityRecord {
  listing: string;
  bidder: string;
  amount: bigint;
  timestamp: bigint;
}

/** An offer on a listing. */
export interface OfferRecord extends EntityRecord {
  listing: string;
  offerer: string;
  amount: bigint;
  status: OfferStatus;
  timestamp: bigint;
}

/** The four collections, by their query field name. */
export interface EntityRecords {
  listings: ListingRecord;
  purchases: PurchaseRecord;
  bids: BidRecord;
  offers: OfferRecord;
}

/** A collection name: `listings`, `purchases`, `bids` or `offers`. */
export type EntityKind = keyof EntityRecords;

/** Every collection, in a fixed order. */
export const entityKinds: readonly EntityKind[] = ['listings', 'purchases', 'bids', 'offers'];

/**
 * How a field compares and filters. `ref` is a relation to a listing held as the listing's id:
 * it filters like a string and also accepts a nested `listing_` filter.
 */
export type FieldKind = 'id' | 'bigint' | 'bytes' | 'int' | 'boolean' | 'enum' | 'ref';

/** One published scalar field. */
export interface FieldSpec {
  kind: FieldKind;
  /** For `enum` fields: the GraphQL enum's name and values. */
  enumName?: string;
  enumValues?: readonly string[];
}

const id: FieldSpec = { kind: 'id' };
const bigint: FieldSpec = { kind: 'bigint' };
const bytes: FieldSpec = { kind: 'bytes' };
const listingRef: FieldSpec = { kind: 'ref' };

/** The published scalar fields of each collection (what `where` and `orderBy` accept). */
export const entityFields: { [K in EntityKind]: Record<string, FieldSpec> } = {
  listings: {
    id,
    listingId: bigint,
    seller: bytes,
    erc20: bytes,
    tokenAddress: bytes,
    tokenId: bigint,
    listingType: { kind: 'enum', enumName: 'ListingType', enumValues: listingTypes },
    status: { kind: 'enum', enumName: 'ListingStatus', enumValues: listingStatuses },
    finalized: { kind: 'boolean' },
    createdAt: bigint,
  },
  purchases: {
    id,
    listing: listingRef,
    buyer: bytes,
    amount: bigint,
    // BigInt, as many marketplace subgraphs type it: served as a decimal string, like graph-node.
    count: bigint,
    timestamp: bigint,
  },
  bids: { id, listing: listingRef, bidder: bytes, amount: bigint, timestamp: bigint },
  offers: {
    id,
    listing: listingRef,
    offerer: bytes,
    amount: bigint,
    status: { kind: 'enum', enumName: 'OfferStatus', enumValues: offerStatuses },
    timestamp: bigint,
  },
};

/** Fields that accept the ordering operators (`_gt`, `_lt`, ...) besides equality and `_in`. */
export function isOrderedKind(kind: FieldKind): boolean {
  return kind !== 'boolean' && kind !== 'enum';
}

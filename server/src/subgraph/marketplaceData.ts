import { EntityTable, type SelectArgs } from './entityTable.js';
import {
  type BidRecord,
  type EntityKind,
  type EntityRecords,
  type ListingRecord,
  type ListingStatus,
  type ListingType,
  type OfferRecord,
  type OfferStatus,
  type PurchaseRecord,
} from './entityFields.js';

/** Options of {@link createMarketplaceData}. */
export interface MarketplaceDataOptions {
  /** The head before the first change (default 18,000,000: a mainnet-like number). */
  startBlock?: number;
  /** The head block's time (default 2024-01-01T00:00:00Z). */
  startTime?: Date;
  /** Seconds between blocks when a change does not say when it happened (default 12). */
  blockTimeSeconds?: number;
  /** What `_meta.deployment` reports (default a fixed fake IPFS hash). */
  deployment?: string;
}

/** When a change happens: a block (>= the head) and/or a time; by default the next block. */
export interface ChangeAt {
  block?: number;
  /** A Date or unix seconds; must not be before the head block's time. */
  timestamp?: Date | number;
}

/** What {@link MarketplaceData.createListing} needs. */
export interface CreateListingInput {
  seller: string;
  /** Payment token; the zero address for native ETH. */
  erc20: string;
  tokenAddress: string;
  tokenId: bigint | number;
  listingType: ListingType;
  /** Asking price per edition (FIXED_PRICE) or reserve price, in the token's smallest unit. */
  price: bigint;
  /** Editions for sale (FIXED_PRICE only; default 1). */
  quantity?: number;
}

/** What {@link MarketplaceData.purchase} needs. */
export interface PurchaseInput {
  listingId: string;
  buyer: string;
  /** Editions bought (default 1; FIXED_PRICE only may buy more than one). */
  count?: number;
  /** Total paid (default price × count). */
  amount?: bigint;
}

/**
 * The stand-in subgraph's store: four collections, the indexed head block, and the contract
 * events that change them. Every change happens at a block (the next one by default) and stamps
 * the touched entities with it, which is what `_change_block` and `_meta` report.
 */
export interface MarketplaceData {
  /** The latest indexed block. */
  readonly head: number;
  /** The head block's time, unix seconds. */
  readonly headTimestamp: number;
  readonly deployment: string;
  /** One collection. */
  table<K extends EntityKind>(kind: K): EntityTable<EntityRecords[K]>;
  /** One entity by id. */
  get<K extends EntityKind>(kind: K, id: string): EntityRecords[K] | undefined;
  /** Runs a collection query (`where`, `orderBy`, `first`, `skip`). */
  query<K extends EntityKind>(kind: K, args: SelectArgs): EntityRecords[K][];
  /** Entity counts per collection. */
  counts(): Record<EntityKind, number>;
  /** Advances the head without changing any entity (an empty block). */
  mine(at?: ChangeAt): number;
  createListing(input: CreateListingInput, at?: ChangeAt): ListingRecord;
  /**
   * A sale. FIXED_PRICE: buys `count` editions and finalizes the listing when none remain.
   * INDIVIDUAL_AUCTION: a buy-out that finalizes it. OFFERS_ONLY listings sell only by accepting
   * an offer ({@link setOfferStatus}).
   */
  purchase(input: PurchaseInput, at?: ChangeAt): PurchaseRecord;
  /** A bid on an active auction; must beat the current highest bid. */
  bid(input: { listingId: string; bidder: string; amount: bigint }, at?: ChangeAt): BidRecord;
  /** An offer on an active listing. */
  makeOffer(input: { listingId: string; offerer: string; amount: bigint }, at?: ChangeAt): OfferRecord;
  /**
   * Resolves a pending offer. ACCEPTED also sells: it records a purchase by the offerer at the
   * offer's amount and finalizes the listing, all in the same block.
   */
  setOfferStatus(offerId: string, status: Exclude<OfferStatus, 'PENDING'>, at?: ChangeAt): OfferRecord;
  /** Cancels an active listing (not an auction that has bids). */
  cancelListing(listingId: string, at?: ChangeAt): ListingRecord;
  /**
   * Closes an active listing. An auction with bids settles: the highest bidder buys at their bid.
   * Returns the settlement purchase, if there was one.
   */
  finalizeListing(
    listingId: string,
    at?: ChangeAt,
  ): { listing: ListingRecord; purchase: PurchaseRecord | undefined };
}

const address = /^0x[0-9a-f]{40}$/;

/** Creates an empty {@link MarketplaceData}. */
export function createMarketplaceData(options: MarketplaceDataOptions = {}): MarketplaceData {
  let head = options.startBlock ?? 18_000_000;
  let headTimestamp = Math.floor((options.startTime ?? new Date('2024-01-01T00:00:00Z')).getTime() / 1000);
  const blockTime = options.blockTimeSeconds ?? 12;
  const counters: Record<EntityKind, number> = { listings: 0, purchases: 0, bids: 0, offers: 0 };

  const listings = new EntityTable<ListingRecord>('listings', { seller: (l) => l.seller });
  const sellerOf = (record: { listing: string }) => listings.get(record.listing)!.seller;
  const purchases = new EntityTable<PurchaseRecord>('purchases', {
    listing: (p) => p.listing,
    buyer: (p) => p.buyer,
    listingSeller: sellerOf,
  });
  const bids = new EntityTable<BidRecord>('bids', {
    listing: (b) => b.listing,
    bidder: (b) => b.bidder,
    listingSeller: sellerOf,
  });
  const offers = new EntityTable<OfferRecord>('offers', {
    listing: (o) => o.listing,
    offerer: (o) => o.offerer,
    listingSeller: sellerOf,
  });
  const tables: { [K in EntityKind]: EntityTable<EntityRecords[K]> } = { listings, purchases, bids, offers };
  const lookupListing = (id: string) => listings.get(id);

  /** Moves the head to the block of a change and returns it. */
  const advance = (at: ChangeAt | undefined): number => {
    const block = at?.block ?? head + 1;
    if (!Number.isInteger(block) || block < head) {
      throw new RangeError(`Block ${block} is before the head block ${head}`);
    }
    const explicit = at?.timestamp;
    const time =
      explicit === undefined
        ? headTimestamp + (block - head) * blockTime
        : typeof explicit === 'number'
          ? Math.floor(explicit)
          : Math.floor(explicit.getTime() / 1000);
    if (time < headTimestamp)
      throw new RangeError(`Time ${time} is before the head block's time ${headTimestamp}`);
    head = block;
    headTimestamp = time;
    return block;
  };
  // Zero-padded hex: string order == numeric order == age, which id_gt paging relies on.
  const nextId = (kind: EntityKind) => `0x${(++counters[kind]).toString(16).padStart(8, '0')}`;

  const activeListing = (id: string): ListingRecord => {
    const listing = listings.get(id);
    if (!listing) throw new RangeError(`No listing ${id}`);
    if (listing.status !== 'ACTIVE') throw new RangeError(`Listing ${id} is ${listing.status}`);
    return listing;
  };
  const setStatus = (listing: ListingRecord, status: ListingStatus, block: number) => {
    listing.status = status;
    listing.finalized = status === 'FINALIZED';
    listings.touch(listing, block);
  };
  const recordPurchase = (
    listing: ListingRecord,
    buyer: string,
    amount: bigint,
    count: number,
    block: number,
  ) => {
    const purchase: PurchaseRecord = {
      id: nextId('purchases'),
      listing: listing.id,
      buyer,
      amount,
      count,
      timestamp: BigInt(headTimestamp),
      changeBlock: block,
    };
    purchases.insert(purchase);
    return purchase;
  };

  return {
    get head() {
      return head;
    },
    get headTimestamp() {
      return headTimestamp;
    },
    deployment: options.deployment ?? 'QmPodiumMarketplaceStandIn000000000000000000000',
    table: (kind) => tables[kind],
    get: (kind, id) => tables[kind].get(id),
    query: (kind, args) => tables[kind].select(args, lookupListing),
    counts: () => ({
      listings: listings.size,
      purchases: purchases.size,
      bids: bids.size,
      offers: offers.size,
    }),
    mine: (at) => advance(at),

    createListing(input, at) {
      const seller = checkAddress(input.seller, 'seller');
      const quantity = input.quantity ?? 1;
      if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`Bad quantity ${quantity}`);
      if (quantity > 1 && input.listingType !== 'FIXED_PRICE') {
        throw new RangeError('Only FIXED_PRICE listings sell several editions');
      }
      const block = advance(at);
      const id = nextId('listings');
      const listing: ListingRecord = {
        id,
        listingId: BigInt(counters.listings),
        seller,
        erc20: checkAddress(input.erc20, 'erc20'),
        tokenAddress: checkAddress(input.tokenAddress, 'tokenAddress'),
        tokenId: BigInt(input.tokenId),
        listingType: input.listingType,
        status: 'ACTIVE',
        finalized: false,
        createdAt: BigInt(headTimestamp),
        price: input.price,
        quantity,
        remaining: quantity,
        topBid: null,
        changeBlock: block,
      };
      listings.insert(listing);
      return listing;
    },

    purchase(input, at) {
      const listing = activeListing(input.listingId);
      const buyer = checkAddress(input.buyer, 'buyer');
      const count = input.count ?? 1;
      if (listing.listingType === 'OFFERS_ONLY') {
        throw new RangeError(`Listing ${listing.id} sells only by accepting an offer`);
      }
      if (!Number.isInteger(count) || count < 1 || count > listing.remaining) {
        throw new RangeError(`Cannot buy ${count} of ${listing.remaining} remaining editions`);
      }
      const block = advance(at);
      const purchase = recordPurchase(
        listing,
        buyer,
        input.amount ?? listing.price * BigInt(count),
        count,
        block,
      );
      listing.remaining -= count;
      // Only a status change is visible to an indexer: editions left keep the listing ACTIVE.
      if (listing.listingType === 'INDIVIDUAL_AUCTION' || listing.remaining === 0) {
        setStatus(listing, 'FINALIZED', block);
      }
      return purchase;
    },

    bid(input, at) {
      const listing = activeListing(input.listingId);
      if (listing.listingType !== 'INDIVIDUAL_AUCTION')
        throw new RangeError(`Listing ${listing.id} is not an auction`);
      const top = listing.topBid ? bids.get(listing.topBid)! : undefined;
      if (top && input.amount <= top.amount) {
        throw new RangeError(`A bid of ${input.amount} does not beat the highest bid of ${top.amount}`);
      }
      const bidder = checkAddress(input.bidder, 'bidder');
      const block = advance(at);
      const bid: BidRecord = {
        id: nextId('bids'),
        listing: listing.id,
        bidder,
        amount: input.amount,
        timestamp: BigInt(headTimestamp),
        changeBlock: block,
      };
      bids.insert(bid);
      listing.topBid = bid.id;
      return bid;
    },

    makeOffer(input, at) {
      const listing = activeListing(input.listingId);
      const offerer = checkAddress(input.offerer, 'offerer');
      const block = advance(at);
      const offer: OfferRecord = {
        id: nextId('offers'),
        listing: listing.id,
        offerer,
        amount: input.amount,
        status: 'PENDING',
        timestamp: BigInt(headTimestamp),
        changeBlock: block,
      };
      offers.insert(offer);
      return offer;
    },

    setOfferStatus(offerId, status, at) {
      const offer = offers.get(offerId);
      if (!offer) throw new RangeError(`No offer ${offerId}`);
      if (offer.status !== 'PENDING') throw new RangeError(`Offer ${offerId} is already ${offer.status}`);
      const listing = status === 'ACCEPTED' ? activeListing(offer.listing) : undefined;
      const block = advance(at);
      offer.status = status;
      offers.touch(offer, block);
      if (listing) {
        recordPurchase(listing, offer.offerer, offer.amount, 1, block);
        listing.remaining = 0;
        setStatus(listing, 'FINALIZED', block);
      }
      return offer;
    },

    cancelListing(listingId, at) {
      const listing = activeListing(listingId);
      if (listing.topBid) throw new RangeError(`Auction ${listingId} has bids and cannot be cancelled`);
      setStatus(listing, 'CANCELLED', advance(at));
      return listing;
    },

    finalizeListing(listingId, at) {
      const listing = activeListing(listingId);
      const block = advance(at);
      const top = listing.topBid ? bids.get(listing.topBid)! : undefined;
      const purchase = top ? recordPurchase(listing, top.bidder, top.amount, 1, block) : undefined;
      if (purchase) listing.remaining = 0;
      setStatus(listing, 'FINALIZED', block);
      return { listing, purchase };
    },
  };
}

function checkAddress(value: string, name: string): string {
  const lower = value.toLowerCase();
  if (!address.test(lower)) throw new RangeError(`${name} is not an address: ${value}`);
  return lower;
}

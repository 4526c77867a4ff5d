import { createSeededRandom, type SeededRandom } from 'podium-kit/core';
import { type ListingRecord, type ListingType, type OfferRecord, nativeToken } from './entityFields.js';
import type { MarketplaceData } from './marketplaceData.js';

/** A payment token and how often listings use it. */
export interface MarketplaceToken {
  address: string;
  weight: number;
  /** Decimals of the token (default 18). */
  decimals?: number;
  /** Token units per ETH, to price listings consistently (default 1: an ETH-pegged token). */
  unitsPerEth?: number;
}

/** Who takes part: given addresses, or a number of generated ones. */
export type MarketplaceWallets = { wallets: readonly string[] } | { walletCount: number };

/** Options of {@link appendMarketplaceEvents}. */
export interface AppendMarketplaceOptions {
  /** The addresses taking part (default: those of the run that generated this data). */
  wallets?: readonly string[];
  /** Or this many generated addresses. */
  walletCount?: number;
  /** How many events (one contract event = one mutation of the data). */
  events: number;
  seed: number;
  /** Time of the first event (default: the head block's time + 12 s). */
  start?: Date;
  /** Time of the last event (default: 12 s per event after `start`). */
  end?: Date;
  /** Payment tokens (default {@link defaultMarketplaceTokens}). */
  tokens?: readonly MarketplaceToken[];
  /** Seconds per block, to turn times into block numbers (default 12). */
  blockTimeSeconds?: number;
}

/** Options of {@link generateMarketplace}. */
export type GenerateMarketplaceOptions = MarketplaceWallets & {
  events: number;
  seed: number;
  start: Date;
  end: Date;
  tokens?: readonly MarketplaceToken[];
  blockTimeSeconds?: number;
};

/** What a generation run did. */
export interface GenerateMarketplaceResult {
  /** The wallets that took part (lower-case), most active sellers first. */
  wallets: string[];
  /** Events applied, by kind. */
  events: Record<MarketplaceEventKind, number>;
  /** The head block after the run. */
  head: number;
}

/** The kinds of events the generator emits. */
export type MarketplaceEventKind =
  'listing' | 'purchase' | 'bid' | 'offer' | 'offerStatus' | 'cancel' | 'finalize';

/** Mostly ETH, then USDC (6 decimals), WETH and DAI: the mix a mainnet marketplace sees. */
export const defaultMarketplaceTokens: readonly MarketplaceToken[] = [
  { address: nativeToken, weight: 78 },
  { address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', weight: 12, decimals: 6, unitsPerEth: 3_000 },
  { address: '0xc02aaa39b223fe8d0a0e5c3ad4f27ead083c756c', weight: 7 },
  { address: '0x6b175474e89094c44da98b954eedeac495271d0f', weight: 3, unitsPerEth: 3_000 },
];

/** Wallets remembered per store, so later appends keep using the same crowd. */
const walletsOf = new WeakMap<MarketplaceData, string[]>();

/** `count` deterministic lower-case addresses for a seed. */
export function generateWallets(count: number, seed: number): string[] {
  const random = createSeededRandom(seed ^ 0x5eed);
  const seen = new Set<string>();
  while (seen.size < count) seen.add(randomHex(random, 40));
  return [...seen];
}

/**
 * Fills `data` with `events` events of realistic marketplace activity between `start` and `end`:
 * listings of every type (some multi-edition), purchases, auctions with several bidders where the
 * highest wins, offers that end in every status, cancellations, several payment tokens, and a
 * skewed crowd (a few wallets do much of the selling and collecting). Same seed, same data.
 */
export function generateMarketplace(
  data: MarketplaceData,
  options: GenerateMarketplaceOptions,
): GenerateMarketplaceResult {
  return appendMarketplaceEvents(data, options);
}

/**
 * Appends `events` more events to `data` (after an initial {@link generateMarketplace}, say, to
 * model "1,000 new events since the last sync"). Picks up the open listings and pending offers
 * from the data itself, so it also works on data built by hand.
 */
export function appendMarketplaceEvents(
  data: MarketplaceData,
  options: AppendMarketplaceOptions,
): GenerateMarketplaceResult {
  const random = createSeededRandom(options.seed);
  const wallets = resolveWallets(data, options);
  if (wallets.length < 2) throw new RangeError('The marketplace needs at least two wallets');
  walletsOf.set(data, wallets);
  const tokens = options.tokens ?? defaultMarketplaceTokens;
  const blockTime = options.blockTimeSeconds ?? 12;
  const state = openState(data);
  // Sellers and collectors are skewed differently: the top sellers are not all the top buyers.
  const sellers = wallets;
  const collectors = random.shuffled(wallets);
  const collections = Array.from({ length: 64 }, () => randomHex(random, 40));

  const startMs = options.start?.getTime() ?? (data.headTimestamp + blockTime) * 1000;
  const endMs = options.end?.getTime() ?? startMs + options.events * blockTime * 1000;
  if (endMs < startMs) throw new RangeError('end is before start');
  const firstBlock = data.head + 1;
  const startSeconds = Math.floor(startMs / 1000);
  const counts: Record<MarketplaceEventKind, number> = {
    listing: 0,
    purchase: 0,
    bid: 0,
    offer: 0,
    offerStatus: 0,
    cancel: 0,
    finalize: 0,
  };

  /** Applies one event and returns the kind it turned out to be. */
  const apply = (
    event: MarketplaceEventKind,
    at: { block: number; timestamp: number },
  ): MarketplaceEventKind => {
    switch (event) {
      case 'purchase': {
        const listing = state.fixed.pick(random);
        const count =
          listing.remaining > 1 && random.next() < 0.4 ? random.int(2, Math.min(5, listing.remaining)) : 1;
        data.purchase(
          { listingId: listing.id, buyer: skewed(collectors, random, listing.seller), count },
          at,
        );
        if (listing.status !== 'ACTIVE') state.close(listing);
        return event;
      }
      case 'bid': {
        const listing = state.auctions.pick(random);
        const top = listing.topBid ? data.get('bids', listing.topBid)!.amount : 0n;
        // Outbidding by 5-30%: earlier bidders stay in the data as outbid bids.
        const amount = top === 0n ? listing.price : (top * BigInt(random.int(105, 130))) / 100n + 1n;
        data.bid({ listingId: listing.id, bidder: skewed(collectors, random, listing.seller), amount }, at);
        return event;
      }
      case 'offer': {
        const pool =
          state.offersOnly.size > 0 && random.next() < 0.7 ? state.offersOnly : state.anyActive(random);
        const listing = pool.pick(random);
        const amount = (listing.price * BigInt(random.int(50, 98))) / 100n;
        const offerer = skewed(collectors, random, listing.seller);
        state.pending.add(data.makeOffer({ listingId: listing.id, offerer, amount }, at));
        return event;
      }
      case 'offerStatus': {
        const offer = state.pending.pick(random);
        const listing = data.get('listings', offer.listing)!;
        const roll = random.next();
        // An auction with bids sells to its highest bidder, so only other listings accept offers.
        const acceptable = listing.status === 'ACTIVE' && !listing.topBid;
        const status = acceptable && roll < 0.4 ? 'ACCEPTED' : roll < 0.7 ? 'RESCINDED' : 'REJECTED';
        data.setOfferStatus(offer.id, status, at);
        state.pending.remove(offer);
        if (listing.status !== 'ACTIVE') state.close(listing);
        return event;
      }
      case 'finalize': {
        const listing = state.auctions.pick(random);
        data.finalizeListing(listing.id, at);
        state.close(listing);
        return event;
      }
      case 'cancel': {
        const listing = state.anyActive(random).pick(random);
        // The contract refuses to cancel an auction that has bids: it ends instead.
        if (listing.topBid) data.finalizeListing(listing.id, at);
        else data.cancelListing(listing.id, at);
        state.close(listing);
        return listing.status === 'FINALIZED' ? 'finalize' : event;
      }
      case 'listing':
        state.open(data.createListing(newListing(random, sellers, collections, tokens), at));
        return event;
    }
  };

  for (let i = 0; i < options.events; i++) {
    const scheduled = startMs + ((endMs - startMs) * i) / Math.max(1, options.events - 1);
    const seconds = Math.max(data.headTimestamp, Math.floor(scheduled / 1000));
    const block = Math.max(data.head, firstBlock + Math.floor((seconds - startSeconds) / blockTime));
    counts[apply(pickEvent(random, state), { block, timestamp: seconds })]++;
  }
  return { wallets, events: counts, head: data.head };
}

function resolveWallets(data: MarketplaceData, options: AppendMarketplaceOptions): string[] {
  if (options.wallets) return options.wallets.map((wallet) => wallet.toLowerCase());
  if (options.walletCount !== undefined) return generateWallets(options.walletCount, options.seed);
  const known = walletsOf.get(data);
  if (known) return known;
  throw new RangeError('Pass wallets or walletCount (this data was not generated)');
}

function newListing(
  random: SeededRandom,
  sellers: readonly string[],
  collections: readonly string[],
  tokens: readonly MarketplaceToken[],
): Parameters<MarketplaceData['createListing']>[0] {
  const roll = random.next();
  const listingType: ListingType =
    roll < 0.55 ? 'FIXED_PRICE' : roll < 0.85 ? 'INDIVIDUAL_AUCTION' : 'OFFERS_ONLY';
  const token = weighted(tokens, random);
  const quantity = listingType === 'FIXED_PRICE' && random.next() < 0.3 ? random.int(2, 50) : 1;
  return {
    seller: skewed(sellers, random),
    erc20: token.address,
    tokenAddress: collections[Math.floor(collections.length * random.next() ** 2)]!,
    tokenId: random.int(1, 10_000),
    listingType,
    price: priceIn(token, random),
    quantity,
  };
}

/** A log-normal price (median about 0.08 ETH, a long tail of expensive pieces) in token units. */
function priceIn(token: MarketplaceToken, random: SeededRandom): bigint {
  const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const eth = Math.min(500, Math.exp(normal * 1.3 - 2.5));
  const units = eth * (token.unitsPerEth ?? 1);
  const decimals = token.decimals ?? 18;
  // Six significant decimals are plenty; the rest of the scale is whole zeros.
  const micros = BigInt(Math.max(1, Math.round(units * 1_000_000)));
  return decimals >= 6 ? micros * 10n ** BigInt(decimals - 6) : micros / 10n ** BigInt(6 - decimals);
}

/** A wallet, strongly favouring the front of the list; never `not` (no self-dealing). */
function skewed(wallets: readonly string[], random: SeededRandom, not?: string): string {
  for (;;) {
    const wallet = wallets[Math.floor(wallets.length * random.next() ** 3)]!;
    if (wallet !== not) return wallet;
  }
}

function weighted(tokens: readonly MarketplaceToken[], random: SeededRandom): MarketplaceToken {
  const total = tokens.reduce((sum, token) => sum + token.weight, 0);
  let roll = random.next() * total;
  for (const token of tokens) if ((roll -= token.weight) < 0) return token;
  return tokens[tokens.length - 1]!;
}

/** The next event: a weighted draw, or a new listing when nothing is open for the drawn kind. */
function pickEvent(random: SeededRandom, state: OpenState): MarketplaceEventKind {
  const roll = random.next();
  const active = state.activeCount() > 0;
  if (roll < 0.2) return state.fixed.size > 0 ? 'purchase' : 'listing';
  if (roll < 0.42) return state.auctions.size > 0 ? 'bid' : 'listing';
  if (roll < 0.57) return active ? 'offer' : 'listing';
  if (roll < 0.67) return state.pending.size > 0 ? 'offerStatus' : 'listing';
  if (roll < 0.73) return state.auctions.size > 0 ? 'finalize' : 'listing';
  if (roll < 0.76) return active ? 'cancel' : 'listing';
  return 'listing';
}

function randomHex(random: SeededRandom, digits: number): string {
  let hex = '0x';
  while (hex.length < digits + 2)
    hex += Math.floor(random.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return hex.slice(0, digits + 2);
}

/** A set with O(1) add, remove and uniform pick (swap-remove on an array). */
class Pool<T extends { id: string }> {
  private readonly items: T[] = [];
  private readonly index = new Map<string, number>();
  get size(): number {
    return this.items.length;
  }
  add(item: T): void {
    if (this.index.has(item.id)) return;
    this.index.set(item.id, this.items.length);
    this.items.push(item);
  }
  remove(item: T): void {
    const at = this.index.get(item.id);
    if (at === undefined) return;
    const last = this.items.pop()!;
    this.index.delete(item.id);
    if (last !== item) {
      this.items[at] = last;
      this.index.set(last.id, at);
    }
  }
  pick(random: SeededRandom): T {
    return this.items[Math.floor(random.next() * this.items.length)]!;
  }
}

type OpenState = ReturnType<typeof openState>;

/** The open listings by type and the pending offers, read from the data (id order: deterministic). */
function openState(data: MarketplaceData) {
  const fixed = new Pool<ListingRecord>();
  const auctions = new Pool<ListingRecord>();
  const offersOnly = new Pool<ListingRecord>();
  const pending = new Pool<OfferRecord>();
  const poolOf = (listing: ListingRecord) =>
    listing.listingType === 'FIXED_PRICE'
      ? fixed
      : listing.listingType === 'INDIVIDUAL_AUCTION'
        ? auctions
        : offersOnly;
  for (const listing of data.table('listings').all())
    if (listing.status === 'ACTIVE') poolOf(listing).add(listing);
  for (const offer of data.table('offers').all()) if (offer.status === 'PENDING') pending.add(offer);
  return {
    fixed,
    auctions,
    offersOnly,
    pending,
    open: (listing: ListingRecord) => poolOf(listing).add(listing),
    close: (listing: ListingRecord) => poolOf(listing).remove(listing),
    activeCount: () => fixed.size + auctions.size + offersOnly.size,
    /** A non-empty pool of active listings, chosen in proportion to size. */
    anyActive(random: SeededRandom): Pool<ListingRecord> {
      const roll = random.next() * (fixed.size + auctions.size + offersOnly.size);
      if (roll < fixed.size) return fixed;
      return roll < fixed.size + auctions.size ? auctions : offersOnly;
    },
  };
}

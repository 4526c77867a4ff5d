import {
  nativeTokenAddress,
  type StatsMetric,
  type TokenAmount,
  type UserStats,
} from './contract.js';

/**
 * The one definition of every user-stats figure. The server feeds it the subject's indexed
 * records (from its mirror of the subgraph); tests feed it hand-built records. Pure: no I/O, no
 * clock. Amounts are bigint here and integer strings on the wire.
 */

/** Listing states as the subgraph reports them. */
export type ListingStatus = 'ACTIVE' | 'FINALIZED' | 'CANCELLED';
/** Offer states as the subgraph reports them. */
export type OfferStatus = 'PENDING' | 'ACCEPTED' | 'RESCINDED' | 'REJECTED';

/** A listing the subject created (seller is one of their wallets). */
export interface ListingRecord {
  id: string;
  seller: string;
  status: ListingStatus;
}

/** A purchase: `seller` and `erc20` come from its listing. Addresses lower-case. */
export interface PurchaseRecord {
  id: string;
  listingId: string;
  buyer: string;
  seller: string;
  /** Payment token; the zero address is the native token. */
  erc20: string;
  amount: bigint;
  /** Editions bought in this purchase. */
  count: number;
  timestamp: Date;
}

/** A bid, with the current status of the listing it was placed on. */
export interface BidRecord {
  id: string;
  listingId: string;
  bidder: string;
  erc20: string;
  amount: bigint;
  listingStatus: ListingStatus;
  timestamp: Date;
}

export interface OfferRecord {
  id: string;
  listingId: string;
  offerer: string;
  /** Seller of the listing the offer is on. */
  seller: string;
  status: OfferStatus;
  timestamp: Date;
}

/**
 * Everything the figures are computed from, already selected for the subject's wallets:
 * `sales` are purchases whose seller is a wallet, `purchases` those whose buyer is one (a trade
 * between two of the subject's own wallets is in both).
 */
export interface SubjectRecords {
  listings: readonly ListingRecord[];
  sales: readonly PurchaseRecord[];
  purchases: readonly PurchaseRecord[];
  bids: readonly BidRecord[];
  offersMade: readonly OfferRecord[];
  offersReceived: readonly OfferRecord[];
}

/** A known payment token. */
export interface TokenInfo {
  address: string;
  symbol: string;
  decimals: number;
}

/** The default token list: the native token only. Hosts configure theirs (`PODIUM_TOKENS`). */
export const defaultTokenList: readonly TokenInfo[] = [
  { address: nativeTokenAddress, symbol: 'ETH', decimals: 18 },
];

/** Figures of a subject with no activity. */
export function emptyUserStats(): UserStats {
  return {
    sales: {
      count: 0,
      editions: 0,
      volumeWei: '0',
      uniqueBuyers: 0,
      tokens: [],
      firstAt: null,
      lastAt: null,
    },
    purchases: {
      count: 0,
      editions: 0,
      volumeWei: '0',
      uniqueSellers: 0,
      tokens: [],
      firstAt: null,
      lastAt: null,
    },
    bids: { placed: 0, won: 0, active: 0, volumeWei: '0', tokens: [] },
    offers: { made: 0, received: 0, accepted: 0, rescinded: 0 },
    listings: { active: 0, created: 0, cancelled: 0 },
  };
}

/**
 * Computes every figure of one subject. `wallets` are the subject's lower-case addresses (one
 * for a bare address, all verified wallets for a user): they are excluded from the
 * unique-counterparty counts, so moving art between one's own wallets does not add "buyers".
 */
export function computeUserStats(
  records: SubjectRecords,
  wallets: readonly string[],
  tokenList: readonly TokenInfo[] = defaultTokenList,
): UserStats {
  const own = new Set(wallets.map((wallet) => wallet.toLowerCase()));
  const tokens = new Map(tokenList.map((token) => [token.address.toLowerCase(), token]));
  const boughtListings = new Set(records.purchases.map((purchase) => purchase.listingId));
  const bidListings = new Set(records.bids.map((bid) => bid.listingId));
  const activeBidListings = new Set(
    records.bids.filter((bid) => bid.listingStatus === 'ACTIVE').map((bid) => bid.listingId),
  );

  return {
    sales: {
      count: records.sales.length,
      editions: sum(records.sales, (sale) => sale.count),
      volumeWei: nativeVolume(records.sales).toString(),
      uniqueBuyers: distinctOthers(records.sales, (sale) => sale.buyer, own),
      tokens: tokenBreakdown(records.sales, tokens),
      ...firstAndLast(records.sales),
    },
    purchases: {
      count: records.purchases.length,
      editions: sum(records.purchases, (purchase) => purchase.count),
      volumeWei: nativeVolume(records.purchases).toString(),
      uniqueSellers: distinctOthers(records.purchases, (purchase) => purchase.seller, own),
      tokens: tokenBreakdown(records.purchases, tokens),
      ...firstAndLast(records.purchases),
    },
    bids: {
      placed: records.bids.length,
      won: [...bidListings].filter((listingId) => boughtListings.has(listingId)).length,
      active: activeBidListings.size,
      volumeWei: nativeVolume(records.bids).toString(),
      tokens: tokenBreakdown(records.bids, tokens),
    },
    offers: {
      made: records.offersMade.length,
      received: records.offersReceived.length,
      accepted: records.offersMade.filter((offer) => offer.status === 'ACCEPTED').length,
      rescinded: records.offersMade.filter((offer) => offer.status === 'RESCINDED').length,
    },
    listings: {
      active: records.listings.filter((listing) => listing.status === 'ACTIVE').length,
      created: records.listings.length,
      cancelled: records.listings.filter((listing) => listing.status === 'CANCELLED').length,
    },
  };
}

/** The value a metric ranks by (see `statsMetrics`). */
export function statsMetricValue(stats: UserStats, metric: StatsMetric): bigint {
  switch (metric) {
    case 'salesVolume':
      return BigInt(stats.sales.volumeWei);
    case 'salesCount':
      return BigInt(stats.sales.count);
    case 'uniqueBuyers':
      return BigInt(stats.sales.uniqueBuyers);
    case 'purchasesVolume':
      return BigInt(stats.purchases.volumeWei);
    case 'purchasesCount':
      return BigInt(stats.purchases.count);
    case 'uniqueSellers':
      return BigInt(stats.purchases.uniqueSellers);
    case 'bidsPlaced':
      return BigInt(stats.bids.placed);
    case 'bidsWon':
      return BigInt(stats.bids.won);
    case 'offersMade':
      return BigInt(stats.offers.made);
    case 'listingsCreated':
      return BigInt(stats.listings.created);
    case 'trades':
      return BigInt(stats.sales.count + stats.purchases.count);
  }
}

/** "Top N %": `ceil(100 * rank / of)`, so the single best of 1,000 is top 1 %, never top 0 %. */
export function topPercent(rank: number, of: number): number {
  return Math.min(100, Math.max(1, Math.ceil((100 * rank) / of)));
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

function nativeVolume(items: readonly { erc20: string; amount: bigint }[]): bigint {
  let total = 0n;
  for (const item of items) if (item.erc20.toLowerCase() === nativeTokenAddress) total += item.amount;
  return total;
}

function distinctOthers<T>(
  items: readonly T[],
  address: (item: T) => string,
  own: ReadonlySet<string>,
): number {
  const others = new Set<string>();
  for (const item of items) {
    const counterparty = address(item).toLowerCase();
    if (!own.has(counterparty)) others.add(counterparty);
  }
  return others.size;
}

function tokenBreakdown(
  items: readonly { erc20: string; amount: bigint }[],
  tokens: ReadonlyMap<string, TokenInfo>,
): TokenAmount[] {
  const totals = new Map<string, { count: number; amount: bigint }>();
  for (const item of items) {
    const address = item.erc20.toLowerCase();
    const entry = totals.get(address) ?? { count: 0, amount: 0n };
    entry.count += 1;
    entry.amount += item.amount;
    totals.set(address, entry);
  }
  return [...totals]
    .map(([address, { count, amount }]) => ({
      address,
      symbol: tokens.get(address)?.symbol ?? null,
      decimals: tokens.get(address)?.decimals ?? null,
      count,
      amount: amount.toString(),
    }))
    .sort((a, b) => b.count - a.count || a.address.localeCompare(b.address));
}

function firstAndLast(items: readonly { timestamp: Date }[]): {
  firstAt: string | null;
  lastAt: string | null;
} {
  if (items.length === 0) return { firstAt: null, lastAt: null };
  let first = items[0]!.timestamp.getTime();
  let last = first;
  for (const item of items) {
    const time = item.timestamp.getTime();
    if (time < first) first = time;
    if (time > last) last = time;
  }
  return { firstAt: new Date(first).toISOString(), lastAt: new Date(last).toISOString() };
}

import {
  computeUserStats,
  type BidRecord,
  type ListingRecord,
  type OfferRecord,
  type PurchaseRecord,
  type SubjectRecords,
  type TokenInfo,
  type UserStats,
} from 'podium-kit/core';
import { createSubgraphClient, type SubgraphClient } from '../../src/indexer/index.js';
import {
  createMarketplaceData,
  createSubgraphApp,
  generateMarketplace,
  type MarketplaceData,
} from '../../src/subgraph/index.js';

/**
 * The subgraph stand-in for the stats tests: generated data, a client that talks to it in-process
 * through `fetch` (counting requests and rows, and failing on demand), and the oracle: every
 * subject's figures computed straight from the stand-in's data, independent of the mirror.
 */
export interface StandIn {
  data: MarketplaceData;
  /** Wallets that took part, as the generator reports them. */
  wallets: string[];
  /** A client with no retries, so an injected failure surfaces at once. */
  client: SubgraphClient;
  /** The `fetch` the client uses (requests go to the stand-in's Hono app). */
  fetch: typeof fetch;
  /** Requests and rows answered since the last {@link StandIn.resetCounts}, and the most at once. */
  counts: { requests: number; rows: number; maxInFlight: number };
  /** GraphQL bodies of the requests being answered right now. */
  inFlight: Set<{ query: string; variables?: Record<string, unknown> }>;
  resetCounts(): void;
  /** When set and returning true for a request's GraphQL body, that request fails (a network error). */
  failWhen: ((body: { query: string; variables?: Record<string, unknown> }) => boolean) | undefined;
}

/** Generates a marketplace and a client for it. */
export function createStandIn(options: { walletCount: number; events: number; seed: number }): StandIn {
  const data = createMarketplaceData();
  const { wallets } = generateMarketplace(data, {
    walletCount: options.walletCount,
    events: options.events,
    seed: options.seed,
    start: new Date('2024-01-01T00:00:00Z'),
    end: new Date('2024-06-30T00:00:00Z'),
  });
  const app = createSubgraphApp(data);
  const standIn: StandIn = {
    data,
    wallets,
    counts: { requests: 0, rows: 0, maxInFlight: 0 },
    inFlight: new Set(),
    resetCounts() {
      standIn.counts = { requests: 0, rows: 0, maxInFlight: 0 };
    },
    failWhen: undefined,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const body = (await request.clone().json()) as { query: string; variables?: Record<string, unknown> };
      standIn.counts.requests++;
      if (standIn.failWhen?.(body)) throw new TypeError('fetch failed (simulated outage)');
      standIn.inFlight.add(body);
      standIn.counts.maxInFlight = Math.max(standIn.counts.maxInFlight, standIn.inFlight.size);
      try {
        // A macrotask, as over a network: lets concurrent requests overlap.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const response = await app.fetch(request);
        const json = (await response.clone().json()) as { data?: { rows?: unknown[] } };
        standIn.counts.rows += json.data?.rows?.length ?? 0;
        return response;
      } finally {
        standIn.inFlight.delete(body);
      }
    },
    client: undefined as unknown as SubgraphClient,
  };
  standIn.client = createSubgraphClient({
    url: 'http://subgraph.test/graphql',
    fetch: standIn.fetch,
    retries: 0,
  });
  return standIn;
}

/** Every record of the stand-in in the shape `computeUserStats` takes. */
function allRecords(data: MarketplaceData) {
  const listingOf = (id: string) => data.get('listings', id)!;
  const time = (seconds: bigint) => new Date(Number(seconds) * 1000);
  const listings: ListingRecord[] = data
    .table('listings')
    .all()
    .map((l) => ({ id: l.id, seller: l.seller, status: l.status }));
  const purchases: PurchaseRecord[] = data
    .table('purchases')
    .all()
    .map((p) => ({
      id: p.id,
      listingId: p.listing,
      buyer: p.buyer,
      seller: listingOf(p.listing).seller,
      erc20: listingOf(p.listing).erc20,
      amount: p.amount,
      count: p.count,
      timestamp: time(p.timestamp),
    }));
  const bids: BidRecord[] = data
    .table('bids')
    .all()
    .map((b) => ({
      id: b.id,
      listingId: b.listing,
      bidder: b.bidder,
      erc20: listingOf(b.listing).erc20,
      amount: b.amount,
      listingStatus: listingOf(b.listing).status,
      timestamp: time(b.timestamp),
    }));
  const offers: OfferRecord[] = data
    .table('offers')
    .all()
    .map((o) => ({
      id: o.id,
      listingId: o.listing,
      offerer: o.offerer,
      seller: listingOf(o.listing).seller,
      status: o.status,
      timestamp: time(o.timestamp),
    }));
  return { listings, purchases, bids, offers };
}

/** Every address the stand-in's data mentions. */
export function addressesIn(data: MarketplaceData): string[] {
  const { listings, purchases, bids, offers } = allRecords(data);
  return [
    ...new Set([
      ...listings.map((l) => l.seller),
      ...purchases.flatMap((p) => [p.buyer, p.seller]),
      ...bids.map((b) => b.bidder),
      ...offers.flatMap((o) => [o.offerer, o.seller]),
    ]),
  ];
}

/**
 * The oracle: the stats every subject should have, from the stand-in's data alone. `users` maps
 * a user id to its wallets; every other address the data mentions is a subject of its own.
 */
export function expectedStats(
  data: MarketplaceData,
  users: Record<string, readonly string[]>,
  tokens?: readonly TokenInfo[],
): Map<string, UserStats> {
  const all = allRecords(data);
  const subjects = new Map<string, readonly string[]>();
  const claimed = new Set(Object.values(users).flat());
  for (const [id, wallets] of Object.entries(users)) subjects.set(`user:${id}`, wallets);
  for (const address of addressesIn(data)) if (!claimed.has(address)) subjects.set(address, [address]);
  const expected = new Map<string, UserStats>();
  for (const [key, wallets] of subjects) {
    const own = new Set(wallets);
    const records: SubjectRecords = {
      listings: all.listings.filter((l) => own.has(l.seller)),
      sales: all.purchases.filter((p) => own.has(p.seller)),
      purchases: all.purchases.filter((p) => own.has(p.buyer)),
      bids: all.bids.filter((b) => own.has(b.bidder)),
      offersMade: all.offers.filter((o) => own.has(o.offerer)),
      offersReceived: all.offers.filter((o) => own.has(o.seller)),
    };
    expected.set(key, computeUserStats(records, wallets, tokens));
  }
  return expected;
}

/** Entities of the stand-in changed at or after `block`, all collections together. */
export function changedEntityCount(data: MarketplaceData, block: number): number {
  let count = 0;
  for (const kind of ['listings', 'purchases', 'bids', 'offers'] as const) {
    for (const record of data.table(kind).all()) if (record.changeBlock >= block) count++;
  }
  return count;
}

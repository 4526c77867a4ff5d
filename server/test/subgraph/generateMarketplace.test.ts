import { describe, expect, it } from 'vitest';
import {
  appendMarketplaceEvents,
  createMarketplaceData,
  defaultMarketplaceTokens,
  entityKinds,
  generateMarketplace,
  type MarketplaceData,
} from '../../src/subgraph/index.js';

const year = { start: new Date('2024-01-01T00:00:00Z'), end: new Date('2025-01-01T00:00:00Z') };

function generate(seed: number, events: number, walletCount = 500) {
  const data = createMarketplaceData();
  const result = generateMarketplace(data, { walletCount, events, seed, ...year });
  return { data, result };
}

/** Everything observable about the data, for comparing two runs. */
function snapshot(data: MarketplaceData): string {
  const tables = entityKinds.map((kind) => data.table(kind).all());
  return JSON.stringify([data.head, data.headTimestamp, tables], (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

describe('generateMarketplace', () => {
  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    const a = generate(7, 5_000);
    const b = generate(7, 5_000);
    const c = generate(8, 5_000);
    expect(snapshot(a.data)).toBe(snapshot(b.data));
    expect(a.result.wallets).toEqual(b.result.wallets);
    expect(snapshot(a.data)).not.toBe(snapshot(c.data));
  });

  it('applies exactly `events` events, spread over the window, on rising blocks', () => {
    const { data, result } = generate(1, 20_000);
    const total = Object.values(result.events).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(20_000);
    const listings = data.table('listings').all();
    expect(Number(listings[0]!.createdAt) * 1000).toBeGreaterThanOrEqual(year.start.getTime());
    expect(data.headTimestamp * 1000).toBeLessThanOrEqual(year.end.getTime());
    expect(data.headTimestamp * 1000).toBeGreaterThan(year.end.getTime() - 86_400_000);
    // Each new listing / purchase / bid / offer is one row; status events add none.
    const counts = data.counts();
    expect(counts.listings).toBe(result.events.listing);
    expect(counts.bids).toBe(result.events.bid);
    expect(counts.offers).toBe(result.events.offer);
    expect(counts.purchases).toBeGreaterThanOrEqual(result.events.purchase);
  });

  it('produces varied, realistic activity: every type and status, editions, tokens, a skewed crowd', () => {
    const { data, result } = generate(3, 30_000, 1_000);
    const listings = data.table('listings').all();
    const statuses = new Set(listings.map((l) => `${l.listingType}/${l.status}`));
    for (const type of ['FIXED_PRICE', 'INDIVIDUAL_AUCTION', 'OFFERS_ONLY']) {
      for (const status of ['ACTIVE', 'FINALIZED', 'CANCELLED'])
        expect(statuses).toContain(`${type}/${status}`);
    }
    expect(
      new Set(
        data
          .table('offers')
          .all()
          .map((o) => o.status),
      ),
    ).toEqual(new Set(['PENDING', 'ACCEPTED', 'RESCINDED', 'REJECTED']));
    const purchases = data.table('purchases').all();
    expect(purchases.some((p) => p.count > 1)).toBe(true);
    const tokens = new Set(listings.map((l) => l.erc20));
    expect(tokens.size).toBe(defaultMarketplaceTokens.length);
    const ethShare =
      listings.filter((l) => l.erc20 === defaultMarketplaceTokens[0]!.address).length / listings.length;
    expect(ethShare).toBeGreaterThan(0.6);

    // Settled auctions went to their highest bidder, and most auctions saw several bidders.
    const bids = data.table('bids').all();
    for (const purchase of purchases.slice(0, 2_000)) {
      const listing = data.get('listings', purchase.listing)!;
      if (listing.listingType !== 'INDIVIDUAL_AUCTION' || !listing.topBid) continue;
      const own = bids.filter((b) => b.listing === listing.id);
      const top = own.reduce((best, b) => (b.amount > best.amount ? b : best));
      expect(purchase).toMatchObject({ buyer: top.bidder, amount: top.amount });
    }
    const bidders = new Map<string, Set<string>>();
    for (const bid of bids) bidders.set(bid.listing, (bidders.get(bid.listing) ?? new Set()).add(bid.bidder));
    expect([...bidders.values()].filter((set) => set.size > 1).length).toBeGreaterThan(bidders.size / 3);

    // Skew: the 1% most active sellers list far more than 1% of everything.
    const perSeller = new Map<string, number>();
    for (const l of listings) perSeller.set(l.seller, (perSeller.get(l.seller) ?? 0) + 1);
    const top = [...perSeller.values()].sort((a, b) => b - a).slice(0, 10);
    expect(top.reduce((sum, n) => sum + n, 0) / listings.length).toBeGreaterThan(0.08);
    expect(result.wallets).toHaveLength(1_000);
    expect(listings.every((l) => /^0x[0-9a-f]{40}$/.test(l.seller))).toBe(true);
  });

  it('generates 200,000 events for 10,000 wallets, and its indexes agree with a full scan', () => {
    const { data, result } = generate(42, 200_000, 10_000);
    expect(Object.values(result.events).reduce((sum, n) => sum + n, 0)).toBe(200_000);
    // Status events (offer resolutions, cancellations, settlements) change rows instead of adding them.
    expect(Object.values(data.counts()).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(150_000);
    expect(
      new Set(
        data
          .table('purchases')
          .all()
          .map((p) => p.buyer),
      ).size,
    ).toBeGreaterThan(5_000);

    const sellers = result.wallets.slice(0, 50);
    const sellerSet = new Set(sellers);
    const indexed = data.query('purchases', {
      where: { listing_: { seller_in: sellers } },
      first: 1_000_000,
    });
    const scanned = data
      .table('purchases')
      .all()
      .filter((p) => sellerSet.has(data.get('listings', p.listing)!.seller));
    expect(indexed.length).toBeGreaterThan(1_000);
    expect(indexed.map((p) => p.id)).toEqual(scanned.map((p) => p.id));

    const floor = data.head - 5_000;
    const changed = data.query('offers', {
      where: { _change_block: { number_gte: floor } },
      first: 1_000_000,
    });
    expect(changed.map((o) => o.id)).toEqual(
      data
        .table('offers')
        .all()
        .filter((o) => o.changeBlock >= floor)
        .map((o) => o.id),
    );
    expect(changed.length).toBeGreaterThan(0);
  });

  it('appends events later, continuing from the head with the same crowd', () => {
    const { data, result } = generate(5, 10_000);
    const before = data.counts();
    const head = data.head;
    const appended = appendMarketplaceEvents(data, { events: 1_000, seed: 99 });
    expect(Object.values(appended.events).reduce((sum, n) => sum + n, 0)).toBe(1_000);
    expect(appended.head).toBeGreaterThan(head);
    expect(appended.wallets).toEqual(result.wallets);
    const after = data.counts();
    expect(after.listings - before.listings).toBe(appended.events.listing);
    const fresh = data.table('listings').all().slice(before.listings);
    expect(fresh.every((l) => l.changeBlock > head)).toBe(true);
    expect(fresh.every((l) => result.wallets.includes(l.seller))).toBe(true);
    // Existing listings closed by the new events carry the new blocks too.
    const closedNow = data
      .table('listings')
      .all()
      .slice(0, before.listings)
      .filter((l) => l.changeBlock > head);
    expect(closedNow.length).toBeGreaterThan(0);

    const twin = generate(5, 10_000).data;
    appendMarketplaceEvents(twin, { events: 1_000, seed: 99 });
    expect(snapshot(twin)).toBe(snapshot(data));
  });

  it('needs wallets to append to data it did not generate', () => {
    expect(() => appendMarketplaceEvents(createMarketplaceData(), { events: 10, seed: 1 })).toThrow(
      /walletCount/,
    );
    const data = createMarketplaceData();
    appendMarketplaceEvents(data, { events: 100, seed: 1, walletCount: 20 });
    expect(data.counts().listings).toBeGreaterThan(0);
  });
});

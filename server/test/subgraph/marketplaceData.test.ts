import { describe, expect, it } from 'vitest';
import { createMarketplaceData, nativeToken } from '../../src/subgraph/index.js';
import { alice, bob, buildSmallMarket, carol, dave, eth, nft } from './smallMarket.js';

const listing = { seller: alice, erc20: nativeToken, tokenAddress: nft, tokenId: 9, price: eth } as const;

describe('createMarketplaceData', () => {
  it('keeps a multi-edition listing ACTIVE until its last edition sells', () => {
    const data = createMarketplaceData();
    const created = data.createListing({ ...listing, listingType: 'FIXED_PRICE', quantity: 3 });
    const first = data.purchase({ listingId: created.id, buyer: bob, count: 2 });
    expect(first).toMatchObject({ count: 2, amount: 2n * eth, buyer: bob, listing: created.id });
    expect(data.get('listings', created.id)).toMatchObject({ status: 'ACTIVE', finalized: false });
    expect(() => data.purchase({ listingId: created.id, buyer: bob, count: 2 })).toThrow(/1 remaining/);
    data.purchase({ listingId: created.id, buyer: carol });
    expect(data.get('listings', created.id)).toMatchObject({ status: 'FINALIZED', finalized: true });
  });

  it('settles an auction to its highest bidder and refuses a bid that does not beat it', () => {
    const data = createMarketplaceData();
    const auction = data.createListing({ ...listing, listingType: 'INDIVIDUAL_AUCTION' });
    data.bid({ listingId: auction.id, bidder: bob, amount: eth });
    data.bid({ listingId: auction.id, bidder: carol, amount: 2n * eth });
    expect(() => data.bid({ listingId: auction.id, bidder: dave, amount: 2n * eth })).toThrow(
      /does not beat/,
    );
    expect(() => data.cancelListing(auction.id)).toThrow(/has bids/);
    const { purchase } = data.finalizeListing(auction.id);
    expect(purchase).toMatchObject({ buyer: carol, amount: 2n * eth, count: 1 });
    expect(() => data.bid({ listingId: auction.id, bidder: dave, amount: 3n * eth })).toThrow(/FINALIZED/);
  });

  it('sells on an accepted offer and bumps the changeBlock of what changed', () => {
    const data = createMarketplaceData({ startBlock: 10 });
    const created = data.createListing({ ...listing, listingType: 'OFFERS_ONLY' });
    expect(created.changeBlock).toBe(11);
    const offer = data.makeOffer({ listingId: created.id, offerer: dave, amount: eth });
    expect(() => data.purchase({ listingId: created.id, buyer: bob })).toThrow(/only by accepting an offer/);
    data.setOfferStatus(offer.id, 'ACCEPTED');
    expect(data.head).toBe(13);
    expect(data.get('offers', offer.id)).toMatchObject({ status: 'ACCEPTED', changeBlock: 13 });
    expect(data.get('listings', created.id)).toMatchObject({ status: 'FINALIZED', changeBlock: 13 });
    expect(data.table('purchases').all()).toMatchObject([{ buyer: dave, amount: eth, changeBlock: 13 }]);
    expect(() => data.setOfferStatus(offer.id, 'RESCINDED')).toThrow(/already ACCEPTED/);
  });

  it('applies each change at the next block unless told when, and never goes back in time', () => {
    const data = createMarketplaceData({ startBlock: 50, startTime: new Date('2025-01-01T00:00:00Z') });
    const start = data.headTimestamp;
    data.createListing({ ...listing, listingType: 'FIXED_PRICE' });
    expect([data.head, data.headTimestamp]).toEqual([51, start + 12]);
    data.createListing(
      { ...listing, listingType: 'FIXED_PRICE' },
      { block: 60, timestamp: new Date('2025-02-01') },
    );
    expect([data.head, data.headTimestamp]).toEqual([60, Date.parse('2025-02-01') / 1000]);
    expect(() => data.mine({ block: 59 })).toThrow(/before the head/);
    expect(() => data.mine({ timestamp: new Date('2025-01-15') })).toThrow(/before the head/);
  });

  it('stores addresses lower-case and ids that sort as strings in creation order', () => {
    const data = buildSmallMarket();
    const ids = data
      .table('listings')
      .all()
      .map((record) => record.id);
    expect(ids).toEqual(['0x00000001', '0x00000002', '0x00000003', '0x00000004']);
    expect(data.get('listings', '0x00000002')!.seller).toBe(alice);
    expect(() => data.createListing({ ...listing, seller: 'nope', listingType: 'FIXED_PRICE' })).toThrow(
      /address/,
    );
  });

  it('answers indexed queries the same as a full scan would', () => {
    const data = buildSmallMarket();
    const byBuyer = data.query('purchases', { where: { buyer_in: [dave, bob] } }).map((p) => p.id);
    expect(byBuyer).toEqual(['0x00000001', '0x00000002', '0x00000003']);
    const sold = data.query('purchases', { where: { listing_: { seller: alice } } }).map((p) => p.buyer);
    expect(sold).toEqual([bob, dave]);
    const changed = data
      .query('listings', { where: { _change_block: { number_gte: 110 } } })
      .map((l) => l.id);
    expect(changed).toEqual(['0x00000002', '0x00000003', '0x00000004']);
  });
});

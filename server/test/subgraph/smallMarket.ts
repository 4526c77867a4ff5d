import { createMarketplaceData, nativeToken, type MarketplaceData } from '../../src/subgraph/index.js';

/** Readable lower-case addresses. */
export const alice = '0x00000000000000000000000000000000000a11ce';
export const bob = '0x0000000000000000000000000000000000000b0b';
export const carol = '0x00000000000000000000000000000000000ca201';
export const dave = '0x0000000000000000000000000000000000000da4';
export const usdc = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
export const nft = '0x00000000000000000000000000000000000000f7';
export const eth = 10n ** 18n;

/**
 * A hand-built market whose every answer is known: four listings of each type and fate, a
 * multi-edition sale, an auction settled to the higher of two bidders, an accepted and a
 * rejected offer, a cancellation. Blocks start at 100, one per change.
 */
export function buildSmallMarket(): MarketplaceData {
  const data = createMarketplaceData({ startBlock: 100, startTime: new Date('2025-01-01T00:00:00Z') });
  const fixed = data.createListing({
    seller: alice,
    erc20: nativeToken,
    tokenAddress: nft,
    tokenId: 1,
    listingType: 'FIXED_PRICE',
    price: eth,
    quantity: 3,
  }); // block 101, 0x00000001
  const auction = data.createListing({
    seller: alice.toUpperCase().replace('0X', '0x'),
    erc20: usdc,
    tokenAddress: nft,
    tokenId: 2,
    listingType: 'INDIVIDUAL_AUCTION',
    price: 100_000_000n,
  }); // 102, 0x00000002
  const offersOnly = data.createListing({
    seller: bob,
    erc20: nativeToken,
    tokenAddress: nft,
    tokenId: 3,
    listingType: 'OFFERS_ONLY',
    price: 5n * eth,
  }); // 103, 0x00000003
  const cancelled = data.createListing({
    seller: carol,
    erc20: nativeToken,
    tokenAddress: nft,
    tokenId: 4,
    listingType: 'FIXED_PRICE',
    price: 2n * eth,
  }); // 104, 0x00000004
  data.purchase({ listingId: fixed.id, buyer: bob, count: 2 }); // 105, purchase 0x00000001
  data.bid({ listingId: auction.id, bidder: carol, amount: 100_000_000n }); // 106, bid 1
  data.bid({ listingId: auction.id, bidder: dave, amount: 150_000_000n }); // 107, bid 2
  const accepted = data.makeOffer({ listingId: offersOnly.id, offerer: dave, amount: 4n * eth }); // 108, offer 1
  const rejected = data.makeOffer({ listingId: offersOnly.id, offerer: carol, amount: 3n * eth }); // 109, offer 2
  data.setOfferStatus(accepted.id, 'ACCEPTED'); // 110, purchase 2 (dave), listing 3 finalized
  data.setOfferStatus(rejected.id, 'REJECTED'); // 111
  data.finalizeListing(auction.id); // 112, purchase 3 (dave at 150 USDC)
  data.cancelListing(cancelled.id); // 113
  return data;
}

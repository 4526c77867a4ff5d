import { describe, expect, it } from 'vitest';
import { nativeTokenAddress, statsMetrics, userStatsSchema } from '../../src/userStats/contract.js';
import {
  computeUserStats,
  emptyUserStats,
  statsMetricValue,
  topPercent,
  type BidRecord,
  type ListingRecord,
  type OfferRecord,
  type PurchaseRecord,
  type SubjectRecords,
  type TokenInfo,
} from '../../src/userStats/userStats.js';

// Hand-built data: every figure is checked against a number worked out by hand below.
const me = '0x00000000000000000000000000000000000000a1';
const myOtherWallet = '0x00000000000000000000000000000000000000a2';
const bob = '0x00000000000000000000000000000000000000b0';
const carol = '0x00000000000000000000000000000000000000c0';
const usdc = '0x00000000000000000000000000000000000000d6';
const unknownToken = '0x00000000000000000000000000000000000000ee';
const eth = nativeTokenAddress;
const tokens: TokenInfo[] = [
  { address: eth, symbol: 'ETH', decimals: 18 },
  { address: usdc, symbol: 'USDC', decimals: 6 },
];
const wei = (ether: number) => BigInt(ether * 1000) * 10n ** 15n;
const at = (day: number) => new Date(Date.UTC(2024, 0, day, 12));

let nextId = 0;
function purchase(
  partial: Partial<PurchaseRecord> & Pick<PurchaseRecord, 'buyer' | 'seller'>,
): PurchaseRecord {
  nextId += 1;
  return {
    id: `p${nextId}`,
    listingId: `l${nextId}`,
    erc20: eth,
    amount: wei(1),
    count: 1,
    timestamp: at(1),
    ...partial,
  };
}
function bid(partial: Partial<BidRecord>): BidRecord {
  nextId += 1;
  return {
    id: `b${nextId}`,
    listingId: 'auction',
    bidder: me,
    erc20: eth,
    amount: wei(1),
    listingStatus: 'ACTIVE',
    timestamp: at(1),
    ...partial,
  };
}
function offer(partial: Partial<OfferRecord>): OfferRecord {
  nextId += 1;
  return {
    id: `o${nextId}`,
    listingId: 'l',
    offerer: me,
    seller: bob,
    status: 'PENDING',
    timestamp: at(1),
    ...partial,
  };
}
function listing(id: string, status: ListingRecord['status']): ListingRecord {
  return { id, seller: me, status };
}
const none: SubjectRecords = {
  listings: [],
  sales: [],
  purchases: [],
  bids: [],
  offersMade: [],
  offersReceived: [],
};

describe('computeUserStats: sales', () => {
  const sales = [
    purchase({ buyer: bob, seller: me, amount: wei(1.5), count: 1, timestamp: at(3) }),
    purchase({ buyer: bob, seller: me, amount: wei(2), count: 3, timestamp: at(1) }),
    purchase({
      buyer: carol,
      seller: myOtherWallet,
      amount: 5_000_000n,
      erc20: usdc,
      count: 2,
      timestamp: at(9),
    }),
    // Moving art between one's own wallets is a sale on chain, but not a new buyer.
    purchase({ buyer: myOtherWallet, seller: me, amount: wei(0.25), count: 1, timestamp: at(5) }),
  ];
  const stats = computeUserStats({ ...none, sales }, [me, myOtherWallet], tokens).sales;

  it('counts purchase records and the editions they carry', () => {
    expect(stats.count).toBe(4);
    expect(stats.editions).toBe(1 + 3 + 2 + 1);
  });

  it('adds only native-token amounts into volumeWei, exactly', () => {
    expect(stats.volumeWei).toBe((wei(1.5) + wei(2) + wei(0.25)).toString());
    expect(stats.volumeWei).toBe('3750000000000000000');
  });

  it('counts distinct buyers, without the subject’s own wallets', () => {
    expect(stats.uniqueBuyers).toBe(2);
  });

  it('breaks amounts down by token with symbol and decimals, most used first', () => {
    expect(stats.tokens).toEqual([
      { address: eth, symbol: 'ETH', decimals: 18, count: 3, amount: '3750000000000000000' },
      { address: usdc, symbol: 'USDC', decimals: 6, count: 1, amount: '5000000' },
    ]);
  });

  it('dates the first and last sale', () => {
    expect(stats.firstAt).toBe(at(1).toISOString());
    expect(stats.lastAt).toBe(at(9).toISOString());
  });
});

describe('computeUserStats: purchases', () => {
  const purchases = [
    purchase({ buyer: me, seller: bob, amount: wei(1), timestamp: at(2), listingId: 'x' }),
    purchase({ buyer: me, seller: bob, amount: wei(1), count: 4, timestamp: at(4), listingId: 'y' }),
    purchase({ buyer: myOtherWallet, seller: carol, amount: 7n, erc20: unknownToken, timestamp: at(8) }),
  ];
  const stats = computeUserStats({ ...none, purchases }, [me, myOtherWallet], tokens).purchases;

  it('counts records, editions and native volume', () => {
    expect(stats.count).toBe(3);
    expect(stats.editions).toBe(6);
    expect(stats.volumeWei).toBe(wei(2).toString());
  });

  it('counts the distinct sellers the user bought from (not the buyers of their sales)', () => {
    expect(stats.uniqueSellers).toBe(2);
  });

  it('keeps an unknown token with null symbol and decimals rather than guessing', () => {
    expect(stats.tokens).toContainEqual({
      address: unknownToken,
      symbol: null,
      decimals: null,
      count: 1,
      amount: '7',
    });
  });

  it('dates the first and last purchase', () => {
    expect([stats.firstAt, stats.lastAt]).toEqual([at(2).toISOString(), at(8).toISOString()]);
  });
});

describe('computeUserStats: bids', () => {
  const records: SubjectRecords = {
    ...none,
    bids: [
      bid({ listingId: 'won', amount: wei(1), listingStatus: 'FINALIZED' }),
      bid({ listingId: 'won', amount: wei(2), listingStatus: 'FINALIZED' }),
      bid({ listingId: 'lost', amount: wei(3), listingStatus: 'FINALIZED' }),
      bid({ listingId: 'open', amount: wei(4), listingStatus: 'ACTIVE' }),
      bid({ listingId: 'open', amount: wei(5), listingStatus: 'ACTIVE' }),
      bid({ listingId: 'usdc-open', amount: 9_000_000n, erc20: usdc, listingStatus: 'ACTIVE' }),
    ],
    purchases: [
      purchase({ buyer: me, seller: bob, listingId: 'won' }),
      purchase({ buyer: me, seller: bob, listingId: 'never-bid' }),
    ],
  };
  const stats = computeUserStats(records, [me], tokens).bids;

  it('counts every bid placed, outbid or not', () => {
    expect(stats.placed).toBe(6);
  });

  it('counts a won listing once: bid on it and became its buyer', () => {
    expect(stats.won).toBe(1);
  });

  it('counts listings still ACTIVE that the user bid on', () => {
    expect(stats.active).toBe(2);
  });

  it('sums native bid amounts and breaks down the rest', () => {
    expect(stats.volumeWei).toBe(wei(15).toString());
    expect(stats.tokens.map((token) => [token.symbol, token.count, token.amount])).toEqual([
      ['ETH', 5, wei(15).toString()],
      ['USDC', 1, '9000000'],
    ]);
  });
});

describe('computeUserStats: offers and listings', () => {
  const records: SubjectRecords = {
    ...none,
    offersMade: [
      offer({ status: 'PENDING' }),
      offer({ status: 'ACCEPTED' }),
      offer({ status: 'ACCEPTED' }),
      offer({ status: 'RESCINDED' }),
      offer({ status: 'REJECTED' }),
    ],
    offersReceived: [
      offer({ offerer: bob, seller: me, status: 'ACCEPTED' }),
      offer({ offerer: carol, seller: me }),
    ],
    listings: [
      listing('a', 'ACTIVE'),
      listing('b', 'ACTIVE'),
      listing('c', 'FINALIZED'),
      listing('d', 'CANCELLED'),
    ],
  };
  const stats = computeUserStats(records, [me], tokens);

  it('counts offers made, received, accepted (of those made) and rescinded', () => {
    expect(stats.offers).toEqual({ made: 5, received: 2, accepted: 2, rescinded: 1 });
  });

  it('counts listings created, still active and cancelled', () => {
    expect(stats.listings).toEqual({ active: 2, created: 4, cancelled: 1 });
  });
});

describe('computeUserStats: the whole shape', () => {
  it('gives the empty stats for no activity, and both satisfy the contract', () => {
    const stats = computeUserStats(none, [me], tokens);
    expect(stats).toEqual(emptyUserStats());
    expect(userStatsSchema.parse(stats)).toEqual(stats);
  });

  it('handles amounts far beyond 2^53 exactly', () => {
    const huge = 2n ** 200n + 1n;
    const stats = computeUserStats(
      {
        ...none,
        sales: [
          purchase({ buyer: bob, seller: me, amount: huge }),
          purchase({ buyer: bob, seller: me, amount: huge }),
        ],
      },
      [me],
      tokens,
    );
    expect(stats.sales.volumeWei).toBe((huge * 2n).toString());
  });

  it('matches wallets case-insensitively', () => {
    const stats = computeUserStats(
      { ...none, sales: [purchase({ buyer: myOtherWallet, seller: me })] },
      [me.toUpperCase().replace('0X', '0x'), myOtherWallet.toUpperCase().replace('0X', '0x')],
      tokens,
    );
    expect(stats.sales.uniqueBuyers).toBe(0);
  });
});

describe('statsMetricValue and topPercent', () => {
  const stats = computeUserStats(
    {
      ...none,
      sales: [
        purchase({ buyer: bob, seller: me, amount: wei(2) }),
        purchase({ buyer: carol, seller: me, amount: 3n, erc20: usdc }),
      ],
      purchases: [purchase({ buyer: me, seller: carol, amount: wei(1) })],
      bids: [bid({})],
      offersMade: [offer({})],
      listings: [listing('a', 'ACTIVE')],
    },
    [me],
    tokens,
  );

  it('reads each ranked metric from the stats', () => {
    const values = Object.fromEntries(
      statsMetrics.map((metric) => [metric, statsMetricValue(stats, metric)]),
    );
    expect(values).toEqual({
      salesVolume: wei(2),
      salesCount: 2n,
      uniqueBuyers: 2n,
      purchasesVolume: wei(1),
      purchasesCount: 1n,
      uniqueSellers: 1n,
      bidsPlaced: 1n,
      bidsWon: 0n,
      offersMade: 1n,
      listingsCreated: 1n,
      trades: 3n,
    });
  });

  it('rounds "top N %" up and keeps it between 1 and 100', () => {
    expect(topPercent(1, 1000)).toBe(1);
    expect(topPercent(30, 1000)).toBe(3);
    expect(topPercent(31, 1000)).toBe(4);
    expect(topPercent(1, 1)).toBe(100);
    expect(topPercent(2, 3)).toBe(67);
  });
});

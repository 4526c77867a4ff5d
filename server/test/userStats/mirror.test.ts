import { computeUserStats, defaultTokenList, type TokenInfo } from 'podium-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { listSubjectKeys, countSubjectKeys, recalculateSubjects } from '../../src/userStats/calculateSubjects.js';
import {
  addressesTouchedBy,
  loadSubjectRecords,
  upsertMarketEntities,
  type MarketEntities,
} from '../../src/userStats/mirrorStore.js';
import { userSubjectKey } from '../../src/userStats/subjects.js';
import { readStoredStats } from '../../src/userStats/userStatsRows.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { addUser, bid, listing, mirrorCounts, offer, purchase, usdc, wallet } from './fixtures.js';

const [alice1, alice2, bob, carol, dave] = [wallet(1), wallet(2), wallet(3), wallet(4), wallet(5)];
const now = new Date('2025-02-01T00:00:00Z');
const tokens: TokenInfo[] = [...defaultTokenList, { address: usdc, symbol: 'USDC', decimals: 6 }];

/** A small market: alice (two wallets) sells to bob and to herself, bob and carol bid, offers in every state. */
const market: MarketEntities = {
  listings: [
    listing('L1', alice1),
    listing('L2', alice2, { status: 'FINALIZED' }),
    listing('L3', alice1, { status: 'CANCELLED' }),
    listing('L4', bob, { listingType: 'FIXED_PRICE' }),
  ],
  purchases: [
    purchase('P1', 'L2', bob, alice2, 5n * 10n ** 18n),
    purchase('P2', 'L4', alice1, bob, 7n, { erc20: usdc, count: 3 }),
    purchase('P3', 'L1', alice2, alice1, 1n),
  ],
  bids: [
    bid('B1', 'L1', bob, 2n),
    bid('B2', 'L1', carol, 3n),
    bid('B3', 'L2', bob, 4n),
    bid('B4', 'L9', carol, 1n),
  ],
  offers: [
    offer('O1', 'L4', alice1, bob, { status: 'ACCEPTED' }),
    offer('O2', 'L1', carol, alice1, { status: 'RESCINDED' }),
    offer('O3', 'L1', dave, alice1),
  ],
};

describe('the mirror', () => {
  let test: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    test = await createTestDatabase();
    db = test.db;
  });
  afterEach(() => test.cleanup());

  it('upserts idempotently and only moves states forward', async () => {
    await upsertMarketEntities(db, market);
    const once = await mirrorCounts(db);
    expect(once).toEqual({ listings: 4, purchases: 3, bids: 4, offers: 3 });
    const before = await loadSubjectRecords(db, [alice1, alice2, bob, carol, dave]);
    await upsertMarketEntities(db, market);
    // The same id twice in one batch is fine too (the last sight wins).
    await upsertMarketEntities(db, { listings: [listing('L1', alice1), listing('L1', alice1)] });
    expect(await mirrorCounts(db)).toEqual(once);
    expect(await loadSubjectRecords(db, [alice1, alice2, bob, carol, dave])).toEqual(before);

    await upsertMarketEntities(db, {
      listings: [listing('L1', alice1, { status: 'FINALIZED' }), listing('L2', alice2, { status: 'ACTIVE' })],
      offers: [offer('O3', 'L1', dave, alice1, { status: 'REJECTED' }), offer('O1', 'L4', alice1, bob)],
    });
    const rows = await db.query<{ id: string; status: string }>(
      `SELECT id, status FROM podium_market_listings WHERE id IN ('L1', 'L2')
       UNION ALL SELECT id, status FROM podium_market_offers WHERE id IN ('O1', 'O3') ORDER BY 1`,
    );
    // L1 and O3 moved forward; an older snapshot (L2 ACTIVE, O1 PENDING) cannot undo a final state.
    expect(rows).toEqual([
      { id: 'L1', status: 'FINALIZED' },
      { id: 'L2', status: 'FINALIZED' },
      { id: 'O1', status: 'ACCEPTED' },
      { id: 'O3', status: 'REJECTED' },
    ]);
  });

  it('keeps uint256 amounts exact', async () => {
    const huge = 2n ** 255n + 12345n;
    await upsertMarketEntities(db, { purchases: [purchase('PX', 'LX', bob, carol, huge)] });
    const records = await loadSubjectRecords(db, [bob]);
    expect(records.purchases[0]!.amount).toBe(huge);
  });

  it('loads each role of a subject, bids with their listing status', async () => {
    await upsertMarketEntities(db, market);
    const records = await loadSubjectRecords(db, [alice1, alice2]);
    const ids = (list: readonly { id: string }[]) => list.map((item) => item.id).sort();
    expect(ids(records.listings)).toEqual(['L1', 'L2', 'L3']);
    expect(ids(records.sales)).toEqual(['P1', 'P3']);
    expect(ids(records.purchases)).toEqual(['P2', 'P3']);
    expect(ids(records.offersMade)).toEqual(['O1']);
    expect(ids(records.offersReceived)).toEqual(['O2', 'O3']);

    const carolBids = (await loadSubjectRecords(db, [carol])).bids;
    // B4's listing L9 is not mirrored yet: it counts as ACTIVE (bids only go on active listings).
    expect(carolBids.map((b) => [b.id, b.listingStatus]).sort()).toEqual([
      ['B2', 'ACTIVE'],
      ['B4', 'ACTIVE'],
    ]);
    const bobBids = (await loadSubjectRecords(db, [bob])).bids;
    expect(bobBids.map((b) => [b.id, b.listingStatus]).sort()).toEqual([
      ['B1', 'ACTIVE'],
      ['B3', 'FINALIZED'],
    ]);
  });

  it('finds every address a batch touches, bidders of a changed listing included', async () => {
    await upsertMarketEntities(db, market);
    const touched = await addressesTouchedBy(db, {
      listings: [listing('L1', alice1, { status: 'FINALIZED' })],
    });
    expect([...touched].sort()).toEqual([alice1, bob, carol].sort());
    expect([...(await addressesTouchedBy(db, { purchases: [market.purchases![0]!] }))].sort()).toEqual(
      [alice2, bob].sort(),
    );
    expect([...(await addressesTouchedBy(db, { offers: [market.offers![2]!] }))].sort()).toEqual(
      [alice1, dave].sort(),
    );
    expect([...(await addressesTouchedBy(db, { bids: [market.bids![0]!] }))]).toEqual([bob]);
  });

  it('recalculates subjects exactly as computeUserStats, one set over all of a user’s wallets', async () => {
    await upsertMarketEntities(db, market);
    await addUser(db, 'alice', [alice1, alice2], 'alice');
    const keys = await listSubjectKeys(db);
    // Registered users and unclaimed addresses, byte order; alice's wallets are not subjects.
    expect(keys).toEqual([bob, carol, dave, 'user:alice']);
    expect(await countSubjectKeys(db)).toBe(4);
    expect(await listSubjectKeys(db, { after: carol, limit: 1 })).toEqual([dave]);
    expect(await listSubjectKeys(db, { offset: 3, limit: 10 })).toEqual(['user:alice']);

    const result = await recalculateSubjects(db, keys, { tokens, now: () => now, batchSize: 2 });
    expect(result).toEqual({ saved: 4, removed: 0 });
    const stored = await readStoredStats(db);
    expect(stored.map((row) => row.subject)).toEqual(keys);
    for (const row of stored) {
      const wallets = row.subject === 'user:alice' ? [alice1, alice2] : [row.subject];
      const expected = computeUserStats(await loadSubjectRecords(db, wallets), wallets, tokens);
      expect(row.stats).toEqual(expected);
      expect(row.calculatedAt).toEqual(now);
    }

    const alice = stored.find((row) => row.subject === userSubjectKey('alice'))!;
    expect(alice.userId).toBe('alice');
    expect(alice.addresses).toEqual([alice1, alice2]);
    // Hand-checked: sales P1 (5 ETH to bob) and P3 (to herself); buying from herself adds no seller.
    expect(alice.stats.sales).toMatchObject({ count: 2, volumeWei: '5000000000000000001', uniqueBuyers: 1 });
    expect(alice.stats.purchases).toMatchObject({ count: 2, editions: 4, volumeWei: '1', uniqueSellers: 1 });
    expect(alice.stats.purchases.tokens).toContainEqual({
      address: usdc,
      symbol: 'USDC',
      decimals: 6,
      count: 1,
      amount: '7',
    });
    expect(alice.stats.listings).toEqual({ active: 1, created: 3, cancelled: 1 });
    expect(alice.stats.offers).toEqual({ made: 1, received: 2, accepted: 1, rescinded: 0 });
    expect(alice.ranked).toMatchObject({ salesVolume: '5000000000000000001', salesCount: '2', trades: '4' });

    const bobRow = stored.find((row) => row.subject === bob)!;
    expect(bobRow.stats.bids).toMatchObject({ placed: 2, won: 1, active: 1, volumeWei: '6' });
  });

  it('drops the row of an address a user has since claimed', async () => {
    await upsertMarketEntities(db, market);
    await recalculateSubjects(db, [bob], { now: () => now });
    await addUser(db, 'bob', [bob]);
    const result = await recalculateSubjects(db, [bob, 'user:bob', 'user:nobody'], { now: () => now });
    expect(result).toEqual({ saved: 1, removed: 2 });
    expect((await readStoredStats(db)).map((row) => row.subject)).toEqual(['user:bob']);
  });
});

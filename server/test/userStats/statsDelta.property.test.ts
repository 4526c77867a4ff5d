import fc from 'fast-check';
import {
  defaultTokenList,
  emptyUserStats,
  statsMetrics,
  statsMetricValue,
  type TokenInfo,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import type { IndexedBid, IndexedListing, IndexedOffer, IndexedPurchase } from '../../src/indexer/index.js';
import {
  computeSubjects,
  listSubjectKeys,
  recalculateSubjects,
  storeSubjectEntities,
} from '../../src/userStats/calculateSubjects.js';
import type { MarketEntities } from '../../src/userStats/mirrorStore.js';
import { applyMarketEntities } from '../../src/userStats/statsDelta.js';
import { appendMarketplaceEvents } from '../../src/subgraph/index.js';
import {
  backfillStats,
  fullSyncPendingName,
  readSyncState,
  syncCursorName,
  syncStatsIncremental,
  writeSyncState,
} from '../../src/userStats/syncStats.js';
import { loadSubjects } from '../../src/userStats/subjects.js';
import { readStoredStats } from '../../src/userStats/userStatsRows.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { addUser, bid, eth, listing, offer, purchase, usdc, wallet } from './fixtures.js';
import { createStandIn, expectedStats } from './standIn.js';

/**
 * The delta update of the stats (statsDelta.ts) against the definition: after any sequence of
 * batches written through it (the same entity seen again in one batch or in a later one,
 * listings and offers moving forward, bids on listings not mirrored yet, trades between a user's
 * own wallets, occasional full recalculations in between, the per-user calculation storing
 * entities before the sync sees them), every stored row equals a full
 * recalculation of the subject from the mirror, ranked columns included.
 */

const now = new Date('2025-03-01T00:00:00Z');
/** An unknown token too: its breakdown entry has no symbol. */
const oddToken = '0x00000000000000000000000000000000000000dd';
const tokens: TokenInfo[] = [...defaultTokenList, { address: usdc, symbol: 'USDC', decimals: 6 }];
const wallets = Array.from({ length: 6 }, (_, i) => wallet(i + 1));
/** alice has two wallets (trades between them are hers twice), bob one, carol none. */
const users: Record<string, string[]> = { alice: [wallets[0]!, wallets[1]!], bob: [wallets[2]!], carol: [] };

const listingCount = 6;
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, n % 24, n % 60, 0, n * 7));

const address = fc.constantFrom(...wallets);
const erc20 = fc.constantFrom(eth, eth, usdc, oddToken);
const amount = fc.bigInt({ min: 0n, max: 10n ** 20n });
const listingIndex = fc.integer({ min: 0, max: listingCount + 1 }); // two ids are never listed

/** The fixed facts of a run's entities; only listing and offer statuses vary between sights. */
const world = fc.record({
  listings: fc.array(fc.record({ seller: address, erc20 }), {
    minLength: listingCount,
    maxLength: listingCount,
  }),
  purchases: fc.array(
    fc.record({
      listing: listingIndex,
      buyer: address,
      seller: address,
      erc20,
      amount,
      count: fc.integer({ min: 1, max: 4 }),
      time: fc.integer({ min: 0, max: 300 }),
    }),
    { maxLength: 12 },
  ),
  bids: fc.array(
    fc.record({
      listing: listingIndex,
      bidder: address,
      erc20,
      amount,
      time: fc.integer({ min: 0, max: 300 }),
    }),
    {
      maxLength: 12,
    },
  ),
  offers: fc.array(fc.record({ listing: listingIndex, offerer: address, seller: address }), { maxLength: 8 }),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

/** One sight of an entity in a batch. */
const sight = fc.oneof(
  fc.record({
    kind: fc.constant('listing' as const),
    index: fc.nat(),
    status: fc.constantFrom('ACTIVE', 'ACTIVE', 'FINALIZED', 'CANCELLED'),
  }),
  fc.record({ kind: fc.constant('purchase' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('bid' as const), index: fc.nat() }),
  fc.record({
    kind: fc.constant('offer' as const),
    index: fc.nat(),
    status: fc.constantFrom('PENDING', 'PENDING', 'ACCEPTED', 'RESCINDED', 'REJECTED'),
  }),
);
const step = fc.oneof(
  { weight: 8, arbitrary: fc.record({ batch: fc.array(sight, { maxLength: 14 }) }) },
  { weight: 1, arbitrary: fc.constant({ recalculateAll: true as const }) },
  // The per-user calculation storing a batch before the sync sees it (for one subject).
  {
    weight: 2,
    arbitrary: fc.record({
      perUser: fc.array(sight, { maxLength: 8 }),
      subject: fc.constantFrom('user:alice', 'user:bob', ...wallets.slice(3)),
    }),
  },
);

function listingId(index: number) {
  return `L${index}`;
}

function toEntities(
  facts: World,
  batch: readonly (typeof sight extends fc.Arbitrary<infer T> ? T : never)[],
): MarketEntities {
  const listings: IndexedListing[] = [];
  const purchases: IndexedPurchase[] = [];
  const bids: IndexedBid[] = [];
  const offers: IndexedOffer[] = [];
  for (const item of batch) {
    switch (item.kind) {
      case 'listing': {
        const facts_ = facts.listings[item.index % facts.listings.length]!;
        listings.push(
          listing(listingId(item.index % facts.listings.length), facts_.seller, {
            erc20: facts_.erc20,
            status: item.status,
          }),
        );
        break;
      }
      case 'purchase': {
        if (facts.purchases.length === 0) break;
        const i = item.index % facts.purchases.length;
        const p = facts.purchases[i]!;
        purchases.push(
          purchase(`P${i}`, listingId(p.listing), p.buyer, p.seller, p.amount, {
            erc20: p.erc20,
            count: p.count,
            timestamp: day(p.time),
          }),
        );
        break;
      }
      case 'bid': {
        if (facts.bids.length === 0) break;
        const i = item.index % facts.bids.length;
        const b = facts.bids[i]!;
        bids.push(
          bid(`B${i}`, listingId(b.listing), b.bidder, b.amount, { erc20: b.erc20, timestamp: day(b.time) }),
        );
        break;
      }
      case 'offer': {
        if (facts.offers.length === 0) break;
        const i = item.index % facts.offers.length;
        const o = facts.offers[i]!;
        offers.push(offer(`O${i}`, listingId(o.listing), o.offerer, o.seller, { status: item.status }));
        break;
      }
    }
  }
  return { listings, purchases, bids, offers };
}

/** Every stored row equals a full recalculation from the mirror; subjects without a row have no activity. */
async function expectEqualToFullRecalculation(db: Database): Promise<void> {
  const stored = await readStoredStats(db);
  // Every subject key, and those the per-user calculation stored for an address with no activity.
  const keys = new Set([...(await listSubjectKeys(db)), ...stored.map((row) => row.subject)]);
  const subjects = await loadSubjects(db, [...keys]);
  const expected = new Map(
    (await computeSubjects(db, subjects, tokens)).map(({ subject, stats }) => [
      subject.key,
      { subject, stats },
    ]),
  );
  for (const row of stored) {
    const full = expected.get(row.subject);
    expect(full, `stored row ${row.subject} names no subject`).toBeDefined();
    expect({ subject: row.subject, addresses: row.addresses, stats: row.stats }).toEqual({
      subject: row.subject,
      addresses: full!.subject.addresses,
      stats: full!.stats,
    });
    expect(row.ranked).toEqual(
      Object.fromEntries(
        statsMetrics.map((metric) => [metric, statsMetricValue(full!.stats, metric).toString()]),
      ),
    );
  }
  const storedKeys = new Set(stored.map((row) => row.subject));
  for (const [key, { stats }] of expected) {
    if (!storedKeys.has(key)) expect({ key, stats }).toEqual({ key, stats: emptyUserStats() });
  }
}

describe('stats updated by delta equal a full recalculation', () => {
  let test: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
    for (const [id, owned] of Object.entries(users)) await addUser(db, id, owned);
  });
  afterAll(() => test.cleanup());

  it('for any sequence of batches, duplicates and status moves included', async () => {
    await fc.assert(
      fc.asyncProperty(world, fc.array(step, { minLength: 1, maxLength: 7 }), async (facts, steps) => {
        await db.exec(
          `TRUNCATE podium_market_listings, podium_market_purchases, podium_market_bids,
                    podium_market_offers, podium_user_stats`,
        );
        // As after the first sync (which recomputes everything it pages).
        await writeSyncState(db, syncCursorName, { block: 1 }, now);
        for (const item of steps) {
          if ('recalculateAll' in item) {
            await recalculateSubjects(db, await listSubjectKeys(db), { tokens, now: () => now });
          } else if ('perUser' in item) {
            const [subject] = await loadSubjects(db, [item.subject]);
            await storeSubjectEntities(db, subject!, toEntities(facts, item.perUser), {
              tokens,
              now: () => now,
            });
          } else {
            const entities = toEntities(facts, item.batch);
            const first = await applyMarketEntities(db, entities, { tokens, now });
            // The same batch again (an indexer retry, the next cycle re-paging it) changes nothing.
            const again = await applyMarketEntities(db, entities, { tokens, now });
            expect(again.changed).toBe(0);
            expect(first.changed).toBeLessThanOrEqual(
              Object.values(entities).reduce((n, list: unknown[]) => n + list.length, 0),
            );
          }
          await expectEqualToFullRecalculation(db);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  }, 300_000);
});

describe('a sync cycle too big to apply by delta', () => {
  let test: TestDatabase;
  afterAll(() => test.cleanup());

  it('recomputes instead (and after a crash in it), then deltas resume, always equal to the definition', async () => {
    test = await createTestDatabase();
    const { db } = test;
    const standIn = createStandIn({ walletCount: 30, events: 600, seed: 21 });
    const owned = { alice: standIn.wallets.slice(0, 2) };
    await addUser(db, 'alice', owned.alice);
    const expectStats = async () => {
      const stored = new Map((await readStoredStats(db)).map((row) => [row.subject, row.stats]));
      expect(stored).toEqual(expectedStats(standIn.data, owned, tokens));
    };
    await backfillStats(db, standIn.client, { tokens });
    await expectStats();

    appendMarketplaceEvents(standIn.data, { events: 120, seed: 31 });
    const big = await syncStatsIncremental(db, standIn.client, { tokens, deltaLimit: 10 });
    expect(big.entities).toBeGreaterThan(10);
    expect(await readSyncState(db, fullSyncPendingName)).toBeUndefined();
    await expectStats();

    // A recomputing cycle that died after writing rows left its marker: the next one recomputes.
    appendMarketplaceEvents(standIn.data, { events: 60, seed: 32 });
    await writeSyncState(db, fullSyncPendingName, true, now);
    await syncStatsIncremental(db, standIn.client, { tokens });
    expect(await readSyncState(db, fullSyncPendingName)).toBeUndefined();
    await expectStats();

    appendMarketplaceEvents(standIn.data, { events: 60, seed: 33 });
    const small = await syncStatsIncremental(db, standIn.client, { tokens });
    expect(small.entities).toBeGreaterThan(0);
    await expectStats();
  }, 120_000);
});

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  changedSince,
  createSubgraphClient,
  streamMarketEntities,
  SubgraphError,
  userFilterKinds,
  userFilters,
  type MarketEntityKind,
  type MarketEntityMap,
  type MarketPageInfo,
  type SubgraphClient,
  type SubgraphFilter,
} from '../../src/indexer/index.js';
import {
  appendMarketplaceEvents,
  createMarketplaceData,
  generateMarketplace,
  type MarketplaceData,
} from '../../src/subgraph/index.js';
import { serveSubgraph, type ServedSubgraph } from '../subgraph/serveSubgraph.js';
import { alice, bob, buildSmallMarket, dave, eth, nft } from '../subgraph/smallMarket.js';

const servers: ServedSubgraph[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(data: MarketplaceData) {
  const server = await serveSubgraph(data);
  servers.push(server);
  return { server, client: createSubgraphClient({ url: server.url, sleep: async () => {} }) };
}

async function collect<K extends MarketEntityKind>(
  client: SubgraphClient,
  kind: K,
  where: SubgraphFilter,
  options: Parameters<typeof streamMarketEntities>[3] = {},
): Promise<MarketEntityMap[K][]> {
  const rows: MarketEntityMap[K][] = [];
  for await (const page of streamMarketEntities(client, kind, where, options)) rows.push(...page);
  return rows;
}

let market: { data: MarketplaceData; wallets: string[] };
beforeAll(() => {
  const data = createMarketplaceData();
  const { wallets } = generateMarketplace(data, {
    walletCount: 400,
    events: 16_000,
    seed: 11,
    start: new Date('2024-06-01T00:00:00Z'),
    end: new Date('2024-12-01T00:00:00Z'),
  });
  market = { data, wallets };
});

describe('streamMarketEntities', () => {
  it('pages through thousands of entities with id_gt cursors, never skip', async () => {
    const { server, client } = await start(market.data);
    const pages: MarketPageInfo[] = [];
    const rows = await collect(client, 'purchases', {}, { onPage: (info) => pages.push(info) });

    const stored = market.data.table('purchases').all();
    expect(stored.length).toBeGreaterThan(3_000);
    expect(rows.map((row) => row.id)).toEqual(stored.map((row) => row.id));
    expect(pages).toHaveLength(Math.floor(stored.length / 1000) + 1);
    expect(pages.at(-1)).toMatchObject({ total: stored.length, lastId: stored.at(-1)!.id });

    const bodies = server.requests.map(
      (request) => request.body as { query: string; variables: { first: number; where: { id_gt?: string } } },
    );
    expect(bodies).toHaveLength(pages.length);
    for (const [index, body] of bodies.entries()) {
      expect(body.query).not.toMatch(/skip/);
      expect(body.query).toMatch(/orderBy: id, orderDirection: asc/);
      expect(body.variables.first).toBe(1000);
      expect(body.variables.where.id_gt).toBe(index === 0 ? undefined : stored[index * 1000 - 1]!.id);
      expect(JSON.stringify(body.variables)).not.toMatch(/skip/);
    }
  });

  it('normalises records: lower-case addresses, bigint amounts, Date times, listing fields joined', async () => {
    const { client } = await start(buildSmallMarket());
    const [purchase] = await collect(client, 'purchases', { buyer: bob });
    expect(purchase).toEqual({
      id: '0x00000001',
      listingId: '0x00000001',
      buyer: bob,
      seller: alice,
      erc20: '0x0000000000000000000000000000000000000000',
      tokenAddress: nft,
      tokenId: '1',
      amount: 2n * eth,
      count: 2,
      timestamp: new Date(Date.parse('2025-01-01T00:00:00Z') + 5 * 12_000),
    });
    const offers = await collect(client, 'offers', {});
    expect(offers.map((offer) => [offer.offerer, offer.seller, offer.status, typeof offer.amount])).toEqual([
      [dave, bob, 'ACCEPTED', 'bigint'],
      ['0x00000000000000000000000000000000000ca201', bob, 'REJECTED', 'bigint'],
    ]);
    const bids = await collect(client, 'bids', {});
    expect(bids.map((bid) => [bid.listingId, bid.erc20, bid.amount])).toEqual([
      ['0x00000002', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', 100_000_000n],
      ['0x00000002', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', 150_000_000n],
    ]);
    const listings = await collect(client, 'listings', { status_not: 'ACTIVE' });
    expect(
      listings.map((listing) => [listing.id, listing.status, listing.createdAt instanceof Date]),
    ).toEqual([
      ['0x00000002', 'FINALIZED', true],
      ['0x00000003', 'FINALIZED', true],
      ['0x00000004', 'CANCELLED', true],
    ]);
  });

  it('fetches exactly what concerns some users with the six per-user filters', async () => {
    const { client } = await start(market.data);
    const users = market.wallets.slice(0, 30);
    const set = new Set(users);
    const filters = userFilters(users);
    const sellerOf = (listing: string) => market.data.get('listings', listing)!.seller;
    const expected: Record<keyof typeof filters, string[]> = {
      listingsBySeller: market.data
        .table('listings')
        .all()
        .filter((l) => set.has(l.seller))
        .map((l) => l.id),
      purchasesAsBuyer: market.data
        .table('purchases')
        .all()
        .filter((p) => set.has(p.buyer))
        .map((p) => p.id),
      purchasesAsSeller: market.data
        .table('purchases')
        .all()
        .filter((p) => set.has(sellerOf(p.listing)))
        .map((p) => p.id),
      bidsByBidder: market.data
        .table('bids')
        .all()
        .filter((b) => set.has(b.bidder))
        .map((b) => b.id),
      offersMade: market.data
        .table('offers')
        .all()
        .filter((o) => set.has(o.offerer))
        .map((o) => o.id),
      offersReceived: market.data
        .table('offers')
        .all()
        .filter((o) => set.has(sellerOf(o.listing)))
        .map((o) => o.id),
    };
    for (const name of Object.keys(filters) as Array<keyof typeof filters>) {
      expect(filters[name]).toHaveLength(1);
      const rows = await collect(client, userFilterKinds[name], filters[name][0]!);
      expect(
        rows.map((row) => row.id),
        name,
      ).toEqual(expected[name]);
      expect(expected[name].length, name).toBeGreaterThan(0);
    }
  });

  it('pages only what changed since a block after new events arrive', async () => {
    const data = createMarketplaceData();
    generateMarketplace(data, {
      walletCount: 200,
      events: 5_000,
      seed: 3,
      start: new Date('2024-01-01'),
      end: new Date('2024-03-01'),
    });
    const { client } = await start(data);
    const synced = await client.headBlock();
    appendMarketplaceEvents(data, { events: 1_000, seed: 4 });
    expect(await client.headBlock()).toBeGreaterThan(synced);
    for (const kind of ['listings', 'purchases', 'bids', 'offers'] as const) {
      const rows = await collect(client, kind, changedSince(synced + 1));
      const changed = data
        .table(kind)
        .all()
        .filter((record) => record.changeBlock > synced);
      expect(
        rows.map((row) => row.id),
        kind,
      ).toEqual(changed.map((record) => record.id));
      expect(rows.length, kind).toBeGreaterThan(0);
    }
    // Status changes surface old listings too: some changed listings predate the sync.
    const changedListings = await collect(client, 'listings', changedSince(synced + 1));
    expect(
      changedListings.some(
        (listing) => data.get('listings', listing.id)!.createdAt < BigInt(data.headTimestamp - 12_000),
      ),
    ).toBe(true);
  });

  it('honours pageSize and a starting id_gt, and reports each page', async () => {
    const { server, client } = await start(buildSmallMarket());
    const pages: MarketPageInfo[] = [];
    const rows = await collect(
      client,
      'listings',
      { id_gt: '0x00000001' },
      { pageSize: 2, onPage: (p) => pages.push(p) },
    );
    expect(rows.map((row) => row.id)).toEqual(['0x00000002', '0x00000003', '0x00000004']);
    expect(pages.map((page) => [page.page, page.rows, page.total, page.lastId])).toEqual([
      [1, 2, 2, '0x00000003'],
      [2, 1, 3, '0x00000004'],
    ]);
    const wheres = server.requests.map(
      (request) => (request.body as { variables: { where: unknown } }).variables.where,
    );
    expect(wheres).toEqual([{ id_gt: '0x00000001' }, { id_gt: '0x00000003' }]);
    await expect(collect(client, 'listings', {}, { pageSize: 1001 })).rejects.toThrow(/pageSize/);
  });

  it('fails with a clear graphql SubgraphError on a malformed page', async () => {
    const { server, client } = await start(buildSmallMarket());
    server.faults.replyNext({ data: { rows: [{ id: '1', seller: 'not-an-address' }] } });
    const error = await collect(client, 'listings', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SubgraphError);
    expect(error).toMatchObject({ kind: 'graphql', retryable: false });
    expect((error as Error).message).toContain(server.url);
    expect((error as Error).message).toMatch(/malformed listings page 1: row 0: seller is not an address/);

    server.faults.replyNext({ data: { rows: null } });
    await expect(collect(client, 'bids', {})).rejects.toThrow(/`rows` is not a list/);

    // A page that would not move the cursor would loop forever: refused.
    const row = {
      id: '0x00000001',
      buyer: bob,
      amount: '1',
      count: 1,
      timestamp: '1',
      listing: { id: '0x1', seller: alice, erc20: alice, tokenAddress: nft, tokenId: '1' },
    };
    server.faults.replyNext({ data: { rows: [row, row] } });
    await expect(collect(client, 'purchases', {}, { pageSize: 2 })).rejects.toThrow(/repeats/);
  });
});

describe('numeric fields: JSON numbers and decimal strings (graph-node serialises BigInt as strings)', () => {
  const listing = { id: '0x1', seller: alice, erc20: alice, tokenAddress: nft, tokenId: '7' };
  const purchase = (fields: Record<string, unknown>) => ({
    id: '0x00000001',
    buyer: bob,
    amount: '1000000000000000000000000001',
    count: '3',
    timestamp: '1735689600',
    listing,
    ...fields,
  });
  const reply = async (rows: unknown[]) => {
    const { server, client } = await start(buildSmallMarket());
    server.faults.replyNext({ data: { rows } });
    return collect(client, 'purchases', {});
  };

  it('reads every numeric field from a string or a number alike, big values exactly', async () => {
    const asStrings = await reply([purchase({})]);
    expect(asStrings[0]).toMatchObject({
      count: 3,
      tokenId: '7',
      amount: 1_000_000_000_000_000_000_000_000_001n,
      timestamp: new Date('2025-01-01T00:00:00Z'),
    });
    const asNumbers = await reply([
      purchase({ count: 3, timestamp: 1735689600, amount: 5, listing: { ...listing, tokenId: 7 } }),
    ]);
    expect(asNumbers[0]).toMatchObject({
      count: 3,
      tokenId: '7',
      amount: 5n,
      timestamp: asStrings[0]!.timestamp,
    });
  });

  it('refuses what is not a non-negative integer, naming the field', async () => {
    for (const [field, value] of [
      ['count', 'abc'],
      ['count', '1e3'],
      ['count', '-1'],
      ['count', '1.5'],
      ['count', ''],
      ['count', ' 3'],
      ['count', 1.5],
      ['count', -1],
      ['count', null],
      ['count', true],
      ['count', '9007199254740993'],
      ['amount', 1e21],
      ['amount', '0x10'],
      ['timestamp', '12.0'],
    ] as const) {
      await expect(
        reply([purchase({ [field]: value })]),
        `${field}: ${JSON.stringify(value)}`,
      ).rejects.toThrow(new RegExp(`malformed purchases page 1: row 0: ${field} `));
    }
  });

  it('streams the stand-in, which types every count as BigInt and serialises it as a string', async () => {
    const { server, client } = await start(buildSmallMarket());
    const rows = await collect(client, 'purchases', { buyer: bob });
    expect(rows[0]).toMatchObject({ count: 2 });
    const sent = server.requests.length;
    const raw = await client.query<{
      purchases: Array<{ count: unknown; amount: unknown; timestamp: unknown }>;
    }>('{ purchases(first: 1, where: { count_gte: "2" }) { count amount timestamp } }');
    expect(server.requests.length).toBe(sent + 1);
    expect(raw.purchases[0]).toEqual({
      count: '2',
      amount: expect.any(String),
      timestamp: expect.any(String),
    });
  });
});

describe('userFilters and changedSince', () => {
  it('lower-cases, de-duplicates and chunks addresses by 100', () => {
    const addresses = Array.from({ length: 250 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}`);
    const filters = userFilters([...addresses, addresses[0]!.toUpperCase().replace('0X', '0x')]);
    expect(filters.listingsBySeller.map((f) => (f.seller_in as string[]).length)).toEqual([100, 100, 50]);
    expect(filters.purchasesAsSeller[2]).toEqual({ listing_: { seller_in: addresses.slice(200) } });
    expect(filters.offersReceived[0]).toEqual({ listing_: { seller_in: addresses.slice(0, 100) } });
    expect(filters.purchasesAsBuyer[1]).toEqual({ buyer_in: addresses.slice(100, 200) });
    expect(filters.bidsByBidder[0]!.bidder_in).toHaveLength(100);
    expect(filters.offersMade[0]!.offerer_in).toHaveLength(100);
    expect(userFilters([]).listingsBySeller).toEqual([]);
    expect(() => userFilters(['0x123'])).toThrow(/Not an address/);
  });

  it('builds the _change_block filter', () => {
    expect(changedSince(123)).toEqual({ _change_block: { number_gte: 123 } });
    expect({ ...userFilters([alice]).bidsByBidder[0], ...changedSince(5) }).toEqual({
      bidder_in: [alice],
      _change_block: { number_gte: 5 },
    });
    expect(() => changedSince(-1)).toThrow(RangeError);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createMarketplaceData, nativeToken, type MarketplaceData } from '../../src/subgraph/index.js';
import { serveSubgraph, type ServedSubgraph } from './serveSubgraph.js';
import { alice, bob, buildSmallMarket, carol, dave, nft, usdc } from './smallMarket.js';

const servers: ServedSubgraph[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(data: MarketplaceData = buildSmallMarket(), options = {}) {
  const server = await serveSubgraph(data, options);
  servers.push(server);
  return server;
}

/** The ids a collection query returns, failing loudly on GraphQL errors. */
async function ids(server: ServedSubgraph, collection: string, args: string): Promise<string[]> {
  const { status, body } = await server.post(`{ rows: ${collection}(${args}) { id } }`);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return (body.data!.rows as Array<{ id: string }>).map((row) => row.id.replace(/^0x0+/, ''));
}

describe('the subgraph stand-in over HTTP', () => {
  it('answers a query with typed scalars: BigInt and Bytes as strings', async () => {
    const server = await start();
    const { status, body } = await server.post(
      'query One($id: ID!) { listing(id: $id) { id listingId seller erc20 tokenAddress tokenId listingType status finalized createdAt } }',
      { id: '0x00000002' },
    );
    expect(status).toBe(200);
    expect(body.data!.listing).toEqual({
      id: '0x00000002',
      listingId: '2',
      seller: alice,
      erc20: usdc,
      tokenAddress: nft,
      tokenId: '2',
      listingType: 'INDIVIDUAL_AUCTION',
      status: 'FINALIZED',
      finalized: true,
      createdAt: String(Date.parse('2025-01-01T00:00:00Z') / 1000 + 2 * 12),
    });
  });

  it('enforces The Graph limits on first and skip, with its wording', async () => {
    const server = await start();
    const first = await server.post('{ listings(first: 1001) { id } }');
    expect(first.status).toBe(200);
    expect(first.body.data).toBeNull();
    expect(first.body.errors![0]!.message).toBe(
      'The `first` argument must be between 0 and 1000, but is 1001',
    );
    const skip = await server.post('query($skip: Int) { listings(skip: $skip) { id } }', { skip: 5001 });
    expect(skip.body.errors![0]!.message).toBe('The `skip` argument must be between 0 and 5000, but is 5001');
    const negative = await server.post('{ purchases(first: -1) { id } }');
    expect(negative.body.errors![0]!.message).toBe(
      'The `first` argument must be between 0 and 1000, but is -1',
    );
    expect(await ids(server, 'listings', 'first: 1000, skip: 5000')).toEqual([]);
  });

  it('returns 100 rows by default', async () => {
    const data = createMarketplaceData();
    for (let i = 0; i < 150; i++) {
      data.createListing({
        seller: alice,
        erc20: nativeToken,
        tokenAddress: nft,
        tokenId: i,
        listingType: 'FIXED_PRICE',
        price: 1n,
      });
    }
    const server = await start(data);
    expect(await ids(server, 'listings', 'where: {}')).toHaveLength(100);
    expect(await ids(server, 'listings', 'skip: 140')).toHaveLength(10);
  });

  it.each([
    ['tokenId: "2"', ['2']],
    ['tokenId_not: "2"', ['1', '3', '4']],
    ['tokenId_gt: "2"', ['3', '4']],
    ['tokenId_gte: "2"', ['2', '3', '4']],
    ['tokenId_lt: "2"', ['1']],
    ['tokenId_lte: "2"', ['1', '2']],
    ['tokenId_in: ["1", "4"]', ['1', '4']],
    ['tokenId_not_in: ["1", "4"]', ['2', '3']],
    [`seller: "${alice.toUpperCase().replace('0X', '0x')}"`, ['1', '2']],
    [`seller_not: "${alice}"`, ['3', '4']],
    [`seller_in: ["${bob}", "${carol}"]`, ['3', '4']],
    [`seller_not_in: ["${bob}", "${carol}"]`, ['1', '2']],
    [`erc20: "${usdc}"`, ['2']],
    ['status: ACTIVE', ['1']],
    ['status_not: ACTIVE', ['2', '3', '4']],
    ['status_in: [FINALIZED, CANCELLED]', ['2', '3', '4']],
    ['status_not_in: [FINALIZED, CANCELLED]', ['1']],
    ['listingType: FIXED_PRICE', ['1', '4']],
    ['finalized: true', ['2', '3']],
    ['id_gt: "0x00000002"', ['3', '4']],
    ['id_lte: "0x00000002"', ['1', '2']],
    ['listingId_gte: "4"', ['4']],
    ['tokenId_gt: "1", seller: "' + alice + '"', ['2']],
    [`or: [{ seller: "${bob}" }, { tokenId: "4" }]`, ['3', '4']],
  ])('filters listings with where: { %s }', async (where, expected) => {
    const server = await start();
    expect(await ids(server, 'listings', `where: { ${where} }`)).toEqual(expected);
  });

  it('compares BigInt fields as numbers, not strings', async () => {
    const server = await start();
    // 150 USDC (150000000) is below 1e9; as strings "150000000" > "1000000000".
    expect(await ids(server, 'purchases', 'where: { amount_lt: "1000000000" }')).toEqual(['3']);
    expect(await ids(server, 'purchases', 'where: { amount_gt: "1000000000" }')).toEqual(['1', '2']);
    expect(await ids(server, 'purchases', 'where: { count_gt: 1 }')).toEqual(['1']);
    expect(await ids(server, 'bids', 'where: { amount_gte: "150000000", amount_lte: "150000000" }')).toEqual([
      '2',
    ]);
  });

  it('filters through the listing relation, by id and with a nested listing_ filter', async () => {
    const server = await start();
    expect(await ids(server, 'purchases', `where: { listing_: { seller: "${alice}" } }`)).toEqual(['1', '3']);
    expect(await ids(server, 'purchases', `where: { listing_: { seller_in: ["${bob}"] } }`)).toEqual(['2']);
    expect(await ids(server, 'offers', `where: { listing_: { seller_in: ["${bob}", "${carol}"] } }`)).toEqual(
      ['1', '2'],
    );
    expect(await ids(server, 'bids', `where: { listing_: { erc20: "${usdc}" } }`)).toEqual(['1', '2']);
    expect(await ids(server, 'purchases', 'where: { listing_: { status: FINALIZED } }')).toEqual(['2', '3']);
    expect(await ids(server, 'purchases', `where: { listing: "0x00000002", buyer: "${dave}" }`)).toEqual([
      '3',
    ]);
    expect(await ids(server, 'offers', 'where: { listing_in: ["0x00000001", "0x00000003"] }')).toEqual([
      '1',
      '2',
    ]);
    expect(await ids(server, 'purchases', `where: { listing_: { seller: "${carol}" } }`)).toEqual([]);
  });

  it('selects entities changed at or after a block with _change_block', async () => {
    const server = await start();
    expect(await ids(server, 'listings', 'where: { _change_block: { number_gte: 110 } }')).toEqual([
      '2',
      '3',
      '4',
    ]);
    expect(await ids(server, 'offers', 'where: { _change_block: { number_gte: 111 } }')).toEqual(['2']);
    expect(await ids(server, 'purchases', 'where: { _change_block: { number_gte: 110 } }')).toEqual([
      '2',
      '3',
    ]);
    expect(await ids(server, 'bids', 'where: { _change_block: { number_gte: 114 } }')).toEqual([]);
    expect(
      await ids(server, 'listings', `where: { _change_block: { number_gte: 110 }, seller: "${alice}" }`),
    ).toEqual(['2']);
  });

  it('orders by any scalar field in both directions, then pages with skip and first', async () => {
    const server = await start();
    expect(await ids(server, 'listings', 'orderBy: tokenId, orderDirection: desc')).toEqual([
      '4',
      '3',
      '2',
      '1',
    ]);
    expect(await ids(server, 'purchases', 'orderBy: amount')).toEqual(['3', '1', '2']);
    expect(await ids(server, 'purchases', 'orderBy: amount, orderDirection: desc')).toEqual(['2', '1', '3']);
    expect(await ids(server, 'purchases', 'orderBy: amount, first: 1, skip: 1')).toEqual(['1']);
    expect(await ids(server, 'listings', 'orderBy: id, orderDirection: desc, first: 2')).toEqual(['4', '3']);
    expect(await ids(server, 'offers', 'orderBy: status')).toEqual(['1', '2']);
    // Enums sort in declaration order (ACTIVE, FINALIZED, CANCELLED); ties on id, same direction.
    expect(await ids(server, 'listings', 'orderBy: status, orderDirection: desc')).toEqual([
      '4',
      '3',
      '2',
      '1',
    ]);
    expect(await ids(server, 'listings', 'orderBy: status')).toEqual(['1', '2', '3', '4']);
  });

  it('resolves relations both ways', async () => {
    const server = await start();
    const { body } = await server.post(`{
      listing(id: "0x00000002") {
        bids(orderBy: amount, orderDirection: desc) { bidder amount }
        purchases { buyer amount count listing { seller } }
        offers { id }
      }
      offers(where: { status: REJECTED }) { offerer amount listing { id seller erc20 } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      listing: {
        bids: [
          { bidder: dave, amount: '150000000' },
          { bidder: carol, amount: '100000000' },
        ],
        // count is a BigInt, so a decimal string, as graph-node serialises it.
        purchases: [{ buyer: dave, amount: '150000000', count: '1', listing: { seller: alice } }],
        offers: [],
      },
      offers: [
        {
          offerer: carol,
          amount: '3000000000000000000',
          listing: { id: '0x00000003', seller: bob, erc20: nativeToken },
        },
      ],
    });
  });

  it('reports the head in _meta, moving when the data changes', async () => {
    const data = buildSmallMarket();
    const server = await start(data);
    const meta = async () =>
      (await server.post('{ _meta { block { number timestamp } deployment hasIndexingErrors } }')).body;
    expect((await meta()).data!._meta).toMatchObject({ block: { number: 113 }, hasIndexingErrors: false });
    data.createListing({
      seller: dave,
      erc20: nativeToken,
      tokenAddress: nft,
      tokenId: 5,
      listingType: 'FIXED_PRICE',
      price: 1n,
    });
    const after = (await meta()).data!._meta as { block: { number: number; timestamp: number } };
    expect(after.block.number).toBe(114);
    expect(after.block.timestamp).toBe(data.headTimestamp);
    expect(await ids(server, 'listings', 'where: { _change_block: { number_gte: 114 } }')).toEqual(['5']);
  });

  it('rejects unknown fields and bad values as GraphQL validation errors', async () => {
    const server = await start();
    const unknown = await server.post('{ listings { id price } }');
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors![0]!.message).toBe('Cannot query field "price" on type "Listing".');
    const badFilter = await server.post('{ listings(where: { price_gt: "1" }) { id } }');
    expect(badFilter.body.errors![0]!.message).toMatch(/price_gt/);
    const badBytes = await server.post('{ listings(where: { seller: "alice" }) { id } }');
    expect(badBytes.body.errors![0]!.message).toMatch(/Bytes/);
    const badEnumOp = await server.post('{ listings(where: { status_gt: ACTIVE }) { id } }');
    expect(badEnumOp.body.errors![0]!.message).toMatch(/status_gt/);
    const syntax = await server.post('{ listings { id ');
    expect(syntax.status).toBe(200);
    expect(syntax.body.errors![0]!.message).toMatch(/Syntax Error/);
  });

  it('answers GET ?query= and refuses an unreadable body with 400', async () => {
    const server = await start();
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ listings(first: 1) { id } }')}`);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { listings: [{ id: '0x00000001' }] } });
    const garbage = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    const noQuery = await fetch(server.url, { method: 'POST', body: JSON.stringify({ variables: {} }) });
    expect(noQuery.status).toBe(400);
    expect(
      (await fetch(server.url.replace('/graphql', '/other'), { method: 'POST', body: '{}' })).status,
    ).toBe(404);
  });

  it('plays scripted faults in order, then answers normally', async () => {
    const server = await start();
    server.faults.failNext(2, 503, { headers: { 'retry-after': '3' } });
    server.faults.replyNext({ errors: [{ message: 'bad indexers: timeout' }] });
    const query = '{ _meta { block { number } } }';
    const first = await fetch(server.url, { method: 'POST', body: JSON.stringify({ query }) });
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '3']);
    expect((await server.post(query)).status).toBe(503);
    expect((await server.post(query)).body).toEqual({ errors: [{ message: 'bad indexers: timeout' }] });
    expect((await server.post(query)).body.data).toEqual({ _meta: { block: { number: 113 } } });
    server.faults.delayNextMs(150);
    const started = performance.now();
    expect((await server.post(query)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(server.faults.pending).toBe(0);
    expect(server.requests).toHaveLength(5);
  });

  it('requires the API key when configured', async () => {
    const server = await start(buildSmallMarket(), { apiKey: { value: 'sekret' } });
    expect((await server.post('{ _meta { deployment } }')).status).toBe(401);
    const ok = await fetch(server.url, {
      method: 'POST',
      headers: { authorization: 'Bearer sekret', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _meta { hasIndexingErrors } }' }),
    });
    expect(ok.status).toBe(200);
  });
});

import { errorBodySchema, type TokenInfo } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { createUserStatsRoutes, csvCell, formatTokenAmount } from '../../src/userStats/userStatsRoutes.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const apiKey = 'podium-test-api-key';
const eth = '0x0000000000000000000000000000000000000000';
const address = (digit: string) => `0x${digit.repeat(40)}`;
const [w1, w2, buyer, seller, nft] = [address('1'), address('2'), address('3'), address('4'), address('9')];
const usdc = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const unknownToken = address('d');
const tokens: TokenInfo[] = [
  { address: eth, symbol: 'ETH', decimals: 18 },
  { address: usdc, symbol: 'USDC', decimals: 6 },
];

async function purchase(
  db: Database,
  row: {
    id: string;
    listingId: string;
    seller: string;
    buyer: string;
    erc20: string;
    tokenId: string;
    amount: string;
    count: number;
    at: string;
  },
) {
  await db.query(
    `INSERT INTO podium_market_purchases (id, listing_id, buyer, seller, erc20, token_address, token_id, amount, count, "timestamp")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.id,
      row.listingId,
      row.buyer,
      row.seller,
      row.erc20,
      nft,
      row.tokenId,
      row.amount,
      row.count,
      row.at,
    ],
  );
}

const header =
  'date,side,counterparty,listing_id,nft_contract,token_id,editions,currency,currency_address,amount,amount_raw,purchase_id\r\n';

describe('GET /api/user/:identifier/transactions.csv', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey, tokens });
    const put = await client.app.request('/api/users/u-csv', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ username: 'csvuser', wallets: [w1, w2] }),
    });
    expect(put.status).toBe(201);
    const base = { tokenId: '1', count: 1 };
    await purchase(test.db, {
      ...base,
      id: 'p-wei',
      listingId: '+1',
      seller: w1,
      buyer,
      erc20: eth,
      amount: '1',
      at: '2025-05-01T09:00:00Z',
    });
    await purchase(test.db, {
      ...base,
      id: 'p-eth',
      listingId: 'l1',
      seller: w1,
      buyer,
      erc20: eth,
      tokenId: '42',
      amount: '1500000000000000000',
      count: 2,
      at: '2025-05-01T10:00:00Z',
    });
    // Token address in checksum case: matched to the token list case-insensitively.
    await purchase(test.db, {
      ...base,
      id: 'p-usdc',
      listingId: 'l,"2"',
      seller,
      buyer: w2,
      erc20: '0xA0b86991c6218b36c1d19d4a2e9eB0cE3606eB48',
      tokenId: '7',
      amount: '2500000',
      at: '2025-05-02T11:00:00Z',
    });
    // Between the user's own wallets: listed once as a sale and once as a purchase.
    await purchase(test.db, {
      ...base,
      id: 'p-self',
      listingId: '=HYPERLINK("x")',
      seller: w1,
      buyer: w2,
      erc20: unknownToken,
      tokenId: '@7',
      amount: '123',
      at: '2025-05-03T12:00:00.5Z',
    });
    await purchase(test.db, {
      ...base,
      id: 'p-other',
      listingId: 'l9',
      seller,
      buyer,
      erc20: eth,
      amount: '5',
      at: '2025-05-04T00:00:00Z',
    });
  });
  afterAll(() => test.cleanup());

  const expected =
    header +
    [
      `2025-05-03T12:00:00.500Z,sale,${w2},"'=HYPERLINK(""x"")",${nft},'@7,1,${unknownToken},${unknownToken},123,123,p-self`,
      `2025-05-03T12:00:00.500Z,purchase,${w1},"'=HYPERLINK(""x"")",${nft},'@7,1,${unknownToken},${unknownToken},123,123,p-self`,
      `2025-05-02T11:00:00.000Z,purchase,${seller},"l,""2""",${nft},7,1,USDC,${usdc},2.5,2500000,p-usdc`,
      `2025-05-01T10:00:00.000Z,sale,${buyer},l1,${nft},42,2,ETH,${eth},1.5,1500000000000000000,p-eth`,
      `2025-05-01T09:00:00.000Z,sale,${buyer},'+1,${nft},1,1,ETH,${eth},0.000000000000000001,1,p-wei`,
    ]
      .map((line) => `${line}\r\n`)
      .join('');

  it('lists the sales and purchases newest first, exactly formatted, as a download', async () => {
    const response = await client.app.request('/api/user/csvuser/transactions.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="csvuser-transactions.csv"',
    );
    expect(await response.text()).toBe(expected);
  });

  it('answers the same bytes when read in pages of two, one page per query', async () => {
    let pageQueries = 0;
    const counting: Database = {
      ...test.db,
      query: (sql, params) => {
        if (sql.includes('UNION ALL')) pageQueries++;
        return test.db.query(sql, params);
      },
      exec: (sql) => test.db.exec(sql),
      transaction: (fn) => test.db.transaction(fn),
      close: async () => {},
    };
    const routes = createUserStatsRoutes({ db: counting, tokens, csvPageSize: 2 });
    const response = await routes.request(`/user/${w2}/transactions.csv`);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${w2}-transactions.csv"`);
    expect(await response.text()).toBe(expected);
    // 5 rows in pages of 2: 2 + 2 + 1.
    expect(pageQueries).toBe(3);
  });

  it('pages through many same-instant trades without losing or repeating one', async () => {
    for (let i = 0; i < 23; i++) {
      await purchase(test.db, {
        id: `bulk-${String(i).padStart(2, '0')}`,
        listingId: 'bulk',
        seller: i % 3 === 0 ? w1 : seller,
        buyer: i % 2 === 0 ? w2 : buyer,
        erc20: eth,
        tokenId: '1',
        amount: '1',
        count: 1,
        at: '2025-05-05T00:00:00Z',
      });
    }
    const routes = createUserStatsRoutes({ db: test.db, tokens, csvPageSize: 3 });
    const paged = await (await routes.request('/user/csvuser/transactions.csv')).text();
    const whole = await (await client.app.request('/api/user/csvuser/transactions.csv')).text();
    expect(paged).toBe(whole);
    const bulk = whole.split('\r\n').filter((line) => line.includes(',bulk,'));
    // i % 3 === 0 are sales (8), i % 2 === 0 purchases (12); i % 6 === 0 are both.
    expect(bulk).toHaveLength(8 + 12);
    expect(new Set(bulk).size).toBe(bulk.length);
  });

  it('answers only the header for an address with no activity, 404 and 400 otherwise', async () => {
    const quiet = await client.app.request(`/api/user/${address('7')}/transactions.csv`);
    expect(quiet.status).toBe(200);
    expect(await quiet.text()).toBe(header);

    const missing = await client.app.request('/api/user/nobody/transactions.csv');
    expect(missing.status).toBe(404);
    expect(errorBodySchema.parse(await missing.json()).error.code).toBe('not_found');
    const malformed = await client.app.request('/api/user/0x123/transactions.csv');
    expect(malformed.status).toBe(400);
  });
});

describe('CSV helpers', () => {
  it.each([
    ['1', 18, '0.000000000000000001'],
    ['1000000000000000000', 18, '1'],
    ['123456789012345678901234567890', 18, '123456789012.34567890123456789'],
    ['2500000', 6, '2.5'],
    ['0', 6, '0'],
    ['42', 0, '42'],
    ['42', null, '42'],
  ])('formats %s with %s decimals as %s', (raw, decimals, formatted) => {
    expect(formatTokenAmount(raw, decimals)).toBe(formatted);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['-3', "'-3"],
    ['@x', "'@x"],
    ['+1,2', `"'+1,2"`],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

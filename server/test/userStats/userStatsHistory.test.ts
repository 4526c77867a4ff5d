import { errorBodySchema, maxStatsHistoryDays, statsHistoryResponseSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const apiKey = 'podium-test-api-key';
const eth = '0x0000000000000000000000000000000000000000';
const usdc = '0x' + 'C'.repeat(40);
const address = (digit: string) => `0x${digit.repeat(40)}`;
const [w1, w2, stranger, other] = [address('1'), address('2'), address('3'), address('4')];

let purchaseIds = 0;
async function purchase(
  db: Database,
  row: { seller: string; buyer: string; erc20?: string; amount: string; at: string },
) {
  const id = `p-${++purchaseIds}`;
  await db.query(
    `INSERT INTO podium_market_purchases (id, listing_id, buyer, seller, erc20, token_address, token_id, amount, count, "timestamp")
     VALUES ($1, $2, $3, $4, $5, $6, '1', $7, 1, $8)`,
    [id, `l-${id}`, row.buyer, row.seller, row.erc20 ?? eth, address('9'), row.amount, row.at],
  );
}

async function bid(db: Database, bidder: string, at: string) {
  const id = `b-${++purchaseIds}`;
  await db.query(
    `INSERT INTO podium_market_bids (id, listing_id, bidder, erc20, amount, "timestamp") VALUES ($1, 'l', $2, $3, 1, $4)`,
    [id, bidder, eth, at],
  );
}

describe('GET /api/user/:identifier/stats/history', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  const huge = (2n ** 200n).toString();

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey, now: () => new Date('2025-06-01T12:00:00.000Z') });
    const put = await client.app.request('/api/users/u-hist', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ username: 'hist', wallets: [w1, w2] }),
    });
    expect(put.status).toBe(201);

    // Last millisecond of 30 May and first of 31 May (UTC): two different days.
    await purchase(test.db, { seller: w1, buyer: stranger, amount: '1000', at: '2025-05-30T23:59:59.999Z' });
    await purchase(test.db, { seller: w2, buyer: stranger, amount: huge, at: '2025-05-31T00:00:00.000Z' });
    await purchase(test.db, { seller: w2, buyer: stranger, amount: huge, at: '2025-05-31T08:00:00.000Z' });
    // Paid in a token: counted, but not in the ETH volume.
    await purchase(test.db, {
      seller: w1,
      buyer: stranger,
      erc20: usdc,
      amount: '5000000',
      at: '2025-05-31T09:00:00Z',
    });
    await purchase(test.db, { seller: stranger, buyer: w1, amount: '7', at: '2025-05-31T10:00:00Z' });
    // Between the user's own wallets: a sale and a purchase.
    await purchase(test.db, { seller: w1, buyer: w2, amount: '3', at: '2025-06-01T01:00:00Z' });
    // Someone else's trade, and an out-of-range one.
    await purchase(test.db, { seller: stranger, buyer: other, amount: '99', at: '2025-05-31T10:00:00Z' });
    await purchase(test.db, { seller: w1, buyer: stranger, amount: '99', at: '2025-06-02T00:00:00Z' });
    await bid(test.db, w2, '2025-05-31T11:00:00Z');
    await bid(test.db, w1, '2025-05-31T23:59:59.999Z');
    await bid(test.db, stranger, '2025-05-31T11:00:00Z');
  });
  afterAll(() => test.cleanup());

  const get = (identifier: string, query = '') =>
    client.app.request(`/api/user/${identifier}/stats/history${query}`);
  const fieldsOf = async (response: Response) =>
    Object.keys(
      (errorBodySchema.parse(await response.json()).error.details as { fields: Record<string, unknown> })
        .fields,
    );

  it('answers every UTC day of the range, zero-filled, with ETH-only exact volumes', async () => {
    const response = await get('hist', '?from=2025-05-29&to=2025-06-01');
    expect(response.status).toBe(200);
    const body = statsHistoryResponseSchema.parse(await response.json());
    expect(body.subject).toMatchObject({ kind: 'user', userId: 'u-hist', addresses: [w1, w2] });
    expect(body.from).toBe('2025-05-29');
    expect(body.to).toBe('2025-06-01');
    const zero = {
      salesCount: 0,
      salesVolumeWei: '0',
      purchasesCount: 0,
      purchasesVolumeWei: '0',
      bidsPlaced: 0,
    };
    expect(body.days).toEqual([
      { date: '2025-05-29', ...zero },
      { date: '2025-05-30', ...zero, salesCount: 1, salesVolumeWei: '1000' },
      {
        date: '2025-05-31',
        salesCount: 3,
        salesVolumeWei: (2n * 2n ** 200n).toString(),
        purchasesCount: 1,
        purchasesVolumeWei: '7',
        bidsPlaced: 2,
      },
      {
        date: '2025-06-01',
        ...zero,
        salesCount: 1,
        salesVolumeWei: '3',
        purchasesCount: 1,
        purchasesVolumeWei: '3',
      },
    ]);
  });

  it('is cached like the stats: CDN for an hour, browsers revalidate by ETag (304 when unchanged)', async () => {
    const first = await get('hist', '?from=2025-05-29&to=2025-06-01');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('cdn-cache-control')).toBe('public, s-maxage=3600, stale-while-revalidate=7200');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await client.app.request('/api/user/hist/stats/history?from=2025-05-29&to=2025-06-01', {
      headers: { 'if-none-match': `W/${etag}` },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    // New activity in the range: a new representation, a new ETag.
    await purchase(test.db, { seller: w1, buyer: stranger, amount: '1', at: '2025-05-29T12:00:00Z' });
    const changed = await client.app.request('/api/user/hist/stats/history?from=2025-05-29&to=2025-06-01', {
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    await test.db.query('DELETE FROM podium_market_purchases WHERE "timestamp" = \'2025-05-29T12:00:00Z\'');
  });

  it('covers the default 90 days ending today (UTC), and one wallet alone by its address', async () => {
    const body = statsHistoryResponseSchema.parse(await (await get(w2)).json());
    expect(body.days).toHaveLength(90);
    expect(body.from).toBe('2025-03-04');
    expect(body.to).toBe('2025-06-01');
    expect(body.days.at(-1)!.date).toBe('2025-06-01');
    // The address belongs to the user, so the history is the user's (both wallets).
    expect(body.days.find((day) => day.date === '2025-05-30')!.salesCount).toBe(1);

    const bare = statsHistoryResponseSchema.parse(
      await (await get(stranger, '?from=2025-05-31&to=2025-05-31')).json(),
    );
    expect(bare.subject).toMatchObject({ kind: 'address', addresses: [stranger] });
    expect(bare.days).toEqual([
      {
        date: '2025-05-31',
        salesCount: 2,
        salesVolumeWei: '106',
        purchasesCount: 3,
        purchasesVolumeWei: (2n * 2n ** 200n).toString(),
        bidsPlaced: 1,
      },
    ]);
  });

  it('ends a from-only range today and starts a to-only range 90 days earlier', async () => {
    const fromOnly = statsHistoryResponseSchema.parse(await (await get('hist', '?from=2025-05-30')).json());
    expect(fromOnly.days.map((day) => day.date)).toEqual(['2025-05-30', '2025-05-31', '2025-06-01']);
    const toOnly = statsHistoryResponseSchema.parse(await (await get('hist', '?to=2025-01-31')).json());
    expect([toOnly.from, toOnly.days.length]).toEqual(['2024-11-03', 90]);
  });

  it('refuses from after to (naming from), a too-long range (naming to) and bad dates', async () => {
    const reversed = await get('hist', '?from=2025-06-02&to=2025-06-01');
    expect(reversed.status).toBe(400);
    expect(await fieldsOf(reversed)).toEqual(['from']);

    const tooLong = await get('hist', `?from=2023-01-01&to=2025-01-01`);
    expect(tooLong.status).toBe(400);
    expect(await fieldsOf(tooLong)).toEqual(['to']);

    const longest = await get('hist', '?from=2023-01-01&to=2024-12-31');
    expect(statsHistoryResponseSchema.parse(await longest.json()).days).toHaveLength(maxStatsHistoryDays);

    const notADate = await get('hist', '?from=2025-02-30');
    expect(notADate.status).toBe(400);
    expect(await fieldsOf(notADate)).toEqual(['from']);
  });

  it('answers 404 for an unknown username and 400 for a malformed identifier', async () => {
    expect((await get('nobody')).status).toBe(404);
    const malformed = await get('0x123');
    expect(malformed.status).toBe(400);
    expect(await fieldsOf(malformed)).toEqual(['identifier']);
  });
});

import {
  errorBodySchema,
  leaderboardResponseSchema,
  rankEntries,
  tieModes,
  type LeaderboardResponse,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardsApiKey as apiKey, jsonRequest } from './sellerBoardsFixtures.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * October 2025 sales, in this order (one product each): alice 3; carol and bob 2 (carol first);
 * erin, dave and frank 1 (erin first, then dave and frank at the same instant, by id). erin has no
 * podium_users row; frank has one without a display name.
 */
const octoberSales: Array<[seller: string, at: string]> = [
  ['bob', '2025-10-02T10:00:00.000Z'],
  ['carol', '2025-10-03T10:00:00.000Z'],
  ['alice', '2025-10-04T10:00:00.000Z'],
  ['erin', '2025-10-05T10:00:00.000Z'],
  ['carol', '2025-10-06T10:00:00.000Z'],
  ['alice', '2025-10-07T10:00:00.000Z'],
  ['bob', '2025-10-08T10:00:00.000Z'],
  ['alice', '2025-10-09T10:00:00.000Z'],
  ['dave', '2025-10-10T10:00:00.000Z'],
  ['frank', '2025-10-10T10:00:00.000Z'],
];

describe('GET /api/leaderboards/sellers', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  let clock = new Date('2025-10-01T00:00:00.000Z');
  let serial = 0;

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey, now: () => clock });
    for (const [id, displayName] of [
      ['alice', 'Alice A.'],
      ['bob', 'Bob B.'],
      ['carol', 'Carol C.'],
      ['dave', 'Dave D.'],
      ['frank', null],
    ] as const) {
      const body = { displayName, avatarUrl: `https://example.com/${id}.png` };
      expect(
        (await client.app.request(`/api/users/${id}`, jsonRequest('PUT', body, { 'x-api-key': apiKey })))
          .status,
      ).toBe(201);
    }
    for (const [seller, at] of octoberSales) await sell(seller, at);
  });
  afterAll(() => test.cleanup());

  async function putProduct(id: string, seller: string, status: string, at: string) {
    clock = new Date(at);
    const response = await client.app.request(
      `/api/products/${id}`,
      jsonRequest(
        'PUT',
        { sellerId: seller, status, price: '1.00', currency: 'USD' },
        { 'x-api-key': apiKey },
      ),
    );
    expect(response.status).toBeLessThan(300);
  }
  async function sell(seller: string, at: string): Promise<string> {
    const id = `p-${++serial}`;
    await putProduct(id, seller, 'sold', at);
    return id;
  }
  async function board(query: Record<string, string | number>, headers: Record<string, string> = {}) {
    const search = new URLSearchParams(
      Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
    );
    return client.app.request(`/api/leaderboards/sellers?${search}`, { headers });
  }
  async function boardBody(query: Record<string, string | number>): Promise<LeaderboardResponse> {
    const response = await board(query);
    expect(response.status).toBe(200);
    return leaderboardResponseSchema.parse(await response.json());
  }
  /** The reference ranking of October's sales (core's rankEntries). */
  function reference(ties: (typeof tieModes)[number]) {
    const bySeller = new Map<string, { id: string; value: number; reachedAt: string }>();
    for (const [seller, at] of octoberSales) {
      const entry = bySeller.get(seller) ?? { id: seller, value: 0, reachedAt: at };
      bySeller.set(seller, {
        id: seller,
        value: entry.value + 1,
        reachedAt: at > entry.reachedAt ? at : entry.reachedAt,
      });
    }
    return rankEntries([...bySeller.values()], ties).map(({ rank, entry }) => ({
      rank,
      userId: entry.id,
      value: entry.value,
    }));
  }

  it.each(tieModes)('ranks with ties=%s exactly like the core reference, pages included', async (ties) => {
    const full = await boardBody({ metric: 'sales', month: '2025-10', ties, limit: 100 });
    expect(full.entries.map(({ rank, userId, value }) => ({ rank, userId, value }))).toEqual(reference(ties));
    expect(full.total).toBe(6);
    // Pages are slices of the same order, with the same ranks.
    const pages = [
      ...(await boardBody({ metric: 'sales', month: '2025-10', ties, limit: 4, offset: 0 })).entries,
      ...(await boardBody({ metric: 'sales', month: '2025-10', ties, limit: 4, offset: 4 })).entries,
    ];
    expect(pages).toEqual(full.entries);
  });

  it('answers the documented shape: names, avatars, period bounds, updatedAt', async () => {
    clock = new Date('2025-10-20T00:00:00.000Z');
    const body = await boardBody({ limit: 3 });
    expect(body).toMatchObject({
      board: 'sellers',
      metric: 'sales',
      ties: 'standard',
      offset: 0,
      limit: 3,
      total: 6,
      period: {
        kind: 'month',
        month: '2025-10',
        start: '2025-10-01T00:00:00.000Z',
        end: '2025-11-01T00:00:00.000Z',
      },
      updatedAt: '2025-10-10T10:00:00.000Z',
    });
    expect(body.entries).toEqual([
      {
        rank: 1,
        userId: 'alice',
        displayName: 'Alice A.',
        avatarUrl: 'https://example.com/alice.png',
        value: 3,
      },
      // Tied on 2: carol reached it first (Oct 6, bob Oct 8), so she is listed first.
      {
        rank: 2,
        userId: 'carol',
        displayName: 'Carol C.',
        avatarUrl: 'https://example.com/carol.png',
        value: 2,
      },
      { rank: 2, userId: 'bob', displayName: 'Bob B.', avatarUrl: 'https://example.com/bob.png', value: 2 },
    ]);
    const erin = (await boardBody({ month: '2025-10', offset: 3, limit: 1 })).entries[0];
    expect(erin).toEqual({ rank: 4, userId: 'erin', displayName: null, avatarUrl: null, value: 1 });
    expect((await boardBody({ month: '2025-10', offset: 5 })).entries[0]).toMatchObject({
      userId: 'frank',
      displayName: null,
    });
  });

  it('centres the page on `around`, and answers around: null with the first page for an unranked user', async () => {
    const centred = await boardBody({ month: '2025-10', limit: 3, around: 'erin', offset: 0 });
    expect(centred.offset).toBe(2);
    expect(centred.entries.map((e) => e.userId)).toEqual(['bob', 'erin', 'dave']);
    expect(centred.around).toEqual({ userId: 'erin', rank: 4, value: 1 });
    // Clamped to the board's end, and ranked by the requested tie mode.
    const last = await boardBody({ month: '2025-10', limit: 3, around: 'frank', ties: 'first-reached' });
    expect(last.offset).toBe(3);
    expect(last.around).toEqual({ userId: 'frank', rank: 6, value: 1 });
    const nobody = await boardBody({ month: '2025-10', limit: 2, around: 'zed', offset: 4 });
    expect(nobody.around).toBeNull();
    expect(nobody.offset).toBe(0);
    expect(nobody.entries.map((e) => e.userId)).toEqual(['alice', 'carol']);
    // Without `around` the key is absent.
    expect('around' in (await boardBody({ month: '2025-10' }))).toBe(false);
  });

  it.each<Record<string, string>>([
    { metric: 'sales', period: 'month', month: '2025-10' },
    { metric: 'views', period: 'month', month: '2025-10' },
    { metric: 'sales', period: 'all-time' },
    { metric: 'views', period: 'all-time' },
    { metric: 'sales', period: 'month', month: '2025-12' },
  ])('answers around: null with the first page for a user not on the board: %j', async (params) => {
    const first = await boardBody({ ...params, limit: 2 });
    for (const around of ['zed', 'auth0|never-seen', 'x'.repeat(255)]) {
      const body = await boardBody({ ...params, limit: 2, offset: 1, around });
      expect(body.around).toBeNull();
      expect(body.offset).toBe(0);
      expect(body.entries).toEqual(first.entries);
    }
  });

  it('sends a strong ETag and no-cache; a matching If-None-Match gets a bodiless 304', async () => {
    const first = await board({ month: '2025-10' });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const second = await board({ month: '2025-10' });
    expect(second.headers.get('etag')).toBe(etag);

    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const poll = await board({ month: '2025-10' }, { 'if-none-match': header });
      expect(poll.status, header).toBe(304);
      expect(await poll.text()).toBe('');
      expect(poll.headers.get('etag')).toBe(etag);
    }
    expect((await board({ month: '2025-10' }, { 'if-none-match': '"stale"' })).status).toBe(200);
    // Another view of the same board has another tag.
    expect((await board({ month: '2025-10', ties: 'dense' })).headers.get('etag')).not.toBe(etag);
  });

  it('keeps months apart: November starts from zero, and an un-sell lowers the month of the sale', async () => {
    const before = await board({ month: '2025-10' });
    const etag = before.headers.get('etag')!;
    const november = await boardBody({ month: '2025-11' });
    expect(november).toMatchObject({ entries: [], total: 0, updatedAt: null });

    const novemberSale = await sell('dave', '2025-11-03T09:00:00.000Z');
    // dave's October sale is un-sold in November: October loses it, November keeps only the new one.
    await putProduct('p-9', 'dave', 'active', '2025-11-04T09:00:00.000Z');
    const october = await boardBody({ month: '2025-10', limit: 100 });
    expect(october.entries.map((e) => e.userId)).not.toContain('dave');
    expect(october.total).toBe(5);
    expect(october.updatedAt).toBe('2025-11-04T09:00:00.000Z');
    const poll = await board({ month: '2025-10' }, { 'if-none-match': etag });
    expect(poll.status).toBe(200);
    expect((await boardBody({ month: '2025-11' })).entries).toEqual([
      expect.objectContaining({ userId: 'dave', value: 1, rank: 1 }),
    ]);
    // The default month follows the clock.
    clock = new Date('2025-11-30T23:59:59.999Z');
    expect((await boardBody({})).period).toMatchObject({ kind: 'month', month: '2025-11' });

    const allTime = await boardBody({ period: 'all-time', limit: 100 });
    expect(allTime.period).toEqual({ kind: 'all-time' });
    expect(allTime.entries.find((e) => e.userId === 'dave')).toMatchObject({ value: 1 });
    expect(allTime.total).toBe(6);

    // Restore October for the other tests' expectations.
    await putProduct(novemberSale, 'dave', 'active', '2025-11-05T00:00:00.000Z');
    await putProduct('p-9', 'dave', 'sold', '2025-10-10T10:00:00.000Z');
  });

  it('ranks views the same way, from views of non-draft products', async () => {
    clock = new Date('2025-12-01T00:00:00.000Z');
    const viewers = { alice: 3, bob: 1, carol: 3 } as const;
    for (const [seller, count] of Object.entries(viewers)) {
      const id = `pv-${seller}`;
      await putProduct(id, seller, 'active', '2025-12-01T00:00:00.000Z');
      for (let i = 0; i < count; i++) {
        clock = new Date(Date.parse('2025-12-02T00:00:00.000Z') + (seller === 'alice' ? 1000 : 0) + i);
        const response = await client.app.request(
          `/api/products/${id}/views`,
          jsonRequest('POST', { viewerId: `viewer-${i}` }),
        );
        expect(response.status).toBe(200);
      }
    }
    const standard = await boardBody({ metric: 'views', month: '2025-12' });
    expect(standard.entries.map(({ rank, userId, value }) => [rank, userId, value])).toEqual([
      [1, 'carol', 3],
      [1, 'alice', 3],
      [3, 'bob', 1],
    ]);
    const dense = await boardBody({ metric: 'views', month: '2025-12', ties: 'dense' });
    expect(dense.entries.map((e) => e.rank)).toEqual([1, 1, 2]);
    // The sales board of December is empty: views never rank there.
    expect((await boardBody({ metric: 'sales', month: '2025-12' })).total).toBe(0);
  });

  it.each([
    [{ metric: 'likes' }, 'metric'],
    [{ period: 'week' }, 'period'],
    [{ month: '2025-13' }, 'month'],
    [{ month: '25-10' }, 'month'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ offset: 1.5 }, 'offset'],
    [{ ties: 'olympic' }, 'ties'],
    [{ around: 'not\u0000a user' }, 'around'],
    [{ around: 'x'.repeat(256) }, 'around'],
  ])('answers 400 naming the field for %j', async (query, field) => {
    const response = await board(query);
    expect(response.status).toBe(400);
    const { error } = errorBodySchema.parse(await response.json());
    expect(Object.keys((error.details as { fields: object }).fields)).toEqual([field]);
  });
});

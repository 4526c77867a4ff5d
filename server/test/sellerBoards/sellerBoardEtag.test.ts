import { leaderboardResponseSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boardsApiKey as apiKey, jsonRequest } from './sellerBoardsFixtures.js';
import type { Database } from '../../src/db/Database.js';
import { rebuildSellerBoards } from '../../src/sellerBoards/rebuildSellerBoards.js';
import { createTestApp } from '../helpers/testApp.js';
import { recordingDatabase } from '../helpers/recordingDatabase.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/** `db` whose change counts fail while `failing.on` (a lost connection after the write's commit). */
function failingCounts(db: Database, failing: { on: boolean }): Database {
  return {
    ...db,
    query: (sql, params) =>
      failing.on && /podium_seller_board_versions SET/.test(sql)
        ? Promise.reject(new Error('connection lost'))
        : db.query(sql, params),
  } as Database;
}

/** Statements that read the board's rows (the page, its total, its ranks). */
const readsBoardRows = (sql: string) => /\bpodium_seller_boards\b/.test(sql);

/**
 * The sellers board's ETag is decided from the boards' change count and the profiles' before any
 * page query runs (issue 13), an unchanged answer is served from memory, and every change that
 * alters the answer moves the tag: a view, a sale, a name, a rebuild that corrected the cache, on
 * whichever instance it was written.
 */
describe('sellers board ETag', () => {
  const clock = new Date('2026-11-27T12:00:00.000Z');
  const log: string[] = [];
  const failing = { on: false };
  let test: TestDatabase;
  let a: ReturnType<typeof createTestApp>;
  let b: ReturnType<typeof createTestApp>;
  let serial = 0;

  beforeAll(async () => {
    test = await createTestDatabase();
    // Two instances on one database: tags must agree, and a write on one shows on the other.
    a = createTestApp(failingCounts(recordingDatabase(test.db, log), failing), { apiKey, now: () => clock });
    b = createTestApp(test.db, { apiKey, now: () => clock });
    await sell(a, 'alice');
  });
  afterAll(() => test.cleanup());

  async function putProduct(app: typeof a, id: string, seller: string, status: string) {
    const response = await app.app.request(
      `/api/products/${id}`,
      jsonRequest(
        'PUT',
        { sellerId: seller, status, price: '10.00', currency: 'USD' },
        { 'x-api-key': apiKey },
      ),
    );
    expect(response.status).toBeLessThan(300);
  }
  async function sell(app: typeof a, seller: string) {
    const id = `p-${(serial += 1)}`;
    await putProduct(app, id, seller, 'active');
    await putProduct(app, id, seller, 'sold');
    return id;
  }
  const get = (app: typeof a, query = '', headers: Record<string, string> = {}) =>
    app.app.request(`/api/leaderboards/sellers${query}`, { headers });
  async function current(app: typeof a, query = '') {
    const response = await get(app, query);
    expect(response.status).toBe(200);
    return {
      etag: response.headers.get('etag')!,
      body: leaderboardResponseSchema.parse(await response.json()),
    };
  }

  /**
   * The answer once its tag moved from `etag`: another instance hears of a change through a
   * notification, a few milliseconds after the write answered.
   */
  const changedFrom = (app: typeof a, etag: string, query = '') =>
    vi.waitFor(async () => {
      const answer = await current(app, query);
      expect(answer.etag).not.toBe(etag);
      return answer;
    });

  it('answers an unchanged poll with a 304 without reading the board, and agrees across instances', async () => {
    for (const query of ['', '?metric=views&ties=dense&limit=5&around=alice', '?period=all-time']) {
      const { etag } = await current(a, query);
      expect((await current(b, query)).etag).toBe(etag);
      log.length = 0;
      const poll = await get(a, query, { 'if-none-match': etag });
      expect(poll.status).toBe(304);
      expect(poll.headers.get('etag')).toBe(etag);
      expect(log.filter(readsBoardRows)).toEqual([]);
    }
  });

  it('answers an unchanged poll without any statement once it hears of every change', async () => {
    const { etag } = await current(a);
    // The first reads start listening; from then on the version is in memory.
    await vi.waitFor(async () => {
      log.length = 0;
      expect((await get(a, '', { 'if-none-match': etag })).status).toBe(304);
      expect((await get(a)).status).toBe(200);
      expect(log).toEqual([]);
    });
  });

  it('serves an unchanged answer from memory: the same body, no board read', async () => {
    const first = await current(a, '?limit=7');
    log.length = 0;
    const again = await current(a, '?limit=7');
    expect(again).toEqual(first);
    expect(log.filter(readsBoardRows)).toEqual([]);
  });

  it('moves the tag when a sale or a view lands on the other instance', async () => {
    const before = await current(a);
    await sell(b, 'bob');
    const afterSale = await changedFrom(a, before.etag);
    expect(afterSale.body.entries.map((e) => e.userId)).toContain('bob');
    expect((await get(a, '', { 'if-none-match': before.etag })).status).toBe(200);

    const views = await current(a, '?metric=views');
    const id = await sell(b, 'carol');
    await putProduct(b, `${id}-listed`, 'carol', 'active');
    const viewed = await b.app.request(
      `/api/products/${id}-listed/views`,
      jsonRequest('POST', { sessionId: 'session-0001' }),
    );
    expect(viewed.status).toBeLessThan(300);
    const afterView = await changedFrom(a, views.etag, '?metric=views');
    expect(afterView.body.entries.find((e) => e.userId === 'carol')?.value).toBe(1);
  });

  it("moves the tag when a seller's name changes", async () => {
    const before = await current(a);
    const renamed = await b.app.request(
      '/api/users/alice',
      jsonRequest('PUT', { displayName: 'Alice Renamed' }, { 'x-api-key': apiKey }),
    );
    expect(renamed.status).toBeLessThan(300);
    const after = await changedFrom(a, before.etag);
    expect(after.body.entries.find((e) => e.userId === 'alice')?.displayName).toBe('Alice Renamed');
  });

  it('moves the tag when a rebuild corrects the cache', async () => {
    await test.db.query("UPDATE podium_seller_boards SET sales = sales + 5 WHERE seller_id = 'bob'");
    const drifted = await current(a);
    const { rowsChanged } = await rebuildSellerBoards(test.db, clock);
    expect(rowsChanged).toBeGreaterThan(0);
    const rebuilt = await changedFrom(a, drifted.etag);
    expect(rebuilt.body.entries.find((e) => e.userId === 'bob')?.value).toBe(1);
  });

  it('keeps a write a success when its count fails after commit, and counts it within a second', async () => {
    const before = await current(a);
    failing.on = true;
    try {
      await sell(a, 'dave'); // the PUTs answer 2xx (putProduct asserts it)
      expect((await current(a)).etag).toBe(before.etag);
    } finally {
      failing.on = false;
    }
    await expect.poll(async () => (await current(a)).etag, { timeout: 3_000 }).not.toBe(before.etag);
    expect((await current(a)).body.entries.map((e) => e.userId)).toContain('dave');
  });
});

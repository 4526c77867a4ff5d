import { calculateUserStatsResultSchema, type CalculateUserStatsResult } from 'podium-kit/core';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { errorResponse, notFoundResponse } from '../../src/errors.js';
import { createCronRoutes, type CronRoutesOptions } from '../../src/userStats/cronRoutes.js';
import { readStoredStats } from '../../src/userStats/userStatsRows.js';
import { upsertMarketEntities } from '../../src/userStats/mirrorStore.js';
import { createRecordingLogger } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { addUser, listing } from './fixtures.js';
import { addressesIn, createStandIn, expectedStats, type StandIn } from './standIn.js';

const secret = 'cron-secret-for-tests';
const now = new Date('2025-03-01T00:00:00Z');

describe('GET|POST /cron/calculate-user-stats', () => {
  let test: TestDatabase;
  let db: Database;
  let standIn: StandIn;
  let users: Record<string, string[]>;

  /** The routes mounted the way the app mounts them (base path, the one error mapping). */
  function cronApp(options: Partial<CronRoutesOptions> = {}) {
    const logger = createRecordingLogger();
    const api = new Hono();
    api.route(
      '/',
      createCronRoutes({
        db,
        client: standIn.client,
        cronSecret: secret,
        now: () => now,
        logger,
        ...options,
      }),
    );
    const app = new Hono();
    app.route('/api', api);
    app.onError((error, c) => errorResponse(c, error, logger));
    app.notFound(notFoundResponse);
    return {
      logger,
      call: (query = '', init: RequestInit & { auth?: string | null } = {}) =>
        app.request(`/api/cron/calculate-user-stats${query}`, {
          ...init,
          headers: init.auth === null ? {} : { authorization: `Bearer ${init.auth ?? secret}` },
        }),
    };
  }

  beforeEach(async () => {
    test = await createTestDatabase();
    db = test.db;
    standIn = createStandIn({ walletCount: 12, events: 400, seed: 21 });
    users = { alice: standIn.wallets.slice(0, 2), bob: [] };
    await addUser(db, 'alice', users.alice!, 'Alice_A');
    await addUser(db, 'bob', []);
  });
  afterEach(() => test.cleanup());

  it('refuses calls without the secret or with a wrong one', async () => {
    const { call } = cronApp();
    for (const auth of [null, 'wrong-secret']) {
      for (const method of ['GET', 'POST']) {
        const response = await call('', { method, auth });
        expect(response.status).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      }
    }
    expect(standIn.counts.requests).toBe(0);
    // No secret configured: refused too, saying why.
    const unconfigured = await cronApp({ cronSecret: undefined }).call('');
    expect(unconfigured.status).toBe(401);
    expect(await unconfigured.text()).toContain('CRON_SECRET');
  });

  it('names the bad parameter', async () => {
    const { call } = cronApp();
    for (const [query, field] of [
      ['?batch=abc', 'batch'],
      ['?batch=0', 'batch'],
      ['?offset=-1', 'offset'],
      ['?address=0x123', 'address'],
    ] as const) {
      const response = await call(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { details: { fields: Record<string, string[]> } } };
      expect(Object.keys(body.error.details.fields), query).toEqual([field]);
    }
    expect((await call('?address=nobody')).status).toBe(404);
  });

  it('calculates one subject by address, user id or username', async () => {
    const { call } = cronApp();
    const expected = expectedStats(standIn.data, users);
    for (const address of [users.alice![1]!.toUpperCase().replace('0X', '0x'), 'alice', 'alice_a']) {
      const response = await call(`?address=${address}`, { method: 'POST' });
      expect(response.status, address).toBe(200);
      const body = (await response.json()) as {
        subject: string;
        addresses: string[];
        stats: unknown;
        duration: number;
      };
      expect(body).toMatchObject({ subject: 'user:alice', addresses: [...users.alice!].sort() });
      expect(body.stats).toEqual(expected.get('user:alice'));
      expect(body.duration).toBeGreaterThanOrEqual(0);
    }
    const other = standIn.wallets[4]!;
    const single = (await (await call(`?address=${other}`)).json()) as { subject: string; stats: unknown };
    expect(single).toMatchObject({ subject: other, stats: expected.get(other) });
    expect((await readStoredStats(db)).map((row) => row.subject).sort()).toEqual(
      [other, 'user:alice'].sort(),
    );

    standIn.failWhen = () => true;
    const down = await call(`?address=${other}`);
    expect(down.status).toBe(503);
    expect(await down.text()).toContain('simulated outage');
  });

  it('blames the indexer only for indexer failures: a bug is a plain 500 that shows no internals', async () => {
    const { call } = cronApp();
    // A broken mirror (not the subgraph) makes the calculation throw a database error.
    await db.exec('DROP TABLE podium_market_bids CASCADE');
    const response = await call(`?address=${standIn.wallets[4]!}`, { method: 'POST' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/indexer|podium_market_bids|relation/);
  });

  it('pages through every subject in batches to nextOffset null, counting failures without stopping', async () => {
    const { call } = cronApp({ concurrency: 2 });
    // The mirror knows the addresses (a previous sync); the cron recalculates each from the indexer.
    const addresses = addressesIn(standIn.data);
    await upsertMarketEntities(db, {
      listings: addresses.map((address, i) => listing(`seed-${i}`, address, { status: 'CANCELLED' })),
    });
    const subjects = ['user:alice', 'user:bob', ...addresses.filter((a) => !users.alice!.includes(a))];
    const failing = addresses.find((a) => !users.alice!.includes(a))!;
    standIn.failWhen = (body) => JSON.stringify(body.variables).includes(failing);

    const seen: CalculateUserStatsResult[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const response = await call(`?batch=4&offset=${offset}`);
      expect(response.status).toBe(200);
      const body = calculateUserStatsResultSchema.parse(await response.json());
      seen.push(body);
      expect(seen.length).toBeLessThan(20);
      offset = body.nextOffset;
    }
    expect(seen.reduce((n, batch) => n + batch.total, 0)).toBe(subjects.length);
    expect(seen.slice(0, -1).every((batch) => batch.total === 4)).toBe(true);
    expect(seen.reduce((n, batch) => n + batch.successful, 0)).toBe(subjects.length - 1);
    expect(seen.flatMap((batch) => batch.errors)).toEqual([
      { subject: failing, error: expect.stringContaining('simulated outage') },
    ]);

    // Everyone but the failing subject has fresh stats (the seeded listings are not in the stand-in).
    standIn.failWhen = undefined;
    const expected = expectedStats(standIn.data, users);
    const stored = await readStoredStats(db);
    expect(stored.map((row) => row.subject).sort()).toEqual(subjects.filter((s) => s !== failing).sort());
    for (const row of stored) {
      expect(row.stats.sales, row.subject).toEqual(expected.get(row.subject)!.sales);
      expect(row.stats.bids, row.subject).toEqual(expected.get(row.subject)!.bids);
    }

    // Past the end: an empty batch.
    const past = calculateUserStatsResultSchema.parse(
      await (await call(`?offset=${subjects.length + 5}`)).json(),
    );
    expect(past).toMatchObject({ total: 0, nextOffset: null });
  });

  it('answers 503 when no subgraph is configured', async () => {
    const response = await cronApp({ client: undefined }).call('');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('PODIUM_SUBGRAPH_URL');
  });
});

import { computeUserStats, userStatsResponseSchema, type UserStats } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import type { Subject } from '../../src/userStats/subjects.js';
import { saveSubjectStats } from '../../src/userStats/userStatsRows.js';
import { createTestApp } from '../helpers/testApp.js';
import { recordingDatabase } from '../helpers/recordingDatabase.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const apiKey = 'podium-test-api-key';
const eth = '0x0000000000000000000000000000000000000000';
const address = (digit: string) => `0x${digit.repeat(40)}`;

/** Figures of `seller` with `count` sales of 1 wei each, to tell one version from another. */
function statsWithSales(seller: string, count: number): UserStats {
  return computeUserStats(
    {
      listings: [],
      sales: Array.from({ length: count }, (_, i) => ({
        id: `${seller}-${i}`,
        listingId: `${seller}-l${i}`,
        buyer: `0x${String(i).padStart(40, 'f')}`,
        seller,
        erc20: eth,
        amount: 1n,
        count: 1,
        timestamp: new Date(Date.UTC(2025, 0, 1 + i)),
      })),
      purchases: [],
      bids: [],
      offersMade: [],
      offersReceived: [],
    },
    [seller],
  );
}

/**
 * A user's stats answer is kept in memory by stats version and identifier (issue 13): an unchanged
 * poll runs no statement, and every change that alters the answer shows, on whichever instance it
 * was written: new figures, a wallet claimed, a username changed, a name changed.
 */
describe('user stats answers from memory', () => {
  const clock = new Date('2025-06-01T12:00:00.000Z');
  const log: string[] = [];
  const [w1, w2] = [address('1'), address('2')];
  let test: TestDatabase;
  let aDb: Database;
  let a: ReturnType<typeof createTestApp>;
  let b: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    test = await createTestDatabase();
    // Two instances on one database: a change written through either shows on both.
    aDb = recordingDatabase(test.db, log);
    a = createTestApp(aDb, { apiKey, now: () => clock });
    b = createTestApp(test.db, { apiKey, now: () => clock });
    await putUser(b, 'u-alice', { username: 'alice', displayName: 'Alice', wallets: [w1] });
    await saveSubjectStats(test.db, alice(), statsWithSales(w1, 1), clock);
  });
  afterAll(() => test.cleanup());

  const alice = (): Subject => ({ key: 'user:u-alice', userId: 'u-alice', addresses: [w1] });

  async function putUser(app: typeof a, id: string, body: Record<string, unknown>) {
    const response = await app.app.request(`/api/users/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
  }
  async function stats(app: typeof a, identifier: string) {
    const response = await app.app.request(`/api/user/${identifier}/stats`);
    return {
      status: response.status,
      body: response.status === 200 ? userStatsResponseSchema.parse(await response.json()) : undefined,
    };
  }

  it('answers an unchanged poll without any statement once it hears of every change', async () => {
    // The first reads start listening; from then on the version is in memory.
    await vi.waitFor(async () => {
      await stats(a, 'alice');
      log.length = 0;
      const again = await stats(a, 'alice');
      expect(again.body?.stats.sales.count).toBe(1);
      expect(log).toEqual([]);
    });
  });

  it('shows new figures written on the other instance', async () => {
    expect((await stats(a, 'alice')).body?.stats.sales.count).toBe(1);
    await saveSubjectStats(test.db, alice(), statsWithSales(w1, 2), clock);
    await vi.waitFor(async () => expect((await stats(a, 'alice')).body?.stats.sales.count).toBe(2));
  });

  it("shows this instance's own new figures at once, before the notification arrives", async () => {
    for (const count of [3, 4, 5]) {
      await saveSubjectStats(aDb, alice(), statsWithSales(w1, count), clock);
      expect((await stats(a, 'alice')).body?.stats.sales.count).toBe(count);
    }
  });

  it('follows a username changed on the other instance (no figure moves)', async () => {
    expect((await stats(a, 'alice')).status).toBe(200);
    await putUser(b, 'u-alice', { username: 'alicia', displayName: 'Alice', wallets: [w1] });
    await vi.waitFor(async () => expect((await stats(a, 'alice')).status).toBe(404));
    expect((await stats(a, 'alicia')).body?.subject).toMatchObject({ userId: 'u-alice', username: 'alicia' });
  });

  it('follows a display name changed on the other instance', async () => {
    expect((await stats(a, 'u-alice')).body?.subject).toMatchObject({ displayName: 'Alice' });
    await putUser(b, 'u-alice', { username: 'alicia', displayName: 'Alice A.', wallets: [w1] });
    await vi.waitFor(async () =>
      expect((await stats(a, 'u-alice')).body?.subject).toMatchObject({ displayName: 'Alice A.' }),
    );
  });

  it('follows a wallet claimed on the other instance: the address now names its user', async () => {
    await saveSubjectStats(test.db, { key: w2, userId: null, addresses: [w2] }, statsWithSales(w2, 7), clock);
    await vi.waitFor(async () =>
      expect((await stats(a, w2)).body?.subject).toMatchObject({ kind: 'address', addresses: [w2] }),
    );
    await putUser(b, 'u-alice', { username: 'alicia', displayName: 'Alice A.', wallets: [w1, w2] });
    await vi.waitFor(async () =>
      expect((await stats(a, w2)).body?.subject).toMatchObject({ kind: 'user', userId: 'u-alice' }),
    );
  });

  it('follows a wallet released on the other instance: the address names no user again', async () => {
    expect((await stats(a, w2)).body?.subject).toMatchObject({ kind: 'user', userId: 'u-alice' });
    await putUser(b, 'u-alice', { username: 'alicia', displayName: 'Alice A.', wallets: [w1] });
    // Its own row went when it was claimed: a calculation is queued.
    await vi.waitFor(async () => expect((await stats(a, w2)).status).toBe(202));
  });
});

import { putUserBodySchema } from 'podium-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.js';
import { createSqlUsersStore, type UsersStore } from '../../src/identity/usersStore.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const now = new Date('2025-03-01T12:00:00.000Z');
const wallet = (digit: string) => `0x${digit.repeat(40)}`;
const input = (body: unknown) => putUserBodySchema.parse(body);

/** `fulfilled` or the HTTP status of the refusal; anything else (a 500-to-be) fails the test. */
async function outcome(promise: Promise<unknown>): Promise<'ok' | number> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

/**
 * Concurrent PUTs on independent handles: on Postgres each store has its own pool (real
 * concurrency, row locks and unique indexes decide); on PGlite the handles share the one engine.
 */
describe('usersStore under concurrent PUTs', () => {
  let test: TestDatabase;
  let stores: UsersStore[];

  beforeEach(async () => {
    test = await createTestDatabase();
    stores = Array.from({ length: 6 }, () => createSqlUsersStore(test.openAnother()));
  });
  afterEach(() => test.cleanup());

  const owners = async (address: string) =>
    (
      await test.db.query<{ user_id: string }>('SELECT user_id FROM podium_user_wallets WHERE address = $1', [
        address,
      ])
    ).map((row) => row.user_id);

  it('lets exactly one of many users claim the same wallet; the others get 409', async () => {
    const results = await Promise.all(
      stores.map((store, i) => outcome(store.putUser(`racer-${i}`, input({ wallets: [wallet('a')] }), now))),
    );
    expect(results.filter((result) => result === 'ok')).toHaveLength(1);
    expect(results.filter((result) => result === 409)).toHaveLength(stores.length - 1);
    const winner = `racer-${results.indexOf('ok')}`;
    expect(await owners(wallet('a'))).toEqual([winner]);
    // The losers' transactions rolled back entirely.
    const users = await test.db.query<{ id: string }>('SELECT id FROM podium_users');
    expect(users.map((user) => user.id)).toEqual([winner]);
  });

  it('never deadlocks when two users claim the same wallets in opposite orders', async () => {
    for (let round = 0; round < 10; round++) {
      const [a, b] = [
        `0x${String(round * 2).padStart(40, '0')}`,
        `0x${String(round * 2 + 1).padStart(40, '0')}`,
      ];
      const results = await Promise.all([
        outcome(stores[0]!.putUser(`left-${round}`, input({ wallets: [a, b] }), now)),
        outcome(stores[1]!.putUser(`right-${round}`, input({ wallets: [b, a] }), now)),
      ]);
      expect(results.sort()).toEqual([409, 'ok']);
      expect(new Set([...(await owners(a)), ...(await owners(b))]).size).toBe(1);
    }
  });

  it('never deadlocks when new users are created while others change names and wallets', async () => {
    // Creating a user bumps the identities version then the profiles one; renaming a user and
    // changing their wallets bumps them the other way round (migration 023 locks both in order).
    for (let i = 0; i < 3; i += 1)
      await stores[0]!.putUser(`known-${i}`, input({ displayName: 'Known' }), now);
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.all(
        stores.map((store, i) =>
          outcome(
            i % 2 === 0
              ? store.putUser(`new-${round}-${i}`, input({ displayName: `New ${round}` }), now)
              : store.putUser(
                  `known-${(i - 1) / 2}`,
                  input({
                    displayName: `Renamed ${round}`,
                    wallets: [`0x${(round * 16 + i).toString(16).padStart(40, '0')}`],
                  }),
                  now,
                ),
          ),
        ),
      );
      expect(results).toEqual(stores.map(() => 'ok'));
    }
  });

  it('lets exactly one of many users take the same username (any case)', async () => {
    const results = await Promise.all(
      stores.map((store, i) =>
        outcome(store.putUser(`namer-${i}`, input({ username: i % 2 ? 'SAME' : 'same' }), now)),
      ),
    );
    expect(results.filter((result) => result === 'ok')).toHaveLength(1);
    expect(results.filter((result) => result === 409)).toHaveLength(stores.length - 1);
  });

  it('answers 201 once and 409 otherwise through the app, never a 500', async () => {
    const apps = stores.map((_, i) =>
      createTestApp(i === 0 ? test.db : test.openAnother(), { apiKey: 'k', now: () => now }),
    );
    const statuses = await Promise.all(
      apps.map(async ({ app }, i) => {
        const response = await app.request(`/api/users/app-${i}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-api-key': 'k' },
          body: JSON.stringify({ wallets: [wallet('f')] }),
        });
        return response.status;
      }),
    );
    expect(statuses.sort()).toEqual([201, ...Array<number>(apps.length - 1).fill(409)]);
  });
});

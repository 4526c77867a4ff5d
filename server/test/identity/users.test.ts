import { errorBodySchema, userSchema } from 'podium-kit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const apiKey = 'podium-test-api-key';
const walletA = '0x' + 'a'.repeat(40);
const walletB = '0x' + 'b'.repeat(40);
const walletC = '0x' + 'c'.repeat(40);

async function errorOf(response: Response) {
  return errorBodySchema.parse(await response.json()).error;
}

describe('PUT /api/users/:id', () => {
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  const clock = new Date('2025-03-01T12:00:00.000Z');

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey, now: () => clock });
  });
  afterAll(() => test.cleanup());
  beforeEach(() => test.db.exec('DELETE FROM podium_stats_queue; DELETE FROM podium_user_stats'));

  function put(id: string, body: unknown, headers: Record<string, string> = { 'x-api-key': apiKey }) {
    return client.app.request(`/api/users/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }
  const queued = async () =>
    (await test.db.query<{ subject: string }>('SELECT subject FROM podium_stats_queue ORDER BY subject')).map(
      (row) => row.subject,
    );
  const walletsOf = async (userId: string) =>
    (
      await test.db.query<{ address: string }>(
        'SELECT address FROM podium_user_wallets WHERE user_id = $1 ORDER BY address',
        [userId],
      )
    ).map((row) => row.address);

  it('refuses a request without the API key, with a wrong one, and when none is configured', async () => {
    expect((await put('u-auth', {}, {})).status).toBe(401);
    expect((await put('u-auth', {}, { 'x-api-key': 'wrong' })).status).toBe(401);
    const bearer = await put('u-auth', {}, { authorization: `Bearer ${apiKey}` });
    expect(bearer.status).toBe(201);
    const keyless = createTestApp(test.db);
    const response = await keyless.app.request('/api/users/u-auth', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('unauthorized');
  });

  it('names `id` when the id is malformed', async () => {
    const response = await put(encodeURIComponent('bad\u0007id'), {});
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_request');
    expect(Object.keys((error.details as { fields: object }).fields)).toEqual(['id']);
  });

  it.each([
    ['a malformed wallet', { wallets: ['0x123'] }, 'wallets[0]'],
    ['a username starting with 0x', { username: '0xname' }, 'username'],
    ['an unknown field', { nickname: 'x' }, 'nickname'],
    ['a non-http avatar', { avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
  ])('names the field for %s', async (_name, body, field) => {
    const response = await put('u-invalid', body);
    expect(response.status).toBe(400);
    expect(Object.keys(((await errorOf(response)).details as { fields: object }).fields)).toEqual([field]);
    expect(await test.db.query('SELECT 1 FROM podium_users WHERE id = $1', ['u-invalid'])).toEqual([]);
  });

  it('keeps the time zone given, and a PUT without one sets UTC', async () => {
    const first = userSchema.parse(await (await put('u-tz', { timeZone: 'Asia/Tokyo' })).json());
    expect(first.timeZone).toBe('Asia/Tokyo');
    const second = userSchema.parse(await (await put('u-tz', {})).json());
    expect(second.timeZone).toBe('UTC');
  });

  it('creates (201), then replaces (200) clearing omitted fields and replacing the wallets', async () => {
    const created = await put('u-life', {
      username: 'Life',
      displayName: 'Life Form',
      avatarUrl: 'https://example.com/a.png',
      wallets: [walletB.toUpperCase().replace('0X', '0x'), walletA, walletA],
    });
    expect(created.status).toBe(201);
    expect(userSchema.parse(await created.json())).toEqual({
      id: 'u-life',
      username: 'Life',
      displayName: 'Life Form',
      avatarUrl: 'https://example.com/a.png',
      timeZone: 'UTC',
      wallets: [walletA, walletB],
      createdAt: clock.toISOString(),
      updatedAt: clock.toISOString(),
    });

    const replaced = await put('u-life', { username: 'life2', wallets: [walletB, walletC] });
    expect(replaced.status).toBe(200);
    expect(userSchema.parse(await replaced.json())).toMatchObject({
      username: 'life2',
      displayName: null,
      avatarUrl: null,
      wallets: [walletB, walletC],
    });
    expect(await walletsOf('u-life')).toEqual([walletB, walletC]);
  });

  it('answers 409 naming `wallets` and the address (not the owner) for a wallet of another user', async () => {
    expect((await put('u-owner', { wallets: [walletA] })).status).toBe(201);
    await test.db.exec('DELETE FROM podium_stats_queue');
    const response = await put('u-thief', { username: 'thief', wallets: [walletC, walletA] });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(walletA);
    expect(JSON.stringify(error)).not.toContain('u-owner');
    expect(Object.keys((error.details as { fields: object }).fields)).toEqual(['wallets']);
    // All or nothing: neither the user nor the free wallet was written, nothing was queued.
    expect(await test.db.query('SELECT 1 FROM podium_users WHERE id = $1', ['u-thief'])).toEqual([]);
    expect(await walletsOf('u-owner')).toEqual([walletA]);
    expect(await queued()).toEqual([]);
  });

  it('answers 409 naming `username` for a taken username in any case', async () => {
    expect((await put('u-name-1', { username: 'Taken' })).status).toBe(201);
    const response = await put('u-name-2', { username: 'tAKEN' });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe('conflict');
    expect(Object.keys((error.details as { fields: object }).fields)).toEqual(['username']);
    // Keeping one's own username is not a conflict.
    expect((await put('u-name-1', { username: 'TAKEN' })).status).toBe(200);
  });

  it('queues the user and drops the bare-address stats of claimed wallets; released wallets are queued', async () => {
    const wallet1 = '0x' + '1'.repeat(40);
    const wallet2 = '0x' + '2'.repeat(40);
    const other = '0x' + '3'.repeat(40);
    for (const subject of [wallet1, other]) {
      await test.db.query(
        `INSERT INTO podium_user_stats (subject, addresses, stats, calculated_at) VALUES ($1, ARRAY[$1], '{}', $2)`,
        [subject, clock],
      );
    }
    expect((await put('u-side', { wallets: [wallet1] })).status).toBe(201);
    expect(await queued()).toEqual(['user:u-side']);
    expect(
      (await test.db.query<{ subject: string }>('SELECT subject FROM podium_user_stats')).map(
        (r) => r.subject,
      ),
    ).toEqual([other]);

    await test.db.exec('DELETE FROM podium_stats_queue');
    expect((await put('u-side', { wallets: [wallet1], displayName: 'Same wallets' })).status).toBe(200);
    expect(await queued()).toEqual([]);

    expect((await put('u-side', { wallets: [wallet2] })).status).toBe(200);
    expect(await queued()).toEqual([wallet1, 'user:u-side']);
    // The released wallet is free again.
    expect((await put('u-side-2', { wallets: [wallet1] })).status).toBe(201);
  });

  it('leaves GET /api/stats (job stats, user JWT) as it was', async () => {
    expect((await client.app.request('/api/stats')).status).toBe(401);
    expect((await client.getStats('someone')).status).toBe(200);
  });
});

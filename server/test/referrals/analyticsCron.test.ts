import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { insertCreator, insertMember } from './analyticsFixtures.js';

const cronSecret = 'analytics-cron-secret-0123456789';
const apiKey = 'analytics-api-key-0123456789';

type HealthBody = { checks: Record<string, Array<{ status: string; output?: string }>> };

describe('refresh-views cron route and view-age health', () => {
  let test: TestDatabase;
  let clock = new Date('2026-11-27T12:00:00.000Z');
  let client: ReturnType<typeof createTestApp>;
  const cron = (secret: string | null, method = 'GET', header = 'authorization') =>
    client.app.request('/api/cron/refresh-views', {
      method,
      headers: secret === null ? {} : { [header]: header === 'authorization' ? `Bearer ${secret}` : secret },
    });
  const check = async (app: ReturnType<typeof createTestApp>['app'], key: string) =>
    ((await (await app.request('/api/health')).json()) as HealthBody).checks[key]![0]!;

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { apiKey, cronSecret, now: () => clock });
    await insertCreator(test.db, 'c1', clock);
    for (const id of ['m1', 'm2', 'm3']) await insertMember(test.db, id, 'c1', `user-${id}`, clock);
  });
  afterAll(() => test.cleanup());

  it('refreshes on GET and POST with the cron secret only', async () => {
    expect((await cron(null)).status).toBe(401);
    expect((await cron('wrong')).status).toBe(401);
    expect((await cron(apiKey, 'GET', 'x-api-key')).status).toBe(401);
    expect((await cron(cronSecret, 'GET')).status).toBe(200);
    const post = await cron(cronSecret, 'POST');
    expect(post.status).toBe(200);
    const body = (await post.json()) as { views: Array<{ view: string; rows: number; refreshedAt: string }> };
    expect(body.views.map((v) => [v.view, v.rows, v.refreshedAt])).toEqual([
      ['podium_referral_member_stats', 3, clock.toISOString()],
      ['podium_referral_creator_analytics', 1, clock.toISOString()],
      ['podium_referral_creator_weeks', 1, clock.toISOString()],
    ]);
  });

  it('passes while a view is fresh and warns past twice the interval', async () => {
    expect((await cron(cronSecret)).status).toBe(200);
    const age = () => check(client.app, 'podium_referral_member_stats:age');
    expect((await age()).status).toBe('pass');
    clock = new Date(clock.getTime() + 9 * 60_000);
    expect((await age()).status).toBe('pass');
    clock = new Date(clock.getTime() + 2 * 60_000);
    expect(await age()).toMatchObject({ status: 'warn', output: 'last refreshed 660 s ago' });
    expect((await cron(cronSecret)).status).toBe(200);
    expect((await age()).status).toBe('pass');
  });

  it('says never refreshed once the first run was due, and only with creators', async () => {
    const fresh = await createTestDatabase();
    try {
      let freshClock = new Date('2026-11-27T12:00:00.000Z');
      const other = createTestApp(fresh.db, { now: () => freshClock });
      const weeks = () => check(other.app, 'podium_referral_creator_weeks:age');
      expect(await weeks()).toMatchObject({ status: 'pass' });
      freshClock = new Date(freshClock.getTime() + 11 * 60_000);
      // Without creators the empty views are right; with one, they should have been refreshed.
      expect(await weeks()).toMatchObject({ status: 'pass' });
      await insertCreator(fresh.db, 'c-new', freshClock);
      expect(await weeks()).toMatchObject({ status: 'warn', output: 'never refreshed' });
    } finally {
      await fresh.cleanup();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCreatorAnalytics } from '../../src/referrals/analytics/creatorAnalytics.js';
import { readViewStates, refreshReferralViews } from '../../src/referrals/analytics/refreshReferralViews.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import {
  insertClick,
  insertConversion,
  insertCreator,
  insertMember,
  insertShare,
} from './analyticsFixtures.js';

const at = new Date('2026-11-27T12:00:00.000Z');

describe('referral materialized views', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    const { db } = test;
    await insertCreator(db, 'c1', at);
    for (const [id, user] of [
      ['m1', 'u1'],
      ['m2', 'u2'],
      ['m3', 'u3'],
      ['m4', 'u4'],
    ] as const)
      await insertMember(db, id, 'c1', user, at);
    await insertShare(db, 'm1', 'x', at);
    await insertClick(db, 'm1', 'x', at);
    await insertClick(db, 'm1', 'x', at, false);
    const conversion = (
      memberId: string,
      status: 'approved' | 'flagged' | 'blocked',
      refereeUserId: string | null,
    ) =>
      insertConversion(db, {
        creatorId: 'c1',
        memberId,
        status,
        amount: 100,
        commission: 10,
        at,
        refereeUserId,
      });
    // m1: two referees (one twice) → 2 referrals; m2: 2 (one flagged, one anonymous); m3: 1.
    await conversion('m1', 'approved', 'r1');
    await conversion('m1', 'approved', 'r1');
    await conversion('m1', 'approved', 'r2');
    await conversion('m2', 'flagged', 'r3');
    await conversion('m2', 'approved', null);
    await conversion('m3', 'approved', 'r4');
    await conversion('m4', 'blocked', 'r5');
  });
  afterAll(() => test.cleanup());

  it('records nothing before the first refresh, then each refresh, and ranks with standard ties', async () => {
    expect((await readViewStates(test.db, at)).every((state) => state.refreshedAt === null)).toBe(true);
    const refreshes = await refreshReferralViews(test.db, { now: () => at });
    expect(refreshes.map((r) => [r.view, r.rows])).toEqual([
      ['podium_referral_member_stats', 4],
      ['podium_referral_creator_analytics', 1],
      ['podium_referral_creator_weeks', 1],
    ]);
    const rows = await test.db.query<Record<string, unknown>>(
      'SELECT member_id, clicks, shares, referrals, conversions, earnings, pending, rank FROM podium_referral_member_stats ORDER BY member_id',
    );
    expect(
      rows.map((row) => [
        row.member_id,
        Number(row.clicks),
        row.referrals,
        row.conversions,
        Number(row.earnings),
        Number(row.pending),
        row.rank,
      ]),
    ).toEqual([
      ['m1', 1, 2, 3, 30, 0, 1],
      ['m2', 0, 2, 1, 10, 10, 1],
      ['m3', 0, 1, 1, 10, 0, 3],
      ['m4', 0, 0, 0, 0, 0, null],
    ]);
    const [creator] = await test.db.query<Record<string, unknown>>(
      'SELECT * FROM podium_referral_creator_analytics',
    );
    expect([
      Number(creator!.revenue),
      creator!.members,
      creator!.active_members,
      creator!.conversions,
      creator!.flagged,
      creator!.blocked,
    ]).toEqual([500, 4, 1, 5, 1, 1]);
    const states = await readViewStates(test.db, new Date(at.getTime() + 60_000));
    expect(states.map((state) => [state.rows, state.ageMs])).toEqual([
      [4, 60_000],
      [1, 60_000],
      [1, 60_000],
    ]);
  });

  it('serves reads while a concurrent refresh runs', async () => {
    const other = test.openAnother();
    const reads = Array.from({ length: 20 }, () =>
      other.query<{ n: unknown }>('SELECT count(*) AS n FROM podium_referral_member_stats'),
    );
    const [refreshes, ...counts] = await Promise.all([refreshReferralViews(test.db), ...reads]);
    expect(refreshes).toHaveLength(3);
    for (const [row] of counts) expect(Number(row!.n)).toBe(4);
  });

  it('answers zeros for a creator added since the last refresh, and null for an unknown one', async () => {
    await insertCreator(test.db, 'c-late', at, 'EUR');
    const late = await readCreatorAnalytics(test.db, 'c-late', at);
    expect(late).toMatchObject({ revenue: { amount: 0, currency: 'EUR' }, members: 0, topMembers: [] });
    expect(late!.growth.every((week) => week.clicks === 0)).toBe(true);
    expect(await readCreatorAnalytics(test.db, 'c-none', at)).toBeNull();
  });
});

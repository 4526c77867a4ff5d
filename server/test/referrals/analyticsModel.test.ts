import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCreatorAnalytics } from '../../src/referrals/analytics/creatorAnalytics.js';
import { readMemberStats } from '../../src/referrals/analytics/memberStats.js';
import { refreshReferralViews } from '../../src/referrals/analytics/refreshReferralViews.js';
import { readShareAnalytics } from '../../src/referrals/analytics/shareAnalytics.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import {
  insertClick,
  insertConversion,
  insertCreator,
  insertMember,
  insertShare,
  type ConversionStatus,
} from './analyticsFixtures.js';

const now = new Date('2026-11-27T12:00:00.000Z');
const platforms = ['x', 'email', 'copy'] as const;
const statuses: ConversionStatus[] = [
  'approved',
  'flagged',
  'blocked',
  'rejected',
  'refunded',
  'chargedBack',
];
const members = 3;
const at = fc.integer({ min: 0, max: 40 * 86_400 }).map((s) => new Date(now.getTime() - s * 1000));
const member = fc.integer({ min: 0, max: members - 1 });
const events = fc.record({
  shares: fc.array(fc.record({ member, platform: fc.constantFrom(...platforms), at }), { maxLength: 12 }),
  clicks: fc.array(
    fc.record({ member, platform: fc.constantFrom(...platforms, null), counted: fc.boolean(), at }),
    { maxLength: 15 },
  ),
  conversions: fc.array(
    fc.record({
      member,
      status: fc.constantFrom(...statuses),
      referee: fc.constantFrom('r1', 'r2', 'r3', null),
      amount: fc.integer({ min: 0, max: 500 }),
      commission: fc.integer({ min: 0, max: 50 }),
      platform: fc.constantFrom(...platforms, null),
      at,
    }),
    { maxLength: 12 },
  ),
});
type Events = typeof events extends fc.Arbitrary<infer T> ? T : never;

/** What the answers should say, computed from the events the plain way. */
function model(input: Events, index: number) {
  const counted = input.clicks.filter((click) => click.member === index && click.counted);
  const conversions = input.conversions.filter((conversion) => conversion.member === index);
  const approved = conversions.filter((conversion) => conversion.status === 'approved');
  const referees = new Set(
    conversions
      .map((conversion, n) => ({ ...conversion, n }))
      .filter((conversion) => conversion.status === 'approved' || conversion.status === 'flagged')
      .map((conversion) => conversion.referee ?? `conversion ${conversion.n}`),
  );
  const sum = (list: typeof conversions) =>
    list.reduce((total, conversion) => total + conversion.commission, 0);
  return {
    shares: input.shares.filter((share) => share.member === index).length,
    clicks: counted.length,
    referrals: referees.size,
    conversions: approved.length,
    earnings: sum(approved),
    pending: sum(conversions.filter((conversion) => conversion.status === 'flagged')),
    revenue: approved.reduce((total, conversion) => total + conversion.amount, 0),
    flagged: conversions.filter((conversion) => conversion.status === 'flagged').length,
    blocked: conversions.filter((conversion) => conversion.status === 'blocked').length,
  };
}

describe('referral analytics against a model of random events', () => {
  let test: TestDatabase;
  let run = 0;
  beforeAll(async () => (test = await createTestDatabase()));
  afterAll(() => test.cleanup());

  it('agrees on the funnel, the member counts, the ranks and the creator totals', async () => {
    await fc.assert(
      fc.asyncProperty(events, async (input) => {
        const { db } = test;
        const creatorId = `model-${(run += 1)}`;
        const ids = Array.from({ length: members }, (_, index) => `${creatorId}-m${index}`);
        await insertCreator(db, creatorId, now);
        for (const id of ids) await insertMember(db, id, creatorId, `${id}-user`, now);
        for (const share of input.shares) await insertShare(db, ids[share.member]!, share.platform, share.at);
        for (const click of input.clicks)
          await insertClick(db, ids[click.member]!, click.platform, click.at, click.counted);
        for (const c of input.conversions)
          await insertConversion(db, { ...c, creatorId, memberId: ids[c.member]!, refereeUserId: c.referee });

        const expected = ids.map((_, index) => model(input, index));
        // Live, before any refresh.
        for (const [index, id] of ids.entries()) {
          const stats = (await readMemberStats(db, id))!;
          const want = expected[index]!;
          expect([
            stats.clicks,
            stats.referrals,
            stats.conversions,
            stats.earnings.amount,
            stats.pendingEarnings.amount,
          ]).toEqual([want.clicks, want.referrals, want.conversions, want.earnings, want.pending]);
          const analytics = await readShareAnalytics(db, id, 'UTC', now);
          expect(analytics.funnel).toMatchObject({
            shares: want.shares,
            clicks: want.clicks,
            conversions: want.conversions,
          });
          const sumOf = (key: 'shares' | 'clicks' | 'conversions') =>
            analytics.platforms.reduce((total, row) => total + row[key], 0);
          // Clicks and conversions without a platform are in the funnel but on no platform's row.
          expect(sumOf('shares')).toBe(want.shares);
          expect(sumOf('clicks')).toBe(
            input.clicks.filter((c) => c.member === index && c.counted && c.platform).length,
          );
        }

        await refreshReferralViews(db, { now: () => now });
        for (const [index, id] of ids.entries()) {
          const { rank, rankedMembers } = (await readMemberStats(db, id))!;
          const mine = expected[index]!.referrals;
          const ahead = expected.filter((other) => other.referrals > mine).length;
          expect(rank).toBe(mine > 0 ? ahead + 1 : null);
          expect(rankedMembers).toBe(expected.filter((other) => other.referrals > 0).length);
        }
        const creator = (await readCreatorAnalytics(db, creatorId, now))!;
        const total = (key: keyof (typeof expected)[number]) => expected.reduce((sum, m) => sum + m[key], 0);
        expect(creator.funnel).toMatchObject({
          shares: total('shares'),
          clicks: total('clicks'),
          conversions: total('conversions'),
        });
        expect([
          creator.revenue.amount,
          creator.commissions.amount,
          creator.flagged,
          creator.blocked,
        ]).toEqual([total('revenue'), total('earnings'), total('flagged'), total('blocked')]);
        expect(creator.activeMembers).toBe(expected.filter((m) => m.shares > 0).length);
        // Clicks in the growth weeks: the 12 weeks cover the 40 days of events.
        expect(creator.growth.reduce((sum, week) => sum + week.clicks, 0)).toBe(total('clicks'));
      }),
      { numRuns: Number(process.env.PODIUM_MODEL_RUNS ?? 15), seed: 20_261_128 },
    );
  });
});

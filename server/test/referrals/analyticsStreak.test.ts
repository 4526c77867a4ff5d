import { shareAnalyticsSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShareAnalytics } from '../../src/referrals/analytics/shareAnalytics.js';
import { shareStreak } from '../../src/referrals/analytics/shareStreak.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import {
  insertClick,
  insertConversion,
  insertCreator,
  insertMember,
  insertShare,
} from './analyticsFixtures.js';

describe('share streak', () => {
  it('counts runs of calendar days ending today or yesterday', () => {
    const days = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-25', '2026-11-26'];
    expect(shareStreak(days, '2026-11-27')).toEqual({ current: 2, longest: 3, lastShareDay: '2026-11-26' });
    expect(shareStreak([...days, '2026-11-27'], '2026-11-27')).toMatchObject({ current: 3, longest: 3 });
    expect(shareStreak(days, '2026-11-28')).toMatchObject({ current: 0, longest: 3 });
    // Across a month and a year end, and a leap day.
    expect(
      shareStreak(['2027-12-31', '2028-01-01', '2028-02-28', '2028-02-29', '2028-03-01'], '2028-03-02'),
    ).toMatchObject({
      current: 3,
      longest: 3,
    });
    expect(shareStreak([], '2026-11-27')).toEqual({ current: 0, longest: 0, lastShareDay: null });
  });

  describe('in the member time zone', () => {
    let test: TestDatabase;
    let n = 0;
    beforeAll(async () => {
      test = await createTestDatabase();
      await insertCreator(test.db, 'c', new Date('2026-01-01T00:00:00Z'));
    });
    afterAll(() => test.cleanup());
    const memberWithShares = async (instants: string[]) => {
      const id = `m${(n += 1)}`;
      await insertMember(test.db, id, 'c', `u${n}`, new Date('2026-01-01T00:00:00Z'));
      for (const instant of instants) await insertShare(test.db, id, 'x', new Date(instant));
      return id;
    };

    it('gives each share its local day across the end of summer time (a 25-hour day)', async () => {
      // 00:05 local in Berlin on 24, 25 (the day clocks go back) and 26 October 2026.
      const id = await memberWithShares([
        '2026-10-23T22:05:00Z',
        '2026-10-24T22:05:00Z',
        '2026-10-25T23:05:00Z',
      ]);
      const now = new Date('2026-10-26T10:00:00Z');
      const berlin = await readShareAnalytics(test.db, id, 'Europe/Berlin', now);
      expect(berlin.streak).toEqual({
        current: 3,
        longest: 3,
        lastShareDay: '2026-10-26',
        timeZone: 'Europe/Berlin',
      });
      expect(berlin.daily.slice(-3).map((d) => [d.day, d.shares])).toEqual([
        ['2026-10-24', 1],
        ['2026-10-25', 1],
        ['2026-10-26', 1],
      ]);
      expect(berlin.daily).toHaveLength(30);
      const utc = await readShareAnalytics(test.db, id, 'UTC', now);
      expect(utc.streak).toMatchObject({ current: 3, lastShareDay: '2026-10-25' });
    });

    it('merges two UTC days into one local day far east, and keeps quarter-hour zones right', async () => {
      // Auckland (+13): both are 26 November locally, one day; in UTC, two.
      const id = await memberWithShares(['2026-11-25T11:30:00Z', '2026-11-26T10:30:00Z']);
      const now = new Date('2026-11-26T20:00:00Z');
      expect((await readShareAnalytics(test.db, id, 'Pacific/Auckland', now)).streak).toMatchObject({
        current: 1,
        longest: 1,
      });
      expect((await readShareAnalytics(test.db, id, 'UTC', now)).streak).toMatchObject({
        current: 2,
        longest: 2,
      });
      // Kathmandu (+05:45): 18:10Z is 23:55 on the 26th, 18:20Z is 00:05 on the 27th.
      const kathmandu = await memberWithShares(['2026-11-26T18:10:00Z', '2026-11-26T18:20:00Z']);
      const days = (await readShareAnalytics(test.db, kathmandu, 'Asia/Kathmandu', now)).daily.filter(
        (d) => d.shares > 0,
      );
      expect(days.map((d) => d.day)).toEqual(['2026-11-26', '2026-11-27']);
    });

    it('answers the funnel, platforms and best platform through the route', async () => {
      const id = await memberWithShares(['2026-11-27T08:00:00Z']);
      await insertShare(test.db, id, 'email', new Date('2026-11-26T08:00:00Z'));
      await insertClick(test.db, id, 'email', new Date('2026-11-26T09:00:00Z'));
      await insertClick(test.db, id, 'x', new Date('2026-11-26T09:00:00Z'));
      await insertClick(test.db, id, 'x', new Date('2026-11-26T09:30:00Z'));
      await insertConversion(test.db, {
        creatorId: 'c',
        memberId: id,
        status: 'approved',
        amount: 1,
        commission: 1,
        at: new Date('2026-11-26T10:00:00Z'),
        platform: 'email',
      });
      const client = createTestApp(test.db, {
        apiKey: 'k'.repeat(24),
        now: () => new Date('2026-11-27T12:00:00Z'),
      });
      const response = await client.app.request(
        `/api/members/${id}/share-analytics?timeZone=America/New_York`,
        {
          headers: { 'x-api-key': 'k'.repeat(24) },
        },
      );
      const body = shareAnalyticsSchema.parse(await response.json());
      expect(body.funnel).toEqual({
        shares: 2,
        clicks: 3,
        conversions: 1,
        // Not capped at 1: two shares brought three clicks.
        clicksPerShare: 1.5,
        conversionRate: 1 / 3,
      });
      expect(body.platforms.map((p) => [p.platform, p.shares, p.clicks, p.conversions])).toEqual([
        ['email', 1, 1, 1],
        ['x', 1, 2, 0],
      ]);
      expect(body.bestPlatform).toBe('email');
      expect(body.streak).toMatchObject({
        current: 2,
        lastShareDay: '2026-11-27',
        timeZone: 'America/New_York',
      });
    });
  });
});

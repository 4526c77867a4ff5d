import { conversionSchema, leaderboardResponseSchema, memberSchema, shareSchema } from 'podium-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { demoUsers } from '../../src/demo/demoUsers.js';
import { refreshReferralViews } from '../../src/referrals/analytics/refreshReferralViews.js';
import {
  clearGeneratedDemoReferrals,
  demoMemberId,
  seedDemoReferrals,
} from '../../src/referrals/demoReferrals.js';
import { generateReferralCode } from '../../src/referrals/referralsStore.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const now = new Date('2026-11-28T15:00:00.000Z');
const counts = async (test: TestDatabase) => {
  const [row] = await test.db.query<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM podium_referral_shares) AS shares,
            (SELECT count(*) FROM podium_referral_clicks) AS clicks,
            (SELECT count(*) FROM podium_referral_conversions) AS conversions,
            (SELECT count(*) FROM podium_referral_members) AS members`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
};

describe('the referral demo seed', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.cleanup();
    test = undefined;
  });

  it('seeds members in both communities and a history ending now, once', async () => {
    test = await createTestDatabase();
    const first = await seedDemoReferrals(
      test.db,
      demoUsers,
      'http://localhost:4000',
      now,
      generateReferralCode,
    );
    expect(first.members).toBe(4);
    expect(first.shares).toBeGreaterThan(20);
    expect(first.clicks).toBeGreaterThan(first.conversions);
    const seeded = await counts(test);
    expect(seeded).toMatchObject({
      shares: first.shares,
      clicks: first.clicks,
      conversions: first.conversions,
      members: 4,
    });

    // Nothing after now; alice shared on each of the last six days (her streak).
    const [latest] = await test.db.query<{ at: unknown }>(
      `SELECT greatest((SELECT max(created_at) FROM podium_referral_shares),
                       (SELECT max(created_at) FROM podium_referral_clicks),
                       (SELECT max(occurred_at) FROM podium_referral_conversions)) AS at`,
    );
    expect(new Date(latest!.at as string).getTime()).toBeLessThanOrEqual(now.getTime());
    const days = await test.db.query<{ day: string }>(
      `SELECT DISTINCT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
       FROM podium_referral_shares WHERE member_id = $1 AND created_at > $2`,
      [demoMemberId('studio', 'alice'), new Date(now.getTime() - 6 * 86_400_000)],
    );
    expect(days.length).toBeGreaterThanOrEqual(6);
    const statuses = await test.db.query<{ status: string }>(
      'SELECT DISTINCT status FROM podium_referral_conversions ORDER BY status',
    );
    expect(statuses.map((row) => row.status)).toEqual(['approved', 'blocked', 'flagged']);

    // A second start keeps what is there and adds nothing; the codes are never changed.
    const codes = await test.db.query('SELECT id, referral_code FROM podium_referral_members ORDER BY id');
    const again = await seedDemoReferrals(
      test.db,
      demoUsers,
      'http://localhost:4001',
      now,
      generateReferralCode,
    );
    expect(again).toMatchObject({ shares: 0, clicks: 0, conversions: 0 });
    expect(await counts(test)).toEqual(seeded);
    expect(await test.db.query('SELECT id, referral_code FROM podium_referral_members ORDER BY id')).toEqual(
      codes,
    );
    const [creator] = await test.db.query<{ destination_url: string }>(
      "SELECT destination_url FROM podium_referral_creators WHERE id = 'studio'",
    );
    expect(creator!.destination_url).toBe('http://localhost:4001/?arrived=referral#referrals');
  });

  it('clears only generated rows: a visitor’s share, click and conversion stay', async () => {
    test = await createTestDatabase();
    await seedDemoReferrals(test.db, demoUsers, 'http://localhost:4000', now, generateReferralCode);
    const member = demoMemberId('studio', 'bob');
    await test.db.query(
      `INSERT INTO podium_referral_shares (id, member_id, platform, created_at) VALUES ('shr_visitor', $1, 'x', $2)`,
      [member, now],
    );
    // The visitor's click came through a generated share; their conversion through a generated click.
    await test.db.query(
      `INSERT INTO podium_referral_clicks (click_id, member_id, share_id, platform, ip_hash, is_bot, counted, counted_hour, created_at)
       SELECT 'clk_visitor', $1, min(id), 'x', 'v', false, false, NULL, $2 FROM podium_referral_shares WHERE id ~ '^shr_demo_' AND member_id = $1`,
      [member, now],
    );
    await test.db.query(
      `INSERT INTO podium_referral_conversions (id, creator_id, member_id, click_id, amount, currency, commission,
         risk_score, status, reasons, request_hash, occurred_at, created_at)
       SELECT 'order-1', 'studio', $1, min(click_id), 10, 'USD', 1, 0, 'approved', '[]', 'h', $2, $2
       FROM podium_referral_clicks WHERE click_id ~ '^clk_demo_' AND member_id = $1`,
      [member, now],
    );
    const deleted = await test.db.transaction((tx) => clearGeneratedDemoReferrals(tx));
    expect(deleted).toBeGreaterThan(0);
    expect(await counts(test)).toEqual({ shares: 1, clicks: 1, conversions: 1, members: 4 });
    const [conversion] = await test.db.query<{ click_id: string | null }>(
      "SELECT click_id FROM podium_referral_conversions WHERE id = 'order-1'",
    );
    expect(conversion!.click_id).toBeNull();
    // And the seed generates the history again.
    const reseeded = await seedDemoReferrals(
      test.db,
      demoUsers,
      'http://localhost:4000',
      now,
      generateReferralCode,
    );
    expect(reseeded.shares).toBeGreaterThan(20);
  });
});

describe('the demo page’s referral flow', () => {
  it('shares, follows the link, buys as a visitor and as a second account of the member, and reviews', async () => {
    const test = await createTestDatabase();
    try {
      await seedDemoReferrals(test.db, demoUsers, 'http://localhost:4000', now, generateReferralCode);
      await refreshReferralViews(test.db, { now: () => now });
      const { app, tokenFor } = createTestApp(test.db, {
        now: () => now,
        trustProxy: true,
        demo: { users: demoUsers },
      });
      const browser = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120';
      const asAlice = async (path: string, init: RequestInit = {}) =>
        app.request(`/api${path}`, {
          ...init,
          headers: {
            authorization: `Bearer ${await tokenFor('alice')}`,
            'content-type': 'application/json',
            'user-agent': browser,
            'x-forwarded-for': '198.51.100.20',
          },
        });
      const member = memberSchema.parse(await (await asAlice('/members/me?creatorId=studio')).json());
      const share = shareSchema.parse(
        await (
          await asAlice('/shares', {
            method: 'POST',
            body: JSON.stringify({ memberId: member.id, platform: 'x' }),
          })
        ).json(),
      );
      const follow = async (visitorIp: string) => {
        const response = await app.request(share.url.replace(/^https?:\/\/[^/]+/, ''), {
          headers: { 'user-agent': browser, 'x-forwarded-for': visitorIp },
        });
        expect(response.status).toBe(302);
        const location = new URL(response.headers.get('location')!);
        expect(location.origin + location.pathname).toBe('http://localhost:4000/');
        return location.searchParams.get('click')!;
      };
      const buy = async (click: string, as: string, ip: string) =>
        app.request(`/api/demo/referrals/conversion?click=${click}&as=${as}`, {
          method: 'POST',
          headers: { 'user-agent': browser, 'x-forwarded-for': ip },
        });
      const board = async () =>
        leaderboardResponseSchema
          .parse(await (await asAlice('/creators/studio/leaderboard')).json())
          .entries.find((entry) => entry.userId === 'alice')?.value ?? 0;
      const before = await board();
      expect(before).toBeGreaterThan(0);

      const visitor = conversionSchema.parse(
        await (await buy(await follow('203.0.113.5'), 'visitor', '203.0.113.5')).json(),
      );
      expect(visitor).toMatchObject({ status: 'approved', memberId: member.id, platform: 'x' });
      expect(await board()).toBe(before + 1);

      const own = conversionSchema.parse(
        await (await buy(await follow('203.0.113.6'), 'self', '198.51.100.20')).json(),
      );
      expect(own.status).toBe('flagged');
      expect(own.reasons.map((reason) => reason.signal)).toContain('sameIp');
      const queue = (await (await app.request('/api/demo/referrals/reviews?creatorId=studio')).json()) as {
        reviews: { conversionId: string }[];
      };
      expect(queue.reviews.map((review) => review.conversionId)).toContain(own.conversionId);
      const decided = await app.request(`/api/demo/referrals/reviews/${own.conversionId}?decision=approve`, {
        method: 'POST',
      });
      expect(conversionSchema.parse(await decided.json()).status).toBe('approved');
      expect(await board()).toBe(before + 2);
      expect((await buy('clk_unknown', 'visitor', '203.0.113.5')).status).toBe(422);
      // The queue's filter is checked like the API-key route's: a NUL never reaches Postgres.
      const bad = await app.request('/api/demo/referrals/reviews?creatorId=a%00b');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain('creatorId');
    } finally {
      await test.cleanup();
    }
  });
});

import { createSeededRandom, type SeededRandom, type ShareChannel } from 'podium-kit/core';
import type { Database, Queryable } from '../db/Database.js';
import type { DemoUser } from '../demo/demoUsers.js';

/**
 * The demo's referral programme: two communities, the demo users as their members, and 30 days of
 * generated shares, clicks and conversions (a few of them flagged for review and one blocked), so
 * the share analytics, the referrers board and the review queue have something to show before a
 * visitor shares anything.
 */
export const demoCreators = [
  { id: 'studio', name: 'Pixel Studio', commission: { type: 'percent', value: 10 }, currency: 'USD' },
  {
    id: 'night-owls',
    name: 'Night Owls',
    commission: { type: 'fixed', amount: 5, currency: 'USD' },
    currency: 'USD',
  },
] as const;

/** A demo member's id: `<creator>-<user>` (alice is in both communities: two members). */
export const demoMemberId = (creatorId: string, userId: string) => `${creatorId}-${userId}`;

/** Ids of generated rows (shares, clicks, conversions) start with these; a visitor's never do. */
export const generatedDemoReferralPatterns = {
  shares: '^shr_demo_',
  clicks: '^clk_demo_',
  conversions: '^demo-conv-',
} as const;

/** How active each demo user is: shares a day (at most), clicks a share, conversion odds. */
const activity: Record<string, { sharesPerDay: number; streakDays: number; convert: number }> = {
  alice: { sharesPerDay: 3, streakDays: 6, convert: 0.18 },
  bob: { sharesPerDay: 2, streakDays: 2, convert: 0.12 },
  carol: { sharesPerDay: 1, streakDays: 0, convert: 0.08 },
};
const platforms: readonly ShareChannel[] = ['x', 'whatsapp', 'email', 'copy', 'linkedin', 'telegram', 'qr'];
const dayMs = 86_400_000;

interface Rows {
  shares: unknown[][];
  clicks: unknown[][];
  conversions: unknown[][];
}

/** Deletes the generated rows (what a visitor did stays), children first. */
export async function clearGeneratedDemoReferrals(tx: Queryable): Promise<number> {
  const { shares, clicks, conversions } = generatedDemoReferralPatterns;
  await tx.query('DELETE FROM podium_referral_conversion_audit WHERE conversion_id ~ $1', [conversions]);
  const deleted = await tx.query(
    `WITH c AS (DELETE FROM podium_referral_conversions WHERE id ~ $1 RETURNING 1) SELECT count(*) AS n FROM c`,
    [conversions],
  );
  // A visitor's conversion may point at a generated click: keep it, without the click.
  await tx.query('UPDATE podium_referral_conversions SET click_id = NULL WHERE click_id ~ $1', [clicks]);
  await tx.query('DELETE FROM podium_referral_clicks WHERE click_id ~ $1', [clicks]);
  await tx.query('UPDATE podium_referral_clicks SET share_id = NULL WHERE share_id ~ $1', [shares]);
  await tx.query('DELETE FROM podium_referral_shares WHERE id ~ $1', [shares]);
  return Number((deleted[0] as { n: unknown }).n);
}

/**
 * Seeds the communities (their destination is the demo page, `origin`), the members and the
 * generated history. Idempotent: fixed ids, existing rows kept; codes are made once.
 */
export async function seedDemoReferrals(
  db: Database,
  users: readonly DemoUser[],
  origin: string,
  now: Date,
  makeCode: () => string,
) {
  const destination = `${origin.replace(/\/+$/, '')}/?arrived=referral#referrals`;
  for (const creator of demoCreators) {
    await db.query(
      `INSERT INTO podium_referral_creators (id, name, destination_url, commission, currency, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $6)
       ON CONFLICT (id) DO UPDATE SET destination_url = EXCLUDED.destination_url`,
      [creator.id, creator.name, destination, JSON.stringify(creator.commission), creator.currency, now],
    );
  }
  const memberships = [
    ...users.map((user) => ({ creatorId: 'studio', user })),
    ...users.filter((user) => user.id === 'alice').map((user) => ({ creatorId: 'night-owls', user })),
  ];
  for (const { creatorId, user } of memberships) {
    await db.query(
      `INSERT INTO podium_referral_members (id, creator_id, user_id, display_name, referral_code, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT DO NOTHING`,
      [
        demoMemberId(creatorId, user.id),
        creatorId,
        user.id,
        user.displayName,
        makeCode(),
        new Date(now.getTime() - 40 * dayMs),
      ],
    );
  }
  const [seeded] = await db.query<{ n: unknown }>(
    'SELECT count(*) AS n FROM podium_referral_shares WHERE id ~ $1',
    [generatedDemoReferralPatterns.shares],
  );
  if (Number(seeded!.n) > 0) return { shares: 0, clicks: 0, conversions: 0, members: memberships.length };

  const random = createSeededRandom(12);
  const rows: Rows = { shares: [], clicks: [], conversions: [] };
  for (const { creatorId, user } of memberships) {
    generateHistory(rows, random, creatorId, demoMemberId(creatorId, user.id), user.id, now);
  }
  await insertRows(db, rows);
  return {
    shares: rows.shares.length,
    clicks: rows.clicks.length,
    conversions: rows.conversions.length,
    members: memberships.length,
  };
}

function generateHistory(
  rows: Rows,
  random: SeededRandom,
  creatorId: string,
  memberId: string,
  userId: string,
  now: Date,
) {
  const level = activity[userId] ?? { sharesPerDay: 1, streakDays: 0, convert: 0.1 };
  const fixed = creatorId === 'night-owls';
  for (let daysAgo = 29; daysAgo >= 0; daysAgo -= 1) {
    // Every day of the streak has a share (today's only if the hour allows); other days maybe.
    const inStreak = daysAgo < level.streakDays;
    const count = inStreak
      ? random.int(1, level.sharesPerDay)
      : random.next() < 0.35
        ? random.int(1, level.sharesPerDay)
        : 0;
    for (let i = 0; i < count; i += 1) {
      const sharedAt =
        now.getTime() -
        daysAgo * dayMs -
        random.int(daysAgo === 0 ? 5 : 60, daysAgo === 0 ? 60 : 1380) * 60_000;
      const shareId = `shr_demo_${memberId}_${daysAgo}_${i}`;
      const platform = random.pick(platforms);
      rows.shares.push([shareId, memberId, platform, null, 'link', new Date(sharedAt)]);
      const clicks = random.int(0, 6);
      for (let k = 0; k < clicks; k += 1) {
        const clickedAt = Math.min(now.getTime() - 60_000, sharedAt + random.int(2, 600) * 60_000);
        const clickId = `clk_demo_${memberId}_${daysAgo}_${i}_${k}`;
        const hour = new Date(Math.floor(clickedAt / 3_600_000) * 3_600_000);
        rows.clicks.push([
          clickId,
          memberId,
          shareId,
          platform,
          `demo-visitor-${clickId}`,
          'Mozilla/5.0',
          false,
          true,
          hour,
          new Date(clickedAt),
        ]);
        if (random.next() >= level.convert) continue;
        const convertedAt = Math.min(now.getTime() - 30_000, clickedAt + random.int(5, 240) * 60_000);
        const amount = random.int(19, 129) + (random.int(0, 1) ? 0.99 : 0);
        const commission = fixed ? 5 : Math.round(amount * 10) / 100;
        rows.conversions.push([
          `demo-conv-${clickId.slice(9)}`,
          creatorId,
          memberId,
          clickId,
          shareId,
          platform,
          `demo-referee-${clickId.slice(9)}`,
          amount,
          commission,
          new Date(convertedAt),
        ]);
      }
    }
  }
}

async function insertRows(db: Database, rows: Rows) {
  const columns = (list: unknown[][], width: number) =>
    Array.from({ length: width }, (_, i) => list.map((row) => row[i]));
  await db.query(
    `INSERT INTO podium_referral_shares (id, member_id, platform, template_id, share_type, created_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
    columns(rows.shares, 6),
  );
  await db.query(
    `INSERT INTO podium_referral_clicks
       (click_id, member_id, share_id, platform, ip_hash, user_agent, is_bot, counted, counted_hour, created_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                          $7::boolean[], $8::boolean[], $9::timestamptz[], $10::timestamptz[])`,
    columns(rows.clicks, 10),
  );
  // Most conversions are clean; two wait for review (the same network as the member; a device
  // seen on another referee) and one is blocked (the member's own account and device).
  const verdicts = rows.conversions.map((_, i) => {
    if (i === 1)
      return {
        score: 40,
        status: 'flagged',
        reasons: [reason('sameIp', 40, 'The referee came from the member’s own network.')],
      };
    if (i === 4)
      return {
        score: 45,
        status: 'flagged',
        reasons: [
          reason('multipleAccounts', 45, 'The referee’s device was seen on another referee of this member.'),
        ],
      };
    if (i === 7)
      return {
        score: 100,
        status: 'blocked',
        reasons: [
          reason('sameUser', 60, 'The referee is the member’s own account.'),
          reason('sameDevice', 50, 'The referee used the member’s device.'),
        ],
      };
    return { score: 0, status: 'approved', reasons: [] };
  });
  const conversionColumns = columns(rows.conversions, 10);
  await db.query(
    `INSERT INTO podium_referral_conversions
       (id, creator_id, member_id, click_id, share_id, platform, referee_user_id, amount, currency,
        commission, risk_score, status, reasons, request_hash, occurred_at, created_at)
     SELECT id, creator_id, member_id, click_id, share_id, platform, referee, amount, 'USD',
            commission, score, status, reasons::jsonb, 'demo', at, at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                 $8::numeric[], $9::numeric[], $10::timestamptz[], $11::int[], $12::text[], $13::text[])
       AS c(id, creator_id, member_id, click_id, share_id, platform, referee, amount, commission, at, score, status, reasons)`,
    [
      ...conversionColumns,
      verdicts.map((v) => v.score),
      verdicts.map((v) => v.status),
      verdicts.map((v) => JSON.stringify(v.reasons)),
    ],
  );
  await db.query(
    `INSERT INTO podium_referral_conversion_audit (conversion_id, action, from_status, to_status, actor, at)
     SELECT id, 'recorded', NULL, status, 'demo seed', created_at FROM podium_referral_conversions WHERE id ~ $1`,
    [generatedDemoReferralPatterns.conversions],
  );
}

function reason(signal: string, points: number, detail: string) {
  return { signal, points, detail };
}

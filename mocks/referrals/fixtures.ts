import type { Creator, Member, Share, ShareChannel } from '../../src/referrals/contract.js';
import type { Conversion } from '../../src/referrals/conversionContract.js';
import { createSeededRandom } from '../../src/shared/random.js';

/** The signed-in user of the referral mocks: send `Authorization: Bearer u_alice`. */
export const referralCurrentUserId = 'u_alice';
export const referralCreatorId = 'c_studio';
/** Where the mock referral links point, like the server's `PODIUM_PUBLIC_URL`. */
export const referralPublicUrl = 'https://podium.example';

/** A share the mocks recorded, so a test can check `POST /shares` reached them. */
export interface RecordedShare extends Share {
  memberId: string;
  templateId?: string;
  /** When it was shared (ISO 8601). */
  createdAt: string;
}

/** A counted click on a member's link (the mocks keep only counted ones: no bots, no repeats). */
export interface RecordedClick {
  clickId: string;
  memberId: string;
  shareId: string | null;
  platform: ShareChannel | null;
  createdAt: string;
}

/**
 * A conversion the mocks hold, with what `POST /conversions` was sent (its idempotency check
 * compares it) and the referee, whose user id makes a distinct referral.
 */
export interface RecordedConversion extends Conversion {
  refereeUserId: string | null;
  /** The referee's normalised e-mail, for the multiple-accounts check. */
  refereeEmail?: string | undefined;
  /** The request body as sent (JSON), for the idempotency check; `null` for seeded ones. */
  requestJson: string | null;
}

/**
 * The in-memory referral data: one creator, its members (the current user's first), and 30 days
 * of shares, clicks and conversions before the world's `now`. Every figure the analytics
 * handlers answer is derived from these lists, as the server derives it from its tables.
 */
export interface ReferralWorld {
  creators: Map<string, Creator>;
  members: Map<string, Member>;
  shares: RecordedShare[];
  clicks: RecordedClick[];
  conversions: RecordedConversion[];
  /** The world's clock: the seeded activity ends here, and it stamps new records. */
  now: Date;
}

const stamp = '2026-03-01T12:00:00.000Z';

function member(id: string, userId: string, displayName: string, referralCode: string): Member {
  const referralLink = `${referralPublicUrl}/r/${referralCode}`;
  return {
    id,
    creatorId: referralCreatorId,
    userId,
    displayName,
    referralCode,
    referralLink,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/**
 * How each member of the fixture shares: on which days back from `now` (0 is today), on which
 * platforms, at most how many clicks a share draws and how many clicks convert. Alice has a live streak
 * (today and the three days before) and a longer one in the past; Cara has never shared (the
 * "no shares yet" state); the others fill the referrers board.
 */
const activityPlans: Record<
  string,
  { days: number[]; platforms: ShareChannel[]; clicksPerShare: number; convertEvery: number }
> = {
  m_alice: {
    days: [0, 1, 1, 2, 3, 3, 3, 6, 9, 10, 10, 11, 12, 13, 13, 14, 18, 22, 22, 23, 27],
    platforms: ['whatsapp', 'x', 'whatsapp', 'telegram', 'email', 'copy', 'whatsapp', 'x'],
    clicksPerShare: 1,
    convertEvery: 2,
  },
  m_bob: {
    days: [1, 4, 5, 8, 15, 20, 26],
    platforms: ['x', 'reddit', 'x', 'linkedin'],
    clicksPerShare: 3,
    convertEvery: 2,
  },
  m_cara: { days: [], platforms: [], clicksPerShare: 0, convertEvery: 0 },
  m_dev: { days: [2, 7, 16, 25], platforms: ['telegram', 'facebook'], clicksPerShare: 2, convertEvery: 3 },
  m_eli: { days: [3, 12], platforms: ['email'], clicksPerShare: 2, convertEvery: 2 },
  m_fay: {
    days: [5, 6, 19, 21, 28],
    platforms: ['facebook', 'whatsapp', 'sms'],
    clicksPerShare: 1,
    convertEvery: 2,
  },
  m_gus: { days: [0, 11], platforms: ['linkedin'], clicksPerShare: 1, convertEvery: 0 },
};

const dayMs = 86_400_000;

/**
 * A fresh world; `empty` has the creator but no members (so `GET /members/me` is a 404). `now`
 * ends the seeded 30 days of activity. @default now = the real clock
 */
export function createReferralWorld(options: { empty?: boolean; now?: Date } = {}): ReferralWorld {
  const now = options.now ?? new Date();
  const creator: Creator = {
    id: referralCreatorId,
    name: 'Studio',
    destinationUrl: 'https://studio.example/join',
    commission: { type: 'percent', value: 10 },
    currency: 'USD',
    createdAt: stamp,
    updatedAt: stamp,
  };
  const members = options.empty
    ? []
    : [
        member('m_alice', referralCurrentUserId, 'Alice', 'ALC7K2QZ'),
        member('m_bob', 'u_bob', 'Bob', 'BQB7XKMR'),
        member('m_cara', 'u_cara', 'Cara', 'CARA2345'),
        member('m_dev', 'u_dev', 'Dev Patel', 'DEV8K3MN'),
        member('m_eli', 'u_eli', 'Eli', 'EZ4GHJ7W'),
        member('m_fay', 'u_fay', 'Fay Okafor', 'FAY5QRS6'),
        member('m_gus', 'u_gus', 'Gus', 'GUS9TUV2'),
      ];
  const world: ReferralWorld = {
    creators: new Map([[creator.id, creator]]),
    members: new Map(members.map((m) => [m.id, m])),
    shares: [],
    clicks: [],
    conversions: [],
    now,
  };
  for (const m of members) seedActivity(world, creator, m);
  // Oldest first, like rows inserted as they happened; POST /shares appends after them.
  world.shares.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  world.clicks.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  world.conversions.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  // Alice's latest conversion waits in the review queue, so her pending earnings show.
  const held = world.conversions.findLast((c) => c.memberId === 'm_alice');
  if (held) {
    held.status = 'flagged';
    held.riskScore = 45;
    held.reasons = [
      { signal: 'sameIp', points: 45, detail: "the referee's IP address is one the member used" },
    ];
  }
  return world;
}

/** One member's seeded shares, their clicks and the conversions of every `convertEvery`-th click. */
function seedActivity(world: ReferralWorld, creator: Creator, m: Member): void {
  const plan = activityPlans[m.id];
  if (!plan) return;
  const random = createSeededRandom(m.referralCode.charCodeAt(0) * 7919 + m.id.length);
  let clickCount = 0;
  plan.days.forEach((daysAgo, index) => {
    const platform = plan.platforms[index % plan.platforms.length]!;
    // On the UTC calendar day `daysAgo` before `now`, mid-morning to early evening, never after
    // `now`: placing shares by day (not by hours back from `now`) keeps the streak and the daily
    // chart the same at any hour the world is built.
    const dayStart = Math.floor(world.now.getTime() / dayMs) * dayMs - daysAgo * dayMs;
    const planned = dayStart + (9 + random.int(0, 8)) * 3_600_000;
    const at = new Date(Math.max(dayStart, Math.min(planned, world.now.getTime() - 60_000)));
    const shareId = `sh_${m.id.slice(2)}_${index + 1}`;
    world.shares.push({
      shareId,
      platform,
      url: trackedShareUrl(m, platform, shareId),
      memberId: m.id,
      createdAt: at.toISOString(),
    });
    // Most shares draw a click or none, a few draw several: fewer clicks than shares, like a funnel.
    const clicks = random.int(0, plan.clicksPerShare);
    for (let c = 0; c < clicks; c++) {
      clickCount += 1;
      const clickAt = new Date(Math.min(world.now.getTime() - 60_000, at.getTime() + (c + 1) * 1_800_000));
      const clickId = `clk_${m.id.slice(2)}_${clickCount}`;
      world.clicks.push({ clickId, memberId: m.id, shareId, platform, createdAt: clickAt.toISOString() });
      if (plan.convertEvery > 0 && clickCount % plan.convertEvery === 0) {
        const amount = [29, 49, 99][clickCount % 3]!;
        world.conversions.push(
          seededConversion(creator, m, {
            clickId,
            shareId,
            platform,
            amount,
            at: new Date(Math.min(world.now.getTime() - 30_000, clickAt.getTime() + 600_000)),
            n: clickCount,
          }),
        );
      }
    }
  });
}

function seededConversion(
  creator: Creator,
  m: Member,
  seed: {
    clickId: string;
    shareId: string;
    platform: ShareChannel;
    amount: number;
    at: Date;
    n: number;
  },
): RecordedConversion {
  const occurredAt = seed.at.toISOString();
  return {
    conversionId: `ord_${m.id.slice(2)}_${seed.n}`,
    creatorId: creator.id,
    memberId: m.id,
    clickId: seed.clickId,
    shareId: seed.shareId,
    platform: seed.platform,
    amount: { amount: seed.amount, currency: creator.currency },
    commission: { amount: commissionOf(creator, seed.amount), currency: creator.currency },
    riskScore: 0,
    status: 'approved',
    reasons: [],
    review: null,
    occurredAt,
    createdAt: occurredAt,
    reversedAt: null,
    refereeUserId: `u_buyer_${m.id.slice(2)}_${seed.n}`,
    requestJson: null,
  };
}

/** A creator's commission on a sale of `amount` (major units), rounded to cents. */
export function commissionOf(creator: Creator, amount: number): number {
  const raw =
    creator.commission.type === 'percent'
      ? (amount * creator.commission.value) / 100
      : creator.commission.amount;
  return Math.round(raw * 100) / 100;
}

/** The tracked link of a share, as the server builds it. */
export function trackedShareUrl(member: Member, platform: ShareChannel, shareId: string): string {
  return `${member.referralLink}?p=${encodeURIComponent(platform)}&s=${encodeURIComponent(shareId)}`;
}

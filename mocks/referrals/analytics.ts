import type {
  CreatorAnalytics,
  Funnel,
  MemberStats,
  PlatformPerformance,
  ReferrerMetric,
  ShareAnalyticsResponse,
} from '../../src/referrals/analyticsContract.js';
import type { ShareChannel } from '../../src/referrals/contract.js';
import type { LeaderboardResponse } from '../../src/shared/leaderboard.js';
import { isoWeekKey } from '../../src/shared/periodKeys.js';
import { rankEntries } from '../../src/shared/ranking.js';
import type { ReferralWorld } from './fixtures.js';

/**
 * The analytics the mocks answer, derived from the world's shares, clicks and conversions the
 * way the server derives them from its tables (no hand-typed figures): a test or story that
 * records a share or a conversion sees every figure move.
 */

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const cents = (value: number) => Math.round(value * 100) / 100;

/** Conversions that earn (approved) and those whose commission is held (flagged). */
const earning = (status: string) => status === 'approved';

function memberActivity(world: ReferralWorld, memberId: string) {
  return {
    shares: world.shares.filter((s) => s.memberId === memberId),
    clicks: world.clicks.filter((c) => c.memberId === memberId),
    conversions: world.conversions.filter((c) => c.memberId === memberId),
  };
}

interface MemberFigures {
  memberId: string;
  userId: string;
  displayName: string | null;
  shares: number;
  clicks: number;
  conversions: number;
  referrals: number;
  earnings: number;
  pendingEarnings: number;
  conversionRate: number;
  /** When the member last gained a referral (ties in `first-reached` order). */
  reachedAt: string;
}

function figuresOf(world: ReferralWorld, memberId: string): MemberFigures {
  const m = world.members.get(memberId)!;
  const { shares, clicks, conversions } = memberActivity(world, memberId);
  const approved = conversions.filter((c) => earning(c.status));
  const referees = new Set(
    conversions
      .filter((c) => c.status === 'approved' || c.status === 'flagged')
      .map((c) => c.refereeUserId ?? c.conversionId),
  );
  return {
    memberId,
    userId: m.userId,
    displayName: m.displayName,
    shares: shares.length,
    clicks: clicks.length,
    conversions: approved.length,
    referrals: referees.size,
    earnings: cents(approved.reduce((sum, c) => sum + c.commission.amount, 0)),
    pendingEarnings: cents(
      conversions.filter((c) => c.status === 'flagged').reduce((sum, c) => sum + c.commission.amount, 0),
    ),
    conversionRate: rate(approved.length, clicks.length),
    reachedAt: conversions.at(-1)?.occurredAt ?? m.createdAt,
  };
}

function creatorFigures(world: ReferralWorld, creatorId: string): MemberFigures[] {
  return [...world.members.values()]
    .filter((m) => m.creatorId === creatorId)
    .map((m) => figuresOf(world, m.id));
}

const metricValue = (figures: MemberFigures, metric: ReferrerMetric) =>
  metric === 'earnings'
    ? figures.earnings
    : metric === 'conversionRate'
      ? figures.conversionRate
      : figures.referrals;

/** `GET /members/:id/stats` of a member of the world. */
export function deriveMemberStats(world: ReferralWorld, memberId: string): MemberStats {
  const m = world.members.get(memberId)!;
  const currency = world.creators.get(m.creatorId)?.currency ?? 'USD';
  const mine = figuresOf(world, memberId);
  const ranked = rankEntries(
    creatorFigures(world, m.creatorId)
      .filter((f) => f.referrals > 0)
      .map((f) => ({ id: f.memberId, value: f.referrals, reachedAt: f.reachedAt })),
  );
  return {
    memberId,
    creatorId: m.creatorId,
    clicks: mine.clicks,
    referrals: mine.referrals,
    conversions: mine.conversions,
    conversionRate: mine.conversionRate,
    earnings: { amount: mine.earnings, currency },
    pendingEarnings: { amount: mine.pendingEarnings, currency },
    rank: ranked.find((r) => r.entry.id === memberId)?.rank ?? null,
    rankedMembers: ranked.length,
    asOf: world.now.toISOString(),
  };
}

/** `YYYY-MM-DD` of an instant in an IANA time zone. */
function dayIn(timeZone: string, instant: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** The calendar day `days` after `day` (both `YYYY-MM-DD`). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function funnelOf(shares: number, clicks: number, conversions: number): Funnel {
  return {
    shares,
    clicks,
    conversions,
    clicksPerShare: rate(clicks, shares),
    conversionRate: rate(conversions, clicks),
  };
}

/** `GET /members/:id/share-analytics?timeZone=` of a member of the world. */
export function deriveShareAnalytics(
  world: ReferralWorld,
  memberId: string,
  timeZone = 'UTC',
): ShareAnalyticsResponse {
  const { shares, clicks, conversions } = memberActivity(world, memberId);
  const approved = conversions.filter((c) => earning(c.status));
  const byPlatform = new Map<ShareChannel, PlatformPerformance>();
  const row = (platform: ShareChannel) => {
    let found = byPlatform.get(platform);
    if (!found)
      byPlatform.set(
        platform,
        (found = { platform, shares: 0, clicks: 0, conversions: 0, conversionRate: 0 }),
      );
    return found;
  };
  for (const s of shares) row(s.platform).shares += 1;
  for (const c of clicks) if (c.platform) row(c.platform).clicks += 1;
  for (const c of approved) if (c.platform) row(c.platform).conversions += 1;
  const platforms = [...byPlatform.values()]
    .map((p) => ({ ...p, conversionRate: rate(p.conversions, p.clicks) }))
    .sort((a, b) => b.conversions - a.conversions || b.clicks - a.clicks || b.shares - a.shares);
  const best = platforms.find((p) => p.clicks > 0);

  const today = dayIn(timeZone, world.now);
  const shareDays = new Set(shares.map((s) => dayIn(timeZone, s.createdAt)));
  const ordered = [...shareDays].sort();
  let longest = 0;
  let run = 0;
  ordered.forEach((day, index) => {
    run = index > 0 && addDays(ordered[index - 1]!, 1) === day ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  // A streak still counts on a day without a share yet: it ends today or yesterday.
  let current = 0;
  let cursor = shareDays.has(today) ? today : addDays(today, -1);
  while (shareDays.has(cursor)) {
    current += 1;
    cursor = addDays(cursor, -1);
  }
  const daily = Array.from({ length: 30 }, (_, index) => {
    const day = addDays(today, index - 29);
    return {
      day,
      shares: shares.filter((s) => dayIn(timeZone, s.createdAt) === day).length,
      clicks: clicks.filter((c) => dayIn(timeZone, c.createdAt) === day).length,
    };
  });
  return {
    memberId,
    funnel: funnelOf(shares.length, clicks.length, approved.length),
    platforms,
    bestPlatform: best?.platform ?? null,
    streak: { current, longest, lastShareDay: ordered.at(-1) ?? null, timeZone },
    daily,
  };
}

/** `GET /creators/:id/analytics` of the world's creator. */
export function deriveCreatorAnalytics(world: ReferralWorld, creatorId: string): CreatorAnalytics {
  const currency = world.creators.get(creatorId)?.currency ?? 'USD';
  const members = [...world.members.values()].filter((m) => m.creatorId === creatorId);
  const ids = new Set(members.map((m) => m.id));
  const shares = world.shares.filter((s) => ids.has(s.memberId));
  const clicks = world.clicks.filter((c) => ids.has(c.memberId));
  const conversions = world.conversions.filter((c) => c.creatorId === creatorId);
  const approved = conversions.filter((c) => earning(c.status));
  const weeks = Array.from({ length: 12 }, (_, index) =>
    isoWeekKey(new Date(world.now.getTime() - (11 - index) * 7 * 86_400_000)),
  );
  const figures = creatorFigures(world, creatorId);
  return {
    creatorId,
    revenue: { amount: cents(approved.reduce((sum, c) => sum + c.amount.amount, 0)), currency },
    commissions: { amount: cents(approved.reduce((sum, c) => sum + c.commission.amount, 0)), currency },
    members: members.length,
    activeMembers: new Set(shares.map((s) => s.memberId)).size,
    funnel: funnelOf(shares.length, clicks.length, approved.length),
    flagged: conversions.filter((c) => c.status === 'flagged').length,
    blocked: conversions.filter((c) => c.status === 'blocked').length,
    growth: weeks.map((week) => {
      const inWeek = (at: string) => isoWeekKey(new Date(at)) === week;
      const won = approved.filter((c) => inWeek(c.occurredAt));
      return {
        week,
        newMembers: members.filter((m) => inWeek(m.createdAt)).length,
        clicks: clicks.filter((c) => inWeek(c.createdAt)).length,
        conversions: won.length,
        revenue: cents(won.reduce((sum, c) => sum + c.amount.amount, 0)),
      };
    }),
    topMembers: rankEntries(
      figures.filter((f) => f.referrals > 0).map((f) => ({ ...f, id: f.memberId, value: f.referrals })),
    )
      .slice(0, 10)
      .map(({ entry }) => ({
        memberId: entry.memberId,
        userId: entry.userId,
        displayName: entry.displayName,
        referrals: entry.referrals,
        earnings: entry.earnings,
      })),
    asOf: world.now.toISOString(),
  };
}

/**
 * `GET /creators/:id/leaderboard`: the shared leaderboard answer with `board: "referrers"`, all
 * time, standard ties, members with a value above 0. `unit` is the metric; earnings carry 2
 * decimals and the conversion rate (0-1) 4, so a component can tell how to print them.
 */
export function deriveReferrersBoard(
  world: ReferralWorld,
  creatorId: string,
  query: { metric: ReferrerMetric; limit: number; offset: number },
): LeaderboardResponse {
  const figures = creatorFigures(world, creatorId);
  const ranked = rankEntries(
    figures
      .map((f) => ({ ...f, id: f.memberId, value: metricValue(f, query.metric) }))
      .filter((f) => f.value > 0),
  );
  const conversions = world.conversions.filter((c) => c.creatorId === creatorId);
  return {
    board: 'referrers',
    metric: query.metric,
    unit: query.metric,
    ...(query.metric === 'earnings'
      ? { valueDecimals: 2 }
      : query.metric === 'conversionRate'
        ? { valueDecimals: 4 }
        : {}),
    period: { kind: 'all-time' },
    ties: 'standard',
    entries: ranked.slice(query.offset, query.offset + query.limit).map(({ rank, entry }) => ({
      rank,
      userId: entry.userId,
      displayName: entry.displayName,
      avatarUrl: null,
      value: query.metric === 'conversionRate' ? Math.round(entry.value * 10_000) / 10_000 : entry.value,
    })),
    total: ranked.length,
    offset: query.offset,
    limit: query.limit,
    updatedAt: ranked.length > 0 ? (conversions.at(-1)?.createdAt ?? world.now.toISOString()) : null,
  };
}

import { isoWeekKey, type CreatorAnalytics } from 'podium-kit/core';
import { toIsoString, toNumber, type Queryable } from '../../db/Database.js';
import { moneyAmount, rateOf } from './memberStats.js';

const growthWeeks = 12;
const topMembers = 10;

/** The keys of the last `count` ISO weeks up to `now`'s, oldest first (`2025-W01`…). */
export function lastIsoWeeks(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    isoWeekKey(new Date(now.getTime() - (count - 1 - index) * 7 * 86_400_000)),
  );
}

async function currencyOf(db: Queryable, creatorId: string): Promise<string | null> {
  const [row] = await db.query<{ currency: string }>(
    'SELECT currency FROM podium_referral_creators WHERE id = $1',
    [creatorId],
  );
  return row?.currency ?? null;
}

/**
 * A creator's analytics from the views (totals, weeks, members), all as of their last refresh,
 * or `null` for an unknown creator.
 */
export async function readCreatorAnalytics(
  db: Queryable,
  creatorId: string,
  now: Date,
): Promise<CreatorAnalytics | null> {
  const weeks = lastIsoWeeks(now, growthWeeks);
  const [[viewTotals], weekRows, members, [refresh]] = await Promise.all([
    db.query<Record<string, unknown>>(
      'SELECT * FROM podium_referral_creator_analytics WHERE creator_id = $1',
      [creatorId],
    ),
    db.query<Record<string, unknown>>(
      'SELECT * FROM podium_referral_creator_weeks WHERE creator_id = $1 AND week = ANY($2)',
      [creatorId, weeks],
    ),
    db.query<Record<string, unknown>>(
      `SELECT member_id, user_id, display_name, referrals, earnings FROM podium_referral_member_stats
        WHERE creator_id = $1 AND referrals > 0
        ORDER BY referrals DESC, earnings DESC, member_id LIMIT ${topMembers}`,
      [creatorId],
    ),
    db.query<{ refreshed_at: unknown }>(
      `SELECT min(refreshed_at) AS refreshed_at FROM podium_referral_view_refreshes`,
    ),
  ]);
  // A creator added since the last refresh is not in the view yet: all zeros until the next one.
  const currency = viewTotals ? (viewTotals.currency as string) : await currencyOf(db, creatorId);
  if (currency === null) return null;
  const totals = viewTotals ?? {};
  const shares = toNumber(totals.shares);
  const clicks = toNumber(totals.clicks);
  const conversions = toNumber(totals.conversions);
  const byWeek = new Map(weekRows.map((row) => [row.week as string, row]));
  return {
    creatorId,
    revenue: { amount: moneyAmount(totals.revenue), currency },
    commissions: { amount: moneyAmount(totals.commissions), currency },
    members: toNumber(totals.members),
    activeMembers: toNumber(totals.active_members),
    funnel: {
      shares,
      clicks,
      conversions,
      clicksPerShare: rateOf(clicks, shares),
      conversionRate: rateOf(conversions, clicks),
    },
    flagged: toNumber(totals.flagged),
    blocked: toNumber(totals.blocked),
    growth: weeks.map((week) => {
      const row = byWeek.get(week);
      return {
        week,
        newMembers: toNumber(row?.new_members),
        clicks: toNumber(row?.clicks),
        conversions: toNumber(row?.conversions),
        revenue: moneyAmount(row?.revenue),
      };
    }),
    topMembers: members.map((row) => ({
      memberId: row.member_id as string,
      userId: row.user_id as string,
      displayName: (row.display_name as string | null) ?? null,
      referrals: toNumber(row.referrals),
      earnings: moneyAmount(row.earnings),
    })),
    // The oldest of the views' refreshes: everything here is at least that fresh.
    asOf: refresh?.refreshed_at == null ? null : toIsoString(refresh.refreshed_at),
  };
}

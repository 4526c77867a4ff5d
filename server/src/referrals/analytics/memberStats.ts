import type { MemberStats } from 'podium-kit/core';
import { toIsoString, toNumber, type Queryable } from '../../db/Database.js';

/**
 * `a / b` (0 when `b` is 0: nothing to divide by). Not capped at 1: one share brings several
 * clicks, and a conversion attributed by code has no click.
 */
export function rateOf(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}

/** Money as sent: at most 4 decimals (the columns' scale), without float noise. */
export function moneyAmount(value: unknown): number {
  return Math.round(toNumber(value) * 10_000) / 10_000;
}

/**
 * A member's stats, or `null` for an unknown member. The counts are read live by the member's
 * indexed rows (clicks, conversions), so what happened since the last refresh is in them; the
 * rank and the number ranked come from the member view, with its refresh time as `asOf`.
 */
export async function readMemberStats(db: Queryable, memberId: string): Promise<MemberStats | null> {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT m.id, m.creator_id, c.currency,
            (SELECT count(*) FROM podium_referral_clicks k WHERE k.member_id = m.id AND k.counted) AS clicks,
            v.referrals, v.conversions, v.earnings, v.pending,
            s.rank,
            (SELECT count(*) FROM podium_referral_member_stats r
              WHERE r.creator_id = m.creator_id AND r.referrals > 0) AS ranked,
            (SELECT refreshed_at FROM podium_referral_view_refreshes
              WHERE view_name = 'podium_referral_member_stats') AS as_of
       FROM podium_referral_members m
       JOIN podium_referral_creators c ON c.id = m.creator_id
       CROSS JOIN LATERAL (
         SELECT count(DISTINCT coalesce('u:' || referee_user_id, 'c:' || id))
                  FILTER (WHERE status IN ('approved', 'flagged')) AS referrals,
                count(*) FILTER (WHERE status = 'approved') AS conversions,
                coalesce(sum(commission) FILTER (WHERE status = 'approved'), 0) AS earnings,
                coalesce(sum(commission) FILTER (WHERE status = 'flagged'), 0) AS pending
           FROM podium_referral_conversions WHERE member_id = m.id
       ) v
       LEFT JOIN podium_referral_member_stats s ON s.member_id = m.id
      WHERE m.id = $1`,
    [memberId],
  );
  if (!row) return null;
  const clicks = toNumber(row.clicks);
  const conversions = toNumber(row.conversions);
  const currency = row.currency as string;
  return {
    memberId: row.id as string,
    creatorId: row.creator_id as string,
    clicks,
    referrals: toNumber(row.referrals),
    conversions,
    conversionRate: rateOf(conversions, clicks),
    earnings: { amount: moneyAmount(row.earnings), currency },
    pendingEarnings: { amount: moneyAmount(row.pending), currency },
    rank: row.rank === null || row.rank === undefined ? null : toNumber(row.rank),
    rankedMembers: toNumber(row.ranked),
    asOf: row.as_of === null || row.as_of === undefined ? null : toIsoString(row.as_of),
  };
}

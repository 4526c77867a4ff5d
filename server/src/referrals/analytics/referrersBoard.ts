import type { LeaderboardResponse, ReferrerMetric } from 'podium-kit/core';
import { toIsoString, toNumber, type Queryable } from '../../db/Database.js';

/** Per metric: the value (rounded as sent, so equal values tie) and who is on the board. */
const metricSql: Record<ReferrerMetric, { value: string; ranked: string; decimals: number }> = {
  referrals: { value: 'referrals', ranked: 'referrals > 0', decimals: 0 },
  earnings: { value: 'round(earnings, 2)', ranked: 'earnings > 0', decimals: 2 },
  conversionRate: {
    value: 'round(least(1, conversions::numeric / clicks), 4)',
    ranked: 'conversions > 0 AND clicks > 0',
    decimals: 4,
  },
};

/** What decides a board's contents before it is read: the creator exists, and the view's refresh. */
export interface BoardVersion {
  exists: boolean;
  /** The member view's last refresh; `null` before the first. */
  refreshedAt: string | null;
}

/** One cheap read (two primary keys) that the ETag is made from, before any page query. */
export async function readBoardVersion(db: Queryable, creatorId: string): Promise<BoardVersion> {
  const [row] = await db.query<{ exists: unknown; refreshed_at: unknown }>(
    `SELECT EXISTS (SELECT 1 FROM podium_referral_creators WHERE id = $1) AS exists,
            (SELECT refreshed_at FROM podium_referral_view_refreshes
              WHERE view_name = 'podium_referral_member_stats') AS refreshed_at`,
    [creatorId],
  );
  return {
    exists: row?.exists === true,
    refreshedAt: row?.refreshed_at == null ? null : toIsoString(row.refreshed_at),
  };
}

/** A page of the creator's referrers board from the member view (standard ties). */
export async function readReferrersBoard(
  db: Queryable,
  query: {
    creatorId: string;
    metric: ReferrerMetric;
    limit: number;
    offset: number;
    refreshedAt: string | null;
  },
): Promise<LeaderboardResponse> {
  const { value, ranked, decimals } = metricSql[query.metric];
  const board = `SELECT user_id, display_name, ${value} AS value FROM podium_referral_member_stats
                  WHERE creator_id = $1 AND ${ranked}`;
  const [rows, [count]] = await Promise.all([
    db.query<{ user_id: string; display_name: string | null; value: unknown; rank: unknown }>(
      `SELECT *, rank() OVER (ORDER BY value DESC) AS rank FROM (${board}) b
        ORDER BY value DESC, user_id LIMIT $2 OFFSET $3`,
      [query.creatorId, query.limit, query.offset],
    ),
    db.query<{ n: unknown }>(`SELECT count(*) AS n FROM (${board}) b`, [query.creatorId]),
  ]);
  return {
    board: 'referrers',
    metric: query.metric,
    unit: query.metric,
    ...(decimals > 0 ? { valueDecimals: decimals } : {}),
    period: { kind: 'all-time' },
    ties: 'standard',
    entries: rows.map((row) => ({
      rank: toNumber(row.rank),
      userId: row.user_id,
      displayName: row.display_name,
      avatarUrl: null,
      value: toNumber(row.value),
    })),
    total: toNumber(count?.n),
    offset: query.offset,
    limit: query.limit,
    updatedAt: query.refreshedAt,
  };
}

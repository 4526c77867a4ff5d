import {
  isShareChannel,
  type PlatformPerformance,
  type ShareAnalyticsResponse,
  type ShareChannel,
} from 'podium-kit/core';
import { toNumber, type Queryable } from '../../db/Database.js';
import { rateOf } from './memberStats.js';
import { addCalendarDays, localDay, shareStreak } from './shareStreak.js';

const bucketSeconds = 900;
const dailyDays = 30;

/** Rows of `(bucket, n)`: counts per 15-minute UTC bucket, mapped to local days. */
function countByDay(rows: Array<{ b: unknown; n: unknown }>, timeZone: string): Map<string, number> {
  const days = new Map<string, number>();
  for (const row of rows) {
    const day = localDay(new Date(toNumber(row.b) * bucketSeconds * 1000), timeZone);
    days.set(day, (days.get(day) ?? 0) + toNumber(row.n));
  }
  return days;
}

/**
 * A member's share analytics, read live from the member's indexed rows: the funnel, one row per
 * platform, the best platform, the share streak in `timeZone` and the last 30 days.
 */
export async function readShareAnalytics(
  db: Queryable,
  memberId: string,
  timeZone: string,
  now: Date,
): Promise<ShareAnalyticsResponse> {
  const bucket = `floor(extract(epoch FROM created_at) / ${bucketSeconds})::bigint`;
  // 31 days back covers the 30 local days whatever the zone (offsets are under a day).
  const since = new Date(now.getTime() - (dailyDays + 1) * 86_400_000);
  const [platformRows, shareBuckets, clickBuckets] = await Promise.all([
    db.query<{ platform: string; kind: string; n: unknown }>(
      `SELECT platform, 'shares' AS kind, count(*) AS n FROM podium_referral_shares
        WHERE member_id = $1 GROUP BY platform
       UNION ALL
       SELECT coalesce(platform, ''), 'clicks', count(*) FROM podium_referral_clicks
        WHERE member_id = $1 AND counted GROUP BY platform
       UNION ALL
       SELECT coalesce(platform, ''), 'conversions', count(*) FROM podium_referral_conversions
        WHERE member_id = $1 AND status = 'approved' GROUP BY platform`,
      [memberId],
    ),
    db.query<{ b: unknown; n: unknown }>(
      `SELECT ${bucket} AS b, count(*) AS n FROM podium_referral_shares WHERE member_id = $1 GROUP BY 1`,
      [memberId],
    ),
    db.query<{ b: unknown; n: unknown }>(
      `SELECT ${bucket} AS b, count(*) AS n FROM podium_referral_clicks
        WHERE member_id = $1 AND counted AND created_at >= $2 GROUP BY 1`,
      [memberId, since],
    ),
  ]);

  const totals = { shares: 0, clicks: 0, conversions: 0 };
  const byPlatform = new Map<ShareChannel, PlatformPerformance>();
  for (const row of platformRows) {
    const kind = row.kind as keyof typeof totals;
    const n = toNumber(row.n);
    totals[kind] += n;
    // Clicks and conversions without a known channel count in the funnel only.
    if (!isShareChannel(row.platform)) continue;
    const entry = byPlatform.get(row.platform) ?? {
      platform: row.platform,
      shares: 0,
      clicks: 0,
      conversions: 0,
      conversionRate: 0,
    };
    entry[kind] += n;
    entry.conversionRate = rateOf(entry.conversions, entry.clicks);
    byPlatform.set(row.platform, entry);
  }
  const platforms = [...byPlatform.values()].sort(
    (a, b) =>
      b.conversions - a.conversions ||
      b.clicks - a.clicks ||
      b.shares - a.shares ||
      (a.platform < b.platform ? -1 : 1),
  );
  const best = platforms[0];

  const shareDays = countByDay(shareBuckets, timeZone);
  const clickDays = countByDay(clickBuckets, timeZone);
  const today = localDay(now, timeZone);
  const streak = shareStreak(shareDays.keys(), today);
  const daily = Array.from({ length: dailyDays }, (_, index) => {
    const day = addCalendarDays(today, index - (dailyDays - 1));
    return { day, shares: shareDays.get(day) ?? 0, clicks: clickDays.get(day) ?? 0 };
  });

  return {
    memberId,
    funnel: {
      ...totals,
      clicksPerShare: rateOf(totals.clicks, totals.shares),
      conversionRate: rateOf(totals.conversions, totals.clicks),
    },
    platforms,
    bestPlatform: best && (best.conversions > 0 || best.clicks > 0) ? best.platform : null,
    streak: { ...streak, timeZone },
    daily,
  };
}

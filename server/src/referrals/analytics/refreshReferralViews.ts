import { performance } from 'node:perf_hooks';
import { toIsoString, toNumber, type Database } from '../../db/Database.js';

/**
 * The referral views in refresh order: the creator totals sum the member view, so it goes first.
 */
export const referralViews = [
  'podium_referral_member_stats',
  'podium_referral_creator_analytics',
  'podium_referral_creator_weeks',
] as const;
export type ReferralView = (typeof referralViews)[number];

/** How often the scheduler refreshes the views (health warns past twice this). */
export const referralViewsRefreshIntervalMs = 5 * 60_000;

/** One view's refresh. */
export interface ViewRefresh {
  view: ReferralView;
  rows: number;
  durationMs: number;
  refreshedAt: string;
}

/** Options of {@link refreshReferralViews}. */
export interface RefreshReferralViewsOptions {
  /** Called as each view starts and ends (the CLI's progress). */
  onProgress?: (event: { view: ReferralView; index: number; total: number; done?: ViewRefresh }) => void;
  /** @default () => new Date() */
  now?: () => Date;
}

/**
 * Refreshes the referral views, each CONCURRENTLY (readers keep the old contents until the new
 * ones commit) and in its own transaction with its row of `podium_referral_view_refreshes`, so a
 * reader never sees new contents with an old `asOf` (the leaderboard's ETag relies on it).
 */
export async function refreshReferralViews(
  db: Database,
  { onProgress, now = () => new Date() }: RefreshReferralViewsOptions = {},
): Promise<ViewRefresh[]> {
  const done: ViewRefresh[] = [];
  for (const [index, view] of referralViews.entries()) {
    onProgress?.({ view, index, total: referralViews.length });
    const started = performance.now();
    const refresh = await db.transaction(async (tx) => {
      await tx.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY ${view}`);
      const [count] = await tx.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${view}`);
      const durationMs = Math.round(performance.now() - started);
      const [row] = await tx.query<{ refreshed_at: unknown }>(
        `INSERT INTO podium_referral_view_refreshes (view_name, refreshed_at, duration_ms, row_count)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (view_name) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at,
           duration_ms = EXCLUDED.duration_ms, row_count = EXCLUDED.row_count
         RETURNING refreshed_at`,
        [view, now(), durationMs, toNumber(count?.n)],
      );
      return { view, rows: toNumber(count?.n), durationMs, refreshedAt: toIsoString(row!.refreshed_at) };
    });
    done.push(refresh);
    onProgress?.({ view, index, total: referralViews.length, done: refresh });
  }
  return done;
}

/** A view's last refresh as recorded, with its age; `null` fields when never refreshed. */
export interface ViewState {
  view: ReferralView;
  rows: number | null;
  refreshedAt: string | null;
  durationMs: number | null;
  ageMs: number | null;
}

/** Every referral view's last refresh (for `views:stats` and health). */
export async function readViewStates(db: Database, now: Date): Promise<ViewState[]> {
  const rows = await db.query<{
    view_name: string;
    refreshed_at: unknown;
    duration_ms: unknown;
    row_count: unknown;
  }>('SELECT view_name, refreshed_at, duration_ms, row_count FROM podium_referral_view_refreshes');
  return referralViews.map((view) => {
    const row = rows.find((candidate) => candidate.view_name === view);
    if (!row) return { view, rows: null, refreshedAt: null, durationMs: null, ageMs: null };
    const refreshedAt = toIsoString(row.refreshed_at);
    return {
      view,
      rows: toNumber(row.row_count),
      refreshedAt,
      durationMs: toNumber(row.duration_ms),
      ageMs: Math.max(0, now.getTime() - Date.parse(refreshedAt)),
    };
  });
}

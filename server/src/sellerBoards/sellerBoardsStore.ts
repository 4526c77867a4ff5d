import {
  aroundOffset,
  type LeaderboardEntry,
  type LeaderboardResponse,
  type SellerMetric,
  type TieMode,
} from 'podium-kit/core';
import type { BoardPeriodKey } from './monthPeriod.js';
import { toIsoString, toNumber, type Database, type Queryable } from '../db/Database.js';

/** Parameters of {@link SellerBoardsStore.getPage}. */
export interface SellerBoardPageParams {
  metric: SellerMetric;
  /** `'all'` or a UTC month `'YYYY-MM'`. */
  period: BoardPeriodKey;
  ties: TieMode;
  limit: number;
  offset: number;
  /** A user id: the page of `limit` entries centred on that user instead of `offset`. */
  around?: string | undefined;
}

/** One page of a seller board, read from the cache. */
export interface SellerBoardPage {
  entries: LeaderboardEntry[];
  /** Ranked sellers (value > 0) on the whole board. */
  total: number;
  /** The page's offset: `offset`, or the one centred on `around` (0 when they are not ranked). */
  offset: number;
  /** Latest `updated_at` of the period's rows; `null` when the period has none. */
  updatedAt: string | null;
  /** Only with `around`: that seller's standing, or `null` when they are not on the board. */
  around?: LeaderboardResponse['around'];
}

/** A seller's counts in one period, and their standard rank on each board (`null`: not ranked). */
export interface SellerPeriodStanding {
  sales: number;
  views: number;
  salesRank: number | null;
  viewsRank: number | null;
}

/** Reads of `podium_seller_boards`, the per-seller, per-period counts the triggers keep. */
export interface SellerBoardsStore {
  /** A page of the board `metric` / `period`, ranked by `ties`, with the sellers' profiles. */
  getPage(params: SellerBoardPageParams): Promise<SellerBoardPage>;
  /** `sellerId`'s counts and standard ranks in each of `periods` (zeros when absent). */
  getStandings(
    sellerId: string,
    periods: readonly BoardPeriodKey[],
  ): Promise<Map<string, SellerPeriodStanding>>;
}

/** Column names by metric: a closed list, so interpolating them into SQL is safe. */
const metricColumns: Record<SellerMetric, { value: string; reachedAt: string }> = {
  sales: { value: 'sales', reachedAt: 'sales_reached_at' },
  views: { value: 'views', reachedAt: 'views_reached_at' },
};

interface PageRow {
  seller_id: string;
  value: unknown;
  standard_rank: unknown;
  dense_rank: unknown;
  position: unknown;
  display_name: string | null;
  avatar_url: string | null;
}

/** The SQL implementation, the same on PGlite and Postgres. */
export function createSqlSellerBoardsStore(db: Database): SellerBoardsStore {
  return {
    getPage: (params) =>
      // One snapshot: the total, the around position and the page agree even while events land.
      db.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const { value, reachedAt } = metricColumns[params.metric];
        const [summary] = await tx.query<{ total: unknown; updated_at: unknown }>(
          `SELECT count(*) FILTER (WHERE ${value} > 0) AS total, max(updated_at) AS updated_at
             FROM podium_seller_boards WHERE period = $1`,
          [params.period],
        );
        const total = toNumber(summary?.total);
        const updatedAt =
          summary?.updated_at === null || summary?.updated_at === undefined
            ? null
            : toIsoString(summary.updated_at);

        let offset = params.offset;
        let index: number | undefined;
        if (params.around !== undefined) {
          index = await positionOf(tx, params.metric, params.period, params.around);
          offset = index === undefined ? 0 : aroundOffset(index, params.limit, total);
        }

        const rows = await tx.query<PageRow>(
          `WITH page AS (
             SELECT seller_id, ${value} AS value,
                    rank() OVER by_value AS standard_rank,
                    dense_rank() OVER by_value AS dense_rank,
                    row_number() OVER (ORDER BY ${value} DESC, ${reachedAt}, seller_id COLLATE "C") AS position
               FROM podium_seller_boards
              WHERE period = $1 AND ${value} > 0
             WINDOW by_value AS (ORDER BY ${value} DESC)
              ORDER BY ${value} DESC, ${reachedAt}, seller_id COLLATE "C"
              LIMIT $2 OFFSET $3)
           SELECT page.*, u.display_name, u.avatar_url
             FROM page LEFT JOIN podium_users u ON u.id = page.seller_id
            ORDER BY page.position`,
          [params.period, params.limit, offset],
        );
        const entries = rows.map((row) => toEntry(row, params.ties));
        const page: SellerBoardPage = { entries, total, offset, updatedAt };
        if (params.around !== undefined) {
          const mine = index === undefined ? undefined : entries.find((e) => e.userId === params.around);
          page.around = mine ? { userId: mine.userId, rank: mine.rank, value: mine.value } : null;
        }
        return page;
      }),

    async getStandings(sellerId, periods) {
      const rows = await db.query<{
        period: string;
        sales: unknown;
        views: unknown;
        sales_rank: unknown;
        views_rank: unknown;
      }>(
        // Standard ranks: 1 + sellers strictly ahead. `o.x > 0` lets the partial indexes serve it.
        `SELECT b.period, b.sales, b.views,
                CASE WHEN b.sales > 0 THEN 1 + (SELECT count(*) FROM podium_seller_boards o
                  WHERE o.period = b.period AND o.sales > 0 AND o.sales > b.sales) END AS sales_rank,
                CASE WHEN b.views > 0 THEN 1 + (SELECT count(*) FROM podium_seller_boards o
                  WHERE o.period = b.period AND o.views > 0 AND o.views > b.views) END AS views_rank
           FROM podium_seller_boards b
          WHERE b.seller_id = $1 AND b.period = ANY($2::text[])`,
        [sellerId, [...periods]],
      );
      const standings = new Map<string, SellerPeriodStanding>(
        periods.map((period) => [period, { sales: 0, views: 0, salesRank: null, viewsRank: null }]),
      );
      for (const row of rows) {
        standings.set(row.period, {
          sales: toNumber(row.sales),
          views: toNumber(row.views),
          salesRank: row.sales_rank === null ? null : toNumber(row.sales_rank),
          viewsRank: row.views_rank === null ? null : toNumber(row.views_rank),
        });
      }
      return standings;
    },
  };
}

/** 0-based position of `sellerId` in the board's order, or `undefined` when not ranked. */
async function positionOf(
  tx: Queryable,
  metric: SellerMetric,
  period: string,
  sellerId: string,
): Promise<number | undefined> {
  const { value, reachedAt } = metricColumns[metric];
  const [me] = await tx.query<{ value: unknown; reached_at: unknown }>(
    `SELECT ${value} AS value, ${reachedAt} AS reached_at FROM podium_seller_boards
      WHERE period = $1 AND seller_id = $2 AND ${value} > 0`,
    [period, sellerId],
  );
  if (!me) return undefined;
  const [ahead] = await tx.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM podium_seller_boards
      WHERE period = $1 AND ${value} > 0
        AND (${value} > $2 OR (${value} = $2 AND (${reachedAt} < $3 OR (${reachedAt} = $3
             AND seller_id COLLATE "C" < $4::text COLLATE "C"))))`,
    [period, toNumber(me.value), me.reached_at, sellerId],
  );
  return toNumber(ahead?.n);
}

function toEntry(row: PageRow, ties: TieMode): LeaderboardEntry {
  const rank =
    ties === 'dense' ? row.dense_rank : ties === 'first-reached' ? row.position : row.standard_rank;
  return {
    rank: toNumber(rank),
    userId: row.seller_id,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    value: toNumber(row.value),
  };
}

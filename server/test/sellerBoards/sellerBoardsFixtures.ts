import type { Database } from '../../src/db/Database.js';
import { toIsoString, toNumber } from '../../src/db/Database.js';

/** The API key test apps of the seller-board tests are configured with. */
export const boardsApiKey = 'podium-boards-test-key';

/** One cache row, normalised across drivers. */
export interface BoardRow {
  period: string;
  sellerId: string;
  sales: number;
  views: number;
  salesReachedAt: string | null;
  viewsReachedAt: string | null;
}

/**
 * The cache's counted content: rows with a count, ordered. Rows left at zero are dropped (they
 * may stay in the table, and rank nowhere), and so is `updated_at` (metadata, not a count).
 */
export async function readBoards(db: Database): Promise<BoardRow[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT period, seller_id, sales, views, sales_reached_at, views_reached_at FROM podium_seller_boards
      WHERE sales > 0 OR views > 0 ORDER BY period COLLATE "C", seller_id COLLATE "C"`,
  );
  return rows.map((row) => ({
    period: row.period as string,
    sellerId: row.seller_id as string,
    sales: toNumber(row.sales),
    views: toNumber(row.views),
    salesReachedAt: row.sales_reached_at === null ? null : toIsoString(row.sales_reached_at),
    viewsReachedAt: row.views_reached_at === null ? null : toIsoString(row.views_reached_at),
  }));
}

/** A sale or a view as the reference model sees it. */
export type ModelEvent =
  { kind: 'sale'; sellerId: string; at: Date } | { kind: 'view'; sellerId: string; at: Date };

/** What the cache must hold for `events` (the counted sales and views), computed in plain JS. */
export function expectedBoards(events: readonly ModelEvent[]): BoardRow[] {
  const rows = new Map<string, BoardRow>();
  for (const event of events) {
    for (const period of ['all', event.at.toISOString().slice(0, 7)]) {
      const key = `${period}\u0000${event.sellerId}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          period,
          sellerId: event.sellerId,
          sales: 0,
          views: 0,
          salesReachedAt: null,
          viewsReachedAt: null,
        };
        rows.set(key, row);
      }
      const at = event.at.toISOString();
      if (event.kind === 'sale') {
        row.sales += 1;
        if (row.salesReachedAt === null || at > row.salesReachedAt) row.salesReachedAt = at;
      } else {
        row.views += 1;
        if (row.viewsReachedAt === null || at > row.viewsReachedAt) row.viewsReachedAt = at;
      }
    }
  }
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows.values()].sort(
    (a, b) => byCodePoint(a.period, b.period) || byCodePoint(a.sellerId, b.sellerId),
  );
}

/** A JSON request to a test app. */
export function jsonRequest(
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

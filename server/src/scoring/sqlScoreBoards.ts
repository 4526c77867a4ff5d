import { aroundOffset, boardFilterOf, type TieMode } from 'podium-kit/core';
import { toIsoString, toNumber, type Database, type Queryable } from '../db/Database.js';
import type { BoardDelta } from './writeLedgerEntries.js';

/** A page of a points board as stored: raw values (trending: weights), before any decay. */
export interface ScoreBoardPage {
  entries: Array<{
    rank: number;
    userId: string;
    displayName: string | null;
    avatarUrl: string | null;
    value: number;
  }>;
  total: number;
  offset: number;
  updatedAt: string | null;
  around?: { userId: string; rank: number; value: number } | null;
}

/** One user's place on a board: raw value, standard rank and the number of ranked users. */
export interface ScoreStanding {
  value: number;
  rank: number | null;
  ranked: number;
}

/**
 * Adds `deltas` to the board rows, inside the ledger transaction. The boards' "last updated"
 * stamps are written after commit ({@link touchBoards}): every write touches `lifetime`, so a
 * stamp inside the transaction would hold that one row's lock until commit and queue every
 * concurrent request behind it.
 */
export async function applySqlBoardDeltas(tx: Queryable, deltas: readonly BoardDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await tx.query(
    `INSERT INTO podium_score_boards (board, user_id, value, reached_at)
     SELECT r.board, r.user_id, r.delta, r.reached_at
       FROM jsonb_to_recordset($1::jsonb) AS r(board text, user_id text, delta double precision, reached_at timestamptz)
     ON CONFLICT (board, user_id) DO UPDATE
        SET value = podium_score_boards.value + EXCLUDED.value,
            reached_at = greatest(podium_score_boards.reached_at, EXCLUDED.reached_at)`,
    [
      JSON.stringify(
        deltas.map((d) => ({ board: d.key, user_id: d.userId, delta: d.delta, reached_at: d.reachedAt })),
      ),
    ],
  );
}

/**
 * Stamps boards as changed at `now` (never backwards), in key order so concurrent writers lock
 * them in one order. A stamp lost to a crash after commit costs only a stale "last updated": the
 * ETag is a hash of the whole answer, so polls still see the change.
 */
export async function touchBoards(db: Queryable, keys: readonly string[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  await db.query(
    `INSERT INTO podium_score_board_versions (board, updated_at)
     SELECT k, $2 FROM unnest($1::text[]) AS k ORDER BY k COLLATE "C"
     ON CONFLICT (board) DO UPDATE SET updated_at = greatest(podium_score_board_versions.updated_at, EXCLUDED.updated_at)`,
    [[...keys].sort(), now],
  );
}

/**
 * Sets `reached_at` of a user's rows on `keys` to the latest `occurred_at` still counted there
 * (after a revocation took the latest away), and drops rows nothing counts on any more.
 */
export async function recomputeReachedAt(
  tx: Queryable,
  userId: string,
  keys: readonly string[],
): Promise<void> {
  for (const key of keys) {
    const { category, start, end } = boardFilterOf(key);
    const [row] = await tx.query<{ latest: unknown; n: unknown }>(
      `SELECT max(occurred_at) AS latest, count(*) AS n FROM podium_score_events
        WHERE user_id = $1 AND status = 'scored' AND revoked_at IS NULL
          AND ($2::text IS NULL OR category = $2) AND ($3::timestamptz IS NULL OR occurred_at >= $3)
          AND ($4::timestamptz IS NULL OR occurred_at < $4)`,
      [userId, category, start, end],
    );
    if (toNumber(row?.n) === 0) {
      await tx.query('DELETE FROM podium_score_boards WHERE board = $1 AND user_id = $2', [key, userId]);
    } else {
      await tx.query('UPDATE podium_score_boards SET reached_at = $3 WHERE board = $1 AND user_id = $2', [
        key,
        userId,
        row!.latest,
      ]);
    }
  }
}

interface PageRow {
  user_id: string;
  value: unknown;
  standard_rank: unknown;
  dense_rank: unknown;
  position: unknown;
  display_name: string | null;
  avatar_url: string | null;
}

/**
 * The rows of board `key` as a subquery whose parameters start at `$first`: the projection, or
 * (`fromLedger`, for periods whose Redis keys have expired) the same rows aggregated from the
 * ledger's scored, unrevoked events of the board's period and category.
 */
function boardSource(key: string, fromLedger: boolean, first: number): { sql: string; params: unknown[] } {
  if (!fromLedger) {
    return {
      sql: `(SELECT user_id, value, reached_at FROM podium_score_boards WHERE board = $${first})`,
      params: [key],
    };
  }
  const { category, start, end } = boardFilterOf(key);
  const trending = key.endsWith('trending');
  return {
    sql: `(SELECT user_id, sum(${trending ? 'trending_weight' : 'points'})::double precision AS value,
                  max(occurred_at) AS reached_at
             FROM podium_score_events
            WHERE status = 'scored' AND revoked_at IS NULL
              AND ($${first}::text IS NULL OR category = $${first})
              AND ($${first + 1}::timestamptz IS NULL OR occurred_at >= $${first + 1})
              AND ($${first + 2}::timestamptz IS NULL OR occurred_at < $${first + 2})
            GROUP BY user_id)`,
    params: [category, start, end],
  };
}

/** A page of board `key` (values > 0), ranked by `ties`, in one snapshot. */
export function readSqlBoardPage(
  db: Database,
  params: { key: string; ties: TieMode; limit: number; offset: number; around?: string | undefined },
  { fromLedger = false }: { fromLedger?: boolean } = {},
): Promise<ScoreBoardPage> {
  const source = (first: number) => boardSource(params.key, fromLedger, first);
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const counted = source(2);
    const [summary] = await tx.query<{ total: unknown; updated_at: unknown }>(
      `SELECT (SELECT count(*) FROM ${counted.sql} b WHERE value > 0) AS total,
              (SELECT updated_at FROM podium_score_board_versions WHERE board = $1) AS updated_at`,
      [params.key, ...counted.params],
    );
    const total = toNumber(summary?.total);
    const updatedAt = summary?.updated_at == null ? null : toIsoString(summary.updated_at);
    let offset = params.offset;
    let index: number | undefined;
    if (params.around !== undefined) {
      index = await positionOf(tx, source, params.around);
      offset = index === undefined ? 0 : aroundOffset(index, params.limit, total);
    }
    const ranked = source(3);
    const rows = await tx.query<PageRow>(
      `WITH page AS (
         SELECT user_id, value,
                rank() OVER by_value AS standard_rank,
                dense_rank() OVER by_value AS dense_rank,
                row_number() OVER (ORDER BY value DESC, reached_at, user_id COLLATE "C") AS position
           FROM ${ranked.sql} b
          WHERE value > 0
         WINDOW by_value AS (ORDER BY value DESC)
          ORDER BY value DESC, reached_at, user_id COLLATE "C"
          LIMIT $1 OFFSET $2)
       SELECT page.*, u.display_name, u.avatar_url
         FROM page LEFT JOIN podium_users u ON u.id = page.user_id
        ORDER BY page.position`,
      [params.limit, offset, ...ranked.params],
    );
    const entries = rows.map((row) => ({
      rank: toNumber(
        params.ties === 'dense'
          ? row.dense_rank
          : params.ties === 'first-reached'
            ? row.position
            : row.standard_rank,
      ),
      userId: row.user_id,
      displayName: row.display_name,
      avatarUrl: row.avatar_url,
      value: toNumber(row.value),
    }));
    const page: ScoreBoardPage = { entries, total, offset, updatedAt };
    if (params.around !== undefined) {
      const mine = index === undefined ? undefined : entries.find((e) => e.userId === params.around);
      page.around = mine ? { userId: mine.userId, rank: mine.rank, value: mine.value } : null;
    }
    return page;
  });
}

/** 0-based position of `userId` in the board's order (first-reached), or `undefined` when unranked. */
async function positionOf(
  tx: Queryable,
  source: (first: number) => { sql: string; params: unknown[] },
  userId: string,
): Promise<number | undefined> {
  const mine = source(2);
  const [me] = await tx.query<{ value: unknown; reached_at: unknown }>(
    `SELECT value, reached_at FROM ${mine.sql} b WHERE user_id = $1 AND value > 0`,
    [userId, ...mine.params],
  );
  if (!me) return undefined;
  const others = source(4);
  const [ahead] = await tx.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM ${others.sql} b
      WHERE value > 0
        AND (value > $1 OR (value = $1 AND (reached_at < $2 OR (reached_at = $2
             AND user_id COLLATE "C" < $3::text COLLATE "C"))))`,
    [me.value, me.reached_at, userId, ...others.params],
  );
  return toNumber(ahead?.n);
}

/** `userId`'s value and standard rank on board `key` (rank `null` when not on it). */
export async function readSqlStanding(db: Queryable, key: string, userId: string): Promise<ScoreStanding> {
  const [row] = await db.query<{ value: unknown; ahead: unknown; ranked: unknown }>(
    `SELECT b.value,
            (SELECT count(*) FROM podium_score_boards o WHERE o.board = $1 AND o.value > b.value) AS ahead,
            (SELECT count(*) FROM podium_score_boards o WHERE o.board = $1 AND o.value > 0) AS ranked
       FROM (SELECT $2::text AS user_id) me
       LEFT JOIN podium_score_boards b ON b.board = $1 AND b.user_id = me.user_id`,
    [key, userId],
  );
  const value = row?.value == null ? 0 : toNumber(row.value);
  const ranked = toNumber(row?.ranked);
  return { value, rank: value > 0 ? toNumber(row?.ahead) + 1 : null, ranked };
}

import { aroundOffset, boardFilterOf, type TieMode } from 'podium-kit/core';
import { toIsoString, toNumber, type Database, type Queryable } from '../db/Database.js';
import type { BoardDelta } from './writeLedgerEntries.js';
import { forgetVersions, versionsChannel } from '../db/versionCache.js';

/** A points board's key in the version cache (and in the notifications of migration 022). */
export const boardVersionKey = (board: string) => `points:${board}`;

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
 * Counts a change of each board in `keys` (its version, which the leaderboard's ETag is made
 * from) and stamps it changed at `now` (never backwards), in key order so concurrent writers lock
 * them in one order; `userKeys` (`score:<user>`, see userScoreVersion.ts) are announced in the
 * same statement. Called once the change is visible (after the ledger commits, or with Redis
 * boards in the drain), so a version is never ahead of the rows, and outside the ledger's
 * transaction: a NOTIFY serialises commits, which a write's own must not wait for. A crash
 * between the two leaves a change uncounted until the board's next one;
 * {@link countEveryBoardChanged} at start-up closes that window.
 */
export async function touchBoards(
  db: Queryable,
  keys: readonly string[],
  now: Date,
  userKeys: readonly string[] = [],
): Promise<Map<string, string>> {
  if (keys.length === 0 && userKeys.length === 0) return new Map();
  // One row whatever is touched, so both CTEs run; the boards' new versions come back (what a
  // live event announces, without reading them again).
  const [row] = await db.query<{ versions: Array<{ board: string; version: string }> | null }>(
    `WITH touched AS (
       INSERT INTO podium_score_board_versions AS v (board, updated_at)
       SELECT k, $2 FROM unnest($1::text[]) AS k ORDER BY k COLLATE "C"
       ON CONFLICT (board) DO UPDATE SET updated_at = greatest(v.updated_at, EXCLUDED.updated_at),
                                         version = v.version + 1
       RETURNING board, version),
     users AS (SELECT pg_notify('${versionsChannel}', current_schema() || ' ' || k) FROM unnest($3::text[]) AS k)
     SELECT (SELECT json_agg(json_build_object('board', board, 'version', version::text)) FROM touched) AS versions,
            (SELECT count(*) FROM users) AS notified`,
    [[...keys].sort(), now, [...userKeys]],
  );
  forgetVersions(db, [...keys.map(boardVersionKey), ...userKeys]);
  return new Map((row?.versions ?? []).map(({ board, version }) => [board, version]));
}

/**
 * Counts a change of every board: a process that died between a commit and its
 * {@link touchBoards} left that change uncounted, and polls would keep being told "unchanged".
 */
export async function countEveryBoardChanged(db: Queryable): Promise<void> {
  // `*` too: the users' score answers (a rebuild may change any user's state).
  await db.query(
    `WITH counted AS (UPDATE podium_score_board_versions SET version = version + 1)
     SELECT pg_notify('${versionsChannel}', current_schema() || ' *')`,
  );
  forgetVersions(db, ['*']);
}

/**
 * What a points board's answer is made of besides the query: its change count and the profiles'
 * (names and avatars shown on it). Two key lookups, read before any page query.
 */
export async function readBoardVersions(db: Queryable, key: string): Promise<string> {
  const [row] = await db.query<{ board: unknown; profiles: unknown }>(
    `SELECT (SELECT version FROM podium_score_board_versions WHERE board = $1) AS board,
            (SELECT value FROM podium_sync_state WHERE name = 'profiles.version') AS profiles`,
    [key],
  );
  return `${String(row?.board ?? 0)}.${String(row?.profiles ?? 0)}`;
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
    // The page in index order (no window over the whole board: at a million rows that cost
    // ~200 ms), then the ranks of its distinct values counted from the index.
    const paged = source(3);
    const rows = await tx.query<{
      user_id: string;
      value: unknown;
      display_name: string | null;
      avatar_url: string | null;
    }>(
      `WITH page AS (
         SELECT user_id, value, reached_at FROM ${paged.sql} b
          WHERE value > 0
          ORDER BY value DESC, reached_at, user_id COLLATE "C"
          LIMIT $1 OFFSET $2)
       SELECT page.user_id, page.value, u.display_name, u.avatar_url
         FROM page LEFT JOIN podium_users u ON u.id = page.user_id
        ORDER BY page.value DESC, page.reached_at, page.user_id COLLATE "C"`,
      [params.limit, offset, ...paged.params],
    );
    // One count gives every rank on the page: how many are ahead of (or, dense: how many
    // distinct values are above) the page's first value; below it, ranks follow from positions.
    const first = rows.length > 0 ? toNumber(rows[0]!.value) : 0;
    let above = 0;
    if (rows.length > 0 && params.ties !== 'first-reached') {
      const counted = source(2);
      const what = params.ties === 'dense' ? 'count(DISTINCT value)' : 'count(*)';
      const [row] = await tx.query<{ n: unknown }>(
        `SELECT ${what} AS n FROM ${counted.sql} b WHERE value > $1`,
        [first, ...counted.params],
      );
      above = toNumber(row?.n);
    }
    let dense = above;
    const entries = rows.map((row, index) => {
      const value = toNumber(row.value);
      const previous = index > 0 ? toNumber(rows[index - 1]!.value) : undefined;
      if (previous !== value) dense += 1;
      const firstOfValue = rows.findIndex((r) => toNumber(r.value) === value);
      const standard = value === first ? above + 1 : offset + firstOfValue + 1;
      return {
        rank:
          params.ties === 'first-reached' ? offset + index + 1 : params.ties === 'dense' ? dense : standard,
        userId: row.user_id,
        displayName: row.display_name,
        avatarUrl: row.avatar_url,
        value,
      };
    });
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

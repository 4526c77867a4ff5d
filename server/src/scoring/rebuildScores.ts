import { boardKeysOf, utcDayKey } from 'podium-kit/core';
import { toIsoString, toNumber, type Database, type Queryable } from '../db/Database.js';
import { touchBoards, countEveryBoardChanged } from './sqlScoreBoards.js';

/** What {@link rebuildScores} found and did. */
export interface RebuildScoresResult {
  /** Board rows after the rebuild. */
  rows: number;
  /** Board rows whose value or reached-at differed from the ledger (added, changed or removed). */
  rowsChanged: number;
  /** User totals (points, counts, cap days, streak days) that differed. */
  usersChanged: number;
  durationMs: number;
}

/**
 * Recomputes the SQL projection (boards) and the per-user totals from the ledger's scored,
 * unrevoked rows, in one transaction, and reports whether anything differed: after an import, a
 * crash, or to check that incremental application and a full recomputation agree.
 */
export async function rebuildScores(db: Database, now: Date = new Date()): Promise<RebuildScoresResult> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    const { boards, users, days, streak } = await readLedgerTotals(tx);
    // Compare before replacing, so the report says whether the projection had drifted.
    const [diff] = await tx.query<{ n: unknown }>(
      `WITH fresh AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(board text, user_id text, value double precision, reached_at timestamptz))
       SELECT count(*) AS n FROM fresh FULL JOIN podium_score_boards b USING (board, user_id)
        WHERE fresh.value IS NULL OR b.value IS NULL
           OR abs(fresh.value - b.value) > 1e-9 * greatest(1, abs(fresh.value))
           OR fresh.reached_at IS DISTINCT FROM b.reached_at`,
      [JSON.stringify([...boards.values()])],
    );
    const [userDiff] = await tx.query<{ n: unknown }>(
      `WITH fresh AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(user_id text, lifetime_points bigint, action_counts jsonb))
       SELECT count(*) AS n FROM fresh FULL JOIN podium_score_users s USING (user_id)
        WHERE coalesce(fresh.lifetime_points, 0) <> coalesce(s.lifetime_points, 0)
           OR coalesce(fresh.action_counts, '{}') <> coalesce(s.action_counts, '{}')`,
      [
        JSON.stringify(
          [...users].map(([user_id, u]) => ({
            user_id,
            lifetime_points: u.lifetime,
            action_counts: u.counts,
          })),
        ),
      ],
    );
    await tx.query('DELETE FROM podium_score_boards');
    await tx.query(
      `INSERT INTO podium_score_boards (board, user_id, value, reached_at)
       SELECT board, user_id, value, reached_at
         FROM jsonb_to_recordset($1::jsonb) AS r(board text, user_id text, value double precision, reached_at timestamptz)`,
      [JSON.stringify([...boards.values()])],
    );
    await tx.query(
      `UPDATE podium_score_users SET lifetime_points = 0, action_counts = '{}', updated_at = $1`,
      [now],
    );
    await tx.query(
      `INSERT INTO podium_score_users (user_id, lifetime_points, action_counts, updated_at)
       SELECT user_id, lifetime_points, action_counts, $2
         FROM jsonb_to_recordset($1::jsonb) AS r(user_id text, lifetime_points bigint, action_counts jsonb)
       ON CONFLICT (user_id) DO UPDATE SET lifetime_points = EXCLUDED.lifetime_points, action_counts = EXCLUDED.action_counts`,
      [
        JSON.stringify(
          [...users].map(([user_id, u]) => ({
            user_id,
            lifetime_points: u.lifetime,
            action_counts: u.counts,
          })),
        ),
        now,
      ],
    );
    await tx.query('DELETE FROM podium_score_user_days');
    await tx.query(
      `INSERT INTO podium_score_user_days (user_id, day, points)
       SELECT user_id, day, points FROM jsonb_to_recordset($1::jsonb) AS r(user_id text, day date, points bigint)`,
      [JSON.stringify([...days].map(([id, points]) => ({ ...splitId(id, 'day'), points })))],
    );
    await tx.query('DELETE FROM podium_score_streak_days');
    await tx.query(
      `INSERT INTO podium_score_streak_days (user_id, day, entries)
       SELECT user_id, day, entries FROM jsonb_to_recordset($1::jsonb) AS r(user_id text, day date, entries integer)`,
      [JSON.stringify([...streak].map(([id, entries]) => ({ ...splitId(id, 'day'), entries })))],
    );
    await touchBoards(tx, [...new Set([...boards.values()].map((b) => b.board))], now);
    // Boards the ledger no longer has (every event of a period revoked) changed too.
    await countEveryBoardChanged(tx);
    return {
      rows: boards.size,
      rowsChanged: toNumber(diff?.n),
      usersChanged: toNumber(userDiff?.n),
      durationMs: Math.round(performance.now() - started),
    };
  });
}

/** `user\u0000value` (a JS-only map key) back into its parts. */
function splitId(id: string, name: string): Record<string, string> {
  const at = id.indexOf('\u0000');
  return { user_id: id.slice(0, at), [name]: id.slice(at + 1) };
}

/** A board row as the ledger says it should be. */
export interface LedgerBoardCell {
  board: string;
  user_id: string;
  value: number;
  reached_at: string;
}

/**
 * Everything derived from the ledger's scored, unrevoked rows, recomputed from scratch: board
 * cells, user totals and counts, points per user and UTC day, streak-day counts.
 */
export async function readLedgerTotals(tx: Queryable): Promise<{
  boards: Map<string, LedgerBoardCell>;
  users: Map<string, { lifetime: number; counts: Record<string, number> }>;
  days: Map<string, number>;
  streak: Map<string, number>;
}> {
  const rows = await tx.query<{
    user_id: string;
    action: string;
    category: string;
    occurred_at: unknown;
    points: unknown;
    trending_weight: unknown;
    streak_day: string | null;
  }>(
    `SELECT user_id, action, category, occurred_at, points, trending_weight, streak_day::text AS streak_day
         FROM podium_score_events WHERE status = 'scored' AND revoked_at IS NULL ORDER BY seq`,
  );
  const boards = new Map<string, LedgerBoardCell>();
  const users = new Map<string, { lifetime: number; counts: Record<string, number> }>();
  const days = new Map<string, number>();
  const streak = new Map<string, number>();
  for (const row of rows) {
    const occurredAt = toIsoString(row.occurred_at);
    const points = toNumber(row.points);
    for (const { key, trending } of boardKeysOf(row.category, new Date(occurredAt))) {
      const id = `${key}\u0000${row.user_id}`;
      const cell = boards.get(id) ?? { board: key, user_id: row.user_id, value: 0, reached_at: occurredAt };
      cell.value += trending ? toNumber(row.trending_weight) : points;
      if (occurredAt > cell.reached_at) cell.reached_at = occurredAt;
      boards.set(id, cell);
    }
    const user = users.get(row.user_id) ?? { lifetime: 0, counts: {} };
    user.lifetime += points;
    if (row.action !== 'ADJUSTMENT') user.counts[row.action] = (user.counts[row.action] ?? 0) + 1;
    users.set(row.user_id, user);
    const dayId = `${row.user_id}\u0000${utcDayKey(new Date(occurredAt))}`;
    days.set(dayId, (days.get(dayId) ?? 0) + points);
    if (row.streak_day) {
      const streakId = `${row.user_id}\u0000${row.streak_day}`;
      streak.set(streakId, (streak.get(streakId) ?? 0) + 1);
    }
  }
  return { boards, users, days, streak };
}

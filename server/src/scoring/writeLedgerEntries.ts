import {
  boardKeysOf,
  utcDayKey,
  type EventResult,
  type LedgerEntry,
  type UserScoringState,
} from 'podium-kit/core';
import type { Queryable } from '../db/Database.js';

/** A ledger row as stored: the engine's entry, what kind of row it is, and the replayable answer. */
export interface StoredEntry extends Omit<LedgerEntry, 'reason'> {
  /** An ignore reason, or an adjustment's own reason. */
  reason: string | null;
  kind: 'event' | 'milestone' | 'adjustment';
  /** Digest of what the host sent (`null` for derived milestones). */
  requestHash: string | null;
  /** The answer given (host events and adjustments), replayed for the same id. */
  result: EventResult | null;
}

/** One change of one board row: `delta` added to the user's value, reached at `reachedAt`. */
export interface BoardDelta {
  key: string;
  userId: string;
  delta: number;
  reachedAt: string;
}

/** The board changes of scored entries, summed per (board, user), in a fixed order. */
export function boardDeltasOf(
  entries: ReadonlyArray<
    Pick<LedgerEntry, 'status' | 'category' | 'occurredAt' | 'userId' | 'points' | 'trendingWeight'>
  >,
  sign: 1 | -1 = 1,
): BoardDelta[] {
  const byKey = new Map<string, BoardDelta>();
  // The boards depend only on the category and the UTC day: worked out once per pair, not per entry.
  const boardsOf = new Map<string, ReturnType<typeof boardKeysOf>>();
  for (const entry of entries) {
    if (entry.status !== 'scored') continue;
    // Ledger times are UTC ISO strings (`toISOString()`); anything else is parsed.
    const day = entry.occurredAt.endsWith('Z')
      ? entry.occurredAt.slice(0, 10)
      : utcDayKey(new Date(entry.occurredAt));
    let boards = boardsOf.get(`${entry.category}\u0000${day}`);
    if (!boards) {
      boards = boardKeysOf(entry.category, new Date(entry.occurredAt));
      boardsOf.set(`${entry.category}\u0000${day}`, boards);
    }
    for (const { key, trending } of boards) {
      const id = `${key}\u0000${entry.userId}`;
      const delta = sign * (trending ? entry.trendingWeight : entry.points);
      const current = byKey.get(id);
      if (current) {
        current.delta += delta;
        if (entry.occurredAt > current.reachedAt) current.reachedAt = entry.occurredAt;
      } else {
        byKey.set(id, { key, userId: entry.userId, delta, reachedAt: entry.occurredAt });
      }
    }
  }
  return [...byKey.values()].sort((a, b) => compare(a.key, b.key) || compare(a.userId, b.userId));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Stores new ledger rows and everything derived from them in one statement, whatever the batch
 * size (a transaction is one connection, so each statement is a round trip while the users' rows
 * stay locked): the rows and their audit trail, the users' totals and counts, the daily-cap and
 * streak days, and unlocked achievements. `states` are the engine's states after it ran.
 */
export async function writeLedgerEntries(
  tx: Queryable,
  entries: readonly StoredEntry[],
  states: ReadonlyMap<string, UserScoringState>,
  now: Date,
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    event_id: e.eventId,
    user_id: e.userId,
    kind: e.kind,
    action: e.action,
    category: e.category,
    occurred_at: e.occurredAt,
    metadata: e.metadata,
    request_hash: e.requestHash,
    parent_event_id: e.parentEventId,
    status: e.status,
    reason: e.reason,
    points: e.points,
    trending_weight: e.trendingWeight,
    streak_day: e.streakDay,
    unlocked: e.unlocked,
    result: e.result,
  }));
  const { users, days, streak, unlocks } = userTotalsOf(entries, states);
  // Data-modifying CTEs on different tables, each with its own JSON parameter (an empty array
  // writes nothing). WITH ORDINALITY keeps arrival order in `seq` (the rebuild replays in that
  // order).
  await tx.query(
    `WITH ledger AS (
       INSERT INTO podium_score_events (event_id, user_id, kind, action, category, occurred_at, recorded_at,
           metadata, request_hash, parent_event_id, status, reason, points, trending_weight, streak_day, unlocked, result)
       SELECT r.event_id, r.user_id, r.kind, r.action, r.category, r.occurred_at, $2, coalesce(r.metadata, '{}'),
              r.request_hash, r.parent_event_id, r.status, r.reason, r.points, r.trending_weight, r.streak_day,
              coalesce(r.unlocked, '{}'), r.result
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(item, n),
              jsonb_to_record(a.item) AS r(event_id text, user_id text, kind text, action text, category text,
                occurred_at timestamptz, metadata jsonb, request_hash text, parent_event_id text, status text,
                reason text, points integer, trending_weight double precision, streak_day date, unlocked text[], result jsonb)
        ORDER BY a.n
       RETURNING seq, user_id, kind, event_id, action, category, points, status, reason, occurred_at),
     audit AS (
       INSERT INTO podium_score_audit (user_id, change, event_id, action, category, points, status, reason, occurred_at, recorded_at)
       SELECT user_id, kind, event_id, action, category, points, status, reason, occurred_at, $2
         FROM ledger ORDER BY seq),
     totals AS (
       UPDATE podium_score_users s SET lifetime_points = r.lifetime_points, action_counts = r.action_counts, updated_at = $2
         FROM jsonb_to_recordset($3::jsonb) AS r(user_id text, lifetime_points bigint, action_counts jsonb)
        WHERE s.user_id = r.user_id),
     days AS (
       INSERT INTO podium_score_user_days (user_id, day, points)
       SELECT r.user_id, r.day, r.points FROM jsonb_to_recordset($4::jsonb) AS r(user_id text, day date, points bigint)
       ON CONFLICT (user_id, day) DO UPDATE SET points = EXCLUDED.points),
     streak AS (
       INSERT INTO podium_score_streak_days (user_id, day, entries)
       SELECT r.user_id, r.day, r.entries FROM jsonb_to_recordset($5::jsonb) AS r(user_id text, day date, entries integer)
       ON CONFLICT (user_id, day) DO UPDATE SET entries = podium_score_streak_days.entries + EXCLUDED.entries),
     unlocks AS (
       INSERT INTO podium_score_achievements (user_id, achievement_id, unlocked_at, event_id)
       SELECT r.user_id, r.achievement_id, r.unlocked_at, r.event_id
         FROM jsonb_to_recordset($6::jsonb) AS r(user_id text, achievement_id text, unlocked_at timestamptz, event_id text)
       ON CONFLICT (user_id, achievement_id) DO NOTHING)
     SELECT 1`,
    [
      JSON.stringify(rows),
      now,
      JSON.stringify(users),
      JSON.stringify(days),
      JSON.stringify(streak),
      JSON.stringify(unlocks),
    ],
  );
}

/** The users' totals, daily points, streak days and achievements after `entries` (from `states`). */
function userTotalsOf(entries: readonly StoredEntry[], states: ReadonlyMap<string, UserScoringState>) {
  const touched = [...new Set(entries.map((e) => e.userId))].sort();
  const users = touched.map((userId) => {
    const state = states.get(userId)!;
    return {
      user_id: userId,
      lifetime_points: state.lifetimePoints,
      action_counts: Object.fromEntries(state.actionCounts),
    };
  });
  // Keyed, so no row is written twice in the statement (ON CONFLICT cannot touch a row twice).
  const days = new Map<string, { user_id: string; day: string; points: number }>();
  const streak = new Map<string, { user_id: string; day: string; entries: number }>();
  const unlocks: Array<{ user_id: string; achievement_id: string; unlocked_at: string; event_id: string }> =
    [];
  for (const entry of entries) {
    if (entry.status !== 'scored') continue;
    const day = utcDayKey(new Date(entry.occurredAt));
    days.set(`${entry.userId}\u0000${day}`, {
      user_id: entry.userId,
      day,
      points: states.get(entry.userId)!.dayPoints.get(day) ?? 0,
    });
    if (entry.streakDay) {
      const id = `${entry.userId}\u0000${entry.streakDay}`;
      const row = streak.get(id) ?? { user_id: entry.userId, day: entry.streakDay, entries: 0 };
      row.entries += 1;
      streak.set(id, row);
    }
    for (const achievement of entry.unlocked) {
      unlocks.push({
        user_id: entry.userId,
        achievement_id: achievement,
        unlocked_at: entry.occurredAt,
        event_id: entry.eventId,
      });
    }
  }
  return { users, days: [...days.values()], streak: [...streak.values()], unlocks };
}

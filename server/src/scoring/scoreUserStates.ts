import { emptyUserState, type EventResult, type UserScoringState } from 'podium-kit/core';
import { toIsoString, toNumber, type Queryable } from '../db/Database.js';

/** A ledger row already stored under an event id: what a replay answers, or a conflict. */
export interface StoredEvent {
  hash: string | null;
  result: EventResult | null;
}

/** What {@link lockUserStates} read: each user's state, and the events already stored. */
export interface LockedUserStates {
  states: Map<string, UserScoringState>;
  /** By event id, those of `eventIds` the ledger already has. */
  stored: Map<string, StoredEvent>;
}

/**
 * Loads (and locks) the scoring state of `userIds` for the engine: their rows in
 * `podium_score_users` are created if missing and locked `FOR UPDATE` in one fixed order, so
 * concurrent requests for one user apply one after the other and never deadlock each other.
 * `days` are the UTC days whose points the daily cap needs. Under the lock it also reads the
 * ledger rows of `eventIds` (replays and conflicts), in the same statement.
 */
export async function lockUserStates(
  tx: Queryable,
  userIds: readonly string[],
  days: readonly string[],
  now: Date,
  options: {
    /** The users whose streak days the engine will read (those with a streak-action event). */
    streakUserIds?: readonly string[];
    /** Event ids whose stored rows to read. */
    eventIds?: readonly string[];
  } = {},
): Promise<LockedUserStates> {
  const users = [...new Set(userIds)].sort();
  // Created if missing and locked in one statement: DO UPDATE locks the row, an existing one too
  // (its latest version, after waiting for a concurrent writer), and returns it, in key order.
  const rows = await tx.query<{
    user_id: string;
    lifetime_points: unknown;
    action_counts: unknown;
    time_zone: string | null;
  }>(
    `WITH locked AS (
       INSERT INTO podium_score_users AS s (user_id, updated_at)
       SELECT u, $2 FROM unnest($1::text[]) AS u ORDER BY u COLLATE "C"
       ON CONFLICT (user_id) DO UPDATE SET user_id = s.user_id
       RETURNING s.user_id, s.lifetime_points, s.action_counts)
     SELECT l.user_id, l.lifetime_points, l.action_counts, u.time_zone
       FROM locked l LEFT JOIN podium_users u ON u.id = l.user_id`,
    [users, now],
  );
  const states = new Map<string, UserScoringState>();
  for (const row of rows) {
    const state = emptyUserState(row.time_zone ?? 'UTC');
    state.lifetimePoints = toNumber(row.lifetime_points);
    state.actionCounts = new Map(Object.entries(parseJson(row.action_counts) as Record<string, number>));
    states.set(row.user_id, state);
  }
  // The rest in one statement: a transaction is one connection, so each query is a round trip
  // while the users' rows stay locked.
  const [rest] = await tx.query<{
    days: Array<{ user_id: string; day: string; points: unknown }>;
    recent: Array<{ user_id: string; n: unknown }>;
    streaks: Array<{ user_id: string; day: string }>;
    achievements: Array<{ user_id: string; achievement_id: string; unlocked_at: string }>;
    events: Array<{ event_id: string; request_hash: string | null; result: unknown }>;
  }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('user_id', user_id, 'day', day::text, 'points', points)), '[]')
          FROM podium_score_user_days WHERE user_id = ANY($1::text[]) AND day = ANY($2::date[])) AS days,
       (SELECT coalesce(json_agg(json_build_object('user_id', user_id, 'n', n)), '[]')
          FROM (SELECT user_id, count(*) AS n FROM podium_score_events
                 WHERE user_id = ANY($1::text[]) AND kind = 'event' AND recorded_at > $3
                 GROUP BY user_id) recent) AS recent,
       (SELECT coalesce(json_agg(json_build_object('user_id', user_id, 'day', day::text) ORDER BY user_id, day), '[]')
          FROM podium_score_streak_days WHERE user_id = ANY($4::text[])) AS streaks,
       (SELECT coalesce(json_agg(json_build_object('user_id', user_id, 'achievement_id', achievement_id,
                                                   'unlocked_at', unlocked_at)), '[]')
          FROM podium_score_achievements WHERE user_id = ANY($1::text[])) AS achievements,
       (SELECT coalesce(json_agg(json_build_object('event_id', event_id, 'request_hash', request_hash,
                                                   'result', result)), '[]')
          FROM podium_score_events WHERE event_id = ANY($5::text[])) AS events`,
    [
      users,
      [...days],
      new Date(now.getTime() - 60_000),
      [...new Set(options.streakUserIds ?? [])],
      [...(options.eventIds ?? [])],
    ],
  );
  for (const row of rest?.days ?? []) states.get(row.user_id)?.dayPoints.set(row.day, toNumber(row.points));
  for (const row of rest?.recent ?? []) {
    const state = states.get(row.user_id);
    if (state) state.recentArrivals = toNumber(row.n);
  }
  for (const row of rest?.streaks ?? []) states.get(row.user_id)?.streakDays.push(row.day);
  for (const row of rest?.achievements ?? []) {
    states.get(row.user_id)?.achievements.set(row.achievement_id, toIsoString(row.unlocked_at));
  }
  const stored = new Map<string, StoredEvent>();
  for (const row of rest?.events ?? []) {
    stored.set(row.event_id, { hash: row.request_hash, result: parseJson(row.result) as EventResult | null });
  }
  return { states, stored };
}

/** A `jsonb` column: an object on PGlite and node-postgres alike (a string only from odd drivers). */
export function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

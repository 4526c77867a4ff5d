import { emptyUserState, type UserScoringState } from 'podium-kit/core';
import { toIsoString, toNumber, type Queryable } from '../db/Database.js';

/**
 * Loads (and locks) the scoring state of `userIds` for the engine: their rows in
 * `podium_score_users` are created if missing and locked `FOR UPDATE` in one fixed order, so
 * concurrent requests for one user apply one after the other and never deadlock each other.
 * `days` are the UTC days whose points the daily cap needs.
 */
export async function lockUserStates(
  tx: Queryable,
  userIds: readonly string[],
  days: readonly string[],
  now: Date,
  /** The users whose streak days the engine will read (those with a streak-action event). @default none */
  streakUserIds: readonly string[] = [],
): Promise<Map<string, UserScoringState>> {
  const users = [...new Set(userIds)].sort();
  await tx.query(
    `INSERT INTO podium_score_users (user_id, updated_at)
     SELECT u, $2 FROM unnest($1::text[]) AS u ORDER BY u COLLATE "C"
     ON CONFLICT (user_id) DO NOTHING`,
    [users, now],
  );
  const rows = await tx.query<{
    user_id: string;
    lifetime_points: unknown;
    action_counts: unknown;
    time_zone: string | null;
  }>(
    `SELECT s.user_id, s.lifetime_points, s.action_counts, u.time_zone
       FROM podium_score_users s LEFT JOIN podium_users u ON u.id = s.user_id
      WHERE s.user_id = ANY($1::text[])
      ORDER BY s.user_id COLLATE "C"
        FOR UPDATE OF s`,
    [users],
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
          FROM podium_score_achievements WHERE user_id = ANY($1::text[])) AS achievements`,
    [users, [...days], new Date(now.getTime() - 60_000), [...new Set(streakUserIds)]],
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
  return states;
}

/** A `jsonb` column: an object on PGlite and node-postgres alike (a string only from odd drivers). */
export function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

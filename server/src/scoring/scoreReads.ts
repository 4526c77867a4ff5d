import {
  dayKey,
  streakState,
  trendingValue,
  type RecentAction,
  type ResolvedScoreBoard,
  type ScoreMetrics,
  type ScoringRules,
  type UserAchievements,
  type UserScore,
  type ScoreLedger,
} from 'podium-kit/core';
import { toIsoString, toNumber, type Database } from '../db/Database.js';
import { parseJson } from './scoreUserStates.js';
import type { ScoreStanding } from './sqlScoreBoards.js';

/** Rounds a decayed (trending) value to one decimal for the answer. */
export function roundTrending(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Days of rank history an answer carries. */
const rankHistoryDays = 90;

/** A user's recent actions, action counts, time zone, streak days and rank history. */
const userScoreSql = `
  SELECT
    (SELECT coalesce(json_agg(r), '[]'::json) FROM (
       SELECT event_id, action, category, points, occurred_at FROM podium_score_events
        WHERE user_id = $1 AND status = 'scored' AND revoked_at IS NULL
        ORDER BY occurred_at DESC, seq DESC LIMIT 10) r) AS recent,
    (SELECT action_counts FROM podium_score_users WHERE user_id = $1) AS action_counts,
    (SELECT time_zone FROM podium_users WHERE id = $1) AS time_zone,
    (SELECT coalesce(array_agg(day::text ORDER BY day), '{}') FROM podium_score_streak_days
      WHERE user_id = $1) AS streak_days,
    (SELECT coalesce(json_agg(h), '[]'::json) FROM (
       SELECT day::text AS day, rank FROM podium_score_rank_history WHERE user_id = $1
        ORDER BY day DESC LIMIT ${rankHistoryDays}) h) AS history`;

/** A user's row of {@link userScoreSql}. */
interface UserScoreRow {
  recent: { event_id: string; action: string; category: string; points: unknown; occurred_at: string }[];
  action_counts: unknown;
  time_zone: string | null;
  streak_days: string[];
  history: { day: string; rank: unknown }[];
}

/**
 * What a user's score answer is made of: the board store's standing (`null` when it is away) and
 * the ledger's row. The route keeps it in memory while nothing it depends on changed; the answer
 * itself is made per request ({@link readUserScore}), since a trending score decays and a streak
 * moves with the clock.
 */
export interface UserScoreInputs {
  standing: ScoreStanding | null;
  row: UserScoreRow | undefined;
}

/** Reads {@link UserScoreInputs}: one round trip for the row, alongside the standing's read. */
export async function loadUserScoreInputs(
  db: Database,
  userId: string,
  standingRead: Promise<ScoreStanding | null>,
): Promise<UserScoreInputs> {
  // A poll's cost is mostly round trips.
  const [standing, [row]] = await Promise.all([standingRead, db.query<UserScoreRow>(userScoreSql, [userId])]);
  return { standing, row };
}

/**
 * `GET /scores/:userId`: the user's figures on `board` (from the standing, or the ledger when the
 * board store is away), with what only the ledger knows: recent actions, counts, streak and rank
 * history. Reading the lifetime board records today's rank in the history (one point per day),
 * and in `inputs`, so an answer made again from them does not write it again.
 */
export async function readUserScore(
  db: Database,
  rules: ScoringRules,
  userId: string,
  board: ResolvedScoreBoard,
  inputs: UserScoreInputs,
  now: Date,
): Promise<UserScore> {
  const { standing, row } = inputs;
  const timeZone = row?.time_zone ?? 'UTC';
  const recentActions: RecentAction[] = (row?.recent ?? []).map((action) => ({
    eventId: action.event_id,
    action: action.action,
    category: action.category,
    points: toNumber(action.points),
    occurredAt: toIsoString(action.occurred_at),
  }));
  const trending = board.timeframe === 'trending';
  let score: number;
  let rank: number | null = null;
  let ranked = 0;
  let source: UserScore['source'] = 'board';
  if (standing) {
    score = trending ? roundTrending(trendingValue(rules, standing.value, now)) : standing.value;
    rank = standing.rank;
    ranked = standing.ranked;
  } else {
    // The board store is away: the score from the ledger, no rank.
    source = 'ledger';
    score = await ledgerScore(db, rules, userId, board, now);
  }
  // Newest first, as read.
  let history = (row?.history ?? []).map((entry) => ({ day: entry.day, rank: toNumber(entry.rank) }));
  const today = now.toISOString().slice(0, 10);
  if (source === 'board' && board.key === 'lifetime' && rank !== null) {
    // Written only when today's rank moved: most polls find it recorded already.
    if (history[0]?.day !== today || history[0].rank !== rank) {
      await db.query(
        `INSERT INTO podium_score_rank_history (user_id, day, rank) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, day) DO UPDATE SET rank = EXCLUDED.rank`,
        [userId, today, rank],
      );
      history = [{ day: today, rank }, ...history.filter((entry) => entry.day !== today)].slice(
        0,
        rankHistoryDays,
      );
      if (row) row.history = history.map((entry) => ({ ...entry }));
    }
  }
  return {
    userId,
    timeframe: board.timeframe,
    period: board.period,
    category: board.category,
    score,
    rank,
    percentile: rank === null || ranked === 0 ? null : Math.round(((ranked - rank + 1) / ranked) * 1000) / 10,
    rankedUsers: ranked,
    recentActions,
    actionCounts: (parseJson(row?.action_counts) as Record<string, number> | undefined) ?? {},
    streak: streakState(row?.streak_days ?? [], dayKey(now, timeZone), rules.streaks),
    rankHistory: history.reverse(),
    source,
  };
}

/** The user's points on `board` summed from the ledger (when the board store cannot answer). */
export async function ledgerScore(
  db: Database,
  rules: ScoringRules,
  userId: string,
  board: ResolvedScoreBoard,
  now: Date,
): Promise<number> {
  const trending = board.timeframe === 'trending';
  const [row] = await db.query<{ total: unknown }>(
    `SELECT coalesce(sum(${trending ? 'trending_weight' : 'points'}), 0) AS total FROM podium_score_events
      WHERE user_id = $1 AND status = 'scored' AND revoked_at IS NULL
        AND ($2::text IS NULL OR category = $2)
        AND ($3::timestamptz IS NULL OR occurred_at >= $3) AND ($4::timestamptz IS NULL OR occurred_at < $4)`,
    [userId, board.category, board.bounds?.start ?? null, board.bounds?.end ?? null],
  );
  const total = toNumber(row?.total);
  return trending ? roundTrending(trendingValue(rules, total, now)) : total;
}

/** `GET /scores/:userId/achievements`: the catalogue with the user's unlocks, progress and rarity. */
export async function readUserAchievements(
  db: Database,
  rules: ScoringRules,
  userId: string,
): Promise<UserAchievements> {
  const [held, userRows, scored, holders] = await Promise.all([
    db.query<{ achievement_id: string; unlocked_at: unknown }>(
      'SELECT achievement_id, unlocked_at FROM podium_score_achievements WHERE user_id = $1',
      [userId],
    ),
    db.query<{ lifetime_points: unknown; action_counts: unknown }>(
      'SELECT lifetime_points, action_counts FROM podium_score_users WHERE user_id = $1',
      [userId],
    ),
    db.query<{ n: unknown }>('SELECT count(*) AS n FROM podium_score_users WHERE lifetime_points > 0'),
    db.query<{ achievement_id: string; n: unknown }>(
      'SELECT achievement_id, count(*) AS n FROM podium_score_achievements GROUP BY achievement_id',
    ),
  ]);
  const unlockedAt = new Map(held.map((row) => [row.achievement_id, toIsoString(row.unlocked_at)]));
  const counts = (parseJson(userRows[0]?.action_counts) as Record<string, number> | undefined) ?? {};
  const lifetime = toNumber(userRows[0]?.lifetime_points);
  const scoredUsers = toNumber(scored[0]?.n);
  const holderCounts = new Map(holders.map((row) => [row.achievement_id, toNumber(row.n)]));
  return {
    userId,
    scoredUsers,
    achievements: rules.achievements.map((achievement) => {
      const at = unlockedAt.get(achievement.id) ?? null;
      const condition = achievement.condition;
      const target =
        condition.kind === 'count' ? condition.count : condition.kind === 'points' ? condition.points : 1;
      const current =
        at !== null
          ? target
          : condition.kind === 'count'
            ? Math.min(counts[condition.action] ?? 0, target)
            : condition.kind === 'points'
              ? Math.min(Math.max(lifetime, 0), target)
              : 0;
      const rarity =
        scoredUsers === 0
          ? 0
          : Math.round(((holderCounts.get(achievement.id) ?? 0) / scoredUsers) * 1000) / 10;
      return {
        id: achievement.id,
        name: achievement.name,
        description: achievement.description,
        unlocked: at !== null,
        unlockedAt: at,
        progress: { current, target },
        rarity: Math.min(rarity, 100),
      };
    }),
  };
}

/** `GET /scores/metrics`: scored users, today's activity (UTC), and the lifetime top 10. */
export async function readScoreMetrics(db: Database, now: Date): Promise<ScoreMetrics> {
  const start = new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  const end = new Date(start.getTime() + 86_400_000);
  const [users, today, top] = await Promise.all([
    db.query<{ n: unknown }>('SELECT count(*) AS n FROM podium_score_users WHERE lifetime_points > 0'),
    db.query<{ users: unknown; events: unknown }>(
      `SELECT count(DISTINCT user_id) FILTER (WHERE status = 'scored') AS users, count(*) AS events
         FROM podium_score_events
        WHERE kind = 'event' AND revoked_at IS NULL AND occurred_at >= $1 AND occurred_at < $2`,
      [start, end],
    ),
    db.query<{ user_id: string; lifetime_points: unknown; display_name: string | null }>(
      `SELECT s.user_id, s.lifetime_points, u.display_name FROM podium_score_users s
         LEFT JOIN podium_users u ON u.id = s.user_id
        WHERE s.lifetime_points > 0 ORDER BY s.lifetime_points DESC, s.user_id COLLATE "C" LIMIT 10`,
    ),
  ]);
  return {
    scoredUsers: toNumber(users[0]?.n),
    activeToday: toNumber(today[0]?.users),
    eventsToday: toNumber(today[0]?.events),
    topScorers: top.map((row) => ({
      userId: row.user_id,
      displayName: row.display_name,
      points: toNumber(row.lifetime_points),
    })),
  };
}

/** `GET /scores/:userId/ledger`: the audit trail, newest first, `limit` rows before `before`. */
export async function readScoreLedger(
  db: Database,
  userId: string,
  { limit, before }: { limit: number; before?: number | undefined },
): Promise<ScoreLedger> {
  const rows = await db.query<{
    seq: unknown;
    change: ScoreLedger['entries'][number]['change'];
    event_id: string;
    action: string;
    category: string;
    points: unknown;
    status: 'scored' | 'ignored';
    reason: string | null;
    occurred_at: unknown;
    recorded_at: unknown;
  }>(
    `SELECT seq, change, event_id, action, category, points, status, reason, occurred_at, recorded_at
       FROM podium_score_audit WHERE user_id = $1 AND ($2::bigint IS NULL OR seq < $2)
      ORDER BY seq DESC LIMIT $3`,
    [userId, before ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    userId,
    entries: page.map((row) => ({
      seq: toNumber(row.seq),
      change: row.change,
      eventId: row.event_id,
      action: row.action,
      category: row.category,
      points: toNumber(row.points),
      status: row.status,
      reason: row.reason,
      occurredAt: toIsoString(row.occurred_at),
      recordedAt: toIsoString(row.recorded_at),
    })),
    nextBefore: rows.length > limit ? toNumber(page[page.length - 1]!.seq) : null,
  };
}

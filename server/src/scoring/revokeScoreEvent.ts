import {
  achievementHolds,
  utcDayKey,
  type LedgerEntry,
  type RevocationResult,
  type ScoringRules,
} from 'podium-kit/core';
import { toIsoString, toNumber, type Database, type Queryable } from '../db/Database.js';
import { retryTransaction } from './retryTransaction.js';
import { lockUserStates } from './scoreUserStates.js';
import { applySqlBoardDeltas, recomputeReachedAt } from './sqlScoreBoards.js';
import { boardDeltasOf, type BoardDelta } from './writeLedgerEntries.js';
import type { BoardSink } from './ingestScoreEvents.js';

interface EventRow {
  event_id: string;
  user_id: string;
  kind: string;
  action: string;
  category: string;
  occurred_at: unknown;
  status: 'scored' | 'ignored';
  points: unknown;
  trending_weight: unknown;
  streak_day: string | null;
  revoked_at: unknown;
}

const eventColumns = `event_id, user_id, kind, action, category, occurred_at, status, points, trending_weight,
  streak_day::text AS streak_day, revoked_at`;

/** What {@link revokeScoreEvent} did, or `undefined` when the id is unknown. */
export interface RevokeOutcome {
  result: RevocationResult;
  deltas: BoardDelta[];
}

/**
 * Revokes a ledger row and the milestones it earned: their points leave every board of every
 * period they counted in, the user's totals, cap days and streak days shrink, achievements whose
 * condition no longer holds are taken back (a revoked milestone can be earned again), and the
 * audit trail records it. Revoking twice changes nothing the second time.
 */
export async function revokeScoreEvent(
  db: Database,
  rules: ScoringRules,
  eventId: string,
  reason: string | null,
  now: Date,
  boards: BoardSink,
): Promise<RevokeOutcome | undefined> {
  return retryTransaction(db, async (tx) => {
    const [found] = await tx.query<{ user_id: string }>(
      'SELECT user_id FROM podium_score_events WHERE event_id = $1',
      [eventId],
    );
    if (!found) return undefined;
    const userId = found.user_id;
    const rows = await tx.query<EventRow>(
      `SELECT ${eventColumns} FROM podium_score_events WHERE event_id = $1 OR parent_event_id = $1`,
      [eventId],
    );
    const target = rows.find((row) => row.event_id === eventId)!;
    const days = rows.map((row) => utcDayKey(new Date(toIsoString(row.occurred_at))));
    const { states } = await lockUserStates(tx, [userId], days, now);
    const state = states.get(userId)!;
    // Read again under the user's lock: a concurrent revocation may have committed meanwhile.
    const [current] = await tx.query<{ revoked_at: unknown }>(
      'SELECT revoked_at FROM podium_score_events WHERE event_id = $1',
      [eventId],
    );
    if (current?.revoked_at != null) {
      return {
        result: { eventId, userId, points: 0, revoked: [], achievementsLost: [], alreadyRevoked: true },
        deltas: [],
      };
    }
    const revoked = rows.filter(
      (row) => row.revoked_at == null && (row.event_id === eventId || target.kind !== 'milestone'),
    );
    const entries = revoked.map(toEntry);
    await tx.query(
      'UPDATE podium_score_events SET revoked_at = $2, revoke_reason = $3 WHERE event_id = ANY($1::text[])',
      [revoked.map((row) => row.event_id), now, reason],
    );
    let points = 0;
    for (const entry of entries) {
      if (entry.status !== 'scored') continue;
      points += entry.points;
      state.lifetimePoints -= entry.points;
      const count = (state.actionCounts.get(entry.action) ?? 0) - 1;
      if (count > 0) state.actionCounts.set(entry.action, count);
      else state.actionCounts.delete(entry.action);
      const day = utcDayKey(new Date(entry.occurredAt));
      await tx.query(
        'UPDATE podium_score_user_days SET points = points - $3 WHERE user_id = $1 AND day = $2',
        [userId, day, entry.points],
      );
      if (entry.streakDay) {
        await tx.query(
          `WITH d AS (UPDATE podium_score_streak_days SET entries = entries - 1
                       WHERE user_id = $1 AND day = $2 AND entries > 1 RETURNING 1)
           DELETE FROM podium_score_streak_days WHERE user_id = $1 AND day = $2 AND NOT EXISTS (SELECT 1 FROM d)`,
          [userId, entry.streakDay],
        );
      }
    }
    await tx.query(
      'UPDATE podium_score_users SET lifetime_points = $2, action_counts = $3, updated_at = $4 WHERE user_id = $1',
      [userId, state.lifetimePoints, JSON.stringify(Object.fromEntries(state.actionCounts)), now],
    );
    await tx.query(
      `INSERT INTO podium_score_audit (user_id, change, event_id, action, category, points, status, reason, occurred_at, recorded_at)
       SELECT $1, 'revocation', r.event_id, r.action, r.category, -r.points, r.status, $3, r.occurred_at, $4
         FROM podium_score_events r WHERE r.event_id = ANY($2::text[]) ORDER BY r.seq`,
      [userId, revoked.map((row) => row.event_id), reason, now],
    );
    const achievementsLost = await dropLostAchievements(tx, rules, userId, state);
    const deltas = boardDeltasOf(entries, -1);
    if (boards.inTransaction) {
      // The writer's own sink: with Redis boards that queues the change in the outbox (calling
      // the SQL projection here had left revoked points on the Redis boards).
      await boards.inTransaction(tx, deltas);
      if (boards.inTransaction === applySqlBoardDeltas)
        await recomputeReachedAt(tx, userId, [...new Set(deltas.map((d) => d.key))]);
    }
    return {
      result: {
        eventId,
        userId,
        points,
        revoked: revoked.filter((r) => r.event_id !== eventId).map((r) => r.event_id),
        achievementsLost,
        alreadyRevoked: false,
      },
      deltas,
    };
  });
}

/** Takes back the achievements whose condition no longer holds for the user's remaining ledger. */
export async function dropLostAchievements(
  tx: Queryable,
  rules: ScoringRules,
  userId: string,
  state: { actionCounts: Map<string, number>; lifetimePoints: number; achievements: Map<string, string> },
): Promise<string[]> {
  const lost: string[] = [];
  for (const achievement of rules.achievements) {
    if (!state.achievements.has(achievement.id)) continue;
    const condition = achievement.condition;
    let holds: boolean;
    if (condition.kind === 'event') {
      const [row] = await tx.query<{ n: unknown }>(
        `SELECT count(*) AS n FROM podium_score_events
          WHERE user_id = $1 AND action = $2 AND status = 'scored' AND revoked_at IS NULL
            AND jsonb_typeof(metadata -> $3) = 'number' AND (metadata ->> $3)::double precision >= $4`,
        [userId, condition.action, condition.field, condition.min],
      );
      holds = toNumber(row?.n) > 0;
    } else {
      holds = achievementHolds(achievement, state);
    }
    if (!holds) lost.push(achievement.id);
  }
  if (lost.length > 0) {
    await tx.query(
      'DELETE FROM podium_score_achievements WHERE user_id = $1 AND achievement_id = ANY($2::text[])',
      [userId, lost],
    );
  }
  return lost;
}

function toEntry(row: EventRow): LedgerEntry {
  return {
    eventId: row.event_id,
    userId: row.user_id,
    action: row.action,
    category: row.category,
    occurredAt: toIsoString(row.occurred_at),
    metadata: {},
    status: row.status,
    reason: null,
    points: toNumber(row.points),
    trendingWeight: toNumber(row.trending_weight),
    parentEventId: null,
    streakDay: row.streak_day,
    unlocked: [],
  };
}

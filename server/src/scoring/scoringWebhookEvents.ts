import type { Cluster, Redis } from 'ioredis';
import { dayKey, streakState, type ScoringRules, type UserScoringState } from 'podium-kit/core';
import { toNumber, type Queryable } from '../db/Database.js';
import type { WebhookEvent } from '../webhooks/webhookDeliveries.js';
import type { BoardDelta, StoredEntry } from './writeLedgerEntries.js';

/** The top of the lifetime board that a `leaderboard.rank_changed` webhook announces entering. */
const topPlaces = 10;

/**
 * The webhook events of one write (inside its transaction): every achievement unlocked, every
 * user whose streak changed, and (with the SQL boards, which can rank inside the transaction)
 * every user who entered the lifetime top 10. With Redis boards the drainer announces top-10
 * entries as it applies the outbox ({@link redisTopPlaceEntries}).
 */
export async function scoringWebhookEvents(
  tx: Queryable,
  rules: ScoringRules,
  {
    stored,
    streakDaysBefore,
    states,
    deltas,
    now,
    rankInTransaction,
  }: {
    stored: readonly StoredEntry[];
    streakDaysBefore: ReadonlyMap<string, readonly string[]>;
    states: ReadonlyMap<string, UserScoringState>;
    deltas: readonly BoardDelta[];
    now: Date;
    rankInTransaction: boolean;
  },
): Promise<WebhookEvent[]> {
  const events: WebhookEvent[] = [];
  const names = new Map(rules.achievements.map((a) => [a.id, a.name]));
  for (const entry of stored) {
    for (const achievementId of entry.unlocked) {
      events.push({
        type: 'achievement.unlocked',
        data: {
          userId: entry.userId,
          achievementId,
          name: names.get(achievementId) ?? achievementId,
          unlockedAt: entry.occurredAt,
          eventId: entry.eventId,
        },
      });
    }
  }
  for (const [userId, before] of streakDaysBefore) {
    const state = states.get(userId)!;
    if (state.streakDays.length === before.length) continue;
    const today = dayKey(now, state.timeZone);
    const was = streakState(before, today, rules.streaks);
    const is = streakState(state.streakDays, today, rules.streaks);
    if (was.current !== is.current || was.longest !== is.longest) {
      events.push({ type: 'streak.changed', data: { userId, ...is, previous: was.current } });
    }
  }
  if (rankInTransaction) {
    const gains = deltas.filter((d) => d.key === 'lifetime' && d.delta > 0);
    if (gains.length > 0) {
      const rows = await tx.query<{ user_id: string; value: unknown; rank: unknown }>(
        `SELECT b.user_id, b.value,
                1 + (SELECT count(*) FROM podium_score_boards o WHERE o.board = 'lifetime' AND o.value > b.value) AS rank
           FROM podium_score_boards b WHERE b.board = 'lifetime' AND b.user_id = ANY($1::text[])`,
        [gains.map((g) => g.userId)],
      );
      for (const row of rows) {
        const rank = toNumber(row.rank);
        if (rank > topPlaces) continue;
        const before = toNumber(row.value) - gains.find((g) => g.userId === row.user_id)!.delta;
        const [previous] = await tx.query<{ rank: unknown }>(
          `SELECT 1 + count(*) AS rank FROM podium_score_boards
            WHERE board = 'lifetime' AND value > $1 AND user_id <> $2`,
          [before, row.user_id],
        );
        const previousRank = before > 0 ? toNumber(previous?.rank) : null;
        if (previousRank === null || previousRank > topPlaces) {
          events.push({
            type: 'leaderboard.rank_changed',
            data: { userId: row.user_id, board: 'lifetime', rank, previousRank },
          });
        }
      }
    }
  }
  return events;
}

/**
 * The `leaderboard.rank_changed` events of outbox rows just applied to the Redis lifetime board:
 * every user among `gains` (lifetime points added, per user) whose standard rank is now within
 * the top 10 and was not before (before = their value less the gain, as the SQL boards count it).
 * Only users at or above the 10th score are ranked one by one.
 */
export async function redisTopPlaceEntries(
  redis: Redis | Cluster,
  lifetimeKey: string,
  gains: ReadonlyMap<string, number>,
): Promise<WebhookEvent[]> {
  if (gains.size === 0) return [];
  const tenth = await redis.zrevrange(lifetimeKey, topPlaces - 1, topPlaces - 1, 'WITHSCORES');
  const threshold = tenth.length === 2 ? Number(tenth[1]) : 0;
  const users = [...gains.keys()];
  const values = await redis.zmscore(lifetimeKey, ...users);
  const events: WebhookEvent[] = [];
  for (const [i, userId] of users.entries()) {
    const value = Number(values[i] ?? 0);
    if (value <= 0 || value < threshold) continue;
    const rank = (await redis.zcount(lifetimeKey, `(${value}`, '+inf')) + 1;
    if (rank > topPlaces) continue;
    const before = value - gains.get(userId)!;
    // Everyone above `before`, less the user (who is above it now): the rank they had.
    const previousRank = before > 0 ? await redis.zcount(lifetimeKey, `(${before}`, '+inf') : null;
    if (previousRank === null || previousRank > topPlaces) {
      events.push({
        type: 'leaderboard.rank_changed',
        data: { userId, board: 'lifetime', rank, previousRank },
      });
    }
  }
  return events;
}

import {
  conflictResult,
  replayedResult,
  trendingWeight,
  utcDayKey,
  achievementHolds,
  type EventResult,
  type ScoringRules,
} from 'podium-kit/core';
import type { Database } from '../db/Database.js';
import { retryTransaction } from './retryTransaction.js';
import { lockUserStates } from './scoreUserStates.js';
import { dropLostAchievements } from './revokeScoreEvent.js';
import { boardDeltasOf, writeLedgerEntries, type StoredEntry } from './writeLedgerEntries.js';
import type { BoardSink, IngestResult } from './ingestScoreEvents.js';

/** A validated `POST /scores/adjustments`. */
export interface PreparedAdjustment {
  eventId: string;
  userId: string;
  points: number;
  reason: string;
  category: string;
  occurredAt: Date;
  requestHash: string;
}

/**
 * A manual change of a user's points, with its reason: a ledger row like an event (same id
 * space, same replay and conflict rules), on every board of its time and category, outside the
 * caps (an operator's decision). A positive one can unlock points achievements; a negative one
 * takes back those no longer held.
 */
export async function recordAdjustment(
  db: Database,
  rules: ScoringRules,
  adjustment: PreparedAdjustment,
  now: Date,
  boards: BoardSink,
): Promise<IngestResult> {
  return retryTransaction(db, async (tx) => {
    const day = utcDayKey(adjustment.occurredAt);
    const { states, stored } = await lockUserStates(tx, [adjustment.userId], [day], now, {
      eventIds: [adjustment.eventId],
    });
    const state = states.get(adjustment.userId)!;
    const prior = stored.get(adjustment.eventId);
    if (prior) {
      const result =
        prior.result && prior.hash === adjustment.requestHash
          ? replayedResult(prior.result)
          : conflictResult(adjustment.eventId);
      return { results: [result], deltas: [] };
    }
    state.lifetimePoints += adjustment.points;
    state.dayPoints.set(day, (state.dayPoints.get(day) ?? 0) + adjustment.points);
    const unlocked: string[] = [];
    for (const achievement of rules.achievements) {
      if (achievement.condition.kind !== 'points' || state.achievements.has(achievement.id)) continue;
      if (!achievementHolds(achievement, state)) continue;
      state.achievements.set(achievement.id, adjustment.occurredAt.toISOString());
      unlocked.push(achievement.id);
    }
    const result: EventResult = {
      eventId: adjustment.eventId,
      status: 'scored',
      points: adjustment.points,
      multipliers: [],
      capped: false,
      milestones: [],
      achievements: unlocked,
    };
    const entry: StoredEntry = {
      eventId: adjustment.eventId,
      userId: adjustment.userId,
      action: 'ADJUSTMENT',
      category: adjustment.category,
      occurredAt: adjustment.occurredAt.toISOString(),
      metadata: {},
      status: 'scored',
      reason: adjustment.reason,
      points: adjustment.points,
      trendingWeight: trendingWeight(rules, adjustment.points, adjustment.occurredAt),
      parentEventId: null,
      streakDay: null,
      unlocked,
      kind: 'adjustment',
      requestHash: adjustment.requestHash,
      result,
    };
    await writeLedgerEntries(tx, [entry], states, now);
    if (adjustment.points < 0) {
      await dropLostAchievements(tx, rules, adjustment.userId, state);
    }
    const deltas = boardDeltasOf([entry]);
    if (boards.inTransaction) await boards.inTransaction(tx, deltas);
    return { results: [result], deltas };
  });
}

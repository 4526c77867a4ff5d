import { createHash } from 'node:crypto';
import {
  applyEvent,
  conflictResult,
  replayedResult,
  utcDayKey,
  type EventOutcome,
  type EventResult,
  type ScoringEvent,
  type ScoringRules,
} from 'podium-kit/core';
import type { Database, Queryable } from '../db/Database.js';
import { retryTransaction } from './retryTransaction.js';
import { enqueueWebhooks } from '../webhooks/webhookDeliveries.js';
import { scoringWebhookEvents } from './scoringWebhookEvents.js';
import { lockUserStates } from './scoreUserStates.js';
import { applySqlBoardDeltas } from './sqlScoreBoards.js';
import {
  boardDeltasOf,
  writeLedgerEntries,
  type BoardDelta,
  type StoredEntry,
} from './writeLedgerEntries.js';
import { canonicalJson } from '../http/canonicalJson.js';

/** An event validated by the route: resolved for the engine, with the digest of what was sent. */
export interface PreparedEvent extends ScoringEvent {
  requestHash: string;
}

/** Where the boards live: applied in the ledger's transaction (SQL), or after it (Redis). */
export interface BoardSink {
  /** Queue webhooks (achievement unlocks, streak changes, top-10 entries) in the transaction. */
  webhooks?: boolean;
  /** Applies deltas inside the ledger transaction (the SQL projection). */
  inTransaction?: (tx: Queryable, deltas: readonly BoardDelta[]) => Promise<void>;
}

/**
 * The digest that tells a replay from a conflict: the event as the host sent it, keys sorted
 * (so `{a,b}` and `{b,a}` are the same event), fields the host left out left out.
 */
export function requestHashOf(sent: unknown): string {
  return createHash('sha256').update(canonicalJson(sent)).digest('base64url');
}

/** The answer for a scored or ignored event. */
export function toEventResult(outcome: EventOutcome): EventResult {
  const result: EventResult = {
    eventId: outcome.eventId,
    status: outcome.status,
    points: outcome.points,
    multipliers: outcome.multipliers,
    capped: outcome.capped,
    milestones: outcome.milestones,
    achievements: outcome.achievements,
  };
  if (outcome.reason) result.reason = outcome.reason;
  return result;
}

/** What {@link ingestScoreEvents} did: an answer per event, and the board changes it committed. */
export interface IngestResult {
  results: EventResult[];
  deltas: BoardDelta[];
}

/**
 * Scores a batch (one event is a batch of one) in one transaction: locks the users, answers
 * replays and conflicts from the ledger, runs the engine over the rest in order, and stores the
 * ledger rows, totals and audit in bulk. With the SQL projection the boards change in the same
 * transaction; otherwise the caller applies `deltas` after commit. A collision with a concurrent
 * request (the same new event id) retries the whole batch, which then answers it as a replay.
 */
export async function ingestScoreEvents(
  db: Database,
  rules: ScoringRules,
  events: readonly PreparedEvent[],
  now: Date,
  boards: BoardSink,
): Promise<IngestResult> {
  return retryTransaction(db, async (tx) => {
    const days = [...new Set(events.map((e) => utcDayKey(e.occurredAt)))];
    // Only users with a streak-action event need their streak days (a whole history each).
    const streakUserIds = events.filter((e) => e.action === rules.streaks.action).map((e) => e.userId);
    const { states, stored: existing } = await lockUserStates(
      tx,
      events.map((e) => e.userId),
      days,
      now,
      { streakUserIds, eventIds: events.map((e) => e.eventId) },
    );
    // Each user's streak days before this write: a change of streak is announced (webhooks).
    const streakDaysBefore = new Map(
      boards.webhooks
        ? events
            .filter((e) => e.action === rules.streaks.action)
            .map((e) => [e.userId, [...states.get(e.userId)!.streakDays]] as const)
        : [],
    );
    const results: EventResult[] = [];
    const stored: StoredEntry[] = [];
    for (const event of events) {
      const prior = existing.get(event.eventId);
      if (prior) {
        results.push(
          prior.hash === event.requestHash && prior.result
            ? replayedResult(prior.result)
            : conflictResult(event.eventId),
        );
        continue;
      }
      const { outcome, entries } = applyEvent(rules, states.get(event.userId)!, event);
      const result = toEventResult(outcome);
      results.push(result);
      existing.set(event.eventId, { hash: event.requestHash, result });
      entries.forEach((entry, index) =>
        stored.push({
          ...entry,
          kind: index === 0 ? 'event' : 'milestone',
          requestHash: index === 0 ? event.requestHash : null,
          result: index === 0 ? result : null,
        }),
      );
    }
    await writeLedgerEntries(tx, stored, states, now);
    const deltas = boardDeltasOf(stored);
    if (boards.inTransaction) await boards.inTransaction(tx, deltas);
    if (boards.webhooks) {
      const rankInTransaction = boards.inTransaction === applySqlBoardDeltas;
      const announced = await scoringWebhookEvents(tx, rules, {
        stored,
        streakDaysBefore,
        states,
        deltas,
        now,
        rankInTransaction,
      });
      await enqueueWebhooks(tx, announced, now);
    }
    return { results, deltas };
  });
}

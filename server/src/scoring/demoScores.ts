import {
  createSeededRandom,
  hashString,
  type ActionMetadata,
  type EventResult,
  type ScoringRules,
} from 'podium-kit/core';
import type { Database } from '../db/Database.js';
import type { DemoPerson } from '../demo/demoPeople.js';
import { ingestScoreEvents, requestHashOf, type BoardSink, type PreparedEvent } from './ingestScoreEvents.js';
import { rebuildScores } from './rebuildScores.js';
import type { ScoreWriter } from './scoreWriter.js';
import { touchBoards } from './sqlScoreBoards.js';

/** Generated demo events: `demo-s-<user>-<n>`; what a visitor records gets `demo-v-…` and stays. */
export const generatedDemoEventPattern = '^demo-s-';
const DAY_MS = 86_400_000;

/** The demo page's buttons: what each records. */
export const demoScoreKinds = ['trade', 'copy', 'stake'] as const;
export type DemoScoreKind = (typeof demoScoreKinds)[number];

/** A plausible event of `kind` (a trade with volume and profit, a copy trade, a stake). */
function demoEvent(
  kind: DemoScoreKind,
  random: ReturnType<typeof createSeededRandom>,
): { action: string; metadata: ActionMetadata } {
  if (kind === 'trade') {
    return {
      action: 'TRADE_EXECUTE',
      metadata: {
        volumeUSD: random.pick([40, 250, 800, 1_500, 6_000, 12_000]),
        profitPercent: random.pick([-8, -2, 0, 4, 15, 60, 140]),
      },
    };
  }
  if (kind === 'copy') {
    return {
      action: 'COPY_TRADE',
      metadata: { success: random.next() < 0.7, delayMs: random.int(200, 9_000) },
    };
  }
  return {
    action: 'STAKE_SSE',
    metadata: {
      amount: random.pick([2_000, 12_000, 60_000, 150_000]),
      days: random.pick([7, 30, 90, 200, 400]),
    },
  };
}

/**
 * Seeds about 40 days of points for the demo's people: most trade on most days (so some hold a
 * streak), copy and stake now and then, and complete their profile. Fixed ids: seeding twice
 * replays. Events are ingested day by day in time order, as a host would have sent them.
 */
export async function seedDemoScores(
  db: Database,
  rules: ScoringRules,
  people: readonly DemoPerson[],
  now: Date,
): Promise<{ events: number; users: number }> {
  const events: PreparedEvent[] = [];
  for (const person of people) {
    const random = createSeededRandom(hashString(`scores:${person.id}`));
    const activity = 0.35 + random.next() * 0.6;
    let n = 0;
    const add = (kind: DemoScoreKind | 'profile', at: Date) => {
      const { action, metadata } =
        kind === 'profile' ? { action: 'PROFILE_COMPLETE', metadata: {} } : demoEvent(kind, random);
      const sent = {
        eventId: `demo-s-${person.id}-${n++}`,
        userId: person.id,
        action,
        occurredAt: at.toISOString(),
        metadata,
      };
      events.push({
        ...sent,
        occurredAt: at,
        category: rules.actions[action]!.category,
        requestHash: requestHashOf(sent),
      });
    };
    add('profile', new Date(now.getTime() - 40 * DAY_MS));
    for (let daysAgo = 39; daysAgo >= 0; daysAgo--) {
      if (random.next() > activity) continue;
      const dayStart = now.getTime() - daysAgo * DAY_MS;
      for (let i = random.int(1, 3); i > 0; i--) {
        const at = new Date(Math.min(dayStart - random.int(0, 20) * 3_600_000, now.getTime() - 60_000));
        add(random.next() < 0.65 ? 'trade' : random.next() < 0.6 ? 'copy' : 'stake', at);
      }
    }
  }
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const sink: BoardSink = { inTransaction: async () => {} };
  for (let i = 0; i < events.length; i += 500) {
    // Each batch as of its last event's time, so the rate limit sees them spread out as they were.
    const batch = events.slice(i, i + 500);
    await ingestScoreEvents(db, rules, batch, batch[batch.length - 1]!.occurredAt, sink);
  }
  // The boards in one go from the ledger (faster than per batch, and the same result).
  await rebuildScores(db, now);
  await touchBoards(db, ['lifetime'], now);
  return { events: events.length, users: people.length };
}

/** The demo page's "record a trade / copy / stake" buttons: one event for `userId`, now. */
export async function recordDemoScore(
  db: Database,
  rules: ScoringRules,
  userId: string,
  kind: DemoScoreKind,
  now: Date,
  writer: ScoreWriter,
): Promise<EventResult> {
  const random = createSeededRandom(now.getTime() % 2_147_483_647);
  const { action, metadata } = demoEvent(kind, random);
  const sent = {
    eventId: `demo-v-${now.getTime().toString(36)}-${random.int(0, 1e9).toString(36)}`,
    userId,
    action,
    metadata,
  };
  const { results, deltas } = await ingestScoreEvents(
    db,
    rules,
    [
      {
        ...sent,
        occurredAt: now,
        category: rules.actions[action]!.category,
        requestHash: requestHashOf(sent),
      },
    ],
    now,
    writer.sink,
  );
  await writer.afterWrite(deltas, now, [{ userId, achievements: results[0]!.achievements }]);
  return results[0]!;
}

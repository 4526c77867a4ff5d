import fc from 'fast-check';
import {
  boardKeysOf,
  defaultScoringRules,
  milestoneEventId,
  scoreAction,
  type EventResult,
  type ScoringRules,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildScores } from '../../src/scoring/rebuildScores.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { scoresApiKey as apiKey, scoresClient } from './scoringFixtures.js';

/**
 * Random sequences of events, replays, conflicting reuses, revocations and batches, backdated
 * across a day, ISO week, month and year boundary (the clock stands on 2026-01-02, week 2026-W01
 * began on 2025-12-29), against a plain model written without the engine: one-time actions,
 * host-sent milestones refused, FIRST_TRADE / FIRST_PROFITABLE_TRADE once until revoked, every
 * board's total. Afterwards the rebuild must find nothing to change. Streak milestones and caps
 * are left to the engine's unit tests (the model's rules have none).
 */
const rules: ScoringRules = {
  ...defaultScoringRules,
  actions: Object.fromEntries(
    Object.entries(defaultScoringRules.actions).filter(
      ([, rule]) => !(rule.milestone && 'streakDays' in rule.milestone),
    ),
  ),
  achievements: defaultScoringRules.achievements.filter((a) => !a.id.startsWith('trading_streak')),
  limits: {
    maxPointsPerEvent: 1_000_000,
    maxPointsPerUserPerDay: 1_000_000_000,
    maxEventsPerUserPerMinute: 1_000_000,
  },
};
const now = new Date('2026-01-02T12:00:00.000Z');
const hostActions = [
  'TRADE_EXECUTE',
  'COPY_TRADE',
  'PROFILE_COMPLETE',
  'REFERRAL_SIGNUP',
  'FIRST_TRADE',
] as const;

interface ModelRow {
  id: string;
  userId: string;
  action: string;
  category: string;
  occurredAt: string;
  points: number;
  parent: string | null;
  revoked: boolean;
}

/** The plain model: a list of rows and the ids the host has used. */
class Model {
  rows: ModelRow[] = [];
  sent = new Map<string, string>();

  private held(userId: string, action: string): boolean {
    return this.rows.some((r) => r.userId === userId && r.action === action && !r.revoked);
  }

  record(event: SentEvent): Pick<EventResult, 'status' | 'points'> {
    const payload = JSON.stringify(event);
    const prior = this.sent.get(event.eventId);
    if (prior !== undefined) {
      const original = this.rows.find((r) => r.id === event.eventId);
      return prior === payload
        ? { status: 'replayed', points: original?.points ?? 0 }
        : { status: 'conflict', points: 0 };
    }
    this.sent.set(event.eventId, payload);
    const rule = rules.actions[event.action]!;
    if (rule.milestone || (rule.oneTime && this.held(event.userId, event.action)))
      return { status: 'ignored', points: 0 };
    const points = scoreAction(rule, event.metadata).points;
    const add = (id: string, action: string, pts: number, parent: string | null) =>
      this.rows.push({
        id,
        userId: event.userId,
        action,
        category: rules.actions[action]!.category,
        occurredAt: event.occurredAt,
        points: pts,
        parent,
        revoked: false,
      });
    add(event.eventId, event.action, points, null);
    if (event.action === 'TRADE_EXECUTE') {
      if (!this.held(event.userId, 'FIRST_TRADE'))
        add(milestoneEventId(event.eventId, 'FIRST_TRADE'), 'FIRST_TRADE', 100, event.eventId);
      const profit = event.metadata.profitPercent;
      if (typeof profit === 'number' && profit > 0 && !this.held(event.userId, 'FIRST_PROFITABLE_TRADE')) {
        add(
          milestoneEventId(event.eventId, 'FIRST_PROFITABLE_TRADE'),
          'FIRST_PROFITABLE_TRADE',
          200,
          event.eventId,
        );
      }
    }
    return { status: 'scored', points };
  }

  revoke(eventId: string): number {
    const target = this.rows.find((r) => r.id === eventId);
    if (!target) return this.sent.has(eventId) ? 200 : 404;
    if (!target.revoked) {
      for (const row of this.rows)
        if (row.id === eventId || (row.parent === eventId && target.parent === null)) row.revoked = true;
    }
    return 200;
  }

  boards(users: ReadonlySet<string>): Map<string, number> {
    const totals = new Map<string, number>();
    for (const row of this.rows) {
      if (row.revoked || !users.has(row.userId)) continue;
      for (const { key, trending } of boardKeysOf(row.category, new Date(row.occurredAt))) {
        if (trending) continue;
        const id = `${key} ${row.userId}`;
        totals.set(id, (totals.get(id) ?? 0) + row.points);
      }
    }
    return new Map([...totals].filter(([, v]) => v !== 0));
  }
}

interface SentEvent {
  eventId: string;
  userId: string;
  action: string;
  occurredAt: string;
  metadata: Record<string, number>;
}

type Command =
  | { kind: 'record'; events: Array<Omit<SentEvent, 'eventId' | 'userId'> & { id: number; user: number }> }
  | { kind: 'revoke'; id: number; milestone: boolean };

const eventArb = fc.record({
  id: fc.integer({ min: 0, max: 11 }),
  user: fc.integer({ min: 0, max: 2 }),
  action: fc.constantFrom(...hostActions),
  // Hours before the clock: up to 10 days back, across 2026-01-01 and 2025-12-29 (a new ISO week).
  occurredAt: fc
    .integer({ min: 0, max: 240 })
    .map((h) => new Date(now.getTime() - h * 3_600_000).toISOString()),
  metadata: fc.record({
    volumeUSD: fc.constantFrom(0, 150, 2_000, 12_000),
    profitPercent: fc.constantFrom(-5, 0, 20, 120),
  }),
});
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      events: fc.array(eventArb, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('revoke' as const),
      id: fc.integer({ min: 0, max: 11 }),
      milestone: fc.boolean(),
    }),
  },
);

describe('scoring: the ledger and boards agree with a plain model and with the rebuild', () => {
  let test: TestDatabase;
  let api: ReturnType<typeof scoresClient>;
  let run = 0;

  beforeAll(async () => {
    test = await createTestDatabase();
    api = scoresClient(
      createTestApp(test.db, { apiKey, now: () => now, scoring: { rules, backdateDays: 30 } }).app,
    );
  });
  afterAll(() => test.cleanup());

  it('matches for random sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 25 }), async (commands) => {
        run += 1;
        const model = new Model();
        const users = new Set([0, 1, 2].map((u) => `r${run}-u${u}`));
        for (const command of commands) {
          if (command.kind === 'revoke') {
            const base = `r${run}-e${command.id}`;
            const id = command.milestone ? milestoneEventId(base, 'FIRST_TRADE') : base;
            const expected = model.revoke(id);
            const response = await api.revoke(id);
            expect(response.status).toBe(
              expected === 404 && !model.rows.some((r) => r.id === id) ? 404 : 200,
            );
            continue;
          }
          const events = command.events.map(({ id, user, ...rest }) => ({
            ...rest,
            eventId: `r${run}-e${id}`,
            userId: `r${run}-u${user}`,
          }));
          const expected = events.map((event) => model.record(event));
          const single = events.length === 1;
          const response = await api.record(single ? events[0] : { events });
          if (single && expected[0]!.status === 'conflict') {
            expect(response.status).toBe(409);
            continue;
          }
          expect(response.status).toBe(200);
          const body = (await response.json()) as EventResult | { results: EventResult[] };
          const results = 'results' in body ? body.results : [body];
          expect(results.map((r) => ({ status: r.status, points: r.points }))).toEqual(expected);
        }
        const rows = await test.db.query<{ board: string; user_id: string; value: unknown }>(
          `SELECT board, user_id, value FROM podium_score_boards
            WHERE user_id = ANY($1::text[]) AND board NOT LIKE '%trending' AND value <> 0`,
          [[...users]],
        );
        expect(new Map(rows.map((row) => [`${row.board} ${row.user_id}`, Number(row.value)]))).toEqual(
          model.boards(users),
        );
      }),
      {
        numRuns: Number(process.env.PODIUM_SCORING_RUNS ?? 40),
        seed: Number(process.env.PODIUM_FUZZ_SEED ?? 11),
      },
    );
    const rebuilt = await rebuildScores(test.db, now);
    expect(rebuilt).toMatchObject({ rowsChanged: 0, usersChanged: 0 });
  }, 120_000);
});

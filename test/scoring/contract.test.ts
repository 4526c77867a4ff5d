// zod/mini only, as a host bundle has it: no zod locale, so messages come from the schemas and errors.ts.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  eventIdSchema,
  maxEventsPerBatch,
  reservedScoreWords,
  scoreAdjustmentSchema,
  scoreEventBatchSchema,
  scoreEventSchema,
  scoreLeaderboardQuerySchema,
  scoreUserIdSchema,
  userScoreQuerySchema,
} from '../../src/scoring/contract.js';
import { fieldErrorsFromIssues } from '../../src/shared/errors.js';

const fieldsOf = (schema: z.core.$ZodType, input: unknown) => {
  const result = z.safeParse(schema, input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return fieldErrorsFromIssues(result.error.issues);
};
const accepts = (schema: z.core.$ZodType, input: unknown) => z.safeParse(schema, input).success;

const event = (n: number, over: Record<string, unknown> = {}) => ({
  eventId: `trade-${n}`,
  userId: 'alice',
  action: 'TRADE_EXECUTE',
  occurredAt: '2026-03-01T12:00:00Z',
  metadata: { volumeUSD: 1200, profitPercent: 12.5, success: true, pair: 'SOL/USDC', note: null },
  ...over,
});

describe('scoreEventBatchSchema', () => {
  it('accepts a batch of well-formed events', () => {
    expect(
      accepts(scoreEventBatchSchema, { events: [event(0), event(1, { category: 'copy-trading' })] }),
    ).toBe(true);
  });

  it('names a bad event by its index: events[3].action, and only that field', () => {
    const events = [event(0), event(1), event(2), event(3, { action: 'trade-execute' }), event(4)];
    expect(fieldsOf(scoreEventBatchSchema, { events })).toEqual({
      'events[3].action': ['must be an action name such as TRADE_EXECUTE'],
    });
  });

  it('names every bad field of every bad event, a missing one as required', () => {
    const { action: _, ...noAction } = event(3);
    const events = [event(0), event(1, { userId: '' }), event(2), noAction];
    expect(fieldsOf(scoreEventBatchSchema, { events })).toEqual({
      'events[1].userId': ['must not be empty'],
      'events[3].action': ['is required'],
    });
  });

  it('refuses points sent by a client: the rules decide them', () => {
    expect(fieldsOf(scoreEventBatchSchema, { events: [event(0), event(1, { points: 1000 })] })).toEqual({
      'events[1].points': ['is not a known field'],
    });
  });

  it('takes 1 to 1,000 events', () => {
    expect(fieldsOf(scoreEventBatchSchema, { events: [] })).toEqual({ events: ['must not be empty'] });
    const full = Array.from({ length: maxEventsPerBatch }, (_, n) => event(n));
    expect(accepts(scoreEventBatchSchema, { events: full })).toBe(true);
    expect(fieldsOf(scoreEventBatchSchema, { events: [...full, event(maxEventsPerBatch)] })).toEqual({
      events: ['must have at most 1000 events'],
    });
  });
});

describe('scoreEventSchema', () => {
  it('needs an offset on occurredAt, so the instant (and its day) is not guessed', () => {
    expect(fieldsOf(scoreEventSchema, event(0, { occurredAt: '2026-03-01T12:00:00' }))).toEqual({
      occurredAt: ['must be an ISO 8601 date and time with an offset'],
    });
    expect(fieldsOf(scoreEventSchema, event(0, { occurredAt: '2026-03-01' }))).toEqual({
      occurredAt: ['must be an ISO 8601 date and time with an offset'],
    });
    expect(accepts(scoreEventSchema, event(0, { occurredAt: '2026-03-01T21:00:00+09:00' }))).toBe(true);
    const { occurredAt: _, ...now } = event(0);
    expect(accepts(scoreEventSchema, now)).toBe(true);
  });

  it('refuses a category that is not lower case', () => {
    expect(Object.keys(fieldsOf(scoreEventSchema, event(0, { category: 'Trading' })))).toEqual(['category']);
  });

  it('takes flat metadata of numbers, booleans, short strings and null, up to 32 fields', () => {
    expect(fieldsOf(scoreEventSchema, event(0, { metadata: { volumeUSD: { usd: 10 } } }))).toEqual({
      'metadata.volumeUSD': ['must be a number, true or false, a string or null'],
    });
    expect(
      Object.keys(fieldsOf(scoreEventSchema, event(0, { metadata: { volumeUSD: Number.NaN } }))),
    ).toEqual(['metadata.volumeUSD']);
    expect(
      Object.keys(fieldsOf(scoreEventSchema, event(0, { metadata: { note: 'x'.repeat(201) } }))),
    ).toEqual(['metadata.note']);
    const fields = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, i]));
    expect(accepts(scoreEventSchema, event(0, { metadata: fields(32) }))).toBe(true);
    expect(fieldsOf(scoreEventSchema, event(0, { metadata: fields(33) }))).toEqual({
      metadata: ['must have at most 32 fields'],
    });
  });
});

describe('user ids on the scoring endpoints', () => {
  it.each(reservedScoreWords)('refuses the reserved word %j as a user id', (word) => {
    expect(fieldsOf(scoreUserIdSchema, word)).toEqual({
      body: ['must not be one of the reserved words leaderboard, metrics, rules, actions, adjustments'],
    });
    expect(Object.keys(fieldsOf(scoreEventSchema, event(0, { userId: word })))).toEqual(['userId']);
    expect(
      Object.keys(
        fieldsOf(scoreAdjustmentSchema, { eventId: 'adj-1', userId: word, points: 5, reason: 'x' }),
      ),
    ).toEqual(['userId']);
  });

  it('covers exactly the static /scores paths', () => {
    expect([...reservedScoreWords].sort()).toEqual([
      'actions',
      'adjustments',
      'leaderboard',
      'metrics',
      'rules',
    ]);
  });

  it('accepts other ids, including ones that merely contain a reserved word', () => {
    for (const id of ['alice', 'rules-lawyer', 'metrics2', '0xabc', 'user:42'])
      expect(accepts(scoreUserIdSchema, id)).toBe(true);
  });
});

describe('eventIdSchema', () => {
  it('refuses #, which milestone ids use (e1#FIRST_TRADE), so a host id can never collide with one', () => {
    expect(fieldsOf(eventIdSchema, 'trade-1#FIRST_TRADE')).toEqual({
      body: ['must be 1 to 128 letters, digits or _ . : @ -'],
    });
    expect(Object.keys(fieldsOf(scoreEventSchema, event(0, { eventId: 'e1#FIRST_TRADE' })))).toEqual([
      'eventId',
    ]);
  });

  it('takes 1 to 128 letters, digits and _ . : @ -', () => {
    expect(accepts(eventIdSchema, 'a')).toBe(true);
    expect(accepts(eventIdSchema, 'order_42.fill:3@venue-x')).toBe(true);
    expect(accepts(eventIdSchema, 'x'.repeat(128))).toBe(true);
    for (const bad of ['', 'x'.repeat(129), 'has space', 'slash/id', 'é', 'a\nb']) {
      expect(accepts(eventIdSchema, bad)).toBe(false);
    }
    expect(fieldsOf(scoreEventSchema, { ...event(0), eventId: undefined })).toEqual({
      eventId: ['is required'],
    });
  });
});

describe('scoreLeaderboardQuerySchema', () => {
  it('refuses a week key for the monthly board, naming period and the expected form', () => {
    expect(fieldsOf(scoreLeaderboardQuerySchema, { timeframe: 'monthly', period: '2026-W48' })).toEqual({
      period: ['must be a month such as 2026-11'],
    });
  });

  it.each([
    ['daily', '2026-11-27', true],
    ['daily', '2026-02-30', false],
    ['daily', '2026-11', false],
    ['weekly', '2026-W48', true],
    ['weekly', '2026-W53', true],
    ['weekly', '2025-W53', false],
    ['weekly', '2026-11-27', false],
    ['monthly', '2026-11', true],
    ['monthly', '2026-13', false],
  ])('timeframe %s takes period %j: %s', (timeframe, period, ok) => {
    expect(accepts(scoreLeaderboardQuerySchema, { timeframe, period })).toBe(ok);
    expect(accepts(userScoreQuerySchema, { timeframe, period })).toBe(ok);
  });

  it('refuses any period for lifetime and trending boards', () => {
    for (const timeframe of ['lifetime', 'trending']) {
      expect(fieldsOf(scoreLeaderboardQuerySchema, { timeframe, period: '2026-11' })).toEqual({
        period: ['is only for daily, weekly or monthly boards'],
      });
    }
    expect(fieldsOf(scoreLeaderboardQuerySchema, { period: '2026-11' })).toEqual({
      period: ['is only for daily, weekly or monthly boards'],
    });
  });

  it('defaults to the lifetime board, standard ties and the first page', () => {
    const parsed = z.parse(scoreLeaderboardQuerySchema, {});
    expect(parsed).toMatchObject({ timeframe: 'lifetime', ties: 'standard', offset: 0 });
    expect(parsed.period).toBeUndefined();
    expect(
      z.parse(scoreLeaderboardQuerySchema, { timeframe: 'weekly', limit: '5', offset: '10' }),
    ).toMatchObject({
      timeframe: 'weekly',
      limit: 5,
      offset: 10,
    });
  });

  it('refuses an unknown timeframe by name', () => {
    expect(fieldsOf(scoreLeaderboardQuerySchema, { timeframe: 'yearly' })).toEqual({
      timeframe: ['must be lifetime, daily, weekly, monthly or trending'],
    });
  });
});

describe('scoreAdjustmentSchema', () => {
  const adjustment = { eventId: 'adj-1', userId: 'alice', points: -250, reason: 'Refunded trade' };

  it('takes a whole, non-zero change of points with a reason', () => {
    expect(accepts(scoreAdjustmentSchema, adjustment)).toBe(true);
    expect(fieldsOf(scoreAdjustmentSchema, { ...adjustment, points: 0 })).toEqual({
      points: ['must not be 0'],
    });
    expect(fieldsOf(scoreAdjustmentSchema, { ...adjustment, points: 2.5 })).toEqual({
      points: ['must be a whole number'],
    });
    expect(Object.keys(fieldsOf(scoreAdjustmentSchema, { ...adjustment, reason: undefined }))).toEqual([
      'reason',
    ]);
  });
});

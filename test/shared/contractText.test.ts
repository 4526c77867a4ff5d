import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isCalendarDate, statsHistoryQuerySchema } from '../../src/index.js';
import { fieldErrorsFromIssues } from '../../src/shared/errors.js';
import { recordJobBodySchema } from '../../src/jobs/contract.js';
import { hasUnsafeCharacter, isUserId, printableTextSchema, userIdSchema } from '../../src/shared/text.js';

const fieldsOf = (schema: z.core.$ZodType, input: unknown) => {
  const result = z.safeParse(schema, input);
  if (result.success) throw new Error('expected a validation failure');
  return fieldErrorsFromIssues(result.error.issues);
};

describe('fieldErrorsFromIssues', () => {
  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])(
    'names an unknown field %s as an own property that survives JSON',
    (key) => {
      const fields = fieldsOf(recordJobBodySchema, JSON.parse(`{"job_id":"j",${JSON.stringify(key)}:1}`));
      expect(Object.hasOwn(fields, key)).toBe(true);
      expect(fields[key]).toEqual(['is not a known field']);
      expect(JSON.parse(JSON.stringify(fields)) as unknown).toEqual(
        JSON.parse(`{${JSON.stringify(key)}:["is not a known field"]}`),
      );
      expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    },
  );

  it('names a prototype-named path as a field without touching the prototype', () => {
    const schema = z.object({ constructor: z.string() });
    expect(fieldsOf(schema, JSON.parse('{"constructor":5}'))).toEqual({ constructor: ['must be a string'] });
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it.each([
    [z.object({ a: z.string() }), { a: 1 }, { a: ['must be a string'] }],
    [z.object({ a: z.string() }), {}, { a: ['is required'] }],
    [z.object({ a: z.number().int() }), { a: 1.5 }, { a: ['must be a whole number'] }],
    [z.object({ a: z.number() }), { a: 'x' }, { a: ['must be a number'] }],
    [z.object({ a: z.enum(['x', 'y']) }), { a: 'z' }, { a: ['must be one of: x, y'] }],
    [z.object({ a: z.literal('x') }), { a: 'z' }, { a: ['must be x'] }],
    [z.object({ a: z.string().max(255) }), { a: 'x'.repeat(256) }, { a: ['must be at most 255 characters'] }],
    [z.object({ a: z.string().min(1) }), { a: '' }, { a: ['must not be empty'] }],
    [z.object({ a: z.number().min(3) }), { a: 2 }, { a: ['must be at least 3'] }],
    [z.object({ a: z.number().positive() }), { a: 0 }, { a: ['must be greater than 0'] }],
    [z.object({ a: z.array(z.string()).max(1) }), { a: ['x', 'y'] }, { a: ['must have at most 1 items'] }],
    [z.object({ a: z.array(z.string()) }), { a: 'x' }, { a: ['must be a list'] }],
    [z.object({ a: z.boolean() }), { a: 'x' }, { a: ['must be true or false'] }],
    [z.object({ a: z.url() }), { a: 'nope' }, { a: ['must be a URL'] }],
    [z.object({ a: z.string() }), [], { body: ['must be a JSON object'] }],
    [z.object({ a: z.string() }), null, { body: ['must be a JSON object'] }],
  ])('words zod issues kindly: %#', (schema, input, expected) => {
    expect(fieldsOf(schema, input)).toEqual(expected);
  });

  it('keeps a message the schema set itself', () => {
    expect(fieldsOf(z.object({ a: z.string().regex(/^x$/, 'must be x') }), { a: 'y' })).toEqual({
      a: ['must be x'],
    });
  });
});

describe('the one text grammar', () => {
  it('refuses control characters and unpaired surrogates', () => {
    for (const bad of ['a\u0000', '\u0007', 'a\nb', '\u007f', '\u0085', '\ud800x']) {
      expect(hasUnsafeCharacter(bad), JSON.stringify(bad)).toBe(true);
    }
    expect(hasUnsafeCharacter('Zoë 👋 ann@example.com')).toBe(false);
  });

  it("accepts identity providers' user ids of 1 to 255 printable characters", () => {
    for (const id of [
      'auth0|65f0c1d2e3',
      'user_2NkQ3xYz',
      '3f8a2c1e-9b7d-4e6f-a5c4-1d2e3f4a5b6c',
      'ann@example.com',
      'x'.repeat(255),
    ]) {
      expect(isUserId(id)).toBe(true);
      expect(userIdSchema.parse(id)).toBe(id);
    }
    for (const id of ['', 'x'.repeat(256), ' a', 'a ', 'a\u0000b']) expect(isUserId(id)).toBe(false);
    expect(fieldsOf(z.object({ id: userIdSchema }), { id: 'x'.repeat(3200) })).toEqual({
      id: ['must be at most 255 characters'],
    });
  });

  it('trims printable text and bounds it', () => {
    expect(printableTextSchema(5).parse('  ab  ')).toBe('ab');
    expect(printableTextSchema(5).safeParse('abcdef').success).toBe(false);
    expect(printableTextSchema(5).safeParse('a\u0000').success).toBe(false);
  });
});

describe('query dates', () => {
  it.each(['2024-13-01', '', 'abc', '2024-02-30', '0000-01-01', '0001-01-01', '9999-12-31', '2024-1-01'])(
    'refuses %j without throwing',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
      expect(Object.keys(fieldsOf(statsHistoryQuerySchema, { from: value }))).toEqual(['from']);
    },
  );

  it('accepts real dates in range', () => {
    for (const value of ['1970-01-01', '2024-02-29', '9998-12-31']) expect(isCalendarDate(value)).toBe(true);
  });
});

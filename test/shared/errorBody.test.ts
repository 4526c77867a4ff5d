import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorBodySchema, isErrorBody } from '../../src/shared/errors.js';

/** JSON near the error shape: right and wrong types at every level, so both answers occur often. */
const nearErrorBody = fc.record(
  {
    error: fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          code: fc.oneof(fc.string(), fc.jsonValue()),
          message: fc.oneof(fc.string(), fc.jsonValue()),
          details: fc.oneof(
            fc.jsonValue(),
            fc.record(
              {
                fields: fc.oneof(
                  fc.jsonValue(),
                  fc.dictionary(fc.string(), fc.oneof(fc.array(fc.string()), fc.jsonValue())),
                ),
                retryAfter: fc.jsonValue(),
              },
              { requiredKeys: [] },
            ),
          ),
          requestId: fc.string(),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

describe('isErrorBody', () => {
  it('answers as errorBodySchema does, for any JSON (the client reads errors without zod)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearErrorBody), (payload) => {
        expect(isErrorBody(payload)).toBe(errorBodySchema.safeParse(payload).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts the server shape with field errors and refuses a bare message', () => {
    const body = {
      error: { code: 'invalid_request', message: 'Bad', details: { fields: { a: ['must be a string'] } } },
    };
    expect(isErrorBody(body)).toBe(true);
    expect(isErrorBody({ error: 'Bad' })).toBe(false);
    expect(isErrorBody({ error: { code: 'x', message: 'y', details: { fields: { a: [1] } } } })).toBe(false);
  });
});

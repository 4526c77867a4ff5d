// This file must not import classic `zod`: its first schema loads zod's English messages for
// every schema in the process, which would hide what a browser bundle with only zod/mini sees.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fieldErrorsFromIssues } from '../../src/shared/errors.js';
import { recordJobBodySchema } from '../../src/jobs/contract.js';
import { putProductBodySchema, sellerLeaderboardQuerySchema } from '../../src/sellerBoards/contract.js';
import { putUserBodySchema } from '../../src/identity/contract.js';

const fieldsOf = (schema: z.core.$ZodType, input: unknown) => {
  const result = z.safeParse(schema, input);
  if (result.success) throw new Error('expected a validation failure');
  return fieldErrorsFromIssues(result.error.issues);
};

describe('contract messages with zod/mini alone (no zod locale loaded, as in a host bundle)', () => {
  it('runs without a zod locale, so every raw issue reads "Invalid input"', () => {
    expect(z.config().localeError).toBeUndefined();
    const result = z.safeParse(z.object({ a: z.string() }), { a: 1 });
    expect(result.error?.issues[0]?.message).toBe('Invalid input');
  });

  it('names a missing id or text field "is required", not a wrong type', () => {
    expect(fieldsOf(recordJobBodySchema, { requested_count: 1 })).toEqual({ job_id: ['is required'] });
    expect(fieldsOf(putProductBodySchema, { status: 'active', price: '1.00', currency: 'USD' })).toEqual({
      sellerId: ['is required'],
    });
  });

  it('words wrong types, bounds, enums and unknown fields from the issue, as the server does', () => {
    expect(fieldsOf(recordJobBodySchema, { job_id: 5 })).toEqual({ job_id: ['must be a string'] });
    expect(fieldsOf(recordJobBodySchema, { job_id: '   ' })).toEqual({ job_id: ['must not be empty'] });
    expect(fieldsOf(recordJobBodySchema, { job_id: 'j', requested_count: 1.5, extra: 1 })).toEqual({
      requested_count: ['must be a whole number'],
      extra: ['is not a known field'],
    });
    expect(fieldsOf(sellerLeaderboardQuerySchema, { limit: '0', ties: 'x' })).toEqual({
      limit: ['must be at least 1'],
      ties: ['must be standard, dense or first-reached'],
    });
  });

  it('keeps the transforms of the classic contracts: addresses lower-cased, wallets defaulted', () => {
    const address = `0x${'AB'.repeat(20)}`;
    expect(putUserBodySchema.parse({ wallets: [address] }).wallets).toEqual([address.toLowerCase()]);
    expect(putUserBodySchema.parse({}).wallets).toEqual([]);
  });
});

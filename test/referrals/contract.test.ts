import { describe, expect, it } from 'vitest';
import { safeParse, type $ZodType } from 'zod/v4/core';
import { fieldErrorsFromIssues } from '../../src/shared/errors.js';
import {
  createShareBodySchema,
  memberIdSchema,
  putCreatorBodySchema,
  putMemberBodySchema,
  referralCodeAlphabet,
  referralCodePattern,
  shareChannels,
} from '../../src/referrals/contract.js';
import { sharePlatforms } from '../../src/referrals/platforms.js';

const fieldsOf = (schema: $ZodType, value: unknown) => {
  const result = safeParse(schema, value);
  return result.success ? {} : fieldErrorsFromIssues(result.error.issues);
};

describe('referral contract', () => {
  it('share channels are the eight share platforms plus copy, qr and native', () => {
    expect(shareChannels).toEqual([...sharePlatforms, 'copy', 'qr', 'native']);
  });

  it('codes use an alphabet without look-alikes', () => {
    expect(referralCodeAlphabet).not.toMatch(/[01ILO]/);
    expect(new Set(referralCodeAlphabet).size).toBe(referralCodeAlphabet.length);
    expect(referralCodePattern.test('K7XM2Q9P')).toBe(true);
    expect(referralCodePattern.test('K7XM2Q9O')).toBe(false);
  });

  it('a creator: http(s) destination, percent 0-100 or a fixed amount in an ISO 4217 currency', () => {
    const base = { name: 'Club', destinationUrl: 'https://club.example/join?x=1' };
    expect(fieldsOf(putCreatorBodySchema, { ...base, commission: { type: 'percent', value: 100 } })).toEqual(
      {},
    );
    expect(
      fieldsOf(putCreatorBodySchema, { ...base, commission: { type: 'fixed', amount: 5, currency: 'USD' } }),
    ).toEqual({});
    expect(
      Object.keys(
        fieldsOf(putCreatorBodySchema, {
          name: '',
          destinationUrl: 'data:text/html,hi',
          commission: { type: 'percent', value: -1 },
        }),
      ).sort(),
    ).toEqual(['commission.value', 'destinationUrl', 'name']);
    expect(
      Object.keys(
        fieldsOf(putCreatorBodySchema, { ...base, commission: { type: 'fixed', amount: 5, currency: 'us' } }),
      ),
    ).toEqual(['commission.currency']);
  });

  it('members and shares name the bad field; "me" is never a member id', () => {
    expect(memberIdSchema.safeParse('me').success).toBe(false);
    expect(
      Object.keys(fieldsOf(putMemberBodySchema, { creatorId: 'c', userId: 'u', signals: { ip: 'x y' } })),
    ).toEqual(['signals.ip']);
    expect(Object.keys(fieldsOf(createShareBodySchema, { memberId: 'm', platform: 'slack' }))).toEqual([
      'platform',
    ]);
    expect(fieldsOf(createShareBodySchema, { memberId: 'm', platform: 'native', shareType: 'link' })).toEqual(
      {},
    );
  });
});

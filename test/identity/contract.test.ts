import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../../src/shared/errors.js';
import { parseIdentifier, putUserBodySchema } from '../../src/identity/contract.js';

const address = '0x52908400098527886E0F7030069857D2E4169EE7';

describe('parseIdentifier', () => {
  it('reads an address in any case as its lower-case form', () => {
    expect(parseIdentifier(address)).toEqual({ kind: 'address', address: address.toLowerCase() });
    expect(parseIdentifier(address.toLowerCase())).toEqual(parseIdentifier(address));
  });

  it('reads ids and usernames as handles', () => {
    expect(parseIdentifier('alice.eth')).toEqual({ kind: 'handle', handle: 'alice.eth' });
    expect(parseIdentifier('user_42')).toEqual({ kind: 'handle', handle: 'user_42' });
  });

  it('calls a broken address and anything else malformed', () => {
    expect(parseIdentifier('0x1234').kind).toBe('invalid');
    expect(parseIdentifier(`${address}00`).kind).toBe('invalid');
    expect(parseIdentifier('bad\u0000id').kind).toBe('invalid');
    expect(parseIdentifier('tab\tid').kind).toBe('invalid');
    expect(parseIdentifier('').kind).toBe('invalid');
    expect(parseIdentifier('x'.repeat(256)).kind).toBe('invalid');
  });

  it("reads any user id of the one grammar as a handle (identity providers' ids included)", () => {
    for (const id of ['auth0|65f0c1d2e3', 'user_2NkQ3xYz', 'ann@example.com', 'bad id!', 'x'.repeat(255)]) {
      expect(parseIdentifier(id)).toEqual({ kind: 'handle', handle: id });
    }
  });
});

describe('putUserBodySchema', () => {
  it('normalises wallets to lower case and defaults to none', () => {
    expect(putUserBodySchema.parse({ username: 'alice', wallets: [address] }).wallets).toEqual([
      address.toLowerCase(),
    ]);
    expect(putUserBodySchema.parse({}).wallets).toEqual([]);
  });

  it('names each bad field', () => {
    const result = putUserBodySchema.safeParse({
      username: '0xalice',
      avatarUrl: 'javascript:alert(1)',
      wallets: ['0x12'],
      role: 'admin',
    });
    expect(result.success).toBe(false);
    const fields = fieldErrorsFromIssues(result.error!.issues);
    expect(Object.keys(fields).sort()).toEqual(['avatarUrl', 'role', 'username', 'wallets[0]']);
  });
});

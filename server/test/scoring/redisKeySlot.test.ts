import { describe, expect, it } from 'vitest';
import { redisKeySlot } from '../../src/scoring/redisKeySlot.js';

describe('redisKeySlot', () => {
  it('matches Redis Cluster (CRC16/XMODEM mod 16384)', () => {
    // The CRC16/XMODEM check value of "123456789" is 0x31C3; "foo" and "somekey" as CLUSTER KEYSLOT answers.
    expect(redisKeySlot('123456789')).toBe(0x31c3);
    expect(redisKeySlot('foo')).toBe(12182);
    expect(redisKeySlot('somekey')).toBe(11058);
  });

  it('hashes only a non-empty {hash tag}', () => {
    expect(redisKeySlot('{user1000}.following')).toBe(redisKeySlot('{user1000}.followers'));
    expect(redisKeySlot('{podium:b:lifetime}:rows')).toBe(redisKeySlot('{podium:b:lifetime}'));
    expect(redisKeySlot('foo{}{bar}')).toBe(redisKeySlot('foo{}{bar}'));
    expect(redisKeySlot('foo{}{bar}')).not.toBe(redisKeySlot('bar'));
    expect(redisKeySlot('{podium:b:day:2026-11-27}')).not.toBe(redisKeySlot('{podium:b:lifetime}'));
  });
});

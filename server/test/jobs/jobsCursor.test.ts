import { describe, expect, it } from 'vitest';
import { decodeJobsCursor, encodeJobsCursor } from '../../src/jobs/jobsCursor.js';

describe('jobs cursor', () => {
  it('round-trips and stays short and URL-safe', () => {
    const cursor = { createdAtMs: Date.parse('2025-03-30T01:59:59.999Z'), id: 9_007_199_254 };
    const encoded = encodeJobsCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThanOrEqual(200);
    expect(decodeJobsCursor(encoded)).toEqual(cursor);
  });

  it.each([
    '',
    'x',
    '!!!',
    Buffer.from('v2:1:1').toString('base64url'),
    Buffer.from('v1:-1:1').toString('base64url'),
    Buffer.from('v1:1:1:1').toString('base64url'),
    Buffer.from('v1:1.5:1').toString('base64url'),
  ])('rejects %j', (value) => {
    expect(decodeJobsCursor(value)).toBeUndefined();
  });
});

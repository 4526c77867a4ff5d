import { describe, expect, it } from 'vitest';
import { clientKey } from '../../src/http/clientIp.js';

describe('clientKey', () => {
  it('keys an IPv6 client by its /64 network, however the address is written', () => {
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps IPv4 addresses and anything that is not an IPv6 address as they are', () => {
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('unknown')).toBe('unknown');
    expect(clientKey('::ffff:1.2.3.4')).toBe('::ffff:1.2.3.4');
  });
});

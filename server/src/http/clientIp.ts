import { isIPv6 } from 'node:net';
import type { Context } from 'hono';

/**
 * The address a request came from, as the rate limits and the view cap see it.
 *
 * - `trustProxy: false` (the default): the TCP peer, `c.env.incoming.socket.remoteAddress` under
 *   `@hono/node-server`. `X-Forwarded-For` is ignored: any client can send it.
 * - `trustProxy: true`: the RIGHT-MOST address of `X-Forwarded-For`, the one the proxy in front of
 *   Podium appended for the peer it saw. Addresses to its left were sent by the client and can be
 *   forged. With several proxies in a row, make the outermost one replace the header.
 *
 * Requests without a socket (`app.request()` in tests, fetch runtimes without one) and without a
 * usable header all share the key {@link unknownClientIp}.
 *
 * An IPv6 client is its /64 network (`2001:db8:1:2::/64`): one subscriber usually gets a whole
 * /64, so keying single addresses would let one client spread over 2^64 rate-limit buckets and
 * view quotas.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded
      ?.split(',')
      .map((hop) => hop.trim())
      .filter(Boolean)
      .at(-1);
    if (last && last.length <= 64) return clientKey(normaliseIp(last));
  }
  const peer = socketAddress(c);
  return peer ? clientKey(normaliseIp(peer)) : unknownClientIp;
}

/** An IPv6 address as its /64 network; anything else as it is. */
export function clientKey(ip: string): string {
  const address = ip.split('%')[0]!; // a zone id (fe80::1%eth0) names an interface, not a client
  if (!isIPv6(address) || address.includes('.')) return ip;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/** The shared key of requests whose address is unknown (no socket, no trusted header). */
export const unknownClientIp = 'unknown';

/** The TCP peer's address under `@hono/node-server`, else `undefined` (see `hono/conninfo`). */
export function socketAddress(c: Context): string | undefined {
  const env = c.env as
    | {
        incoming?: { socket?: { remoteAddress?: string } };
        server?: { incoming?: { socket?: { remoteAddress?: string } } };
      }
    | undefined;
  return (env?.server ?? env)?.incoming?.socket?.remoteAddress;
}

/** `127.0.0.0/8`, `::1` and their IPv4-mapped forms. */
export function isLoopback(address: string): boolean {
  const ip = normaliseIp(address);
  return ip === '::1' || /^127\./.test(ip);
}

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) is `1.2.3.4`; lower case. */
function normaliseIp(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}

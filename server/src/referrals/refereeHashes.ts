import { createHmac } from 'node:crypto';
import { normalizeEmail } from 'podium-kit/core';
import { clientKey } from '../http/clientIp.js';
import { hashIp } from './referralSecret.js';

/**
 * An IP address a host passed in a body (a member's signals, a referee), hashed exactly like the
 * addresses Podium reads from requests: lower case, an IPv4-mapped IPv6 address as IPv4, an IPv6
 * client as its /64 (`clientKey`). Same key, same input: the self-referral checks compare them.
 */
export function hashGivenIp(secret: string, ip: string): string {
  return hashIp(secret, clientKey(ip.toLowerCase().replace(/^::ffff:(?=\d+\.)/, '')));
}

/**
 * A referee's e-mail as stored: HMAC-SHA256 of the normalised address (one inbox, one hash) with
 * the referral secret, so the multiple-accounts check can compare addresses it never keeps. The
 * `email:` prefix keeps it from ever equalling an IP's hash.
 */
export function hashRefereeEmail(secret: string, email: string): string {
  return createHmac('sha256', secret)
    .update(`email:${normalizeEmail(email)}`, 'utf8')
    .digest('hex');
}

import { createHmac, randomBytes } from 'node:crypto';
import type { Logger } from '../logger.js';

let processSecret: string | undefined;

/**
 * The key of the IP hashes (`PODIUM_REFERRAL_SECRET`). Without one, a random key for this process,
 * said once: the hashes still never hold an IP in clear, but they change on every restart (the
 * click dedupe and the self-referral checks then forget what they saw before).
 */
export function referralSecretOf(configured: string | undefined, logger: Pick<Logger, 'warn'>): string {
  if (configured) return configured;
  if (!processSecret) {
    processSecret = randomBytes(32).toString('base64url');
    logger.warn(
      'PODIUM_REFERRAL_SECRET is not set: IPs are hashed with a random key for this process, so click dedupe and self-referral checks forget them on restart',
    );
  }
  return processSecret;
}

/** An IP address as stored: HMAC-SHA256 with the referral secret, hex. */
export function hashIp(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(ip, 'utf8').digest('hex');
}

/**
 * Bots and link previewers, redirected but never counted: crawlers, the platforms' preview
 * fetchers (a link pasted in a chat is fetched by the platform before anyone clicks), scripts
 * and headless browsers. A request without a user agent counts as one.
 */
const botPattern =
  /googlebot|bingbot|facebookexternalhit|facebot|twitterbot|slackbot|linkedinbot|discordbot|whatsapp|telegrambot|applebot|yandexbot|baiduspider|duckduckbot|curl\/|wget\/|python-requests|python-urllib|go-http-client|headless|\bbot\b|crawler|spider/i;

export function isBotUserAgent(userAgent: string | undefined): boolean {
  return !userAgent || botPattern.test(userAgent);
}

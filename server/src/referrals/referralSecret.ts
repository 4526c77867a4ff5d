import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/Database.js';

/**
 * The key of every referral hash (IPs, referee e-mails, conversion request hashes):
 * `PODIUM_REFERRAL_SECRET` when set (kept outside the database, so a leaked dump cannot test
 * guesses against the hashes), else a random key made once per database and kept in
 * `podium_server_secrets`, so restarts and every instance on the database hash alike (the click
 * dedupe, the self-referral checks and conversion retries keep working). Read once per handle; a
 * failed read is tried again on the next call.
 */
export function createReferralSecret(db: Queryable, configured: string | undefined): () => Promise<string> {
  if (configured) return () => Promise.resolve(configured);
  let secret: Promise<string> | undefined;
  return () =>
    (secret ??= readOrMakeDatabaseSecret(db).catch((error: unknown) => {
      secret = undefined;
      throw error;
    }));
}

async function readOrMakeDatabaseSecret(db: Queryable): Promise<string> {
  // Two instances racing here both insert-or-keep, then both read the one row that won.
  await db.query(
    `INSERT INTO podium_server_secrets (name, value) VALUES ('referral_secret', $1) ON CONFLICT (name) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const [row] = await db.query<{ value: string }>(
    "SELECT value FROM podium_server_secrets WHERE name = 'referral_secret'",
  );
  return row!.value;
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

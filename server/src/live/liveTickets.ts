import { createHmac, randomBytes } from 'node:crypto';
import { errorCodes } from 'podium-kit/core';
import type { Queryable } from '../db/Database.js';
import { HttpError } from '../errors.js';
import { safeEqual } from '../auth/guards.js';

/** How long a ticket opens streams. @default 60_000 */
export const defaultTicketTtlMs = 60_000;

/**
 * Tickets for private topics: `EventSource` cannot send the user's token, so the page trades it
 * for a ticket (`POST /events/tickets`) and puts that in the stream's URL. A ticket is
 * `<user id, base64url>.<expiry in ms>.<HMAC-SHA256>`: any instance checks it with the shared
 * key alone, and it is short-lived because URLs end up in logs.
 */
export function createLiveTickets(options: {
  db: Queryable;
  /** `PODIUM_LIVE_SECRET`; else a random key made once per database (every instance reads it). */
  secret?: string | undefined;
  ttlMs?: number | undefined;
  now: () => Date;
}) {
  const ttlMs = options.ttlMs ?? defaultTicketTtlMs;
  let secret: Promise<string> | undefined;
  const key = () =>
    options.secret
      ? Promise.resolve(options.secret)
      : (secret ??= readOrMakeTicketSecret(options.db).catch((error: unknown) => {
          secret = undefined;
          throw error;
        }));
  const sign = (secretKey: string, body: string) =>
    createHmac('sha256', secretKey).update(`live-ticket\u0000${body}`).digest('base64url');

  return {
    async issue(userId: string): Promise<{ ticket: string; expiresAt: string; userId: string }> {
      const expiresMs = options.now().getTime() + ttlMs;
      const body = `${Buffer.from(userId, 'utf8').toString('base64url')}.${expiresMs}`;
      return {
        ticket: `${body}.${sign(await key(), body)}`,
        expiresAt: new Date(expiresMs).toISOString(),
        userId,
      };
    },

    /** The ticket's user, or a 401 (malformed, forged or expired). */
    async verify(ticket: string): Promise<string> {
      const match = /^([A-Za-z0-9_-]{1,400})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(ticket);
      const body = match ? `${match[1]}.${match[2]}` : '';
      if (!match || !safeEqual(match[3]!, sign(await key(), body))) {
        throw invalidTicket('The ticket is not valid: ask POST /events/tickets for a new one');
      }
      if (Number(match[2]) <= options.now().getTime()) {
        throw invalidTicket('The ticket has expired: ask POST /events/tickets for a new one');
      }
      return Buffer.from(match[1]!, 'base64url').toString('utf8');
    },
  };
}

export type LiveTickets = ReturnType<typeof createLiveTickets>;

const invalidTicket = (message: string) =>
  new HttpError(401, errorCodes.unauthorized, message, { fields: { ticket: [message] } });

async function readOrMakeTicketSecret(db: Queryable): Promise<string> {
  // Two instances racing here both insert-or-keep, then both read the one row that won.
  await db.query(
    `INSERT INTO podium_server_secrets (name, value) VALUES ('live_ticket_secret', $1) ON CONFLICT (name) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const [row] = await db.query<{ value: string }>(
    "SELECT value FROM podium_server_secrets WHERE name = 'live_ticket_secret'",
  );
  return row!.value;
}

import { randomUUID } from 'node:crypto';
import { toNumber, type Database, type Queryable } from '../db/Database.js';
import type { Logger } from '../logger.js';
import { signWebhook } from './webhookSignature.js';

/** Where webhooks go (`PODIUM_WEBHOOK_URL`, `PODIUM_WEBHOOK_SECRET`). */
export interface WebhookTarget {
  url: string;
  secret: string;
}

/** An event to announce: its type and data. */
export interface WebhookEvent {
  type: string;
  data: Record<string, unknown>;
}

/** Retries stop after this many attempts (the last about a day after the first). */
export const maxWebhookAttempts = 12;

/** Queues `events` inside the transaction that made them happen (none is lost to a crash). */
export async function enqueueWebhooks(
  tx: Queryable,
  events: readonly WebhookEvent[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => {
    const id = `evt_${randomUUID().replace(/-/g, '')}`;
    return {
      id,
      type: event.type,
      body: { id, type: event.type, createdAt: now.toISOString(), data: event.data },
    };
  });
  await tx.query(
    `INSERT INTO podium_webhook_deliveries (id, type, body, created_at, next_attempt_at)
     SELECT r.id, r.type, r.body, $2, $2 FROM jsonb_to_recordset($1::jsonb) AS r(id text, type text, body jsonb)`,
    [JSON.stringify(rows), now],
  );
}

/** The wait before attempt `attempts + 1`: 10 s, 20 s, 40 s … capped at 6 hours. */
export function webhookBackoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** How long a claimed delivery is someone's before another instance may try it. */
const claimLeaseMs = 60_000;

/**
 * Sends the deliveries that are due, oldest first, each signed, with a 10 s timeout; a 2xx marks
 * it delivered, anything else schedules a retry with backoff (or gives up after
 * {@link maxWebhookAttempts}). Rows are claimed first in a short statement (their next attempt
 * moved a minute ahead, `SKIP LOCKED`), so several instances deliver side by side and no
 * transaction stays open while a receiver answers. Resolves with the number delivered.
 */
export async function deliverDueWebhooks(
  db: Database,
  target: WebhookTarget,
  {
    now = () => new Date(),
    fetchFn = fetch,
    logger,
    limit = 50,
  }: { now?: () => Date; fetchFn?: typeof fetch; logger?: Pick<Logger, 'warn'>; limit?: number } = {},
): Promise<number> {
  const claimedAt = now();
  const rows = await db.query<{ id: string; body: unknown; attempts: unknown }>(
    `UPDATE podium_webhook_deliveries SET next_attempt_at = $3
      WHERE id IN (SELECT id FROM podium_webhook_deliveries
                    WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1
                    ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING id, body, attempts, created_at`,
    [claimedAt, limit, new Date(claimedAt.getTime() + claimLeaseMs)],
  );
  let delivered = 0;
  for (const row of rows) {
    const body = typeof row.body === 'string' ? row.body : JSON.stringify(row.body);
    const attempts = toNumber(row.attempts) + 1;
    let error: string | null = null;
    try {
      const response = await fetchFn(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Podium-Webhooks/1',
          'podium-signature': signWebhook(body, target.secret, now()),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) error = `HTTP ${response.status}`;
      await response.body?.cancel();
    } catch (cause) {
      error = (cause as Error).message;
    }
    if (error === null) {
      delivered += 1;
      await db.query(
        `UPDATE podium_webhook_deliveries
            SET attempts = $2, delivered_at = $3, next_attempt_at = NULL, last_error = NULL WHERE id = $1`,
        [row.id, attempts, now()],
      );
    } else {
      const giveUp = attempts >= maxWebhookAttempts;
      if (giveUp) logger?.warn(`Webhook ${row.id} given up after ${attempts} attempts: ${error}`);
      await db.query(
        'UPDATE podium_webhook_deliveries SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1',
        [row.id, attempts, giveUp ? null : new Date(now().getTime() + webhookBackoffMs(attempts)), error],
      );
    }
  }
  return delivered;
}

import { liveEventNameOf, type LiveTopicKind } from 'podium-kit/core';
import type { Queryable } from '../db/Database.js';
import type { Logger } from '../logger.js';

/** One change to announce: the topic's kind and raw subject (board key or user id). */
export interface LiveChange {
  kind: LiveTopicKind;
  subject: string;
  /** The topic's own version (a board's change count); else the event's id stands for it. */
  version?: string | undefined;
}

/** Announces changes to every stream on every instance. */
export interface LivePublisher {
  /**
   * Call after the change has committed. Never throws and never makes the caller wait: a write
   * must not fail or slow down because live updates did (the widgets' polling still sees it).
   */
  publish(changes: readonly LiveChange[]): void;
  /** Resolves once every publish so far has been stored (tests, shutdown). */
  settled(): Promise<void>;
}

/** How long events are kept for `Last-Event-ID` resumes. @default 300_000 (5 min) */
export const defaultLiveRetentionMs = 300_000;

/** The raw key a change is stored under (see migration 019). */
export const topicKeyOf = (kind: LiveTopicKind, subject: string) => `${kind}:${subject}`;

/**
 * Publishes through the database: one statement stores the events (for resumes) and notifies
 * every instance. Old events are pruned now and then by whoever publishes.
 */
export function createLivePublisher(
  db: Queryable,
  logger: Pick<Logger, 'warn'>,
  options: { retentionMs?: number | undefined } = {},
): LivePublisher {
  const retentionMs = options.retentionMs ?? defaultLiveRetentionMs;
  const pending = new Set<Promise<void>>();
  let warned = false;
  let prunedAt = 0;
  const send = async (changes: readonly LiveChange[]) => {
    const events = changes.map(({ kind, subject, version }) => ({
      key: topicKeyOf(kind, subject),
      event: liveEventNameOf[kind],
      version: version ?? null,
    }));
    await db.query('SELECT podium_live_publish($1::jsonb)', [JSON.stringify(events)]);
    if (Date.now() - prunedAt > Math.min(retentionMs, 60_000)) {
      prunedAt = Date.now();
      await pruneLiveEvents(db, retentionMs);
    }
  };
  return {
    publish(changes) {
      if (changes.length === 0) return;
      const sending = send(changes).then(
        () => {
          warned = false;
        },
        (error: unknown) => {
          // Said once per outage: every write would say it again.
          if (!warned) logger.warn('Live updates: could not publish a change', { error });
          warned = true;
        },
      );
      pending.add(sending);
      void sending.finally(() => pending.delete(sending));
    },
    async settled() {
      await Promise.all([...pending]);
    },
  };
}

/** Deletes events older than `retentionMs`, remembering the highest id deleted. */
export async function pruneLiveEvents(db: Queryable, retentionMs: number): Promise<void> {
  await db.query(
    `WITH gone AS (DELETE FROM podium_live_events WHERE at < now() - $1 * interval '1 millisecond' RETURNING id)
     UPDATE podium_sync_state SET value = to_jsonb(greatest(value::text::bigint, (SELECT max(id) FROM gone))),
                                  updated_at = now()
      WHERE name = 'live.pruned_through' AND EXISTS (SELECT 1 FROM gone)`,
    [retentionMs],
  );
}

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

/** The raw key a change is stored under (see migration 021). */
export const topicKeyOf = (kind: LiveTopicKind, subject: string) => `${kind}:${subject}`;

/**
 * At most one event per topic this often from one instance, the first at once and the latest of
 * the rest at the end of the window: a board written a thousand times a second would otherwise
 * send every open stream a thousand events a second, each a refetch. @default 200
 */
export const defaultLiveCoalesceMs = 200;

/**
 * Publishes through the database: one statement stores the events (for resumes) and notifies
 * every instance. Old events are pruned now and then by whoever publishes.
 */
export function createLivePublisher(
  db: Queryable,
  logger: Pick<Logger, 'warn'>,
  options: { retentionMs?: number | undefined; coalesceMs?: number | undefined } = {},
): LivePublisher {
  const retentionMs = options.retentionMs ?? defaultLiveRetentionMs;
  const coalesceMs = options.coalesceMs ?? defaultLiveCoalesceMs;
  let warned = false;
  let prunedAt = 0;
  // Topics sent within the window (key -> when), and what waits for the window's end.
  const sentAt = new Map<string, number>();
  const waiting = new Map<string, LiveChange>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const store = async (changes: readonly LiveChange[]) => {
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
  // One store at a time, each taking every change queued meanwhile (the latest per topic): a
  // store's NOTIFY holds Postgres's notification lock through its commit, so a store per write
  // queued writes behind each other and held pool connections (seen at ~300 scored actions/s).
  let queued = new Map<string, LiveChange>();
  let storing: Promise<void> | undefined;
  const storeQueued = async () => {
    while (queued.size > 0) {
      const batch = [...queued.values()];
      queued = new Map();
      try {
        await store(batch);
        warned = false;
      } catch (error) {
        // Said once per outage: every write would say it again.
        if (!warned) logger.warn('Live updates: could not publish a change', { error });
        warned = true;
      }
    }
  };
  const send = (changes: readonly LiveChange[]) => {
    for (const change of changes) {
      const key = topicKeyOf(change.kind, change.subject);
      queued.delete(key);
      queued.set(key, change);
    }
    if (storing || queued.size === 0) return;
    storing = storeQueued().finally(() => {
      storing = undefined;
      // Queued after the loop's last look, before this ran.
      if (queued.size > 0) send([]);
    });
  };
  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    const now = Date.now();
    for (const [key, at] of sentAt) if (now - at >= coalesceMs) sentAt.delete(key);
    const due = [...waiting.values()];
    waiting.clear();
    for (const change of due) sentAt.set(topicKeyOf(change.kind, change.subject), now);
    send(due);
  };

  return {
    publish(changes) {
      const now = Date.now();
      // Bounded: many one-off topics (a user's score each) must not pile up between flushes.
      if (sentAt.size > 10_000)
        for (const [key, at] of sentAt) if (now - at >= coalesceMs) sentAt.delete(key);
      const immediate: LiveChange[] = [];
      for (const change of changes) {
        const key = topicKeyOf(change.kind, change.subject);
        const last = sentAt.get(key);
        if (last === undefined || now - last >= coalesceMs) {
          sentAt.set(key, now);
          immediate.push(change);
        } else {
          waiting.set(key, change);
        }
      }
      send(immediate);
      if (waiting.size > 0 && !flushTimer) {
        flushTimer = setTimeout(flush, coalesceMs);
        flushTimer.unref?.();
      }
    },
    async settled() {
      if (waiting.size > 0) flush();
      while (storing) await storing;
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

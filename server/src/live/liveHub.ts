import { randomUUID } from 'node:crypto';
import { liveTopicOf, type LiveTopicKind } from 'podium-kit/core';
import { toNumber, type Database } from '../db/Database.js';
import type { Logger } from '../logger.js';

/** An event as streams send it: its global id, public topic, name and data fields. */
export interface LiveDelivery {
  id: number;
  topic: string;
  event: string;
  version: string;
  at: string;
}

/** What a stream hears from the hub. */
export interface LiveListener {
  /** Topic keys (`<kind>:<raw subject>`) the stream watches. */
  keys: ReadonlySet<string>;
  onEvent(event: LiveDelivery): void;
  /** Events may have been missed (the listening connection was lost): refetch everything. */
  onGap(): void;
}

/** The answer of {@link LiveHub.replay}: the missed events, or `reset` when they cannot be known. */
export type LiveReplay =
  { events: LiveDelivery[] } | { reset: 'too-old' | 'unknown-id' | 'too-many' | 'unavailable' };

/** Most events a resume replays; past that the client refetches everything instead. */
const maxReplay = 500;

/** How long the first stream waits for the listening connection to hear its own probe. */
const probeTimeoutMs = 3_000;

/** After listening failed, new streams get a 503 at once for this long before it is tried again. */
const retryListenAfterMs = 10_000;

/** How long the instance keeps listening after its last stream closed (reconnects are common). */
const lingerMs = 30_000;

/**
 * One instance's end of the live updates: a single LISTEN on the database shared by every open
 * stream, opened with the first and closed a while after the last (so an idle app holds no
 * connection, and tests end without a close hook), plus the per-client connection counts.
 */
export function createLiveHub(db: Database, logger: Pick<Logger, 'warn'>) {
  const listeners = new Set<LiveListener>();
  let listening: Promise<() => Promise<void>> | undefined;
  let linger: ReturnType<typeof setTimeout> | undefined;
  const perClient = new Map<string, number>();
  let open = 0;

  const probes = new Map<string, () => void>();
  const onNotification = (payload: string) => {
    let event: LiveDelivery;
    try {
      const raw = JSON.parse(payload) as {
        probe?: string;
        id: number;
        key: string;
        event: string;
        version: string;
        at: string;
      };
      if (raw.probe !== undefined) return probes.get(raw.probe)?.();
      event = {
        id: Number(raw.id),
        topic: topicOfKey(raw.key),
        event: raw.event,
        version: raw.version,
        at: raw.at,
      };
      for (const listener of listeners) if (listener.keys.has(raw.key)) listener.onEvent(event);
    } catch (error) {
      logger.warn('Live updates: unreadable notification', { error });
    }
  };
  const onGap = () => {
    for (const listener of listeners) listener.onGap();
  };
  let failedAt = -Infinity;
  const startListening = () => {
    if (!db.listen) throw new Error('This database cannot LISTEN');
    // After a failure, streams are refused at once for a while rather than each waiting out a probe.
    if (!listening && Date.now() - failedAt < retryListenAfterMs)
      throw new Error('Not listening (recent failure)');
    listening ??= db
      .listen('podium_live', onNotification, onGap)
      .then(async (stop) => {
        try {
          await probeDelivery();
          return stop;
        } catch (error) {
          await stop().catch(() => {});
          throw error;
        }
      })
      .catch((error: unknown) => {
        listening = undefined;
        failedAt = Date.now();
        logger.warn('Live updates: cannot listen for changes; streams answer 503 and widgets poll', {
          error,
        });
        throw error;
      });
    return listening;
  };
  // A notification sent through the pool must come back on the listening connection. Behind a
  // transaction pooler LISTEN "succeeds" and nothing ever arrives: streams would stay open and
  // silent, and widgets would neither update nor fall back to polling.
  const probeDelivery = async () => {
    const probe = randomUUID();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const heard = new Promise<void>((resolve, reject) => {
      probes.set(probe, resolve);
      timer = setTimeout(
        () => reject(new Error('LISTEN hears no notifications (a transaction pooler?)')),
        probeTimeoutMs,
      );
    });
    heard.catch(() => {}); // awaited below; a timeout before then is not unhandled
    try {
      await db.query('SELECT pg_notify($1, $2)', ['podium_live', JSON.stringify({ probe })]);
      await heard;
    } finally {
      clearTimeout(timer);
      probes.delete(probe);
    }
  };
  const stopListening = () => {
    const stopping = listening;
    listening = undefined;
    void stopping?.then((stop) => stop()).catch(() => {});
  };

  return {
    /** Adds a stream; resolves once notifications reach it (throws when listening failed). */
    async subscribe(listener: LiveListener): Promise<() => void> {
      if (linger) clearTimeout(linger);
      linger = undefined;
      await startListening();
      listeners.add(listener);
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        linger = setTimeout(() => {
          linger = undefined;
          if (listeners.size === 0) stopListening();
        }, lingerMs);
        linger.unref?.();
      };
    },

    /** Events of `keys` after `lastEventId`, from the table every instance writes. */
    async replay(keys: ReadonlySet<string>, lastEventId: string): Promise<LiveReplay> {
      if (!/^\d{1,18}$/.test(lastEventId)) return { reset: 'unknown-id' };
      const after = Number(lastEventId);
      const [bounds] = await db.query<{ pruned: unknown; newest: unknown }>(
        `SELECT (SELECT value::text::bigint FROM podium_sync_state WHERE name = 'live.pruned_through') AS pruned,
                (SELECT max(id) FROM podium_live_events) AS newest`,
      );
      const pruned = toNumber(bounds?.pruned);
      if (after < pruned) return { reset: 'too-old' };
      // An id this database never gave (another database, or it was reset).
      if (after > Math.max(pruned, toNumber(bounds?.newest))) return { reset: 'unknown-id' };
      const rows = await db.query<{
        id: unknown;
        topic_key: string;
        event: string;
        version: string | null;
        at: unknown;
      }>(
        `SELECT id, topic_key, event, version, at FROM podium_live_events
          WHERE id > $1 AND topic_key = ANY($2::text[]) ORDER BY id LIMIT $3`,
        [after, [...keys], maxReplay + 1],
      );
      if (rows.length > maxReplay) return { reset: 'too-many' };
      return {
        events: rows.map((row) => ({
          id: toNumber(row.id),
          topic: topicOfKey(row.topic_key),
          event: row.event,
          version: row.version ?? String(row.id),
          at: new Date(row.at as string).toISOString(),
        })),
      };
    },

    /** Takes a connection slot of `client`, or `false` when it (or the instance) is at its limit. */
    acquire(client: string, limits: { perClient: number; total: number }): boolean {
      const held = perClient.get(client) ?? 0;
      if (held >= limits.perClient || open >= limits.total) return false;
      perClient.set(client, held + 1);
      open += 1;
      return true;
    },
    release(client: string): void {
      const held = perClient.get(client) ?? 0;
      if (held <= 1) perClient.delete(client);
      else perClient.set(client, held - 1);
      open = Math.max(0, open - 1);
    },
    /** Streams open on this instance. */
    openConnections: () => open,
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;

/** The public topic of a stored key (`stats:alice,b` -> `stats:alice%2Cb`). */
function topicOfKey(key: string): string {
  const colon = key.indexOf(':');
  return liveTopicOf(key.slice(0, colon) as LiveTopicKind, key.slice(colon + 1));
}

import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Database, Queryable } from './Database.js';

/**
 * The channel the version tables' triggers notify (migration 022). The payload is the writer's
 * schema, a space and the key that changed (`sellers`, `points:<board>`, or `*` for all of them);
 * `probe:<id>` is this module's own.
 */
export const versionsChannel = 'podium_versions';

/**
 * Versions (the change counts that make the boards' ETags) held in memory while this process
 * hears of every change to them: an unchanged poll then runs no query. While it does not (before
 * the first read started listening, after the listening connection was lost, behind a pooler in
 * transaction mode where LISTEN hears nothing), every read loads the version from the database,
 * as if there were no cache.
 */
export interface VersionCache {
  /** The version of `key`: from memory when it is known to be current, else `load()`. */
  read(key: string, load: () => Promise<string>): Promise<string>;
  /**
   * Drops `keys` now. Writers in this process call it after their change committed, so their own
   * next read sees the change even before the notification of it arrives.
   */
  forget(keys: readonly string[]): void;
  /** True while versions are served from memory (the listener heard its own probe). */
  listening(): boolean;
}

export interface VersionCacheOptions {
  /** Stops listening this long after the last read (an idle app holds no connection). @default 30_000 */
  idleMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

/** Most keys kept; past that the oldest are dropped (they load again when read). */
const maxKeys = 10_000;
/** How long the listener waits to hear its own probe before it is judged deaf. */
const probeTimeoutMs = 3_000;
/** After listening failed, reads load from the database for this long before it is tried again. */
const retryListenAfterMs = 10_000;

export function createVersionCache(db: Database, options: VersionCacheOptions = {}): VersionCache {
  const idleMs = options.idleMs ?? 30_000;
  const values = new Map<string, string>();
  // Moves with every change heard or made here and every change of listening state. A load that
  // spans a move may have read a version older than the change, so it is not kept.
  let epoch = 0;
  let state: 'off' | 'starting' | 'on' = 'off';
  // Each start is a session; callbacks of an ended one are ignored.
  let session = 0;
  let stopListening: (() => Promise<void>) | undefined;
  let failedAt = -Infinity;
  let pendingProbe: { id: string; heard: () => void } | undefined;
  let lastReadAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const drop = (key: string) => {
    epoch += 1;
    if (key === '*') values.clear();
    else values.delete(key);
  };

  const stop = () => {
    session += 1;
    state = 'off';
    values.clear();
    epoch += 1;
    pendingProbe = undefined;
    const stopping = stopListening;
    stopListening = undefined;
    void stopping?.().catch(() => {});
  };

  const start = () => {
    if (state !== 'off' || !db.listen || Date.now() - failedAt < retryListenAfterMs) return;
    state = 'starting';
    const mine = ++session;
    // `<schema> `, known before listening starts.
    let prefix = '';
    const onMessage = (payload: string) => {
      if (mine !== session) return;
      if (payload.startsWith('probe:')) {
        if (pendingProbe && payload === `probe:${pendingProbe.id}`) pendingProbe.heard();
        return;
      }
      if (payload.startsWith(prefix)) drop(payload.slice(prefix.length));
    };
    // Lost (or back after a loss): whatever changed meanwhile went unheard. Start afresh.
    const onGap = () => {
      if (mine === session) stop();
    };
    void (async () => {
      const [row] = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
      prefix = `${row?.schema ?? 'public'} `;
      const stopThis = await db.listen!(versionsChannel, onMessage, onGap);
      if (mine !== session) return void (await stopThis().catch(() => {}));
      stopListening = stopThis;
      await probe(mine);
      if (mine !== session) return;
      // Loads that began before this point may predate a change nobody heard: none is kept.
      epoch += 1;
      state = 'on';
    })().catch((error: unknown) => {
      if (mine !== session) return;
      failedAt = Date.now();
      stop();
      options.logger?.warn('Versions: cannot listen for changes; every poll reads its version', { error });
    });
  };

  // A notification sent through the pool must come back on the listening connection (behind a
  // pooler in transaction mode LISTEN "succeeds" and hears nothing).
  const probe = async (mine: number) => {
    const id = randomUUID();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const heard = new Promise<void>((resolve, reject) => {
      pendingProbe = { id, heard: resolve };
      timer = setTimeout(() => reject(new Error('LISTEN hears no notifications')), probeTimeoutMs);
    });
    heard.catch(() => {}); // awaited below; a timeout before then is not unhandled
    try {
      if (mine !== session) return;
      await db.query('SELECT pg_notify($1, $2)', [versionsChannel, `probe:${id}`]);
      await heard;
    } finally {
      clearTimeout(timer);
      if (pendingProbe?.id === id) pendingProbe = undefined;
    }
  };

  const checkIdle = () => {
    idleTimer = undefined;
    const quiet = Date.now() - lastReadAt;
    if (quiet >= idleMs) return stop();
    idleTimer = setTimeout(checkIdle, idleMs - quiet);
    idleTimer.unref?.();
  };

  return {
    async read(key, load) {
      lastReadAt = Date.now();
      start();
      if (!idleTimer && state !== 'off') {
        idleTimer = setTimeout(checkIdle, idleMs);
        idleTimer.unref?.();
      }
      if (state === 'on') {
        const known = values.get(key);
        if (known !== undefined) return known;
      }
      const before = epoch;
      const wasOn = state === 'on';
      const version = await load();
      if (wasOn && state === 'on' && epoch === before) {
        values.set(key, version);
        if (values.size > maxKeys) values.delete(values.keys().next().value!);
      }
      return version;
    },
    forget(keys) {
      for (const key of keys) drop(key);
    },
    listening: () => state === 'on',
  };
}

const caches = new WeakMap<object, VersionCache>();

/**
 * The version cache of a database handle: one listening connection per handle, however many apps
 * and routes share it.
 */
export function versionCacheOf(db: Database, options?: VersionCacheOptions): VersionCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createVersionCache(db, options);
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Drops `keys` from `db`'s version cache, if it has one (a writer's handle, after its commit).
 * Inside a transaction `db` is not the handle and nothing happens here: the notification, sent at
 * commit, does it.
 */
export function forgetVersions(db: Queryable, keys: readonly string[]): void {
  caches.get(db)?.forget(keys);
}

import type { Cluster, Redis } from 'ioredis';

/** Lifetimes of the cached answers, in milliseconds. */
export const analyticsCacheTtls = { member: 60_000, leaderboard: 300_000, analytics: 600_000 } as const;

/** Whose writes make a cached answer stale. */
export interface AnalyticsCacheScope {
  memberId?: string | undefined;
  creatorId?: string | undefined;
}

/** Lookups so far (for the health check's hit rate). */
export interface AnalyticsCacheStats {
  /** Where the answers live: this process (`memory`) or shared by every instance (`redis`). */
  store: 'memory' | 'redis';
  /** `hits + misses`. */
  lookups: number;
  hits: number;
  misses: number;
  /** `hits / (hits + misses)`; `null` before any lookup. */
  hitRate: number | null;
  /** Redis commands that failed (the answer was then read from the database). */
  errors: number;
}

/** Where the cached answers live: this process's memory or Redis. */
interface CacheBackend {
  mget(keys: string[]): Promise<Array<string | null>>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  incr(key: string): Promise<void>;
  /** Drops every entry (memory only: invalidations may have been missed). */
  clear?(): void;
}

const maxMemoryEntries = 10_000;

function memoryBackend(nowMs: () => number): CacheBackend {
  const entries = new Map<string, { value: string; expires: number }>();
  return {
    async mget(keys) {
      // One clock read per call: the app clock may be a function of the host's (a Date each time).
      const now = nowMs();
      return keys.map((key) => {
        const entry = entries.get(key);
        if (entry === undefined) return null;
        if (entry.expires > now) return entry.value;
        entries.delete(key);
        return null;
      });
    },
    async set(key, value, ttlMs) {
      // A Map iterates in insertion order: dropping the first entry drops the oldest.
      if (entries.size >= maxMemoryEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expires: nowMs() + ttlMs });
    },
    async incr(key) {
      const current = Number(entries.get(key)?.value ?? 0);
      entries.set(key, { value: String(current + 1), expires: Infinity });
    },
    clear() {
      // Generations restart at 0 too: an old answer's key carries its generation, and those
      // answers are gone with the rest.
      entries.clear();
    },
  };
}

function redisBackend(redis: Redis | Cluster): CacheBackend {
  return {
    // One key per command: on a Cluster the keys of one MGET would have to share a slot.
    mget: (keys) => Promise.all(keys.map((key) => redis.get(key))),
    async set(key, value, ttlMs) {
      await redis.set(key, value, 'PX', ttlMs);
    },
    async incr(key) {
      // A day outlives every cached answer (10 min at most), so a generation that expires and
      // starts again at 0 can never bring an old answer back.
      await redis.multi().incr(key).pexpire(key, 86_400_000).exec();
    },
  };
}

/** Options of {@link createAnalyticsCache}. */
export interface AnalyticsCacheOptions {
  /** Shares the cache between instances; without it, each process has its own. */
  redis?: { client: Redis | Cluster; prefix: string } | undefined;
  /** @default Date.now */
  nowMs?: () => number;
  /**
   * Without Redis: tells the other instances about each invalidation (Postgres NOTIFY, see
   * `referralAnalyticsCacheOf`); they apply it with {@link AnalyticsCache.applyPeerInvalidation}.
   */
  publish?: (generationKey: string) => Promise<unknown>;
}

/**
 * The referral analytics cache. Invalidation bumps a generation per member and per creator that
 * is part of every key (one write, shared through Redis, and no key scans); answers read from the
 * views also carry the views' refresh time in their key, so a refresh invalidates them too.
 * Redis failures degrade to reading the database, never to an error.
 */
export function createAnalyticsCache(options: AnalyticsCacheOptions = {}) {
  const prefix = options.redis ? `${options.redis.prefix}referral-analytics:` : '';
  const backend = options.redis
    ? redisBackend(options.redis.client)
    : memoryBackend(options.nowMs ?? Date.now);
  const counts = { hits: 0, misses: 0, errors: 0 };
  const generationKeys = (scope: AnalyticsCacheScope) => [
    `${prefix}gen:m:${scope.memberId ?? ''}`,
    `${prefix}gen:c:${scope.creatorId ?? ''}`,
  ];

  return {
    /** The cached answer of `name` in `scope`, else `load()`'s (then kept for `ttlMs`). */
    async read<T>(
      scope: AnalyticsCacheScope,
      name: string,
      ttlMs: number,
      load: () => Promise<T>,
    ): Promise<T> {
      return JSON.parse(await this.readJson(scope, name, ttlMs, load)) as T;
    },

    /**
     * {@link read} as the JSON text it is kept as: what a route sends, with no parse and
     * stringify of its own (most of a cached member read's time otherwise).
     */
    async readJson<T>(
      scope: AnalyticsCacheScope,
      name: string,
      ttlMs: number,
      load: () => Promise<T>,
    ): Promise<string> {
      let key: string | undefined;
      try {
        const [member, creator] = await backend.mget(generationKeys(scope));
        // The scope's ids too: a name alone need not be unique across scopes.
        key = `${prefix}${name}|m:${scope.memberId ?? ''}@${member ?? 0}|c:${scope.creatorId ?? ''}@${creator ?? 0}`;
        const [cached] = await backend.mget([key]);
        if (cached !== null && cached !== undefined) {
          counts.hits += 1;
          return cached;
        }
      } catch {
        counts.errors += 1;
      }
      counts.misses += 1;
      const json = JSON.stringify(await load());
      if (key) await backend.set(key, json, ttlMs).catch(() => (counts.errors += 1));
      return json;
    },

    /** Makes every cached answer of the member and of the creator stale. */
    async invalidate(scope: AnalyticsCacheScope): Promise<void> {
      const [member, creator] = generationKeys(scope);
      const keys = [
        scope.memberId === undefined ? undefined : member!,
        scope.creatorId === undefined ? undefined : creator!,
      ].filter((key) => key !== undefined);
      try {
        await Promise.all(keys.map((key) => backend.incr(key)));
      } catch {
        counts.errors += 1;
      }
      if (options.publish) {
        await Promise.all(keys.map((key) => options.publish!(key))).catch(() => (counts.errors += 1));
      }
    },

    /** Another instance invalidated `generationKey`: its answers here are stale too. */
    applyPeerInvalidation(generationKey: string): void {
      if (generationKey.startsWith(`${prefix}gen:`)) void backend.incr(generationKey);
    },

    /** Invalidations may have been missed (the listening connection was lost): forget everything. */
    forgetAll(): void {
      backend.clear?.();
    },

    stats(): AnalyticsCacheStats {
      const lookups = counts.hits + counts.misses;
      return {
        store: options.redis ? 'redis' : 'memory',
        lookups,
        ...counts,
        hitRate: lookups === 0 ? null : counts.hits / lookups,
      };
    },
  };
}

export type AnalyticsCache = ReturnType<typeof createAnalyticsCache>;

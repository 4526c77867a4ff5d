import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { createVersionCache, versionCacheOf } from '../../src/db/versionCache.js';
import { touchBoards } from '../../src/scoring/sqlScoreBoards.js';
import {
  countSellerBoardsChanged,
  readSellerBoardsVersion,
  sellerBoardsVersionKey as sellers,
} from '../../src/sellerBoards/sellerBoardVersions.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * Versions kept in memory while the process hears of every change (issue 13): a cached read runs
 * no query, and no change is missed: one on another instance, one during a load, one while the
 * listening connection was lost.
 */
describe('version cache', () => {
  let test: TestDatabase;
  let other: Database;

  beforeAll(async () => {
    test = await createTestDatabase();
    other = test.openAnother();
  });
  afterAll(() => test.cleanup());

  /** A cache on `db` whose loads are counted, listening once this resolves. */
  async function listeningCache(db: Database = test.db) {
    const cache = createVersionCache(db, { idleMs: 60_000 });
    const loads = { count: 0 };
    const read = () =>
      cache.read(sellers, async () => {
        loads.count += 1;
        return readSellerBoardsVersion(db);
      });
    await read();
    await vi.waitFor(() => expect(cache.listening()).toBe(true));
    return { cache, loads, read };
  }

  it('answers from memory once listening, and hears a change made on another instance', async () => {
    const { loads, read } = await listeningCache();
    const version = await read();
    const loadsBefore = loads.count;
    expect(await read()).toBe(version);
    expect(await read()).toBe(version);
    expect(loads.count).toBe(loadsBefore);

    await countSellerBoardsChanged(other);
    await vi.waitFor(async () => expect(await read()).not.toBe(version));
    expect(await read()).toBe(await readSellerBoardsVersion(test.db));
  });

  it("sees a write through its own handle at once, before the write's notification arrives", async () => {
    // The handle's own cache, which its writers drop keys from.
    const cache = versionCacheOf(test.db);
    const read = () => cache.read(sellers, () => readSellerBoardsVersion(test.db));
    await read();
    await vi.waitFor(() => expect(cache.listening()).toBe(true));
    const version = await read();
    await countSellerBoardsChanged(test.db);
    expect(await read()).not.toBe(version);
  });

  it('does not keep a version loaded while a change happened', async () => {
    const { cache, read } = await listeningCache();
    const before = await read();
    cache.forget([sellers]); // so the next read loads
    // The load reads the old version, then a change commits and is heard before the load ends.
    const stale = await cache.read(sellers, async () => {
      const version = await readSellerBoardsVersion(test.db);
      await countSellerBoardsChanged(other);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return version;
    });
    expect(stale).toBe(before);
    expect(await read()).not.toBe(before);
  });

  it('keeps the points boards apart and drops every board on a profile change', async () => {
    const cache = createVersionCache(test.db, { idleMs: 60_000 });
    const loads: string[] = [];
    const read = (key: string) =>
      cache.read(key, async () => {
        loads.push(key);
        const [row] = await test.db.query<{ v: unknown }>(
          'SELECT version AS v FROM podium_score_board_versions WHERE board = $1',
          [key.slice('points:'.length)],
        );
        return String(row?.v ?? 0);
      });
    await touchBoards(test.db, ['lifetime', 'week:2026-W48'], new Date());
    await read('points:lifetime');
    await vi.waitFor(() => expect(cache.listening()).toBe(true));
    await read('points:lifetime');
    await read('points:week:2026-W48');
    loads.length = 0;

    await touchBoards(other, ['week:2026-W48'], new Date());
    await vi.waitFor(async () => {
      await read('points:week:2026-W48');
      expect(loads).toContain('points:week:2026-W48');
    });
    loads.length = 0;
    await read('points:lifetime');
    expect(loads).toEqual([]);

    // A name shown on every board changed.
    await other.query("INSERT INTO podium_users (id, display_name) VALUES ('someone', 'Someone')");
    await vi.waitFor(async () => {
      await read('points:lifetime');
      expect(loads).toContain('points:lifetime');
    });
  });

  it('loads every read while nothing is heard (a pooler in transaction mode)', async () => {
    // LISTEN "succeeds" and no notification ever arrives, not even the probe.
    const deaf: Database = { ...test.db, listen: async () => async () => {} };
    const cache = createVersionCache(deaf, { idleMs: 60_000 });
    let loads = 0;
    const read = () => cache.read(sellers, async () => ((loads += 1), readSellerBoardsVersion(test.db)));
    await read();
    await new Promise((resolve) => setTimeout(resolve, 3_300)); // past the probe's timeout
    expect(cache.listening()).toBe(false);
    await read();
    await read();
    expect(loads).toBe(3);
  });

  it.runIf(testDatabaseUrl)(
    'loads again when the listening connection is lost, and misses no change made meanwhile',
    async () => {
      const { cache, read } = await listeningCache();
      const before = await read();
      // Every LISTEN connection of this database: others recover the same way.
      await other.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN podium_versions'`,
      );
      await vi.waitFor(() => expect(cache.listening()).toBe(false));
      await countSellerBoardsChanged(other);
      const after = await read();
      expect(after).not.toBe(before);
      // It listens again, and serves from memory once more.
      await vi.waitFor(async () => {
        await read();
        expect(cache.listening()).toBe(true);
      });
      expect(await read()).toBe(await readSellerBoardsVersion(test.db));
    },
  );
});

import { emptyUserStats, statsMetrics, type StatsMetric } from 'podium-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/Database.js';
import { countGreater, createPercentileIndex, statsVersionSql } from '../../src/userStats/percentileIndex.js';
import { deleteSubjectStats, saveSubjectsStats } from '../../src/userStats/userStatsRows.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const now = new Date('2026-01-01T00:00:00Z');

/** Saves subjects whose only activity is `sales` sales (sales_count) each. */
async function saveSellers(db: Database, sellers: Record<string, number>) {
  await saveSubjectsStats(
    db,
    Object.entries(sellers).map(([key, count]) => {
      const stats = emptyUserStats();
      stats.sales.count = count;
      return { subject: { key, userId: null, addresses: [key] }, stats };
    }),
    now,
  );
}

const own = (salesCount: number) =>
  Object.fromEntries(
    statsMetrics.map((metric) => [metric, metric === 'salesCount' ? BigInt(salesCount) : 0n]),
  ) as Record<StatsMetric, bigint>;
const version = async (db: Database) => (await db.query<{ version: string }>(statsVersionSql))[0]!.version;
const address = (n: number) => `0x${String(n).padStart(40, '0')}`;

describe('countGreater', () => {
  it('counts the strictly greater entries of a descending array', () => {
    const values = [9n, 7n, 7n, 3n, 1n];
    expect([10n, 9n, 7n, 5n, 1n, 0n].map((value) => countGreater(values, value))).toEqual([0, 0, 1, 3, 4, 5]);
    expect(countGreater([], 1n)).toBe(0);
  });
});

describe('createPercentileIndex', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.cleanup();
    test = undefined;
  });

  it('ranks with ties among non-zero values, and reloads exactly when the stats change', async () => {
    test = await createTestDatabase();
    const { db } = test;
    await saveSellers(db, { [address(1)]: 10, [address(2)]: 7, [address(3)]: 7, [address(4)]: 0 });
    const index = createPercentileIndex(db);

    const before = await version(db);
    expect((await index.percentiles(own(7), before)).salesCount).toEqual({ rank: 2, of: 3, topPercent: 67 });
    expect((await index.percentiles(own(0), before)).salesCount).toBeNull();
    expect((await index.percentiles(own(7), before)).bidsPlaced).toBeNull();

    // A write bumps the version (trigger); the next read with the new version sees it.
    await saveSellers(db, { [address(5)]: 50 });
    const afterInsert = await version(db);
    expect(BigInt(afterInsert)).toBeGreaterThan(BigInt(before));
    expect((await index.percentiles(own(7), afterInsert)).salesCount).toEqual({
      rank: 3,
      of: 4,
      topPercent: 75,
    });

    await deleteSubjectStats(db, [address(1), address(5)]);
    const afterDelete = await version(db);
    expect((await index.percentiles(own(7), afterDelete)).salesCount).toEqual({
      rank: 1,
      of: 2,
      topPercent: 50,
    });
  });

  it('does not read the table again while the version stays the same', async () => {
    test = await createTestDatabase();
    await saveSellers(test.db, { [address(1)]: 3, [address(2)]: 1 });
    let scans = 0;
    const db = test.db;
    const counting: Database = {
      ...db,
      query: (sql, params) => db.query(sql, params),
      exec: (sql) => db.exec(sql),
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            query: (sql, params) => {
              if (sql.includes('FROM podium_user_stats')) scans += 1;
              return tx.query(sql, params);
            },
            exec: (sql) => tx.exec(sql),
          }),
        ),
      close: async () => {},
    };
    const index = createPercentileIndex(counting);
    const current = await version(db);
    await Promise.all(Array.from({ length: 20 }, () => index.percentiles(own(1), current)));
    expect(scans).toBe(1);
  });
});

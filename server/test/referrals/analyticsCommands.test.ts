import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/Database.js';
import { openDatabase } from '../../src/db/openDatabase.js';
import { migrate } from '../../src/migrate.js';
import { startReferralViewsScheduler } from '../../src/referrals/analytics/referralViewsScheduler.js';
import { runCli, usage } from '../../src/runCli.js';
import { createRecordingLogger } from '../helpers/testApp.js';
import {
  createTestDatabase,
  testDatabaseUrl,
  testRedisUrl,
  type TestDatabase,
} from '../helpers/testDatabase.js';
import { insertConversion, insertCreator, insertMember } from './analyticsFixtures.js';

const at = new Date('2026-11-27T12:00:00.000Z');

describe('referral analytics commands and scheduler', () => {
  let dir: string;
  let postgres: TestDatabase | undefined;
  let env: Record<string, string>;
  const redisPrefix = `podium-test:${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-analytics-cli-'));
    postgres = testDatabaseUrl ? await createTestDatabase() : undefined;
    env = {
      PODIUM_DATA_DIR: join(dir, 'data'),
      DATABASE_URL: postgres?.connectionUrl ?? '',
      REDIS_URL: testRedisUrl ?? '',
      PODIUM_REDIS_PREFIX: redisPrefix,
    };
    const db = await openDatabase(loadConfig(env), createRecordingLogger());
    try {
      await migrate(db);
      await insertCreator(db, 'c1', at);
      await insertCreator(db, 'c2', at);
      await insertMember(db, 'm1', 'c1', 'alice', at);
      await insertConversion(db, {
        creatorId: 'c1',
        memberId: 'm1',
        status: 'approved',
        amount: 9,
        commission: 1,
        at,
      });
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    if (testRedisUrl) {
      const redis = new Redis(testRedisUrl);
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    await postgres?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (command: string) => {
    const logger = createRecordingLogger();
    const progress: string[] = [];
    const result = await runCli([command], env, logger, undefined, {
      progress: { write: (text: string) => progress.push(text), isTTY: false },
    });
    return {
      exitCode: result.exitCode,
      output: logger.entries.map((e) => e.message).join('\n'),
      progress: progress.join(''),
    };
  };

  it('lists the commands in --help', () => {
    for (const name of ['views:refresh', 'views:stats', 'cache:warm']) expect(usage).toContain(name);
  });

  it('views:stats says never refreshed, views:refresh shows progress, then views:stats the figures', async () => {
    expect((await run('views:stats')).output).toContain('podium_referral_member_stats: never refreshed');
    const refresh = await run('views:refresh');
    expect(refresh.exitCode).toBe(0);
    expect(refresh.output).toMatch(/\[1\/3\] podium_referral_member_stats: refreshing…/);
    expect(refresh.output).toMatch(/\[1\/3\] podium_referral_member_stats: 1 rows in \d+ ms/);
    expect(refresh.output).toMatch(/\[2\/3\] podium_referral_creator_analytics: 2 rows in \d+ ms/);
    expect(refresh.output).toMatch(/Referral views refreshed in \d+ ms\./);
    const stats = await run('views:stats');
    expect(stats.output).toMatch(
      /podium_referral_creator_analytics: 2 rows, refreshed \S+Z in \d+ ms, \d+s ago/,
    );
  });

  it('cache:warm reports members, creators and boards with progress', async () => {
    const warm = await run('cache:warm');
    expect(warm.exitCode).toBe(0);
    expect(warm.output).toMatch(/Analytics cache warmed in \d+ ms: 1 members, 2 creators, 6 boards\./);
    expect(warm.progress).toContain('2/2 creators');
    if (testRedisUrl) {
      const redis = new Redis(testRedisUrl);
      try {
        expect((await redis.keys(`${redisPrefix}referral-analytics:*`)).length).toBe(9);
      } finally {
        redis.disconnect();
      }
    }
  });

  it('the scheduler never overlaps its refreshes and stops after the one in progress', async () => {
    const test = await createTestDatabase();
    let active = 0;
    let most = 0;
    let started = 0;
    // The real database, with each refresh transaction slowed down so ticks find it running.
    const slow: Database = {
      ...test.db,
      transaction: async (fn) => {
        active += 1;
        started += 1;
        most = Math.max(most, active);
        try {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return await test.db.transaction(fn);
        } finally {
          active -= 1;
        }
      },
    };
    const work = startReferralViewsScheduler({
      db: slow,
      logger: createRecordingLogger(),
      intervalMs: 5,
      firstDelayMs: 0,
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
    } finally {
      await work.stop();
    }
    expect(active).toBe(0);
    expect(most).toBe(1);
    expect(started).toBeGreaterThanOrEqual(3);
    const after = started;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toBe(after);
    await test.cleanup();
  });
});

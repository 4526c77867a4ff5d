import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  errorBodySchema,
  healthResponseSchema,
  leaderboardResponseSchema,
  tieModes,
  userScoreSchema,
  type LeaderboardResponse,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../src/demo/demoUsers.js';
import { createRedisClient } from '../../src/redis.js';
import { createRedisScoreBoards } from '../../src/scoring/redisScoreBoards.js';
import { rebuildRedisScoreBoards } from '../../src/scoring/rebuildRedisScoreBoards.js';
import { startTcpProxy, type TcpProxy } from '../faults/tcpProxy.js';
import { createRecordingLogger, createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../helpers/testDatabase.js';
import { scoresApiKey as apiKey, scoresClient, sendConcurrentBurst } from './scoringFixtures.js';

/**
 * The Redis projection against the SQL one: the same events sent to an app on SQL boards and to
 * an app on Redis boards (through a TCP proxy, so Redis can be cut) must answer the same boards
 * in every tie mode. Runs whenever REDIS_URL is set (CI's Postgres + Redis suite) and then fails,
 * never skips, when that Redis cannot be reached. Keys live under a prefix of their own.
 */
describe.runIf(testRedisUrl)('points boards in Redis', () => {
  const prefix = `podium-test:${randomBytes(6).toString('hex')}:`;
  const clock = new Date('2026-11-27T12:00:00.000Z');
  let sqlTest: TestDatabase;
  let redisTest: TestDatabase;
  let proxy: TcpProxy;
  let redis: Redis;
  let admin: Redis;
  let sql: ReturnType<typeof scoresClient>;
  let viaRedis: ReturnType<typeof scoresClient>;

  beforeAll(async () => {
    sqlTest = await createTestDatabase();
    redisTest = await createTestDatabase();
    const target = new URL(testRedisUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const url = new URL(testRedisUrl!);
    url.host = `127.0.0.1:${proxy.port}`;
    redis = createRedisClient(url.toString(), createRecordingLogger());
    admin = createRedisClient(testRedisUrl!, createRecordingLogger());
    sql = scoresClient(createTestApp(sqlTest.db, { apiKey, now: () => clock }).app);
    viaRedis = scoresClient(
      createTestApp(redisTest.db, { apiKey, now: () => clock, scoring: { redis: { client: redis, prefix } } })
        .app,
    );
  });
  afterAll(async () => {
    const keys = await admin.keys(`*${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    redis.disconnect();
    admin.disconnect();
    await proxy.close();
    await sqlTest.cleanup();
    await redisTest.cleanup();
  });

  const both = async (body: unknown) => {
    const [a, b] = [await sql.record(body), await viaRedis.record(body)];
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await b.json()).toEqual(await a.json());
  };
  const board = async (client: ReturnType<typeof scoresClient>, query: string) =>
    leaderboardResponseSchema.parse(await client.json(client.get(`/scores/leaderboard?${query}`)));
  const comparable = (response: LeaderboardResponse) => ({ ...response, updatedAt: null });

  it('answers the same boards as SQL in every tie mode, page and around', async () => {
    // Ties on purpose: several users on 10 points (one copy trade each), reached at different times.
    const events = [];
    for (let i = 0; i < 12; i++) {
      events.push({
        eventId: `t${i}`,
        userId: `user-${String.fromCharCode(97 + ((i * 5) % 12))}`,
        action: i % 3 === 0 ? 'STAKE_SSE' : 'COPY_TRADE',
        occurredAt: new Date(clock.getTime() - (12 - i) * 3_600_000).toISOString(),
        metadata: i % 3 === 0 ? { amount: 20_000 } : { success: true },
      });
    }
    await both({ events });
    await both({ eventId: 'extra', userId: 'user-a', action: 'COPY_TRADE', metadata: { success: true } });
    for (const ties of tieModes) {
      for (const query of [
        `ties=${ties}`,
        `ties=${ties}&limit=3&offset=2`,
        `ties=${ties}&limit=3&around=user-f`,
        `ties=${ties}&timeframe=daily&category=copying`,
      ]) {
        expect(comparable(await board(viaRedis, query))).toEqual(comparable(await board(sql, query)));
      }
    }
    const [a, b] = [
      userScoreSchema.parse(await sql.json(sql.get('/scores/user-a'))),
      userScoreSchema.parse(await viaRedis.json(viaRedis.get('/scores/user-a'))),
    ];
    expect({ ...b, rankHistory: [] }).toEqual({ ...a, rankHistory: [] });
  });

  it('counts a burst of concurrent events with replays exactly, like SQL', async () => {
    const handles = [redisTest.openAnother(), redisTest.openAnother(), redisTest.openAnother()];
    const clients = handles.map((db) =>
      scoresClient(
        createTestApp(db, { apiKey, now: () => clock, scoring: { redis: { client: redis, prefix } } }).app,
      ),
    );
    const burst = { distinct: 300, duplicates: 100, now: clock, prefix: 'rburst' };
    expect(await sendConcurrentBurst(clients, burst)).toEqual({ scored: 300, replayed: 100 });
    expect(await sendConcurrentBurst([sql], burst)).toEqual({ scored: 300, replayed: 100 });
    for (const query of [
      'ties=standard&limit=100',
      'ties=dense&timeframe=daily&category=referral',
      'ties=first-reached&limit=5&around=rburst-u3',
    ]) {
      expect(comparable(await board(viaRedis, query))).toEqual(comparable(await board(sql, query)));
    }
  }, 120_000);

  it('expires old days in Redis and answers them from the ledger, like SQL', async () => {
    const day = clock.toISOString().slice(0, 10);
    const ttl = await admin.pttl(`{${prefix}b:day:${day}}`);
    // Kept 35 days after the day ends (an absolute instant: the TTL Redis reports counts from
    // the real clock, not the test's); months and lifetime never expire.
    const dayEnd = Date.parse(`${day}T00:00:00.000Z`) + 86_400_000;
    expect(Math.abs(ttl - (dayEnd + 35 * 86_400_000 - Date.now()))).toBeLessThan(60_000);
    expect(await admin.pttl(`{${prefix}b:lifetime}`)).toBe(-1);
    const later = new Date(clock.getTime() + 40 * 86_400_000);
    const laterSql = scoresClient(createTestApp(sqlTest.db, { apiKey, now: () => later }).app);
    const laterRedis = scoresClient(
      createTestApp(redisTest.db, { apiKey, now: () => later, scoring: { redis: { client: redis, prefix } } })
        .app,
    );
    for (const ties of tieModes) {
      const query = `timeframe=daily&period=${day}&ties=${ties}&limit=4&around=user-f`;
      expect(comparable(await board(laterRedis, query))).toEqual(comparable(await board(laterSql, query)));
    }
  });

  it('keeps writing while Redis is away, answers boards 503 and scores from the ledger, then catches up', async () => {
    await proxy.cut();
    const response = await viaRedis.record({
      eventId: 'down-1',
      userId: 'user-z',
      action: 'REFERRAL_SIGNUP',
    });
    expect(response.status).toBe(200);
    await sql.record({ eventId: 'down-1', userId: 'user-z', action: 'REFERRAL_SIGNUP' });
    const unavailable = await viaRedis.get('/scores/leaderboard');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBeTruthy();
    expect(errorBodySchema.parse(await unavailable.json()).error.code).toBe('service_unavailable');
    const score = userScoreSchema.parse(await viaRedis.json(viaRedis.get('/scores/user-z')));
    expect(score).toMatchObject({ score: 100, rank: null, source: 'ledger' });

    await proxy.restore();
    // The next write drains the queue (the server's background does it without one).
    const boards = createRedisScoreBoards({
      db: redisTest.db,
      redis,
      prefix,
      logger: createRecordingLogger(),
    });
    for (let i = 0; i < 50 && (await boards.backlog()) > 0; i++) {
      await boards.drain().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await boards.backlog()).toBe(0);
    expect(comparable(await board(viaRedis, 'ties=standard'))).toEqual(
      comparable(await board(sql, 'ties=standard')),
    );
  });

  it('says warn on health while board changes wait for Redis over a minute, pass once they are applied', async () => {
    const own = await createTestDatabase();
    try {
      let now = new Date(clock);
      const api = scoresClient(
        createTestApp(own.db, {
          apiKey,
          now: () => now,
          scoring: { redis: { client: redis, prefix: `${prefix}health:` } },
        }).app,
      );
      const health = async () => healthResponseSchema.parse(await (await api.send('GET', '/health')).json());
      await proxy.cut();
      expect((await api.record({ eventId: 'h-1', userId: 'user-h', action: 'REFERRAL_SIGNUP' })).status).toBe(
        200,
      );
      // Just written: the drainer may yet catch up.
      expect((await health()).checks['scores:outboxBacklog']?.[0]?.status).toBe('pass');
      now = new Date(now.getTime() + 90_000);
      const late = await health();
      expect(late.status).toBe('warn');
      expect(late.checks['scores:outboxBacklog']?.[0]).toMatchObject({
        status: 'warn',
        output: '1 board change waiting for Redis, the oldest for 90 s',
      });
      await proxy.restore();
      const boards = createRedisScoreBoards({
        db: own.db,
        redis,
        prefix: `${prefix}health:`,
        logger: createRecordingLogger(),
      });
      for (let i = 0; i < 50 && (await boards.backlog()) > 0; i++) {
        await boards.drain().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const after = await health();
      expect(after.status).toBe('pass');
    } finally {
      await proxy.restore();
      await own.cleanup();
    }
  });

  it('rebuilds Redis from the ledger, saying whether it had drifted, and loses no queued change', async () => {
    const boards = createRedisScoreBoards({
      db: redisTest.db,
      redis,
      prefix,
      logger: createRecordingLogger(),
    });
    await boards.drain();
    expect((await rebuildRedisScoreBoards(redisTest.db, redis, prefix)).membersChanged).toBe(0);
    // Drift: a member's score edited behind Podium's back, one removed, a change still queued.
    await admin.zincrby(`{${prefix}b:lifetime}`, 7, 'user-a');
    await admin.zrem(`{${prefix}b:lifetime}`, 'user-b');
    await proxy.cut();
    await viaRedis.record({ eventId: 'queued-1', userId: 'user-c', action: 'REFERRAL_SIGNUP' });
    await sql.record({ eventId: 'queued-1', userId: 'user-c', action: 'REFERRAL_SIGNUP' });
    await proxy.restore();
    const result = await rebuildRedisScoreBoards(redisTest.db, redis, prefix);
    expect(result.membersChanged).toBeGreaterThanOrEqual(2);
    expect(await boards.backlog()).toBe(0);
    // The queued change is in the rebuilt boards once, and draining again adds nothing.
    await boards.drain();
    for (const query of ['ties=standard', 'timeframe=daily&category=referral']) {
      expect(comparable(await board(viaRedis, query))).toEqual(comparable(await board(sql, query)));
    }
    expect((await rebuildRedisScoreBoards(redisTest.db, redis, prefix)).membersChanged).toBe(0);
  });

  it('announces the same top-10 entries as the SQL boards (webhooks)', async () => {
    const webhook = { url: 'http://127.0.0.1:9/unused', secret: 'whsec-test-0123456789abcdef' };
    const sqlDb = await createTestDatabase();
    const redisDb = await createTestDatabase();
    try {
      const apps = [
        scoresClient(createTestApp(sqlDb.db, { apiKey, now: () => clock, scoring: { webhook } }).app),
        scoresClient(
          createTestApp(redisDb.db, {
            apiKey,
            now: () => clock,
            scoring: { webhook, redis: { client: redis, prefix: `${prefix}announce:` } },
          }).app,
        ),
      ];
      // Fourteen users climbing in turns: some enter the top 10, some are pushed out and come back.
      for (let turn = 0; turn < 4; turn++) {
        for (let user = 0; user < 14; user++) {
          if ((user + turn) % 3 === 0) continue;
          const event = {
            eventId: `top-${turn}-${user}`,
            userId: `climber-${user}`,
            action: user % 2 === 0 ? 'REFERRAL_TRADE' : 'REFERRAL_SIGNUP',
          };
          for (const api of apps) expect((await api.record(event)).status).toBe(200);
        }
      }
      const announced = async (db: TestDatabase['db']) =>
        (
          await db.query<{ body: unknown }>(
            "SELECT body FROM podium_webhook_deliveries WHERE type = 'leaderboard.rank_changed'",
          )
        )
          .map((row) => {
            const body = (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as {
              data: unknown;
            };
            return JSON.stringify(body.data);
          })
          .sort();
      const fromSql = await announced(sqlDb.db);
      expect(fromSql.length).toBeGreaterThan(10);
      expect(await announced(redisDb.db)).toEqual(fromSql);
    } finally {
      await sqlDb.cleanup();
      await redisDb.cleanup();
    }
  });

  it("puts the demo page's recorded actions on the Redis boards too", async () => {
    const own = await createTestDatabase();
    try {
      const ownPrefix = `${prefix}demo:`;
      const { app } = createTestApp(own.db, {
        now: () => clock,
        demo: { users: demoUsers },
        scoring: { redis: { client: redis, prefix: ownPrefix } },
      });
      const response = await app.request(`/api/demo/score-action?kind=stake&user=${demoUsers[0]!.id}`, {
        method: 'POST',
      });
      expect(response.status).toBe(200);
      const { points } = (await response.json()) as { points: number };
      expect(points).toBeGreaterThan(0);
      const boards = createRedisScoreBoards({
        db: own.db,
        redis,
        prefix: ownPrefix,
        logger: createRecordingLogger(),
      });
      expect(await boards.standing('lifetime', demoUsers[0]!.id)).toEqual({
        value: points,
        rank: 1,
        ranked: 1,
      });
      expect(await boards.backlog()).toBe(0);
    } finally {
      await own.cleanup();
    }
  });

  it("applies and reads a tie group larger than the scripts' chunks in board order", async () => {
    const boards = createRedisScoreBoards({
      db: redisTest.db,
      redis,
      prefix,
      logger: createRecordingLogger(),
    });
    // 1,200 members on one score in one outbox row: the scripts work in chunks of 500 and 1,000.
    const base = Date.parse(clock.toISOString());
    const members = Array.from({ length: 1200 }, (_, i) => ({
      member: `tie-${String(i).padStart(4, '0')}`,
      at: base - ((i * 7919) % 1200) * 1000,
    }));
    await redisTest.db.query('INSERT INTO podium_score_outbox (deltas, created_at) VALUES ($1, now())', [
      JSON.stringify(members.map((m) => ['ties-board', m.member, 5, m.at])),
    ]);
    expect(await boards.drain()).toBe(1);
    const expected = [...members].sort((a, b) => a.at - b.at).map((m) => m.member);
    const page = await boards.page({ key: 'ties-board', ties: 'first-reached', limit: 10, offset: 995 });
    expect(page.total).toBe(1200);
    expect(page.entries.map((e) => e.userId)).toEqual(expected.slice(995, 1005));
    expect(page.entries.map((e) => e.rank)).toEqual(Array.from({ length: 10 }, (_, i) => 996 + i));
    const standard = await boards.page({
      key: 'ties-board',
      ties: 'standard',
      limit: 3,
      offset: 0,
      around: expected[700]!,
    });
    expect(standard.around).toEqual({ userId: expected[700], rank: 1, value: 5 });
    expect(await boards.standing('ties-board', expected[1199]!)).toEqual({ value: 5, rank: 1, ranked: 1200 });
    expect(await admin.hlen(`{${prefix}b:ties-board}:at`)).toBe(1200);
  });

  it('applies an outbox row once, even when it is applied again after a crash', async () => {
    const boards = createRedisScoreBoards({
      db: redisTest.db,
      redis,
      prefix,
      logger: createRecordingLogger(),
    });
    await viaRedis.record({ eventId: 'once-1', userId: 'user-y', action: 'REFERRAL_TRADE' });
    const before = await boards.standing('lifetime', 'user-y');
    // A write whose outbox row reaches Redis, then the drainer dies before its delete commits.
    const add = { deltas: [['lifetime', 'user-y', 25, Date.parse(clock.toISOString())]] };
    await redisTest.db.query('INSERT INTO podium_score_outbox (deltas, created_at) VALUES ($1, now())', [
      JSON.stringify(add.deltas),
    ]);
    const crashing: typeof redisTest.db = {
      ...redisTest.db,
      transaction: (fn) =>
        redisTest.db.transaction((tx) =>
          fn({
            query: (sql, params) =>
              sql.startsWith('DELETE FROM podium_score_outbox')
                ? Promise.reject(new Error('connection lost'))
                : tx.query(sql, params),
            exec: (sql: string) => tx.exec(sql),
          } as typeof tx),
        ),
    };
    const dying = createRedisScoreBoards({ db: crashing, redis, prefix, logger: createRecordingLogger() });
    await expect(dying.drain()).rejects.toThrow('connection lost');
    expect(await boards.backlog()).toBe(1);
    const applied = await boards.standing('lifetime', 'user-y');
    expect(applied.value).toBe(before.value + 25);
    // The next drain finds the row again: it is deleted, and counted once.
    expect(await boards.drain()).toBe(1);
    expect(await boards.backlog()).toBe(0);
    expect(await boards.standing('lifetime', 'user-y')).toEqual(applied);
    // Its mark is gone with it (nothing piles up per row).
    expect(await admin.hlen(`{${prefix}b:lifetime}:rows`)).toBe(0);
  });
});

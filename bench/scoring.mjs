#!/usr/bin/env node
// `npm run bench:scoring`: what points cost to write and to read (issue 11).
//
//  1. Ingest, ledger included, in batches of 1,000 events of 10,000 users (each event touches 10
//     board rows: lifetime, day, ISO week, month, trending, and the same per category): on PGlite
//     and Postgres with the SQL boards, and on Postgres with the boards in Redis (outbox, then the
//     drain), by one writer and by two concurrent ones. Beside them, the Redis limit: a raw pipelined ioredis client doing the same ten
//     ZINCRBY per event, with no ledger.
//  2. The HTTP batch endpoint: POST /api/scores/actions with 1,000 events a request.
//  3. Reads at --members (1,000,000) users on one board: the top-100 page and one user's rank,
//     through the store (Redis: page() and standing(); SQL: the ranked page and standing) against
//     raw ZREVRANGE / ZREVRANK (Redis) and an index-order LIMIT 100 (SQL).
// Prints figures; never fails on speed. Needs Postgres and Redis for their rows (skipped if away).
//
//   npm run bench:scoring
//   npm run bench:scoring -- --events=5000 --members=100000 --no-postgres
import { serve } from '@hono/node-server';
import { Redis } from 'ioredis';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchDatabases, loadServerModule, parseFlags } from './shared.mjs';

const args = parseFlags(process.argv.slice(2));
const totalEvents = Number(args.events ?? 20_000);
const members = Number(args.members ?? 1_000_000);
const log = (line) => process.stdout.write(`${line}\n`);
const n = (value) => Math.round(value).toLocaleString('en-US');
const ms = (value) => `${value < 10 ? value.toFixed(2) : n(value)} ms`;
const now = new Date();
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const server = await loadServerModule('../server/src/index.ts');
const core = await loadServerModule('../src/index.ts');
const { ingestScoreEvents, requestHashOf } = await loadServerModule(
  '../server/src/scoring/ingestScoreEvents.ts',
);
const { applySqlBoardDeltas, readSqlBoardPage, readSqlStanding } = await loadServerModule(
  '../server/src/scoring/sqlScoreBoards.ts',
);
const { createRedisScoreBoards, writeScoreOutbox } = await loadServerModule(
  '../server/src/scoring/redisScoreBoards.ts',
);

log(
  `Scoring bench: ${n(totalEvents)} events in batches of 1,000, ${n(members)} members for reads, Node ${process.version}, ${os.cpus().length} CPUs`,
);

function events(prefix) {
  const out = [];
  for (let i = 0; i < totalEvents; i++) {
    const sent = {
      eventId: `${prefix}-${i}`,
      userId: `user-${(i * 7919) % 10_000}`,
      action: i % 3 === 0 ? 'COPY_TRADE' : 'STAKE_SSE',
      metadata:
        i % 3 === 0 ? { success: true, delayMs: i % 7000 } : { amount: (i % 7) * 20_000, days: i % 400 },
    };
    const rule = core.defaultScoringRules.actions[sent.action];
    out.push({
      ...sent,
      occurredAt: new Date(now.getTime() - (i % 72) * 3_600_000),
      category: rule.category,
      requestHash: requestHashOf(sent),
    });
  }
  return out;
}

async function redisOrNull() {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    log('  Redis: skipped (not reachable; set REDIS_URL)');
    redis.disconnect();
    return null;
  }
}

const rules = {
  ...core.defaultScoringRules,
  limits: { maxPointsPerEvent: 1e6, maxPointsPerUserPerDay: 1e9, maxEventsPerUserPerMinute: 1e9 },
};
const results = [];
const redis = await redisOrNull();
const prefix = `podium-bench:${process.pid}:`;

for (const target of await benchDatabases(server, { noPostgres: args['no-postgres'] === 'true', log })) {
  const modes = [{ name: 'SQL boards', redis: false, writers: 1 }];
  if (redis && target.name === 'Postgres') {
    modes.push({ name: 'Redis boards', redis: true, writers: 1 });
    // As a server sees concurrent hosts: while one request drains to Redis, the next one writes
    // its ledger rows (the users overlap, so their row locks serialize part of the work).
    modes.push({ name: 'Redis boards, 2 concurrent writers', redis: true, writers: 2 });
  }
  for (const mode of modes) {
    const { db, drop } = await target.open();
    try {
      await server.migrate(db, { logger: server.silentLogger });
      const batch = events(mode.name);
      const boards = mode.redis
        ? createRedisScoreBoards({
            db,
            redis,
            prefix: `${prefix}${modes.indexOf(mode)}:`,
            logger: server.silentLogger,
          })
        : undefined;
      const sink = mode.redis
        ? { inTransaction: (tx, deltas) => writeScoreOutbox(tx, deltas, now) }
        : { inTransaction: applySqlBoardDeltas };
      const started = performance.now();
      await Promise.all(
        Array.from({ length: mode.writers }, async (_, writer) => {
          for (let i = writer * 1000; i < batch.length; i += 1000 * mode.writers) {
            await ingestScoreEvents(db, rules, batch.slice(i, i + 1000), now, sink);
            if (boards) await boards.drain();
          }
        }),
      );
      // A drain that found another one running left its rows to it or to the next: finish them.
      if (boards) await boards.drain();
      const seconds = (performance.now() - started) / 1000;
      results.push({
        row: `ingest, ${target.name}, ${mode.name}`,
        value: `${n(totalEvents / seconds)} events/s`,
      });
      log(`  ${target.name}, ${mode.name}: ${n(totalEvents / seconds)} events/s`);

      if (!mode.redis) {
        // The HTTP batch endpoint on the same database.
        const app = server.createApp({
          db,
          apiKey: 'bench-key',
          rateLimits: false,
          logger: server.silentLogger,
          scoring: { rules },
        });
        const listener = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
        await new Promise((resolve) => listener.once('listening', resolve));
        const url = `http://127.0.0.1:${listener.address().port}/api/scores/actions`;
        const httpEvents = events('http').map(({ eventId, userId, action, metadata }) => ({
          eventId,
          userId,
          action,
          metadata,
        }));
        const t0 = performance.now();
        for (let i = 0; i < httpEvents.length; i += 1000) {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': 'bench-key' },
            body: JSON.stringify({ events: httpEvents.slice(i, i + 1000) }),
          });
          if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
        }
        const httpSeconds = (performance.now() - t0) / 1000;
        results.push({
          row: `POST /scores/actions (1,000 a request), ${target.name}`,
          value: `${n(totalEvents / httpSeconds)} events/s`,
        });
        log(`  HTTP batch, ${target.name}: ${n(totalEvents / httpSeconds)} events/s`);
        await new Promise((resolve) => listener.close(resolve));

        // Reads at `members` users on one SQL board.
        await db.query(
          `INSERT INTO podium_score_boards (board, user_id, value, reached_at)
           SELECT 'bench', 'm' || g, (g::bigint * 7919) % 100000, now() - (g % 1000) * interval '1 minute' FROM generate_series(1, $1) g`,
          [members],
        );
        // As autovacuum would have: index-only scans need the visibility map.
        await db.query('VACUUM ANALYZE podium_score_boards');
        const median = async (fn, runs = 15) => {
          const times = [];
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            await fn();
            times.push(performance.now() - t);
          }
          return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
        };
        const limit = await median(() =>
          db.query(
            `SELECT user_id, value FROM podium_score_boards WHERE board = 'bench' ORDER BY value DESC, reached_at, user_id COLLATE "C" LIMIT 100`,
          ),
        );
        const page = await median(() =>
          readSqlBoardPage(db, { key: 'bench', ties: 'standard', limit: 100, offset: 0 }),
        );
        const rank = await median(() => readSqlStanding(db, 'bench', `m${Math.floor(members / 2)}`));
        results.push({
          row: `top 100 of ${n(members)}, ${target.name} SQL: page / index-order LIMIT 100`,
          value: `${ms(page)} / ${ms(limit)} (${(page / limit).toFixed(1)}×)`,
        });
        results.push({ row: `one user's rank of ${n(members)}, ${target.name} SQL`, value: ms(rank) });
        log(`  reads, ${target.name}: page ${ms(page)}, LIMIT 100 ${ms(limit)}, rank ${ms(rank)}`);
      }
    } finally {
      await db.close();
      await drop();
    }
  }
}

if (redis) {
  // The Redis limit for the same key updates: ten ZINCRBY per event, pipelined per 1,000.
  const keys = [
    'lifetime',
    'day:a',
    'week:a',
    'month:a',
    'trending',
    'cat:x:lifetime',
    'cat:x:day:a',
    'cat:x:week:a',
    'cat:x:month:a',
    'cat:x:trending',
  ].map((k) => `{${prefix}raw:${k}}`);
  const started = performance.now();
  for (let i = 0; i < totalEvents; i += 1000) {
    const pipeline = redis.pipeline();
    for (let j = i; j < i + 1000; j++)
      for (const key of keys) pipeline.zincrby(key, 10, `user-${(j * 7919) % 10_000}`);
    await pipeline.exec();
  }
  const seconds = (performance.now() - started) / 1000;
  results.push({
    row: 'raw pipelined ioredis, same 10 ZINCRBY per event (no ledger)',
    value: `${n(totalEvents / seconds)} events/s`,
  });

  // Reads at `members` on one Redis board: the store against raw commands.
  const boards = createRedisScoreBoards({
    db: { query: async () => [] },
    redis,
    prefix,
    logger: server.silentLogger,
  });
  const key = `{${prefix}b:bench}`;
  for (let i = 0; i < members; i += 10_000) {
    const pipeline = redis.pipeline();
    for (let j = i; j < Math.min(members, i + 10_000); j++) {
      pipeline.zadd(key, (j * 7919) % 100_000, `m${j}`);
      pipeline.hset(`${key}:at`, `m${j}`, j % 1000);
    }
    await pipeline.exec();
  }
  const median = async (fn, runs = 31) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  };
  const raw = await median(() => redis.zrevrange(key, 0, 99, 'WITHSCORES'));
  const page = await median(() => boards.page({ key: 'bench', ties: 'standard', limit: 100, offset: 0 }));
  const rawRank = await median(() => redis.zrevrank(key, `m${Math.floor(members / 2)}`));
  const rank = await median(() => boards.standing('bench', `m${Math.floor(members / 2)}`));
  results.push({
    row: `top 100 of ${n(members)}, Redis: page() / raw ZREVRANGE`,
    value: `${ms(page)} / ${ms(raw)} (${(page / raw).toFixed(1)}×)`,
  });
  results.push({
    row: `one user's rank of ${n(members)}, Redis: standing() / raw ZREVRANK`,
    value: `${ms(rank)} / ${ms(rawRank)} (${(rank / rawRank).toFixed(1)}×)`,
  });
  const leftovers = await redis.keys(`*${prefix}*`);
  for (let i = 0; i < leftovers.length; i += 500) await redis.del(...leftovers.slice(i, i + 500));
  redis.disconnect();
}

log('\nResults');
for (const { row, value } of results) log(`  ${row.padEnd(78)} ${value}`);

// One benchmark target, in its own process so the load generator (bench/run.mjs) and the server
// do not share an event loop. Started by run.mjs with an IPC channel:
//   BENCH_TARGET=hello | pglite | postgres   (+ BENCH_DATABASE_URL, BENCH_SCHEMA for postgres)
// It listens on a free loopback port, sends { type: 'ready', port, ... } and closes everything when
// it receives { type: 'stop' } or loses its parent.
import { serve } from '@hono/node-server';
import { performance } from 'node:perf_hooks';
import { Hono } from 'hono';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { benchJwtSecret, benchNow, benchSeed, benchStatsSeed, updateJobId } from './config.mjs';

/** Limits no load generator reaches (see podiumApp). */
const unlimitedRules = Object.fromEntries(
  ['public', 'failedAuth', 'user', 'apiKey'].map((family) => [family, { limit: 1e9, windowSeconds: 60 }]),
);

const target = process.env.BENCH_TARGET;
const started = performance.now();
let closeTarget = async () => {};

try {
  const { fetch: appFetch, info } = target === 'hello' ? helloApp() : await podiumApp(target);
  // Counted so that stopping waits for the handlers still running: when the load generator ends
  // a run it drops its connections, but their handlers go on and must not find the database
  // closed under them.
  let inFlight = 0;
  const countedFetch = async (...args) => {
    inFlight += 1;
    try {
      return await appFetch(...args);
    } finally {
      inFlight -= 1;
    }
  };
  const server = serve({ fetch: countedFetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const previousClose = closeTarget;
  closeTarget = async () => {
    await new Promise((resolve) => {
      server.close(() => resolve());
      // Keep-alive connections from the load generator would hold close() open.
      server.closeAllConnections();
    });
    const deadline = Date.now() + 5_000;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await previousClose();
  };
  process.send({
    type: 'ready',
    port: server.address().port,
    startMs: Math.round(performance.now() - started),
    ...info,
  });
} catch (error) {
  console.error(`bench server (${target}) could not start:`, error);
  await closeTarget().catch(() => {});
  process.exit(1);
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await closeTarget();
    process.exit(0);
  } catch (error) {
    console.error(`bench server (${target}) did not close cleanly:`, error);
    process.exit(1);
  }
}
process.on('message', (message) => message?.type === 'stop' && stop());
process.on('disconnect', stop);

/** The baseline: the smallest Hono app, served exactly like the Podium app. */
function helloApp() {
  const app = new Hono();
  app.get('/hello', (c) => c.text('hello'));
  return { fetch: app.fetch, info: {} };
}

async function podiumApp(kind) {
  // The server's source through tsx (with its tsconfig, which maps podium-kit/core to src/), so the
  // benchmark always measures the working tree without a build step.
  const server = await tsImport('../server/src/index.ts', {
    parentURL: import.meta.url,
    tsconfig: new URL('../server/tsconfig.json', import.meta.url).pathname,
  });
  const { createSeededRandom } = await tsImport('../src/shared/random.ts', import.meta.url);

  let db;
  if (kind === 'pglite') {
    // In memory: measures the engine, not this machine's disk.
    db = await server.createPgliteDatabase();
  } else if (kind === 'postgres') {
    const url = process.env.BENCH_DATABASE_URL;
    const schema = process.env.BENCH_SCHEMA;
    // run.mjs drops the schema after this process exits, whatever happens here.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
    } finally {
      await admin.end();
    }
    db = server.createPostgresDatabase({ url, schema, logger: server.consoleLogger });
  } else {
    throw new Error(`Unknown BENCH_TARGET "${kind}"`);
  }
  closeTarget = () => db.close();

  const migrateStart = performance.now();
  await server.migrate(db, { logger: server.silentLogger });
  const migrateMs = Math.round(performance.now() - migrateStart);

  const seedStart = performance.now();
  const rows = await seedBenchData(db, createSeededRandom(benchSeed.seed));
  const seedMs = Math.round(performance.now() - seedStart);

  const statsStart = performance.now();
  const statsIdentifiers = await seedBenchStats(db);
  const statsSeedMs = Math.round(performance.now() - statsStart);

  const app = server.createApp({
    db,
    jwtSecret: benchJwtSecret,
    // A fixed clock: the seeded data, the tokens and the queried range all sit around it.
    now: () => new Date(benchNow),
    logger: limitedLogger(server.consoleLogger, 5),
    // The rate limiter runs (its cost is part of every figure) but never refuses: the load
    // generator is one client sending far more than any real one. BENCH_RATE_LIMITS=off leaves
    // it out, to measure what it costs.
    rateLimits: process.env.BENCH_RATE_LIMITS === 'off' ? false : { rules: unlimitedRules },
  });
  return { fetch: app.fetch, info: { rows, migrateMs, seedMs, statsSeedMs, statsIdentifiers } };
}

/**
 * `benchSeed.users` users with `jobsPerUser` jobs each over `days` days ending at `benchNow`
 * (deterministic), plus each user's pool of `processing` jobs for the PATCH update scenario.
 * Inserted in bulk with one statement per user (unnest of arrays) rather than through the
 * store: the data only has to be realistic, and seeding must take seconds, not minutes. The
 * table's CHECK constraints still hold every row to the store's rules.
 */
async function seedBenchData(db, random) {
  const { users, jobsPerUser, days, updatePoolPerUser } = benchSeed;
  const end = Date.parse(benchNow);
  const span = days * 86_400_000;
  let total = 0;
  for (const user of users) {
    const columns = Array.from({ length: 9 }, () => []);
    const add = (...values) => values.forEach((value, i) => columns[i].push(value));
    for (let n = 0; n < jobsPerUser; n += 1) {
      const createdAt = end - Math.floor(random.next() * span);
      const age = end - createdAt;
      const requested = random.int(1, 200);
      const finishedAt = Math.min(createdAt + random.int(30_000, 7_200_000), end);
      let status;
      if (age < 3_600_000) status = random.next() < 0.5 ? 'pending' : 'processing';
      else if (age < 86_400_000 && random.next() < 0.3) status = 'processing';
      else status = random.next() < 0.85 ? 'completed' : 'failed';
      const failed =
        status === 'failed'
          ? random.int(1, requested)
          : status === 'completed'
            ? random.int(0, requested >> 3)
            : 0;
      const successful =
        status === 'completed'
          ? requested - failed
          : status === 'failed'
            ? random.int(0, requested - failed)
            : 0;
      const terminal = status === 'completed' || status === 'failed';
      add(
        user,
        `bench-${user}-${String(n).padStart(5, '0')}`,
        requested,
        successful,
        failed,
        status,
        new Date(createdAt).toISOString(),
        new Date(terminal ? finishedAt : createdAt).toISOString(),
        terminal ? new Date(finishedAt).toISOString() : null,
      );
    }
    for (let n = 0; n < updatePoolPerUser; n += 1) {
      const at = new Date(end - 3_600_000).toISOString();
      add(user, updateJobId(user, n), 1_000_000, 0, 0, 'processing', at, at, null);
    }
    await db.query(
      `INSERT INTO podium_user_jobs
         (user_id, job_id, requested_count, successful_count, failed_count, status, created_at, updated_at, completed_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[],
                            $7::timestamptz[], $8::timestamptz[], $9::timestamptz[])`,
      columns,
    );
    total += columns[0].length;
  }
  // A live table has planner statistics; a freshly bulk-loaded one does not until autovacuum runs.
  await db.exec('ANALYZE podium_user_jobs');
  return total;
}

/**
 * Generates the marketplace, serves it with the subgraph stand-in (called in-process) and
 * backfills the stats cache from it, the way the server fills it in production. Returns a sample
 * of identifiers (wallet addresses, mixed case: the endpoint matches them case-insensitively).
 */
async function seedBenchStats(db) {
  const load = (path) =>
    tsImport(path, {
      parentURL: import.meta.url,
      tsconfig: new URL('../server/tsconfig.json', import.meta.url).pathname,
    });
  const subgraph = await load('../server/src/subgraph/index.ts');
  const indexer = await load('../server/src/indexer/index.ts');
  const { backfillStats } = await load('../server/src/userStats/syncStats.ts');
  const data = subgraph.createMarketplaceData({ startTime: new Date('2024-06-01T00:00:00Z') });
  subgraph.generateMarketplace(data, {
    walletCount: benchStatsSeed.walletCount,
    events: benchStatsSeed.events,
    seed: benchStatsSeed.seed,
    start: new Date('2024-06-01T00:00:00Z'),
    end: new Date(benchNow),
  });
  const app = subgraph.createSubgraphApp(data);
  const client = indexer.createSubgraphClient({
    url: 'http://bench-subgraph/graphql',
    fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
    maxPages: 1_000_000,
  });
  await backfillStats(db, client, { restart: true, now: () => new Date(benchNow) });
  await db.exec('ANALYZE podium_user_stats');
  const rows = await db.query('SELECT subject FROM podium_user_stats ORDER BY md5(subject) LIMIT $1', [
    benchStatsSeed.sample,
  ]);
  return rows.map((row, i) => (i % 2 ? row.subject.toUpperCase().replace('0X', '0x') : row.subject));
}

/** Logs the first `max` messages, then only counts, so a failing run cannot flood the output. */
function limitedLogger(logger, max) {
  let count = 0;
  const log = (level) => (message, meta) => {
    count += 1;
    if (count <= max) logger[level](`[bench server] ${message}`, meta);
    else if (count === max + 1) logger[level]('[bench server] (further messages suppressed)');
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

// One benchmark target, in its own process so the load generator (bench/run.mjs) and the server
// do not share an event loop. Started by run.mjs with an IPC channel:
//   BENCH_TARGET=hello | pglite | postgres   (+ BENCH_DATABASE_URL, BENCH_SCHEMA for postgres)
// It listens on a free loopback port, sends { type: 'ready', port, ... } and closes everything when
// it receives { type: 'stop' } or loses its parent. A request with the header `x-bench-capture:
// <name>` has its statements recorded under that name; { type: 'raw', id, names, iterations,
// maxMs } replays each recorded list on the server's own Database and answers { type: 'raw',
// id, results } (see rawStorage.mjs). BENCH_QUICK=1 seeds the smaller data set of a smoke run.
import { serve } from '@hono/node-server';
import { performance } from 'node:perf_hooks';
import { Hono } from 'hono';
import pg from 'pg';
import { benchApiKey, benchJwtSecret, benchNow, benchSeed } from './config.mjs';
import { captureHeader, captureStatements, recordingDatabase, replayStatements } from './rawStorage.mjs';
import { seedJobs, seedReferrals, seedScores, seedSellerBoards, seedUserStats } from './seedData.mjs';
import { loadServerModule } from './shared.mjs';

/** Limits no load generator reaches (see podiumApp). */
const unlimitedRules = Object.fromEntries(
  ['public', 'failedAuth', 'user', 'apiKey'].map((family) => [family, { limit: 1e9, windowSeconds: 60 }]),
);

const target = process.env.BENCH_TARGET;
const started = performance.now();
let closeTarget = async () => {};
/** The Database the app runs on (unwrapped), for the raw replays. */
let database;
/** Requests the app is still handling (a load generator that stops leaves some running). */
let inFlight = 0;
/** Statements recorded per capture name. */
const captured = new Map();

try {
  const { fetch: appFetch, info } = target === 'hello' ? helloApp() : await podiumApp(target);
  // Counted so that stopping waits for the handlers still running: when the load generator ends
  // a run it drops its connections, but their handlers go on and must not find the database
  // closed under them.
  const countedFetch = async (request, ...rest) => {
    inFlight += 1;
    try {
      const name = request.headers.get(captureHeader);
      if (!name) return await appFetch(request, ...rest);
      const { result, statements } = await captureStatements(() => appFetch(request, ...rest));
      captured.set(name, statements);
      return result;
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
process.on('message', (message) => {
  if (message?.type === 'stop') void stop();
  if (message?.type === 'raw') void raw(message);
  if (message?.type === 'idle') void idle(message);
});

/**
 * Answers once no request is being handled (at most 60 s), so the requests a finished load run
 * left in flight do not slow down the next scenario.
 */
async function idle({ id }) {
  const deadline = Date.now() + 60_000;
  while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  process.send({ type: 'idle', id, inFlight });
}

/** Replays the recorded statements of each name (sequentially) and answers their timings. */
async function raw({ id, names, iterations, maxMs }) {
  try {
    const results = {};
    for (const name of names) {
      const statements = captured.get(name);
      if (process.env.BENCH_SHOW_SQL && statements)
        console.log(
          `[${name}]\n${statements.map((s) => `  ${s.group ?? '  '} ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n')}`,
        );
      results[name] = statements
        ? {
            ...(await replayStatements(database, statements, { iterations, maxMs })),
            sql: statements.map((s) => s.sql),
          }
        : null;
    }
    process.send({ type: 'raw', id, results });
  } catch (error) {
    process.send({ type: 'raw', id, error: error instanceof Error ? error.message : String(error) });
  }
}
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
  const server = await loadServerModule('../server/src/index.ts');
  const { createSeededRandom } = await loadServerModule('../src/shared/random.ts');

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

  const quick = process.env.BENCH_QUICK === '1';
  const seedTimes = {};
  const timed = async (name, seed) => {
    const t0 = performance.now();
    const result = await seed();
    seedTimes[name] = Math.round(performance.now() - t0);
    return result;
  };
  const rows = await timed('jobs', () => seedJobs(db, createSeededRandom(benchSeed.seed)));
  const statsIdentifiers = await timed('user stats', () => seedUserStats(db, { quick }));
  await timed('seller boards', () => seedSellerBoards(db, { quick }));
  await timed('points', () => seedScores(db, { quick }));
  await timed('referrals', () => seedReferrals(db, { quick }));
  database = db;

  const app = server.createApp({
    // Records the statements of the requests marked to capture (rawStorage.mjs); passes through.
    db: recordingDatabase(db),
    jwtSecret: benchJwtSecret,
    apiKey: benchApiKey,
    // A fixed clock: the seeded data, the tokens and the queried range all sit around it.
    now: () => new Date(benchNow),
    logger: limitedLogger(server.consoleLogger, 5),
    // The rate limiter runs (its cost is part of every figure) but never refuses: the load
    // generator is one client sending far more than any real one. BENCH_RATE_LIMITS=off leaves
    // it out, to measure what it costs.
    rateLimits: process.env.BENCH_RATE_LIMITS === 'off' ? false : { rules: unlimitedRules },
    // The referral scenario sends each click from another visitor address (X-Forwarded-For), as
    // real traffic through a proxy would, so clicks are counted rather than deduplicated.
    trustProxy: true,
    referrals: { secret: 'podium-bench-referral-secret', publicUrl: 'https://podium.bench.example' },
  });
  return { fetch: app.fetch, info: { rows, migrateMs, seedTimes, statsIdentifiers } };
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

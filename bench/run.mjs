#!/usr/bin/env node
// `npm run bench`: HTTP throughput and latency of the Podium server on PGlite and Postgres,
// against a bare Hono "hello" baseline served the same way on the same machine. Prints figures;
// never fails on speed, only when a server cannot start or requests fail. See bench/README.md.
//
//   npm run bench                         # 1 s warm-up + 5 s per scenario, 10 connections
//   npm run bench -- --quick              # 0.5 s + 1.5 s per scenario (a smoke run)
//   npm run bench -- --duration=10 --warmup=2 --connections=20 --no-postgres
//   BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS: the same as the flags
//   DATABASE_URL=postgres://...           # Postgres to use (else 127.0.0.1:5432/test if it answers)
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { TextEncoder } from 'node:util';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import pg from 'pg';
import { benchJwtSecret, benchNow, benchSeed, statsQuery, updateJobId } from './config.mjs';

const options = parseOptions(process.argv.slice(2), process.env);
const runStarted = performance.now();
const elapsed = () => `${((performance.now() - runStarted) / 1000).toFixed(1)} s`;
const log = (line) => process.stdout.write(`${line}\n`);

/** Children still running and schemas still to drop, so an interrupted run cleans up too. */
const cleanups = new Set();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (interrupted) return;
    interrupted = true;
    log(`\n✖ ${signal}: stopping the bench servers…`);
    await cleanupAll();
    process.exit(130);
  });
}

const results = [];
let failed = false;

try {
  const postgres = await findPostgres(options);
  log(
    `Podium bench: ${options.warmup} s warm-up + ${options.duration} s per scenario, ` +
      `${options.connections} connections, Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  const [load] = os.loadavg();
  if (load > os.cpus().length * 0.5) {
    log(
      `⚠ The machine is busy (load average ${load.toFixed(1)} on ${os.cpus().length} CPUs): ` +
        'the figures will be low and noisy. Compare runs made on a quiet machine.',
    );
  }
  log(
    postgres.url
      ? `Postgres: ${redact(postgres.url)} (${postgres.source})`
      : `Postgres: skipped (${postgres.reason})`,
  );

  const tokens = await signTokens();
  // What the scenarios need from the server being measured (its sample of stats identifiers).
  const context = { server: undefined };
  const scenarios = buildScenarios(tokens, context);
  const targets = [
    { target: 'hello', database: '—', label: 'baseline (bare Hono)' },
    { target: 'pglite', database: 'PGlite', label: 'Podium on PGlite (in memory)' },
    ...(postgres.url
      ? [{ target: 'postgres', database: 'Postgres', label: `Podium on Postgres`, url: postgres.url }]
      : []),
  ];
  const total = targets.reduce((n, t) => n + scenarios.filter((s) => s.target(t.target)).length, 0);
  let step = 0;

  for (const target of targets) {
    log(`\n▸ Starting ${target.label}… (${elapsed()})`);
    const server = await startTarget(target);
    context.server = server;
    try {
      log(
        `  listening on 127.0.0.1:${server.port} after ${(server.startMs / 1000).toFixed(1)} s` +
          (server.rows
            ? ` (migrated in ${server.migrateMs} ms, seeded ${server.rows.toLocaleString('en-US')} jobs in ${server.seedMs} ms, ` +
              `user stats backfilled in ${server.statsSeedMs} ms)`
            : ''),
      );
      for (const scenario of scenarios.filter((s) => s.target(target.target))) {
        step += 1;
        const name = `${scenario.name} on ${target.database === '—' ? 'the baseline' : target.database}`;
        log(`▸ [${step}/${total}] ${name}… (${elapsed()})`);
        const base = `http://127.0.0.1:${server.port}`;
        await smokeCheck(base, scenario);
        const result = await measure(base, scenario);
        const row = toRow(scenario, target, result);
        results.push(row);
        log(
          `  ${fmt(row.reqPerSec, 0)} req/s, p50 ${fmt(row.p50Ms, 2)} ms, p99 ${fmt(row.p99Ms, 2)} ms, ` +
            `${row.requests.toLocaleString('en-US')} requests, ${row.errors} errors, ${row.non2xx} non-2xx`,
        );
        if (row.errors > 0 || row.non2xx > 0) failed = true;
      }
    } finally {
      await server.stop();
    }
  }

  const hello = results.find((r) => r.endpoint === 'GET /hello');
  for (const row of results) row.ratioToHello = hello ? row.reqPerSec / hello.reqPerSec : null;

  log(`\nResults (${elapsed()} in all):\n`);
  log(renderTable(results));
  log(
    '\nreq/s = completed requests per second over the measured window; p50/p99 = latency percentiles;\n' +
      '"× hello" = req/s over the bare Hono baseline on this machine (1.00× would mean Podium adds nothing).',
  );

  const file = fileURLToPath(new URL('./results/latest.json', import.meta.url));
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? null,
        loadAverageAtStart: load,
        options,
        postgres: postgres.url ? redact(postgres.url) : null,
        data: { ...benchSeed, now: benchNow, statsQuery },
        results,
      },
      null,
      2,
    )}\n`,
  );
  log(`\nWrote ${file}`);
} catch (error) {
  failed = true;
  log(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanupAll();
}

if (failed) {
  log('\n✖ The bench failed: a server did not start or requests errored (speed never fails it).');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------

function parseOptions(argv, env) {
  const flags = new Map();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument "${arg}" (see the top of bench/run.mjs)`);
    flags.set(match[1], match[2] ?? true);
  }
  const known = ['quick', 'duration', 'warmup', 'connections', 'no-postgres'];
  for (const name of flags.keys()) {
    if (!known.includes(name)) {
      console.error(`Unknown flag --${name}; known: ${known.map((k) => `--${k}`).join(', ')}`);
      process.exit(2);
    }
  }
  const quick = flags.has('quick');
  const number = (flag, variable, fallback) => {
    const raw = flags.get(flag) ?? env[variable];
    if (raw === undefined || raw === true) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      console.error(`--${flag} / ${variable} must be a non-negative number, got "${raw}"`);
      process.exit(2);
    }
    return value;
  };
  return {
    quick,
    duration: number('duration', 'BENCH_DURATION', quick ? 1.5 : 5),
    warmup: number('warmup', 'BENCH_WARMUP', quick ? 0.5 : 1),
    connections: Math.max(1, Math.round(number('connections', 'BENCH_CONNECTIONS', 10))),
    postgres: !flags.has('no-postgres'),
  };
}

/** DATABASE_URL if set, else the local test database if something answers there. */
async function findPostgres({ postgres }) {
  if (!postgres) return { reason: '--no-postgres' };
  const fromEnv = process.env.DATABASE_URL;
  const url = fromEnv || 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    // An explicit DATABASE_URL that does not answer is a mistake; a missing local one is not.
    if (fromEnv)
      throw new Error(`DATABASE_URL (${redact(url)}) does not answer: ${error.message}`, { cause: error });
    return { reason: `no DATABASE_URL and nothing answers on 127.0.0.1:5432` };
  } finally {
    await client.end().catch(() => {});
  }
  return { url, source: fromEnv ? 'DATABASE_URL' : 'found on 127.0.0.1:5432' };
}

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** One token per seeded user, valid around the app's fixed clock. */
async function signTokens() {
  const key = new TextEncoder().encode(benchJwtSecret);
  const iat = Math.floor(Date.parse(benchNow) / 1000);
  return Promise.all(
    benchSeed.users.map(async (user) => ({
      user,
      authorization: `Bearer ${await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user)
        .setIssuedAt(iat)
        .setExpirationTime(iat + 86_400)
        .sign(key)}`,
    })),
  );
}

/**
 * Each scenario is one autocannon request shape. `next()` builds the next request; counters make
 * every PATCH insert a new job id, and spread reads and updates over the seeded users.
 */
function buildScenarios(tokens, context) {
  const runId = randomBytes(4).toString('hex');
  const json = { 'content-type': 'application/json' };
  const pick = (n) => tokens[n % tokens.length];
  const podium = (t) => t !== 'hello';
  let reads = 0;
  let inserts = 0;
  let updates = 0;
  let statsReads = 0;
  return [
    {
      name: 'GET /hello',
      endpoint: 'GET /hello',
      target: (t) => t === 'hello',
      next: () => ({ method: 'GET', path: '/hello' }),
    },
    {
      name: 'GET /api/health',
      endpoint: 'GET /api/health',
      target: podium,
      next: () => ({ method: 'GET', path: '/api/health' }),
    },
    {
      name: 'GET /api/stats (30 days, ~1,000 jobs in range, page of 20)',
      endpoint: 'GET /api/stats',
      target: podium,
      check: (body) => body.totals?.jobs > 0 || 'the seeded user has no jobs in the range',
      next: () => ({
        method: 'GET',
        path: `/api/stats?${statsQuery}`,
        headers: { authorization: pick(reads++).authorization },
      }),
    },
    {
      name: 'GET /api/user/:address/stats (cached, percentiles among ~10,000)',
      endpoint: 'GET /api/user/:identifier/stats',
      target: podium,
      check: (body) => body.cached === true || 'expected cached stats (a 200), got a pending answer',
      next: () => {
        const identifiers = context.server.statsIdentifiers;
        return { method: 'GET', path: `/api/user/${identifiers[statsReads++ % identifiers.length]}/stats` };
      },
    },
    {
      name: 'PATCH /api/stats (insert: a new job per request)',
      endpoint: 'PATCH /api/stats (insert)',
      target: podium,
      next: () => {
        const n = inserts++;
        return {
          method: 'PATCH',
          path: '/api/stats',
          headers: { ...json, authorization: pick(n).authorization },
          body: JSON.stringify({
            job_id: `bench-new-${runId}-${n}`,
            requested_count: 10 + (n % 90),
            status: 'pending',
          }),
        };
      },
    },
    {
      name: 'PATCH /api/stats (update: progress on a processing job)',
      endpoint: 'PATCH /api/stats (update)',
      target: podium,
      check: (body) => body.status === 'processing' || `expected a processing job, got ${body.status}`,
      next: () => {
        const n = updates++;
        const token = pick(n);
        const pool = benchSeed.updatePoolPerUser;
        return {
          method: 'PATCH',
          path: '/api/stats',
          headers: { ...json, authorization: token.authorization },
          // Statuses only move forward, so stay `processing` and move the counts: every request
          // really writes the row (a terminal job would be left alone, measuring nothing).
          body: JSON.stringify({
            job_id: updateJobId(token.user, Math.floor(n / tokens.length) % pool),
            requested_count: 1_000_000,
            successful_count: n % 500_000,
            failed_count: n % 7,
            status: 'processing',
          }),
        };
      },
    },
  ];
}

function startTarget({ target, url }) {
  const schema =
    target === 'postgres' ? `podium_bench_${process.pid}_${randomBytes(3).toString('hex')}` : undefined;
  const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [], {
    env: {
      ...process.env,
      BENCH_TARGET: target,
      ...(url ? { BENCH_DATABASE_URL: url, BENCH_SCHEMA: schema } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) child.send({ type: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (schema) await dropSchema(url, schema);
      cleanups.delete(stop);
    })());
  cleanups.add(stop);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`The ${target} bench server did not start within 120 s`)),
      120_000,
    );
    const fail = async (error) => {
      clearTimeout(timer);
      await stop();
      reject(error);
    };
    child.once('message', (message) => {
      clearTimeout(timer);
      if (message?.type === 'ready') resolve({ ...message, stop });
      else fail(new Error(`Unexpected message from the ${target} bench server`));
    });
    exited.then(({ code, signal }) =>
      fail(new Error(`The ${target} bench server exited (${signal ?? `code ${code}`}) before it was ready`)),
    );
  });
}

async function dropSchema(url, schema) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } catch (error) {
    log(`  ⚠ could not drop the bench schema ${schema}: ${error.message} (drop it by hand)`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function cleanupAll() {
  for (const cleanup of [...cleanups]) await cleanup();
}

/** One request before the run, so a misconfiguration fails clearly instead of as 10,000 non-2xx. */
async function smokeCheck(base, scenario) {
  const { method, path, headers, body } = scenario.next();
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status} before the run: ${text.slice(0, 300)}`);
  }
  if (scenario.check) {
    const verdict = scenario.check(JSON.parse(text));
    if (verdict !== true) throw new Error(`${method} ${path} before the run: ${verdict}`);
  }
}

/**
 * A warm-up run (discarded), then the measured run. Latencies come from each response's own
 * timing (fractional ms): autocannon's histogram keeps whole milliseconds, too coarse here.
 */
async function measure(base, scenario) {
  const setupRequest = (request) => ({ ...request, ...scenario.next() });
  const run = (duration, latencies) =>
    new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: options.connections,
          duration,
          requests: [{ setupRequest }],
          // A stuck server shows up as timeouts (counted as errors), not as a hung bench.
          timeout: 10,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    });
  if (options.warmup > 0) await run(options.warmup);
  const latencies = [];
  const result = await run(options.duration, latencies);
  const sorted = Float64Array.from(latencies).sort();
  const percentile = (p) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
  return {
    result,
    p50: percentile(0.5),
    p99: percentile(0.99),
    mean: sorted.reduce((sum, ms) => sum + ms, 0) / Math.max(sorted.length, 1),
  };
}

function toRow(scenario, target, { result, p50, p99, mean }) {
  return {
    endpoint: scenario.endpoint,
    database: target.database,
    reqPerSec: result.requests.total / result.duration,
    p50Ms: p50,
    p99Ms: p99,
    meanMs: mean,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    durationS: result.duration,
    connections: result.connections,
  };
}

function fmt(value, digits) {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function renderTable(rows) {
  const head = ['endpoint', 'database', 'req/s', 'p50 ms', 'p99 ms', 'errors/non-2xx', 'vs hello'];
  const body = rows.map((r) => [
    r.endpoint,
    r.database,
    fmt(r.reqPerSec, 0),
    fmt(r.p50Ms, 2),
    fmt(r.p99Ms, 2),
    `${r.errors}/${r.non2xx}`,
    r.ratioToHello === null ? '' : `${r.ratioToHello.toFixed(r.ratioToHello < 0.1 ? 3 : 2)}× hello`,
  ]);
  const right = [false, false, true, true, true, true, true];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((cell, i) => (right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

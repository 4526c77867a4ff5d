#!/usr/bin/env node
// `npm run bench`: HTTP throughput and latency of the Podium server on PGlite and Postgres,
// against a bare Hono "hello" baseline served the same way on the same machine. Prints figures;
// never fails on speed, only when a server cannot start or requests fail. See bench/README.md.
//
//   npm run bench                         # 1 s warm-up + 5 s per scenario, 10 connections
//   npm run bench -- --quick              # 0.3 s + 1 s per scenario, smaller seed (a smoke run)
//   npm run bench -- --duration=10 --warmup=2 --connections=20 --no-postgres
//   npm run bench -- --only=leaderboards,scores   # scenarios whose endpoint contains one of these
//   BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS: the same as the flags
//   DATABASE_URL=postgres://...           # Postgres to use (else 127.0.0.1:5432/test if it answers)
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  benchNow,
  benchReferralSeed,
  benchScoreSeed,
  benchSeed,
  benchSellerSeed,
  benchStatsSeed,
  statsQuery,
} from './config.mjs';
import { captureHeader } from './rawStorage.mjs';
import { fmt, renderReport, toRow } from './results.mjs';
import { buildScenarios, signBenchTokens } from './scenarios.mjs';

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

  const tokens = await signBenchTokens();
  // What the scenarios need from the server being measured (its sample of stats identifiers).
  const context = { server: undefined };
  const scenarios = selectScenarios(buildScenarios(tokens, context), options.only);
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
          (server.seedTimes
            ? ` (migrated in ${server.migrateMs} ms; seeded in ${Object.entries(server.seedTimes)
                .map(([what, ms]) => `${what} ${ms} ms`)
                .join(', ')})`
            : ''),
      );
      for (const scenario of scenarios.filter((s) => s.target(target.target))) {
        step += 1;
        const name = `${scenario.name} on ${target.database === '—' ? 'the baseline' : target.database}`;
        log(`▸ [${step}/${total}] ${name}… (${elapsed()})`);
        const base = `http://127.0.0.1:${server.port}`;
        await scenario.prepare?.(base);
        // The first request is checked, and its statements recorded (a cold cache's).
        await smokeCheck(base, scenario, scenario.read && `cold:${scenario.endpoint}`);
        const result = await measure(base, server, scenario);
        const raw = scenario.read ? await measureRaw(base, server, scenario) : undefined;
        const row = toRow(scenario, target, result, raw);
        results.push(row);
        log(
          `  ${fmt(row.reqPerSec, 0)} req/s${row.itemsPerSec ? ` (${fmt(row.itemsPerSec, 0)} items/s)` : ''}, ` +
            `p50 ${fmt(row.p50Ms, 2)} ms, p99 ${fmt(row.p99Ms, 2)} ms, ` +
            `${row.requests.toLocaleString('en-US')} requests, ${row.errors} errors, ${row.non2xx} unexpected statuses` +
            (row.raw ? `; raw ${fmt(row.raw.p50Ms, 3)} ms (${row.raw.statements} statements)` : ''),
        );
        if (row.errors > 0 || row.non2xx > 0) failed = true;
        if (row.requests === 0) {
          log('  ✖ no request completed in the measured window: give it a longer --duration');
          failed = true;
        }
      }
    } finally {
      await server.stop();
    }
  }

  const hello = results.find((r) => r.endpoint === 'GET /hello');
  for (const row of results) row.ratioToHello = hello ? row.reqPerSec / hello.reqPerSec : null;

  log(`\nResults (${elapsed()} in all):\n`);
  log(renderReport(results));

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
        // --quick seeds a fifth of the bulk data (see quickSize in config.mjs).
        data: {
          ...benchSeed,
          now: benchNow,
          statsQuery,
          userStats: benchStatsSeed,
          sellerBoards: benchSellerSeed,
          points: benchScoreSeed,
          referrals: benchReferralSeed,
        },
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
  const known = ['quick', 'duration', 'warmup', 'connections', 'no-postgres', 'only'];
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
  const only = flags.get('only');
  if (only === true || only === '') {
    console.error('--only needs a comma-separated list of endpoint substrings, e.g. --only=scores,sellers');
    process.exit(2);
  }
  return {
    quick,
    duration: number('duration', 'BENCH_DURATION', quick ? 1 : 5),
    warmup: number('warmup', 'BENCH_WARMUP', quick ? 0.3 : 1),
    only:
      only === undefined
        ? undefined
        : only
            .split(',')
            .map((part) => part.trim().toLowerCase())
            .filter(Boolean),
    // The raw replays: at most this many, and for at most this long, per scenario.
    rawIterations: quick ? 50 : 500,
    rawMaxMs: quick ? 250 : 1000,
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

/**
 * The scenarios `--only` selects: those whose endpoint contains one of the substrings (case
 * insensitive), plus the baseline, which every ratio needs. None selected is a mistake.
 */
function selectScenarios(scenarios, only) {
  if (!only) return scenarios;
  const selected = scenarios.filter(
    (s) => s.endpoint === 'GET /hello' || only.some((part) => s.endpoint.toLowerCase().includes(part)),
  );
  if (selected.length === 1) {
    console.error(
      `--only=${only.join(',')} selects no scenario; the endpoints are:\n  ${scenarios.map((s) => s.endpoint).join('\n  ')}`,
    );
    process.exit(2);
  }
  return selected;
}

function startTarget({ target, url }) {
  const schema =
    target === 'postgres' ? `podium_bench_${process.pid}_${randomBytes(3).toString('hex')}` : undefined;
  const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [], {
    env: {
      ...process.env,
      BENCH_TARGET: target,
      BENCH_QUICK: options.quick ? '1' : '',
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
    // Answers to { type: 'raw', id } by id (see call below).
    const pending = new Map();
    let calls = 0;
    const call = (message) =>
      new Promise((answer, refuse) => {
        const id = (calls += 1);
        pending.set(id, { answer, refuse });
        child.send({ ...message, id });
      });
    exited.then(() => {
      for (const { refuse } of pending.values()) refuse(new Error(`The ${target} bench server exited`));
    });
    child.once('message', (message) => {
      clearTimeout(timer);
      if (message?.type !== 'ready')
        return fail(new Error(`Unexpected message from the ${target} bench server`));
      child.on('message', (reply) => {
        const waiting = pending.get(reply?.id);
        if (!waiting) return;
        pending.delete(reply.id);
        if (reply.error) waiting.refuse(new Error(`raw replay on ${target}: ${reply.error}`));
        else waiting.answer(reply);
      });
      resolve({ ...message, stop, call });
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

/**
 * One request before the run, so a misconfiguration fails clearly instead of as 10,000 non-2xx.
 * With `capture`, the server records the statements the request runs under that name.
 */
async function smokeCheck(base, scenario, capture) {
  const { method, path, headers, body } = scenario.next();
  const response = await fetch(`${base}${path}`, {
    method,
    headers: capture ? { ...headers, [captureHeader]: capture } : headers,
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  if (scenario.status ? response.status !== scenario.status : !response.ok) {
    throw new Error(`${method} ${path} answered ${response.status} before the run: ${text.slice(0, 300)}`);
  }
  if (scenario.check) {
    const verdict = scenario.check(JSON.parse(text));
    if (verdict !== true) throw new Error(`${method} ${path} before the run: ${verdict}`);
  }
}

/**
 * The raw column: one more request like the measured ones (the caches as warm as the run left
 * them), its statements recorded, then those statements and the first request's replayed alone,
 * sequentially, on the server's own database.
 */
async function measureRaw(base, server, scenario) {
  await smokeCheck(base, scenario, `warm:${scenario.endpoint}`);
  const replay = async (name, share) => {
    const { results } = await server.call({
      type: 'raw',
      names: [name],
      iterations: Math.ceil(options.rawIterations * share),
      maxMs: options.rawMaxMs * share,
    });
    return results[name];
  };
  // The cold request's statements only make a footnote: a quarter of the budget.
  return {
    warm: await replay(`warm:${scenario.endpoint}`, 1),
    cold: await replay(`cold:${scenario.endpoint}`, 0.25),
  };
}

/**
 * A warm-up run (discarded), then the measured run. Latencies come from each response's own
 * timing (fractional ms): autocannon's histogram keeps whole milliseconds, too coarse here.
 */
async function measure(base, server, scenario) {
  const setupRequest = (request) => ({ ...request, ...scenario.next() });
  const run = async (duration, latencies) => {
    const result = await new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: Math.min(options.connections, scenario.connections ?? Infinity),
          duration,
          requests: [{ setupRequest }],
          // A stuck server shows up as timeouts (counted as errors), not as a hung bench.
          timeout: 10,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    });
    // The generator drops its connections at the end, but their requests go on in the server:
    // wait for them, or they would be measured as part of the next run.
    await server.call({ type: 'idle' });
    return result;
  };
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

#!/usr/bin/env node
// `npm run bench:load`: the server under a crowd (issue 13). Seeds the demo's data, then serves it
// with `podium-server start` (not `demo`, which lets loopback past the rate limiter) and runs:
//
//   1. the load run: 1,000 connections for 60 s mixing what the widgets poll with what a host
//      writes, the limits raised for the run (the generator is one IP). It must end with zero
//      errors (no 5xx, no unexpected 4xx, no socket error or timeout); it prints the p50/p99 and
//      the server's memory (RSS) through the run, which must stay flat.
//   2. the limits run: the default limits, one client, one route per family, showing each 429
//      starts exactly at the limit (300 public requests a minute from an IP, 600 per user).
//
// Flags: --duration=60 --connections=1000 --postgres (a database of its own on DATABASE_URL's
// server, dropped afterwards; default PGlite in a temporary directory), --instances=2 (several
// servers on that one Postgres, and on REDIS_URL when set: the connections are split between
// them as a load balancer would, and the limits run alternates between them, so the limits are
// shared or the run fails). Exit code 1 when either run breaks its rule. Builds the server first (`npm run build:server`; --no-build skips it).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { TextEncoder } from 'node:util';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import pg from 'pg';
import { parseFlags } from './shared.mjs';

const flags = parseFlags(process.argv.slice(2));
const duration = Number(flags.duration ?? 60);
const connections = Number(flags.connections ?? 1000);
const instances = Number(flags.instances ?? 1);
if (!Number.isInteger(instances) || instances < 1 || (instances > 1 && !flags.postgres)) {
  process.stderr.write('--instances=N needs a whole N ≥ 1, and --postgres above 1 (PGlite is one process)\n');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'server/dist/cli.js');
const jwtSecret = 'podium-load-secret-not-for-production-0123456789';
const apiKey = 'podium-load-api-key-0123456789';
const log = (line) => process.stderr.write(`${line}\n`);
const defaultLimits = { public: 300, user: 600 };

// Built every time (about 12 s) unless --no-build: a dist older than the source measures old code.
if (!flags['no-build'] || !existsSync(cli)) {
  log('▸ building the server (npm run build:server)…');
  if (
    spawnSync('npm', ['run', 'build:server'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
      .status !== 0
  )
    process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'podium-load-'));
const database = flags.postgres ? await createPostgresDatabase() : undefined;
const env = {
  ...process.env,
  HOST: '127.0.0.1',
  PODIUM_DATA_DIR: dataDir,
  DATABASE_URL: database?.url ?? '',
  REDIS_URL: process.env.REDIS_URL ?? '',
  // The run's own keys: a rerun within the minute must not meet the last run's limit counts.
  PODIUM_REDIS_PREFIX: `podium-load-${randomBytes(4).toString('hex')}:`,
  PODIUM_JWT_SECRET: jwtSecret,
  PODIUM_API_KEY: apiKey,
};
let failed = false;

try {
  log(`▸ seeding the demo data on ${database ? 'Postgres' : 'PGlite'}…`);
  const seeded = await startServer('demo', env);
  const { ids } = await discover(seeded.url);
  await seeded.stop();

  const on = instances > 1 ? ` on ${instances} instances` : '';
  log(`▸ load run: ${connections} connections for ${duration} s${on}, limits raised`);
  const raised = JSON.stringify({ public: 1e7, failedAuth: 1e7, user: 1e7, apiKey: 1e7 });
  const servers = await startServers({ ...env, PODIUM_RATE_LIMITS: raised });
  const memory = servers.map((server) => sampleMemory(server.pid));
  const load = await loadRun(
    servers.map((server) => server.url),
    ids,
  );
  const rss = memory.map((sampler) => sampler.stop());
  await Promise.all(servers.map((server) => server.stop()));
  const loadHeld = printLoad(load, rss);
  failed ||= !loadHeld;

  log(`▸ limits run: default limits, one client${on}`);
  // Fresh counts (with Redis the load run's requests would still count in this minute).
  const limited = await startServers({ ...env, PODIUM_REDIS_PREFIX: `${env.PODIUM_REDIS_PREFIX}limits:` });
  const limits = await limitsRun(
    limited.map((server) => server.url),
    ids,
  );
  await Promise.all(limited.map((server) => server.stop()));
  // Printed whatever the load run said (`failed ||= print()` would skip it once failed).
  const limitsHeld = printLimits(limits);
  failed ||= !limitsHeld;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
}
// exitCode rather than exit(): the tables above may still be on their way through a pipe.
process.exitCode = failed ? 1 : 0;

// ---------------------------------------------------------------------------------------------

/** Runs `podium-server <command>` and resolves once it listens, with its URL and a stop(). */
function startServer(command, childEnv) {
  const child = spawn(process.execPath, [cli, command], {
    env: { ...childEnv, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const ready = command !== 'demo' || output.includes('Demo ready');
      if (url && ready) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        child.stderr.resume();
        resolve({
          url,
          pid: child.pid,
          stop: () =>
            new Promise((done) => {
              // Already gone (it crashed, or stopped itself): its output says why.
              if (child.exitCode !== null || child.signalCode !== null) {
                log(
                  `  ⚠ podium-server ${command} had already exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-2000)}`,
                );
                return done();
              }
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`podium-server ${command} exited (${code}):\n${output}`)));
  });
}

/** `instances` servers of `podium-server start`, one after the other (each migrates first). */
async function startServers(childEnv) {
  const servers = [];
  for (let i = 0; i < instances; i += 1) {
    servers.push(await startServer('start', childEnv));
    log(`  serving on ${servers[i].url}`);
  }
  return servers;
}

/** What the run addresses: the demo's users, sellers' products, creator, member and code. */
async function discover(url) {
  const get = async (path, headers = {}) => {
    const response = await fetch(`${url}/api${path}`, { headers });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const users = ['alice', 'bob', 'carol'];
  const board = await get('/leaderboards/sellers?metric=views&limit=5');
  const sellers = board.entries.map((entry) => entry.userId);
  // Any user's token can be signed here: the run holds the host's JWT secret.
  const tokens = Object.fromEntries(
    await Promise.all([...new Set([...users, ...sellers])].map(async (user) => [user, await tokenFor(user)])),
  );
  const member = await get('/members/me?creatorId=studio', { authorization: `Bearer ${tokens.alice}` });
  return {
    ids: {
      users,
      tokens,
      sellers,
      memberId: member.id,
      referralCode: member.referralCode,
      creatorId: 'studio',
    },
  };
}

function tokenFor(user) {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(jwtSecret));
}

/**
 * The mix, one request per slot, cycled: the reads the widgets poll (job stats, user stats and
 * history, the seller board and dashboard, the points board and a score, member stats and the
 * referrers board) and the writes a host sends (a job's progress, a scored action, a referral
 * click). Roughly 80 % reads, as a page of widgets polls far more than it writes.
 */
function mix(ids) {
  const run = randomBytes(3).toString('hex');
  let n = 0;
  const user = () => ids.users[n % ids.users.length];
  const bearer = () => ({ authorization: `Bearer ${ids.tokens[user()]}` });
  const key = { 'x-api-key': apiKey, 'content-type': 'application/json' };
  return [
    () => ({ path: '/api/stats?limit=20', headers: bearer() }),
    () => ({ path: `/api/user/${user()}/stats` }),
    () => ({ path: `/api/user/${user()}/stats/history` }),
    () => ({ path: '/api/leaderboards/sellers?metric=views&limit=100' }),
    () => {
      // A dashboard is readable by its seller only.
      const seller = ids.sellers[n % ids.sellers.length];
      return {
        path: `/api/sellers/${seller}/dashboard`,
        headers: { authorization: `Bearer ${ids.tokens[seller]}` },
      };
    },
    () => ({ path: '/api/scores/leaderboard?timeframe=weekly&limit=50' }),
    () => ({ path: `/api/scores/${user()}` }),
    () => ({
      path: `/api/members/${ids.memberId}/stats`,
      headers: { authorization: `Bearer ${ids.tokens.alice}` },
    }),
    () => ({ path: `/api/creators/${ids.creatorId}/leaderboard?metric=referrals`, headers: bearer() }),
    () => ({
      method: 'PATCH',
      path: '/api/stats',
      headers: { ...bearer(), 'content-type': 'application/json' },
      body: JSON.stringify({
        job_id: `load-${run}-${n}`,
        status: 'processing',
        requested_count: 10,
        successful_count: 1,
      }),
    }),
    () => ({
      method: 'POST',
      path: '/api/scores/actions',
      headers: key,
      body: JSON.stringify({ eventId: `load-${run}-${n}`, userId: user(), action: 'TRADE_EXECUTE' }),
    }),
    () => ({
      path: `/api/r/${ids.referralCode}?p=x`,
      headers: { 'user-agent': 'Mozilla/5.0 (load) Chrome/130.0 Safari/537.36' },
    }),
  ].map((make) => () => {
    n += 1;
    return { method: 'GET', ...make() };
  });
}

/** Sends each request of the mix once: a 4xx here is the bench's mistake, said before the run. */
async function smoke(url, slots) {
  for (const slot of slots) {
    const { method, path, headers, body } = slot();
    const response = await fetch(`${url}${path}`, { method, headers, body, redirect: 'manual' });
    if (response.status >= 400)
      throw new Error(`smoke check: ${method} ${path} answered ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  }
}

/**
 * The connections split over `urls` (one autocannon each, as a load balancer spreads clients);
 * latencies are every response's own, so the percentiles are over the whole run.
 */
async function loadRun(urls, ids) {
  const slots = mix(ids);
  for (const url of urls) await smoke(url, slots);
  let next = 0;
  const byStatus = new Map();
  const latencies = [];
  let seconds = 0;
  const tick = setInterval(() => log(`  ${++seconds * 10} s…`), 10_000);
  const results = await Promise.all(
    urls.map(
      (url, index) =>
        new Promise((resolve, reject) => {
          const instance = autocannon(
            {
              url,
              connections:
                Math.floor(connections / urls.length) + (index < connections % urls.length ? 1 : 0),
              duration,
              // 1,000 connections on one embedded database queue up: a slow answer is measured
              // (p99), only one that never comes is an error.
              timeout: 30,
              requests: [{ setupRequest: (request) => ({ ...request, ...slots[next++ % slots.length]() }) }],
            },
            (error, result) => (error ? reject(error) : resolve(result)),
          );
          instance.on('response', (_client, status, _bytes, ms) => {
            byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
            latencies.push(ms);
          });
        }),
    ),
  );
  clearInterval(tick);
  const sorted = Float64Array.from(latencies).sort();
  const at = (p) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
  const total = results.reduce((sum, result) => sum + result.requests.total, 0);
  return {
    requests: total,
    perSecond: total / Math.max(...results.map((result) => result.duration)),
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    errors: results.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
    byStatus,
  };
}

/** Samples the server's resident memory every second (Linux /proc; elsewhere it reports none). */
function sampleMemory(pid) {
  const samples = [];
  const read = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      if (kb) samples.push(kb / 1024);
    } catch {
      // Not Linux, or the process is gone.
    }
  };
  read();
  const timer = setInterval(read, 1000);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

function printLoad({ requests, perSecond, p50, p99, max, errors, byStatus }, rssByServer) {
  const bad = [...byStatus].filter(([status]) => status >= 400);
  const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
  const ms = (value) => value.toFixed(1);
  console.log(
    `Load run (${connections} connections, ${duration} s${instances > 1 ? `, ${instances} instances` : ''}):`,
  );
  console.log(`  requests   ${requests} (${Math.round(perSecond)} req/s)`);
  console.log(`  latency    p50 ${ms(p50)} ms · p99 ${ms(p99)} ms · max ${ms(max)} ms`);
  console.log(`  statuses   ${statuses.join(' · ')}`);
  console.log(
    `  errors     ${errors} socket errors or timeouts · ${bad.reduce((sum, [, count]) => sum + count, 0)} 4xx/5xx`,
  );
  let flatEverywhere = true;
  rssByServer.forEach((rss, index) => {
    if (rss.length === 0) return;
    // Flat: the second half of the run holds no more than the first half's peak plus 10 %.
    const half = Math.floor(rss.length / 2);
    const firstPeak = Math.max(...rss.slice(0, half));
    const secondPeak = Math.max(...rss.slice(half));
    const flat = secondPeak <= firstPeak * 1.1;
    flatEverywhere &&= flat;
    const who = rssByServer.length > 1 ? `instance ${index + 1}: ` : '';
    console.log(
      `  memory     ${who}RSS ${rss[0].toFixed(0)} MB idle · peak ${firstPeak.toFixed(0)} MB in the first half, ${secondPeak.toFixed(0)} MB in the second (${flat ? 'flat' : 'GROWING'})`,
    );
  });
  return flatEverywhere && errors === 0 && bad.length === 0;
}

/**
 * One client sends 1.5× the limit to one route of each family, one request at a time, inside
 * the window: exactly `limit` must pass and every one after must be a 429 with Retry-After.
 */
async function limitsRun(urls, ids) {
  const families = [
    {
      name: 'public (per IP)',
      limit: defaultLimits.public,
      path: '/api/scores/leaderboard?limit=10',
      headers: {},
    },
    {
      name: 'user (per token)',
      limit: defaultLimits.user,
      path: '/api/stats?limit=5',
      headers: { authorization: `Bearer ${ids.tokens.bob}` },
    },
  ];
  const outcomes = [];
  for (const family of families) {
    const statuses = [];
    let retryAfter = null;
    for (let i = 0; i < family.limit * 1.5; i += 1) {
      // Round robin over the instances: each sees a part, the shared count sees them all.
      const response = await fetch(`${urls[i % urls.length]}${family.path}`, { headers: family.headers });
      await response.arrayBuffer();
      statuses.push(response.status);
      if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
    }
    const firstRefusal = statuses.indexOf(429);
    outcomes.push({ ...family, statuses, firstRefusal, retryAfter });
  }
  return outcomes;
}

function printLimits(outcomes) {
  const over = instances > 1 ? `, alternating between ${instances} instances` : '';
  console.log(`Limits run (defaults, one client, one request at a time${over}):`);
  let ok = true;
  for (const { name, limit, statuses, firstRefusal, retryAfter } of outcomes) {
    const passed = statuses.filter((status) => status === 200).length;
    const refused = statuses.filter((status) => status === 429).length;
    const exact =
      firstRefusal === limit && passed === limit && refused === statuses.length - limit && retryAfter;
    ok &&= Boolean(exact);
    console.log(
      `  ${name.padEnd(18)} limit ${limit}: ${passed} × 200 then ${refused} × 429 (first 429 at request ${firstRefusal + 1}, Retry-After ${retryAfter} s) ${exact ? '✓' : '✗'}`,
    );
  }
  return ok;
}

/** A database of its own on DATABASE_URL's server (or the local default), dropped afterwards. */
async function createPostgresDatabase() {
  const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const name = `podium_load_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

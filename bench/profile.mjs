#!/usr/bin/env node
// `npm run bench:profile -- <path> [pglite|postgres] [seconds]`: where one endpoint's time goes.
// Starts the bench server (bench/server.mjs, the same data as `npm run bench`) under
// `node --cpu-prof`, sends it 10 connections of GET <path> for the given seconds, stops it, and
// prints the self time by area (database driver, validation, JSON, JWT, Hono, Node's HTTP, GC…)
// and the top functions. The raw profile stays in bench/results/ for Chrome DevTools.
//
//   npm run bench:profile -- /api/user/{stats}/stats postgres 10
//   ({stats} is replaced by the seeded stats identifiers in turn)
//   npm run bench:profile -- "POST /api/scores/actions" postgres 10
//   (an endpoint of `npm run bench`'s table instead of a path: its requests, writes included)
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildScenarios, signBenchTokens } from './scenarios.mjs';

const [path = '/api/health', target = 'pglite', seconds = '10'] = process.argv.slice(2);
if (!['pglite', 'postgres'].includes(target) || !(Number(seconds) > 0)) {
  console.error(
    'usage: npm run bench:profile -- <path starting with /, or an endpoint of npm run bench> [pglite|postgres] [seconds]',
  );
  process.exit(2);
}
// Not a path: a scenario of `npm run bench`, by its endpoint label (case-insensitive).
const context = { server: undefined };
const scenario = path.startsWith('/')
  ? undefined
  : buildScenarios(await signBenchTokens(), context).find(
      (candidate) => candidate.endpoint.toLowerCase() === path.toLowerCase() && candidate.target('pglite'),
    );
if (!path.startsWith('/') && !scenario) {
  const endpoints = buildScenarios({}, context)
    .filter((candidate) => candidate.target('pglite'))
    .map((candidate) => candidate.endpoint);
  console.error(`No endpoint "${path}" in npm run bench; one of:\n  ${endpoints.join('\n  ')}`);
  process.exit(2);
}
const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const schema =
  target === 'postgres' ? `podium_prof_${process.pid}_${randomBytes(3).toString('hex')}` : undefined;
const dir = fileURLToPath(new URL(`./results/profile-${Date.now()}/`, import.meta.url));
await mkdir(dir, { recursive: true });

const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [], {
  execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  env: {
    ...process.env,
    BENCH_TARGET: target,
    ...(schema ? { BENCH_DATABASE_URL: url, BENCH_SCHEMA: schema } : {}),
  },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const window = { start: 0, end: Infinity };
const exited = new Promise((resolve) => child.once('exit', resolve));
try {
  const ready = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    exited.then(() => reject(new Error('the bench server exited before it was ready')));
  });
  const ids = ready.statsIdentifiers ?? [];
  context.server = { statsIdentifiers: ids };
  const base = `http://127.0.0.1:${ready.port}`;
  await scenario?.prepare?.(base);
  let n = 0;
  const next = scenario
    ? () => scenario.next()
    : () => ({
        method: 'GET',
        path: path.replace('{stats}', () => ids[n++ % Math.max(ids.length, 1)] ?? 'none'),
      });
  console.log(`Profiling ${scenario ? path : `GET ${path}`} on ${target} for ${seconds} s (10 connections)…`);
  // V8 stamps samples with the system's monotonic clock in µs, as hrtime: the window keeps the
  // load's samples and leaves the start-up and seeding out.
  window.start = Number(process.hrtime.bigint() / 1000n);
  const result = await autocannon({
    url: base,
    connections: 10,
    duration: Number(seconds),
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  window.end = Number(process.hrtime.bigint() / 1000n);
  console.log(
    `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${result.non2xx} non-2xx, ${result.errors} errors`,
  );
} finally {
  child.send?.({ type: 'stop' });
  await exited;
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

const file = (await readdir(dir)).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile was written in ${dir}`);
const profile = JSON.parse(await readFile(`${dir}${file}`, 'utf8'));
// Self time per node: samples × the mean interval.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map();
let stamp = profile.startTime;
let inWindow = 0;
for (let i = 0; i < profile.samples.length; i += 1) {
  stamp += profile.timeDeltas[i] ?? 0;
  if (stamp < window.start || stamp > window.end) continue;
  inWindow += 1;
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
if (inWindow === 0) throw new Error('no sample fell in the load window (clock bases differ?)');
/** Which part of the stack a function belongs to, by its file. */
const areaOf = ({ functionName, url: file }) => {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  if (/node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-)/.test(file)) return 'pg driver';
  if (/node_modules\/@electric-sql\/pglite/.test(file)) return 'PGlite (WASM Postgres)';
  if (/node_modules\/zod/.test(file)) return 'validation (zod)';
  if (/node_modules\/jose/.test(file)) return 'JWT (jose)';
  if (/node_modules\/hono|node_modules\/@hono/.test(file)) return 'Hono + node-server';
  if (/node_modules\/(tsx|esbuild)/.test(file)) return 'tsx (load)';
  if (/node_modules\/ioredis/.test(file)) return 'ioredis';
  if (/^node:|^internal\//.test(file) || (!file && functionName)) return 'Node (HTTP, net, crypto, JSON…)';
  if (/\/server\/src\/|\/src\//.test(file)) return 'Podium code';
  return file ? 'other' : 'native';
};
const areas = new Map();
const functions = new Map();
let total = 0;
for (const [id, us] of selfUs) {
  const frame = byId.get(id).callFrame;
  const area = areaOf(frame);
  if (area === '(idle)') continue;
  total += us;
  areas.set(area, (areas.get(area) ?? 0) + us);
  const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|server|src)\//, '$1/')}:${frame.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
}
const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`\nBusy CPU time by area (${(total / 1e6).toFixed(1)} s sampled, idle left out):`);
for (const [area, us] of [...areas].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(us)}  ${area}`);
console.log('\nTop functions by self time:');
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`  ${pct(us)}  ${name}`);
console.log(`\nProfile: ${dir}${file} (open in Chrome DevTools, Performance panel)`);
if (process.env.BENCH_PROFILE_KEEP !== '1') await rm(dir, { recursive: true, force: true }).catch(() => {});

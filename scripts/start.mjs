#!/usr/bin/env node
// `npm start`: builds what changed (the server's JS, the demo page) and starts the Podium server in
// demo mode on the embedded database with seeded data. Honours PORT, HOST, DATABASE_URL,
// PODIUM_DATA_DIR and the other variables in the README.
//
// Fast by design (issue 10): the server is built without type declarations (the demo runs its JS;
// `npm run build:server` still builds the declarations), a build whose inputs have the same
// content hash as last time is reused (scripts/buildStamp.mjs), and the two builds run in
// parallel. The server starts as soon as its own build is there: seeding the database overlaps
// the page build, since the page is only read when a browser asks for it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { hashInputs, isFresh, writeStamp } from './buildStamp.mjs';

// performance.now() counts from the process start, so "Ready in" includes Node's own boot.
const seconds = (from = 0) => ((performance.now() - from) / 1000).toFixed(1);
const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const children = new Set();
let stopping = false;

/** A package's command-line script, run with this Node (no npm/npx process in between). */
function bin(pkg, name) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin: bins } = require(manifest);
  return join(dirname(manifest), typeof bins === 'string' ? bins : bins[name ?? pkg]);
}

const builds = [
  {
    label: 'server',
    outDir: join(root, 'server/dist'),
    // What esbuild bundles: the server and the core it inlines, and what configures it.
    // Migrations are read from server/migrations at run time, so they are not a build input.
    inputs: ['server/src', 'src', 'server/tsup.config.ts', 'server/package.json', 'server/tsconfig.json'],
    cwd: join(root, 'server'),
    args: [bin('tsup', 'tsup'), '--no-dts', '--silent'],
  },
  {
    label: 'demo page',
    outDir: join(root, 'examples/demo/dist'),
    // The page and everything it aliases or scans for Tailwind classes.
    inputs: ['examples/demo', 'src', 'components', 'hooks', 'mocks', 'package.json', 'tsconfig.json'],
    cwd: root,
    args: [bin('vite'), 'build', '--config', 'examples/demo/vite.config.ts', '--logLevel', 'warn'],
  },
];
const shared = ['tsconfig.base.json', 'package-lock.json'];

function runBuild(build) {
  const { hash, files } = hashInputs(root, [...build.inputs, ...shared], build.args.slice(1).join(' '));
  if (isFresh(build.outDir, hash)) {
    process.stdout.write(`▸ ${build.label}: reused (${files} input files unchanged)\n`);
    return Promise.resolve();
  }
  const from = performance.now();
  process.stdout.write(`▸ ${build.label}: building (${files} input files changed or never built)…\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, build.args, {
      cwd: build.cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`Building the ${build.label} failed (exit code ${code})`));
      writeStamp(build.outDir, hash);
      process.stdout.write(`▸ ${build.label}: built in ${seconds(from)} s\n`);
      resolve();
    });
  });
}

function fail(message) {
  if (stopping) process.exit(0); // a build killed by Ctrl-C is not a failure to report
  console.error(`\n✖ ${message}. Did 'npm install' finish? Run it again, then 'npm start'.`);
  for (const child of children) child.kill('SIGTERM');
  process.exit(1);
}

/** Starts `podium-server demo`; resolves with its URL once it says the demo is ready. */
function startServer() {
  const server = spawn(process.execPath, ['server/dist/cli.js', 'demo'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    // When `npm start` began, so the server's own "Demo ready in" covers the whole start too.
    env: { ...process.env, PODIUM_START_TIME: String(Math.round(performance.timeOrigin)) },
  });
  children.add(server);
  return new Promise((resolve) => {
    let url = '';
    createInterface({ input: server.stdout }).on('line', (line) => {
      process.stdout.write(`${line}\n`);
      url = /listening on (\S+)/.exec(line)?.[1] ?? url;
      if (line.startsWith('Demo ready in')) resolve(url);
    });
    server.on('exit', (code, signal) => {
      children.delete(server);
      for (const child of children) child.kill('SIGTERM'); // a page build still running
      process.exit(signal ? 0 : (code ?? 0));
    });
  });
}

// Ctrl-C or a kill, during a build or later: pass it on (the server shuts down cleanly), then
// exit when the server does, or at once when nothing is left to wait for.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    for (const child of children) child.kill(signal);
    if (children.size === 0) process.exit(0);
  });
}

try {
  const [serverBuild, demoBuild] = builds.map(runBuild);
  // A failed page build must not leave the server running: fail() stops it.
  demoBuild.catch((error) => fail(error.message));
  await serverBuild;
  const url = await startServer();
  await demoBuild;
  process.stdout.write(`▸ Ready in ${seconds()} s: open ${url}/\n`);
} catch (error) {
  fail(error.message);
}

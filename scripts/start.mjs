#!/usr/bin/env node
// `npm start`: builds the server and the demo page, then starts the Podium server in demo mode on
// the embedded database with seeded data. Honours PORT, HOST, DATABASE_URL, PODIUM_DATA_DIR and
// the other variables in the README. Builds always run (a few seconds) so a stale build is never
// served after a pull.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

function run(label, command, args, options = {}) {
  return new Promise((resolve, reject) => {
    process.stdout.write(`▸ ${label}…\n`);
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${label} failed (exit code ${code})`))));
  });
}

try {
  await run('Building the server', 'npm', ['run', '--silent', 'build:server']);
  await run('Building the demo page', 'npm', ['run', '--silent', 'build:demo', '--', '--logLevel', 'warn']);
  process.stdout.write(`▸ Built in ${seconds()} s. Starting the server…\n`);
} catch (error) {
  console.error(`\n✖ ${error.message}. Did 'npm install' finish? Run it again, then 'npm start'.`);
  process.exit(1);
}

const server = spawn(process.execPath, ['server/dist/cli.js', 'demo'], {
  stdio: 'inherit',
  env: { ...process.env, PODIUM_START_TIME: String(Date.now() - Math.round(performance.now() - started)) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));

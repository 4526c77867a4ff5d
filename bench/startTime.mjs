// `npm run bench:start`: how long `npm start` takes to a ready demo, cold and warm (issue 10's
// goals: 20 s after `npm install` on a quiet 2-core machine, 5 s for a second start with nothing
// changed). Cold is a fresh `git clone` of this repository's HEAD with node_modules hard-linked
// from here (what `npm install` leaves), so nothing is built and there is no database yet; warm is
// a second `npm start` in that clone. A figure, not a test: it fails only when a start fails.
//
//   npm run bench:start                  # one cold and one warm start
//   npm run bench:start -- --warm=3      # more warm starts
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseFlags } from './shared.mjs';

const flags = parseFlags(process.argv.slice(2));
const warmRuns = Number(flags.warm ?? 1);
const timeoutMs = 300_000;
const repo = fileURLToPath(new URL('..', import.meta.url));
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** Runs `npm start` in `dir` until its "Ready in" line, then stops it (its whole process group). */
function start(dir) {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    // Its own process group, so the server it starts is stopped with it.
    const child = spawn('npm', ['start'], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '0' },
    });
    let output = '';
    const timer = setTimeout(
      () => finish(new Error(`no "Ready in" line within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    function finish(error, result) {
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      child.once('close', () => (error ? reject(Object.assign(error, { output })) : resolve(result)));
    }
    const onData = (chunk) => {
      output += chunk;
      const ready = /Ready in ([\d.]+) s/.exec(output);
      if (ready) {
        const reused = output.match(/▸ .*: reused/g)?.length ?? 0;
        finish(undefined, { wall: (performance.now() - began) / 1000, printed: Number(ready[1]), reused });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      if (!/Ready in/.test(output)) finish(new Error(`npm start exited (code ${code}) before it was ready`));
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'podium-start-'));
try {
  console.log(`Cloning ${repo} (HEAD) into ${dir}; load average ${load()} on this machine`);
  execFileSync('git', ['clone', '--quiet', repo, dir]);
  // Hard links: as fast as a copy can be, and what an `npm install` would have put there.
  execFileSync('cp', ['-al', join(repo, 'node_modules'), join(dir, 'node_modules')]);
  const rows = [];
  for (const [label, runs] of [
    ['cold', 1],
    ['warm', warmRuns],
  ]) {
    for (let n = 0; n < runs; n += 1) {
      const before = load();
      const result = await start(dir);
      rows.push({
        start: label,
        'wall s': result.wall.toFixed(1),
        'printed s': result.printed.toFixed(1),
        'builds reused': result.reused,
        'load before': before,
      });
    }
  }
  console.table(rows);
  console.log(
    'wall: from spawning `npm start` to its "Ready in" line; printed: that line\'s own figure (from the start of scripts/start.mjs)',
  );
} catch (error) {
  console.error(`✖ ${error.message}\n${error.output ?? ''}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

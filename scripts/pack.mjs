#!/usr/bin/env node
// `npm run pack:local [-- --no-build] [--dest <dir>] [--json]`: builds the library and packs it
// with `npm pack`, exactly as `npm publish` would, so host apps and the package checks install
// and inspect the real tarball rather than the working tree. Prints the tarball's absolute path
// (the last line of stdout), or with --json one line `{ "tarball", "stable", "sha256", "files" }`.
// `stable` is the same tarball copied to `<dir>/podium-kit.tgz`, the name the examples depend on.
//
// Also importable: `import { pack } from './scripts/pack.mjs'` (the hosts' global setup and the
// package hygiene test use it).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** Where tarballs go unless told otherwise: inside the repo (gitignored), so paths stay stable. */
export const defaultDestination = resolve(repo, '.pack');

function run(command, args, { capture = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: repo,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolvePromise(stdout)
        : reject(new Error(`${command} ${args.join(' ')} failed (exit code ${code})`)),
    );
  });
}

/**
 * Builds (unless `build: false`) and packs the library.
 * @param {{ build?: boolean, destination?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ tarball: string, stable: string, sha256: string, files: string[] }>}
 */
export async function pack({
  build = true,
  destination = defaultDestination,
  log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  if (build) {
    log('▸ Building the library (npm run build:lib)…');
    // Build output goes to stderr so stdout stays the tarball path only.
    await new Promise((resolvePromise, reject) => {
      const child = spawn('npm', ['run', '--silent', 'build:lib'], { cwd: repo, stdio: ['ignore', 2, 2] });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolvePromise() : reject(new Error(`npm run build:lib failed (exit code ${code})`)),
      );
    });
  }
  await mkdir(destination, { recursive: true });
  log(`▸ Packing into ${destination}…`);
  // --ignore-scripts: packing must not trigger a `prepare`/`prepack` rebuild behind our back.
  const out = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
    capture: true,
  });
  const [info] = JSON.parse(out);
  const tarball = resolve(destination, info.filename);
  const sha256 = createHash('sha256')
    .update(await readFile(tarball))
    .digest('hex');
  // A copy under a name that does not change with the version: the examples depend on
  // `file:../../.pack/podium-kit.tgz`, so a version bump does not touch their package.json.
  const stable = resolve(destination, 'podium-kit.tgz');
  await copyFile(tarball, stable);
  return { tarball, stable, sha256, files: info.files.map((file) => file.path) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const destIndex = args.indexOf('--dest');
  const destination = destIndex >= 0 ? resolve(args[destIndex + 1]) : defaultDestination;
  try {
    const result = await pack({ build: !args.includes('--no-build'), destination });
    process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${result.tarball}\n`);
  } catch (error) {
    console.error(`✖ ${error.message}`);
    process.exit(1);
  }
}

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** What scripts/pack.mjs returns (see its JSDoc). */
export interface PackedPodium {
  tarball: string;
  stable: string;
  sha256: string;
  files: string[];
}

const repo = resolve(import.meta.dirname, '../..');

/** An example's folder, e.g. `examples/next-app`. */
export const exampleDir = (name: string): string => join(repo, 'examples', name);

/**
 * The environment a host's own tools should see: the test runner's variables removed. Vitest sets
 * NODE_ENV=test, which would make Vite and Next build React in development mode.
 */
export function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', npm_config_update_notifier: 'false', ...extra };
}

/** Runs a command to completion; rejects with its output when it fails. Resolves to the output. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? hostEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolvePromise(output)
        : reject(
            new Error(
              `${command} ${args.join(' ')} failed in ${options.cwd} (exit code ${code}):\n${output}`,
            ),
          ),
    );
  });
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Installs an example's dependencies, podium from the packed tarball among them, the way a user
 * would (`npm install`). No lock file: the examples depend on `file:../../.pack/podium-kit.tgz`, whose
 * integrity changes with every build, so a committed lock would be stale after any library change.
 *
 * Skipped when neither the tarball nor the example's package.json changed since the last install
 * (a stamp in node_modules records both hashes). When only the tarball changed, podium's folder
 * is removed first so npm unpacks the new tarball instead of trusting the installed copy.
 */
export async function installExample(
  name: string,
  packed: PackedPodium,
): Promise<{ installed: boolean; took: string }> {
  const started = performance.now();
  const dir = exampleDir(name);
  const manifest = await readFile(join(dir, 'package.json'));
  const stampValue = `${packed.sha256}\n${createHash('sha256').update(manifest).digest('hex')}\n`;
  const stamp = join(dir, 'node_modules', '.podium-install-stamp');
  if (
    existsSync(stamp) &&
    (await readFile(stamp, 'utf8')) === stampValue &&
    existsSync(join(dir, 'node_modules', 'podium-kit', 'package.json'))
  ) {
    return { installed: false, took: seconds(started) };
  }
  await rm(join(dir, 'node_modules', 'podium-kit'), { recursive: true, force: true });
  await run('npm', ['install', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
  });
  // The installed podium must be the tarball just packed, not some other copy.
  const installed = JSON.parse(
    await readFile(join(dir, 'node_modules', 'podium-kit', 'package.json'), 'utf8'),
  ) as { name: string };
  if (installed.name !== 'podium-kit')
    throw new Error(`examples/${name}: node_modules/podium-kit is not the podium-kit package`);
  await writeFile(stamp, stampValue);
  return { installed: true, took: seconds(started) };
}

/** Builds an example with its own `npm run build` (always: a cached build could hide a break). */
export async function buildExample(
  name: string,
  env: Record<string, string> = {},
): Promise<{ took: string; output: string }> {
  const started = performance.now();
  const output = await run('npm', ['run', 'build'], { cwd: exampleDir(name), env: hostEnv(env) });
  return { took: seconds(started), output };
}

export interface HostServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a long-running server of a host (e.g. `next start`) in its own process group, waits until
 * `url` answers, and `stop()` ends the whole group (Next forks a worker that outlives its parent
 * when only the parent is signalled).
 */
export async function startHostServer(
  command: string,
  args: string[],
  options: { cwd: string; url: string; env?: NodeJS.ProcessEnv },
): Promise<HostServer> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? hostEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((resolvePromise) => setTimeout(resolvePromise, 5_000))]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${command} ${args.join(' ')} exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(options.url, { redirect: 'manual' });
      await response.arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `${command} ${args.join(' ')} did not answer at ${options.url} within 60 s:\n${output}`,
      );
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
  }
  return { url: options.url, output: () => output, stop };
}

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { stat, readdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLeases } from '../../src/background/leaseStore.js';
import { appendMarketplaceEvents } from '../../src/subgraph/index.js';
import { createDemoMarketplace, demoSubgraphPath } from '../../src/userStats/demoMarketplace.js';
import { testJwtSecret } from '../helpers/testApp.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * Two real `podium-server start` processes (the built CLI) against one Postgres schema, each
 * reading the subgraph through its own port so the test can tell who syncs: the stats sync runs
 * on one of them only; SIGKILL that one (no shutdown, no release) and the other takes it over.
 *
 * Postgres only: a PGlite data directory can be opened by one process at a time, so there is no
 * second instance to coordinate with on the embedded database.
 */
const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(serverDir, 'dist', 'cli.js');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await sleep(50);
  }
  return performance.now() - start;
}

/** The newest modification time under `dir`. */
async function newest(dir: string): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return latest;
}

/** Builds `dist/` when it is missing or older than the sources (`npm run build:server`). */
async function ensureBuilt(): Promise<void> {
  const built = await stat(cli).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built > (await newest(join(serverDir, 'src')))) return;
  await promisify(execFile)('npm', ['run', 'build'], { cwd: serverDir });
}

interface Instance {
  child: ChildProcess;
  url: string;
  /** Sync runs seen by this instance's subgraph port (each sync asks for the head block first). */
  syncs: number;
  subgraph: Server;
  output: string;
}

describe.skipIf(!testDatabaseUrl)('two server processes against one Postgres', () => {
  let test: TestDatabase;
  const instances: Instance[] = [];
  const market = createDemoMarketplace({ events: 300 });

  async function startInstance(): Promise<Instance> {
    const instance = { syncs: 0, output: '' } as Instance;
    instance.subgraph = await new Promise<Server>((resolve) => {
      const server = serve(
        {
          fetch: async (request) => {
            if ((await request.clone().text()).includes('_meta')) instance.syncs += 1;
            return market.app.fetch(request);
          },
          port: 0,
          hostname: '127.0.0.1',
        },
        () => resolve(server as Server),
      ) as Server;
    });
    const subgraphPort = (instance.subgraph.address() as AddressInfo).port;
    instance.child = spawn(process.execPath, [cli, 'start'], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: test.connectionUrl!,
        REDIS_URL: '',
        PORT: '0',
        HOST: '127.0.0.1',
        PODIUM_JWT_SECRET: testJwtSecret,
        PODIUM_SUBGRAPH_URL: `http://127.0.0.1:${subgraphPort}${demoSubgraphPath}`,
        PODIUM_STATS_SYNC_INTERVAL_SECONDS: '1',
        PODIUM_BACKGROUND_LEASE_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    instance.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The server did not start:\n${instance.output}`)),
        60_000,
      );
      const read = (chunk: Buffer) => {
        instance.output += chunk.toString();
        const listening = /listening on (\S+)/.exec(instance.output);
        if (listening) {
          clearTimeout(timer);
          resolve(listening[1]!);
        }
      };
      instance.child.stdout!.on('data', read);
      instance.child.stderr!.on('data', read);
      instance.child.once('exit', () =>
        reject(new Error(`The server exited while starting:\n${instance.output}`)),
      );
    });
    instances.push(instance);
    return instance;
  }

  beforeAll(async () => {
    await ensureBuilt();
    test = await createTestDatabase();
    await startInstance();
    await startInstance();
  }, 180_000);

  afterAll(async () => {
    for (const { child, subgraph } of instances) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(15_000)]);
      }
      subgraph.close();
    }
    await test?.cleanup();
  }, 60_000);

  it('syncs on one instance; SIGKILL it and the other takes the sync over within seconds', async () => {
    const [a, b] = instances as [Instance, Instance];
    // Both serve requests.
    for (const instance of instances) expect((await fetch(`${instance.url}/api/health`)).status).toBe(200);
    await waitFor(() => a.syncs + b.syncs >= 3, 30_000);
    await sleep(1_500);
    const holder = a.syncs > 0 ? a : b;
    const other = holder === a ? b : a;
    expect(holder.syncs).toBeGreaterThanOrEqual(3);
    expect(other.syncs).toBe(0);
    const [lease] = (await readLeases(test.db)).filter((row) => row.name === 'userStats:sync');
    expect(lease!.holder).toContain(`:${holder.child.pid}:`);

    const killedAt = performance.now();
    holder.child.kill('SIGKILL');
    appendMarketplaceEvents(market.data, { events: 20, seed: 99 });
    await waitFor(() => other.syncs > 0, 15_000);
    const tookOverMs = performance.now() - killedAt;
    const [moved] = (await readLeases(test.db)).filter((row) => row.name === 'userStats:sync');
    expect(moved!.holder).toContain(`:${other.child.pid}:`);
    expect(moved!.term).toBeGreaterThanOrEqual(2);
    // Every background lease now belongs to the survivor.
    await waitFor(
      async () => (await readLeases(test.db)).every((row) => row.holder.includes(`:${other.child.pid}:`)),
      10_000,
    );
    // A 1 s lease, a heartbeat every 1/3 s, a scheduler that looks every 2 s while it waits:
    // a few seconds at most, even on a busy machine.
    expect(tookOverMs).toBeLessThan(6_000);
    console.info(`scaleOut: the stats sync moved ${Math.round(tookOverMs)} ms after SIGKILL`);
    expect((await fetch(`${other.url}/api/health`)).status).toBe(200);
  }, 90_000);
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster, Redis } from 'ioredis';

/** A Redis Cluster of three primaries that a test started on free ports, and stops. */
export interface TestRedisCluster {
  /** The nodes' client ports (each also uses port + 10000 for the cluster bus). */
  ports: number[];
  /** A connected ioredis Cluster client (the test's to use; `stop()` disconnects it). */
  client: Cluster;
  stop(): Promise<void>;
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Three ports whose bus ports (port + 10000) are free too. */
async function freePorts(): Promise<number[]> {
  const ports: number[] = [];
  for (let port = 20_000 + Math.floor(Math.random() * 20_000); ports.length < 3; port += 7) {
    if ((await isFree(port)) && (await isFree(port + 10_000))) ports.push(port);
  }
  return ports;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Redis Cluster: timed out waiting for ${what}`);
}

/**
 * Starts three `redis-server --cluster-enabled yes` processes (nothing on disk but their node
 * files in a temporary folder), joins them with `redis-cli --cluster create`, and waits until
 * every slot is served. Fails (never skips) when redis-server is not installed.
 */
export async function startRedisCluster(): Promise<TestRedisCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'podium-cluster-'));
  const ports = await freePorts();
  const processes: ChildProcess[] = ports.map((port) =>
    spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(dir, `nodes-${port}.conf`),
        '--cluster-node-timeout',
        '2000',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      { stdio: 'ignore' },
    ),
  );
  const stopAll = async () => {
    for (const child of processes) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      await waitFor(async () => {
        const probe = new Redis({
          port,
          host: '127.0.0.1',
          lazyConnect: true,
          retryStrategy: () => null,
          maxRetriesPerRequest: 0,
        });
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } finally {
          probe.disconnect();
        }
      }, `node ${port}`);
    }
    const create = spawnSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((p) => `127.0.0.1:${p}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (create.status !== 0)
      throw new Error(`redis-cli --cluster create failed: ${create.stderr || create.stdout}`);
    await waitFor(async () => {
      const probe = new Redis({ port: ports[0]!, host: '127.0.0.1' });
      try {
        return /cluster_state:ok/.test(String(await probe.call('CLUSTER', 'INFO')));
      } finally {
        probe.disconnect();
      }
    }, 'cluster_state:ok');
    const client = new Cluster(
      ports.map((port) => ({ host: '127.0.0.1', port })),
      {
        redisOptions: { connectTimeout: 2_000, maxRetriesPerRequest: 1 },
      },
    );
    return {
      ports,
      client,
      async stop() {
        await client.quit().catch(() => client.disconnect());
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

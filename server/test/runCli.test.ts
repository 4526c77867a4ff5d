import { type AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { migrationsDirectory } from '../src/migrate.js';
import { runCli, usage, type CliResult } from '../src/runCli.js';
import { readStoredStats } from '../src/userStats/userStatsRows.js';
import { appendMarketplaceEvents, createSubgraphApp, createSubgraphFaults } from '../src/subgraph/index.js';
import { createRecordingLogger } from './helpers/testApp.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from './helpers/testDatabase.js';
import { createStandIn, expectedStats, type StandIn } from './userStats/standIn.js';

/**
 * The commands end to end, in-process, on a real listening server: a temporary PGlite data
 * directory (or a fresh Postgres schema when DATABASE_URL is set) and port 0.
 */
describe('podium-server commands', () => {
  let dir: string;
  let postgres: TestDatabase | undefined;
  let env: Record<string, string>;
  const running: CliResult[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-cli-'));
    postgres = testDatabaseUrl ? await createTestDatabase({ migrated: false }) : undefined;
    env = {
      PORT: '0',
      HOST: '127.0.0.1',
      PODIUM_DATA_DIR: join(dir, 'data'),
      DATABASE_URL: postgres?.connectionUrl ?? '',
      REDIS_URL: '',
      PODIUM_DEMO_DIR: join(dir, 'demo-not-built'),
    };
  });
  afterAll(async () => {
    for (const result of running) await result.server?.close();
    await postgres?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(argv: string[], extraEnv: Record<string, string> = {}) {
    const logger = createRecordingLogger();
    const result = await runCli(argv, { ...env, ...extraEnv }, logger);
    running.push(result);
    return { result, logger, output: logger.entries.map((entry) => entry.message).join('\n') };
  }

  it('prints usage for --help and refuses unknown commands', async () => {
    const help = await run(['--help']);
    expect(help.result.exitCode).toBe(0);
    expect(help.output).toBe(usage);
    for (const command of ['start', 'migrate', 'demo']) expect(usage).toContain(command);

    const unknown = await run(['serve']);
    expect(unknown.result.exitCode).toBe(2);
    expect(unknown.output).toContain('Unknown arguments: serve');
  });

  it('exits with 1 and names the variable on bad configuration', async () => {
    const { result, output } = await run(['start'], { PORT: 'eighty' });
    expect(result.exitCode).toBe(1);
    expect(output).toContain('PORT must be a whole number');
  });

  it('migrate applies the migrations, then reports the database up to date', async () => {
    // Counted from the directory, so a new migration does not break this test.
    const total = (await readdir(fileURLToPath(migrationsDirectory))).filter((name) =>
      name.endsWith('.sql'),
    ).length;
    const first = await run(['migrate']);
    expect(first.result.exitCode).toBe(0);
    expect(first.output).toContain(`Applied ${total} of ${total} migrations`);
    const second = await run(['migrate']);
    expect(second.output).toContain(`Database up to date (${total} migrations)`);
  });

  it('start serves the API without the demo routes', async () => {
    const { result, output } = await run([], {
      PODIUM_JWT_SECRET: 'a-real-secret-of-at-least-32-characters!',
    });
    expect(result.server).toBeDefined();
    expect(output).toContain(`Podium server listening on ${result.server!.url}`);
    expect((await fetch(`${result.server!.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${result.server!.url}/api/demo/users`)).status).toBe(404);
    expect((await fetch(`${result.server!.url}/`)).status).toBe(404);
    await result.server!.close();
  });

  it('demo seeds, signs demo tokens and explains a missing demo page', async () => {
    const { result, output, logger } = await run(['demo']);
    const url = result.server!.url;
    expect(output).toMatch(/Demo ready in \d+\.\d s/);
    expect(logger.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.message)).toEqual([
      expect.stringContaining('PODIUM_JWT_SECRET and PODIUM_API_KEY unset'),
    ]);

    const users = (await (await fetch(`${url}/api/demo/users`)).json()) as { users: Array<{ id: string }> };
    expect(users.users.map((user) => user.id)).toEqual(['alice', 'bob', 'carol']);
    const { token } = (await (await fetch(`${url}/api/demo/token?user=alice`)).json()) as { token: string };
    const stats = (await (
      await fetch(`${url}/api/stats`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { totals: { jobs: number } };
    expect(stats.totals.jobs).toBeGreaterThan(0);
    // Browsers may call the demo API from anywhere.
    expect(
      (await fetch(`${url}/api/health`, { headers: { origin: 'http://elsewhere.test' } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('*');

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('npm run build:demo');
    expect((await fetch(`${url}/api/unknown`)).status).toBe(404);
    await result.server!.close();
    // It seeds the whole demo (stats, boards, points, referrals): 5 s when quiet, past 30 s once
    // on a CI machine loaded with the parallel suites.
  }, 90_000);

  it('demo serves a built page with a single-page-app fallback, and nothing outside it', async () => {
    const site = join(dir, 'demo-site');
    await mkdir(join(site, 'assets'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<!doctype html><title>Podium demo</title>');
    await writeFile(join(site, 'assets', 'app-1234.js'), 'console.log("podium")');
    await writeFile(join(dir, 'secret.txt'), 'outside the site');

    const { result } = await run(['demo'], { PODIUM_DEMO_DIR: site });
    const url = result.server!.url;
    const index = await fetch(`${url}/`);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('Podium demo');
    const asset = await fetch(`${url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await fetch(`${url}/some/client/route`)).text()).toContain('Podium demo');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      expect(await (await fetch(`${url}${path}`)).text()).not.toContain('outside the site');
    }
    await result.server!.close();
  });
});

/**
 * `stats:backfill` and `stats:sync` in-process against the subgraph stand-in served over real
 * HTTP on a free port, into a database of their own (a PGlite directory, or a Postgres schema).
 */
describe('podium-server stats commands', () => {
  let dir: string;
  let postgres: TestDatabase | undefined;
  let env: Record<string, string>;
  let standIn: StandIn;
  let server: ServerType;
  const faults = createSubgraphFaults();
  let requests = 0;
  let failAtRequest: number | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-cli-stats-'));
    postgres = testDatabaseUrl ? await createTestDatabase({ migrated: false }) : undefined;
    standIn = createStandIn({ walletCount: 30, events: 1_500, seed: 8 });
    const app = createSubgraphApp(standIn.data, {
      faults,
      onRequest: () => {
        // A 400 is not retried: the run fails at once, mid-way.
        if (++requests === failAtRequest) faults.failNext(1, 400);
      },
    });
    server = await new Promise<ServerType>((resolve) => {
      const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
    });
    env = {
      PODIUM_DATA_DIR: join(dir, 'data'),
      DATABASE_URL: postgres?.connectionUrl ?? '',
      REDIS_URL: '',
      PODIUM_SUBGRAPH_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    };
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await postgres?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(argv: string[], extraEnv: Record<string, string> = {}) {
    const logger = createRecordingLogger();
    const progress = { text: '', isTTY: false, write: (chunk: string) => void (progress.text += chunk) };
    const result = await runCli(argv, { ...env, ...extraEnv }, logger, undefined, {
      progress,
      handleSignals: false,
    });
    return {
      result,
      progress: progress.text,
      output: logger.entries.map((entry) => entry.message).join('\n'),
    };
  }

  /** What the command left in the database, read through the same configuration. */
  async function stored() {
    const db = await openDatabase(loadConfig(env));
    try {
      return new Map((await readStoredStats(db)).map((row) => [row.subject, row.stats]));
    } finally {
      await db.close();
    }
  }

  it('explains a missing PODIUM_SUBGRAPH_URL and refuses unknown flags', async () => {
    for (const command of ['stats:backfill', 'stats:sync']) {
      const { result, output } = await run([command], { PODIUM_SUBGRAPH_URL: '' });
      expect(result.exitCode).toBe(1);
      expect(output).toContain(`PODIUM_SUBGRAPH_URL is not set: ${command} needs`);
    }
    expect((await run(['stats:sync', '--restart'])).result.exitCode).toBe(2);
    expect((await run(['migrate', '--restart'])).result.exitCode).toBe(2);
    expect(usage).toContain('stats:backfill');
  });

  it('backfills (resuming after a failure), then syncs what changed', async () => {
    failAtRequest = requests + 4;
    const failed = await run(['stats:backfill']);
    expect(failed.result.exitCode).toBe(1);
    expect(failed.output).toMatch(/stats:backfill failed: Subgraph .*HTTP 400/);

    const backfill = await run(['stats:backfill']);
    expect(backfill.result.exitCode).toBe(0);
    expect(backfill.output).toMatch(
      /Backfill resumed and done in \d+s: [\d,]+ listings, .*users calculated; sync cursor at block \d+/,
    );
    // Plain lines (not a TTY): the last one is the finished bar.
    expect(backfill.progress).toMatch(/\[#{10}\] 100% [\d,]+\/[\d,]+ users [\d,]+\/s/);
    expect(backfill.progress).not.toContain('\r');
    expect(await stored()).toEqual(expectedStats(standIn.data, {}));

    appendMarketplaceEvents(standIn.data, { events: 200, seed: 9 });
    const sync = await run(['stats:sync']);
    expect(sync.result.exitCode).toBe(0);
    expect(sync.output).toMatch(
      /Synced blocks \d+\.\.\d+ in \d+s: [\d,]+ changed entities, [\d,]+ users recalculated/,
    );
    expect(await stored()).toEqual(expectedStats(standIn.data, {}));

    const idle = await run(['stats:sync']);
    expect(idle.output).toBe(`Up to date at block ${standIn.data.head}.`);
  });
});

/** `boards:rebuild` in-process, into a database of its own (a PGlite directory, or a Postgres schema). */
describe('podium-server boards:rebuild', () => {
  let dir: string;
  let postgres: TestDatabase | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-cli-boards-'));
    postgres = testDatabaseUrl ? await createTestDatabase({ migrated: false }) : undefined;
    env = { PODIUM_DATA_DIR: join(dir, 'data'), DATABASE_URL: postgres?.connectionUrl ?? '', REDIS_URL: '' };
  });
  afterAll(async () => {
    await postgres?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(argv: string[]) {
    const logger = createRecordingLogger();
    const result = await runCli(argv, env, logger);
    return { result, output: logger.entries.map((entry) => entry.message).join('\n') };
  }
  async function withDatabase(sql: string) {
    const db = await openDatabase(loadConfig(env));
    try {
      await db.exec(sql);
    } finally {
      await db.close();
    }
  }

  it('migrates, rebuilds, and reports whether the cache differed', async () => {
    expect(usage).toContain('boards:rebuild');
    expect((await run(['boards:rebuild', '--restart'])).result.exitCode).toBe(2);

    const first = await run(['boards:rebuild']);
    expect(first.result.exitCode).toBe(0);
    expect(first.output).toMatch(
      /Seller boards rebuilt in \d+ ms: the cache matched the base tables \(0 rows\)\./,
    );

    // Imported history with the triggers off (as a bulk load might): the cache misses it.
    await withDatabase(`
      SET session_replication_role = replica;
      INSERT INTO podium_products (id, seller_id, status, price, currency, sold_at)
        VALUES ('imported', 'seller', 'sold', 5, 'USD', '2024-05-05T00:00:00Z');
      SET session_replication_role = DEFAULT;`);
    const repaired = await run(['boards:rebuild']);
    expect(repaired.output).toMatch(/the cache differed, 2 of 2 rows changed\./);
    const again = await run(['boards:rebuild']);
    expect(again.output).toContain('the cache matched the base tables (2 rows).');
  });
});

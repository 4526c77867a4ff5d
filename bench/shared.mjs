// What the standalone benchmarks (statsSync.mjs, sellerBoards.mjs) share: flags, loading the
// server's TypeScript source, and the databases to measure on.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';

/** `--key=value` and bare `--flag` (→ 'true') arguments as an object. */
export function parseFlags(argv) {
  return Object.fromEntries(
    argv.map((arg) => {
      const [key, value] = arg.replace(/^--/, '').split('=');
      return [key, value ?? 'true'];
    }),
  );
}

/** Imports a server module from source through tsx, with the server's tsconfig (paths to src/). */
export function loadServerModule(path) {
  return tsImport(path, {
    parentURL: import.meta.url,
    tsconfig: new URL('../server/tsconfig.json', import.meta.url).pathname,
  });
}

/**
 * The databases a bench runs on: in-memory PGlite, and Postgres when it answers (DATABASE_URL,
 * else the local default) unless `noPostgres`. Each `open()` gives a migrated-ready `db` and a
 * `drop()` that removes what it created (a schema of its own on Postgres).
 */
export async function benchDatabases(server, { noPostgres = false, log = () => {} } = {}) {
  const targets = [
    {
      name: 'PGlite (in memory)',
      open: async () => ({ db: await server.createPgliteDatabase(), drop: async () => {} }),
    },
  ];
  if (noPostgres) return targets;
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await probe.connect();
    await probe.end();
  } catch {
    log('  Postgres: skipped (not reachable; set DATABASE_URL)');
    return targets;
  }
  targets.push({
    name: 'Postgres',
    open: async () => {
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      await withClient(url, (client) => client.query(`CREATE SCHEMA ${schema}`));
      return {
        db: server.createPostgresDatabase({ url, schema, logger: server.silentLogger }),
        drop: () => withClient(url, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`)),
      };
    },
  });
  return targets;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPgliteDatabase } from '../../src/db/createPgliteDatabase.js';
import { createPostgresDatabase } from '../../src/db/createPostgresDatabase.js';
import type { Database } from '../../src/db/Database.js';
import { migrate, migrationsDirectory } from '../../src/migrate.js';

/** A migrated database of its own for one test (or one file). */
export interface TestDatabase {
  db: Database;
  /** `postgres` when DATABASE_URL is set, else `pglite`. */
  kind: Database['kind'];
  /**
   * A second, independent handle on the same data: another pool on Postgres (real concurrency);
   * on PGlite, the same engine (it has only one connection) whose `close()` is a no-op.
   */
  openAnother(): Database;
  /**
   * Postgres only: a DATABASE_URL that lands in this schema (via the `options` parameter), for
   * code that opens its own connection from configuration (the CLI).
   */
  connectionUrl?: string;
  /** Closes every handle and drops the schema (Postgres). Idempotent. */
  cleanup(): Promise<void>;
}

/** Postgres URL when the suite runs on Postgres (`npm run test:postgres`), else undefined. */
export const testDatabaseUrl = process.env.DATABASE_URL || undefined;

/** Redis URL when the suite runs with Redis (CI sets it), else undefined. */
export const testRedisUrl = process.env.REDIS_URL || undefined;

/**
 * A fresh database: on Postgres a uniquely named schema (fails loudly if Postgres is unreachable,
 * never skips); on PGlite a copy of a migrated template, so each test starts in ~0.4 s instead of
 * a cold start plus migrations.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  return testDatabaseUrl
    ? createPostgresTestDatabase(testDatabaseUrl, migrated)
    : createPgliteTestDatabase(migrated);
}

const pgliteTemplates = new Map<boolean, Promise<Blob>>();

/**
 * One template per kind (migrated or empty), built once and shared: loading a dump skips PGlite's
 * initdb, the slow part of a cold start (~5 s here, against ~1 s to load). The dump is also kept
 * in the OS temp directory, keyed by the PGlite version and the migrations' content, so the other
 * test files (each runs in its own worker) and the next run load it instead of building it again.
 * It is a cache, not test state: a changed migration or PGlite version gets a new key.
 */
function pgliteTemplate(migrated: boolean): Promise<Blob> {
  let template = pgliteTemplates.get(migrated);
  if (!template) {
    template = loadOrBuildTemplate(migrated);
    pgliteTemplates.set(migrated, template);
  }
  return template;
}

async function loadOrBuildTemplate(migrated: boolean): Promise<Blob> {
  const file = join(tmpdir(), `podium-pglite-template-${await templateKey(migrated)}.tar`);
  try {
    return new File([await readFile(file)], 'pgdata.tar', { type: 'application/x-tar' });
  } catch {
    // Not cached yet: build it below.
  }
  const db = await createPgliteDatabase();
  let dump: Blob;
  try {
    if (migrated) await migrate(db);
    dump = await db.pglite.dumpDataDir('none');
  } finally {
    await db.close();
  }
  // Write then rename: a concurrent reader sees the whole file or none.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
}

async function templateKey(migrated: boolean): Promise<string> {
  const hash = createHash('sha256');
  // The package does not export its package.json: find it next to the resolved entry point.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pgliteVersion = (
    JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
  hash.update(`pglite ${pgliteVersion}\nmigrated ${migrated}\n`);
  if (migrated) {
    const directory = fileURLToPath(migrationsDirectory);
    for (const name of (await readdir(directory)).sort())
      hash.update(`${name}\n`).update(await readFile(join(directory, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function createPgliteTestDatabase(migrated: boolean): Promise<TestDatabase> {
  const db = await createPgliteDatabase({ loadDataDir: await pgliteTemplate(migrated) });
  return {
    db,
    kind: 'pglite',
    openAnother: () => ({ ...db, close: async () => {} }),
    cleanup: () => db.close(),
  };
}

async function createPostgresTestDatabase(url: string, migrated: boolean): Promise<TestDatabase> {
  const schema = `podium_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  } catch (error) {
    await admin.end().catch(() => {});
    throw new Error(
      `DATABASE_URL is set but Postgres is unreachable or refused to create a schema: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  await admin.end();

  const handles: Database[] = [];
  const open = () => {
    const handle = createPostgresDatabase({ url, schema });
    handles.push(handle);
    return handle;
  };
  const db = open();
  if (migrated) await migrate(db);

  let cleaning: Promise<void> | undefined;
  return {
    db,
    kind: 'postgres',
    openAnother: open,
    connectionUrl: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    cleanup: () =>
      (cleaning ??= (async () => {
        await Promise.all(handles.map((handle) => handle.close()));
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        try {
          await dropper.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await dropper.end();
        }
      })()),
  };
}

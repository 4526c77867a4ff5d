import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPgliteDatabase } from '../../src/db/createPgliteDatabase.js';
import { createPostgresDatabase } from '../../src/db/createPostgresDatabase.js';
import type { Database } from '../../src/db/Database.js';
import { migrate } from '../../src/migrate.js';

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
  return testDatabaseUrl ? createPostgresTestDatabase(testDatabaseUrl, migrated) : createPgliteTestDatabase(migrated);
}

const pgliteTemplates = new Map<boolean, Promise<Blob>>();

/**
 * One template per worker and kind (migrated or empty), dumped once: loading a dump skips
 * PGlite's initdb, the slow part of a cold start.
 */
function pgliteTemplate(migrated: boolean): Promise<Blob> {
  let template = pgliteTemplates.get(migrated);
  if (!template) {
    template = (async () => {
      const db = await createPgliteDatabase();
      try {
        if (migrated) await migrate(db);
        return await db.pglite.dumpDataDir('none');
      } finally {
        await db.close();
      }
    })();
    pgliteTemplates.set(migrated, template);
  }
  return template;
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
    throw new Error(`DATABASE_URL is set but Postgres is unreachable or refused to create a schema: ${String(error)}`, {
      cause: error,
    });
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

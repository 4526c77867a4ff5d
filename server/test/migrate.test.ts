import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationChecksumError, migrate, migrationsDirectory } from '../src/migrate.js';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase.js';

const migrationFiles = async () =>
  (await readdir(fileURLToPath(migrationsDirectory))).filter((name) => name.endsWith('.sql')).sort();

describe('migrate', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function freshDatabase(): Promise<TestDatabase> {
    const test = await createTestDatabase({ migrated: false });
    cleanups.push(test.cleanup);
    return test;
  }

  it('applies every migration once, records name and checksum, and a re-run is a no-op', async () => {
    const { db } = await freshDatabase();
    const files = await migrationFiles();
    expect(files.length).toBeGreaterThan(0);

    const first = await migrate(db);
    expect(first.applied).toEqual(files);

    const recorded = await db.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM podium_migrations ORDER BY name',
    );
    expect(recorded.map((row) => row.name)).toEqual(files);
    for (const row of recorded) expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);

    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    expect(await db.query('SELECT name FROM podium_migrations')).toHaveLength(files.length);
    // The schema really exists.
    expect(await db.query('SELECT count(*) AS n FROM podium_user_jobs')).toHaveLength(1);
  });

  it('applies each migration exactly once when two migrators start at the same time', async () => {
    const test = await freshDatabase();
    // On Postgres these are two pools (separate sessions racing for the advisory lock).
    const other = test.openAnother();
    cleanups.push(() => other.close());
    const files = await migrationFiles();

    const [a, b] = await Promise.all([migrate(test.db), migrate(other)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(files);
    const recorded = await test.db.query<{ name: string }>(
      'SELECT name FROM podium_migrations ORDER BY name',
    );
    expect(recorded.map((row) => row.name)).toEqual(files);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const { db } = await freshDatabase();
    const directory = await mkdtemp(join(tmpdir(), 'podium-migrations-'));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    await cp(fileURLToPath(migrationsDirectory), directory, { recursive: true });
    await migrate(db, { directory });

    const [first] = await migrationFiles();
    await writeFile(join(directory, first!), '-- edited\nSELECT 1;\n', { flag: 'a' });
    await expect(migrate(db, { directory })).rejects.toThrow(MigrationChecksumError);
    await expect(migrate(db, { directory })).rejects.toThrow(
      new RegExp(`${first}.*changed after it was applied`),
    );
  });

  it('applies a new migration added later, in order', async () => {
    const { db } = await freshDatabase();
    const directory = await mkdtemp(join(tmpdir(), 'podium-migrations-'));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    await cp(fileURLToPath(migrationsDirectory), directory, { recursive: true });
    await migrate(db, { directory });

    await writeFile(join(directory, '999_test_extra.sql'), 'CREATE TABLE podium_test_extra (id INTEGER);');
    const result = await migrate(db, { directory });
    expect(result.applied).toEqual(['999_test_extra.sql']);
    expect(await db.query('SELECT * FROM podium_test_extra')).toEqual([]);
  });
});

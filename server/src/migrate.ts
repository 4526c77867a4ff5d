import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './db/Database.js';
import type { Logger } from './logger.js';

/**
 * Where the SQL files live. This file sits directly in `src/` and is bundled directly into the
 * flat `dist/`, so `../migrations/` is `server/migrations/` from both (keep it out of subfolders).
 */
export const migrationsDirectory = new URL('../migrations/', import.meta.url);

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** Folder of `NNN_name.sql` files. @default server/migrations */
  directory?: URL | string;
  logger?: Pick<Logger, 'info'>;
}

/** What {@link migrate} did. */
export interface MigrateResult {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Every migration now recorded, in order. */
  total: number;
}

/** Thrown when an applied migration's file no longer matches what was applied. */
export class MigrationChecksumError extends Error {
  override readonly name = 'MigrationChecksumError';
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/**
 * Applies the pending migrations in file-name order, each in its own transaction, and records
 * each (name + SHA-256 of the file) in `podium_migrations`.
 *
 * Safe with several instances starting at once: every step holds a transaction-level advisory
 * lock (scoped to the current schema), re-reads what is applied under it, and so applies each
 * migration exactly once. Refuses to run anything when an applied file has been edited since:
 * the fix is a new migration, never a rewrite of history.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const files = await readMigrationFiles(options.directory ?? migrationsDirectory);
  const applied: string[] = [];

  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(`CREATE TABLE IF NOT EXISTS podium_migrations (
      name TEXT PRIMARY KEY,
      checksum TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    verifyChecksums(files, await readApplied(tx));
  });

  for (const file of files) {
    const didApply = await db.transaction(async (tx) => {
      await lock(tx);
      // Another instance may have applied it between our transactions: check again under the lock.
      if ((await readApplied(tx)).has(file.name)) return false;
      await tx.exec(file.sql);
      await tx.query('INSERT INTO podium_migrations (name, checksum) VALUES ($1, $2)', [
        file.name,
        file.checksum,
      ]);
      return true;
    });
    if (didApply) {
      applied.push(file.name);
      options.logger?.info(`Applied migration ${file.name}`);
    }
  }
  return { applied, total: files.length };
}

async function readMigrationFiles(directory: URL | string): Promise<MigrationFile[]> {
  const path = typeof directory === 'string' ? directory : fileURLToPath(directory);
  const names = (await readdir(path)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(`${path.replace(/\/$/, '')}/${name}`, 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Serialises migrators of the same schema (and only those: two test schemas in one database do
 * not wait for each other). Released automatically at commit or rollback.
 */
async function lock(tx: Queryable): Promise<void> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtext('podium_migrations:' || coalesce(current_schema(), '')))`,
  );
}

async function readApplied(tx: Queryable): Promise<Map<string, string>> {
  const rows = await tx.query<{ name: string; checksum: string }>(
    'SELECT name, checksum FROM podium_migrations',
  );
  return new Map(rows.map((row) => [row.name, row.checksum]));
}

function verifyChecksums(files: MigrationFile[], applied: Map<string, string>): void {
  const changed = files.filter((file) => applied.has(file.name) && applied.get(file.name) !== file.checksum);
  if (changed.length > 0) {
    throw new MigrationChecksumError(
      `Migration ${changed.map((file) => file.name).join(', ')} changed after it was applied ` +
        '(its checksum differs from the one recorded in podium_migrations). Restore the original file ' +
        'and put the change in a new migration.',
    );
  }
}

import { PGlite, type Transaction } from '@electric-sql/pglite';
import { assertChannelName, type Database, type Queryable } from './Database.js';

/** Options of {@link createPgliteDatabase}. */
export interface PgliteDatabaseOptions {
  /**
   * Directory where PGlite persists its files (created when missing). Omit for an in-memory
   * database that disappears on close.
   */
  dataDir?: string;
  /**
   * A `dumpDataDir()` tarball to start from: tests migrate one template and start every database
   * from its dump, which is about ten times faster than a cold start.
   */
  loadDataDir?: Blob | File;
}

/** Embedded Postgres (WASM). One connection: PGlite runs one statement at a time. */
export async function createPgliteDatabase(
  options: PgliteDatabaseOptions = {},
): Promise<Database & { readonly pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  let closing: Promise<void> | undefined;

  return {
    kind: 'pglite',
    pglite,
    query: (sql, params) => queryOn(pglite, sql, params),
    exec: (sql) => execOn(pglite, sql),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => (closing ??= pglite.closed ? Promise.resolve() : pglite.close()),
    // In-process: one engine, so nothing is ever missed (no gap).
    async listen(channel, onMessage) {
      assertChannelName(channel);
      const unsubscribe = await pglite.listen(channel, onMessage);
      return async () => {
        if (!pglite.closed) await unsubscribe();
      };
    },
  };
}

function wrap(tx: Transaction): Queryable {
  return { query: (sql, params) => queryOn(tx, sql, params), exec: (sql) => execOn(tx, sql) };
}

async function queryOn<T>(
  target: PGlite | Transaction,
  sql: string,
  params?: readonly unknown[],
): Promise<T[]> {
  const result = await target.query<T>(sql, params ? [...params] : undefined);
  return result.rows;
}

async function execOn(target: PGlite | Transaction, sql: string): Promise<void> {
  await target.exec(sql);
}

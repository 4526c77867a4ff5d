import pg from 'pg';
import type { Logger } from '../logger.js';
import type { Database, Queryable } from './Database.js';

/** Options of {@link createPostgresDatabase}. */
export interface PostgresDatabaseOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /**
   * Schema to work in: sets `search_path` on every connection of the pool, so tests (or several
   * Podium instances sharing one database) stay isolated. The schema must already exist.
   */
  schema?: string;
  /** Most connections the pool opens. @default 10 */
  maxConnections?: number;
  /** Where idle-connection errors go (they would otherwise crash the process). */
  logger?: Pick<Logger, 'error'>;
}

/** A `pg` connection pool behind the {@link Database} interface. */
export function createPostgresDatabase(
  options: PostgresDatabaseOptions,
): Database & { readonly pool: pg.Pool } {
  if (options.schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(options.schema)) {
    throw new Error(`Invalid schema name "${options.schema}": use letters, digits and underscores`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // Sent in the startup packet, so the setting holds for every statement on the connection.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection (Postgres restart) emits 'error' on the pool; unhandled,
  // that would kill the server. The pool replaces the client on the next checkout.
  pool.on('error', (error) => options.logger?.error('Postgres pool error', { error }));
  let closing: Promise<void> | undefined;

  return {
    kind: 'postgres',
    pool,
    query: (sql, params) => queryOn(pool, sql, params),
    exec: (sql) => execOn(pool, sql),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (sql, params) => queryOn(client, sql, params),
          exec: (sql) => execOn(client, sql),
        } satisfies Queryable);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => (closing ??= pool.end()),
  };
}

async function queryOn<T>(
  target: pg.Pool | pg.PoolClient,
  sql: string,
  params?: readonly unknown[],
): Promise<T[]> {
  const result = await target.query(sql, params ? [...params] : undefined);
  return result.rows as T[];
}

async function execOn(target: pg.Pool | pg.PoolClient, sql: string): Promise<void> {
  // Without parameters node-postgres uses the simple query protocol, which accepts several statements.
  await target.query(sql);
}

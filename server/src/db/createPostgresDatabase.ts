import pg from 'pg';
import type { Logger } from '../logger.js';
import { assertChannelName, type Database, type Queryable } from './Database.js';

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
  /**
   * How long a query waits for a connection (a free one in the pool, or a new one to Postgres)
   * before it fails as an outage (503), so requests never hang while Postgres is unreachable.
   * @default 5000
   */
  connectionTimeoutMs?: number;
  /**
   * `application_name` of the pool's sessions, so operators (and the fault tests) can find its
   * backends in `pg_stat_activity`. An `application_name` in the URL wins over it.
   * @default 'podium-server' (or `PGAPPNAME` when set)
   */
  applicationName?: string;
  /** Where connection errors go (they would otherwise crash the process). */
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
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    // Notices a peer that vanished without closing the connection (a cut network).
    keepAlive: true,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
    fallback_application_name: 'podium-server',
    // Sent in the startup packet, so the setting holds for every statement on the connection.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A client losing its connection (backend killed, Postgres restarted, network cut) emits 'error';
  // with no listener that kills the process. pg-pool listens only while a client is idle, so a
  // client checked out for a transaction gets its own listener for its whole life. The request
  // using it fails with the query's own error (an outage: 503); the pool discards the client.
  pool.on('connect', (client) =>
    client.on('error', (error) => options.logger?.error('Postgres connection lost', { error })),
  );
  // An idle client's error is re-emitted on the pool: already logged by the client's listener.
  pool.on('error', () => {});
  let closing: Promise<void> | undefined;
  const listeners = new Set<() => Promise<void>>();

  return {
    kind: 'postgres',
    pool,
    async listen(channel, onMessage, onGap) {
      assertChannelName(channel);
      if (closing) throw new Error('The database is closed');
      let client: pg.Client | undefined;
      let stopped = false;
      let retry: ReturnType<typeof setTimeout> | undefined;
      const retryLater = () => {
        if (stopped) return;
        retry = setTimeout(reconnect, 1_000);
        retry.unref?.();
      };
      // Its own session, outside the pool: the same URL and schema, a name operators can find.
      const connect = async (): Promise<void> => {
        const next = new pg.Client({
          connectionString: options.url,
          connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
          keepAlive: true,
          ...(options.applicationName ? { application_name: options.applicationName } : {}),
          fallback_application_name: 'podium-server',
          ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
        });
        client = next;
        next.on('error', (error) => options.logger?.error('Postgres LISTEN connection lost', { error }));
        next.on('notification', (message) => {
          if (message.channel === channel) onMessage(message.payload ?? '');
        });
        next.on('end', () => {
          if (stopped || client !== next) return;
          client = undefined;
          onGap?.();
          retryLater();
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${channel}`);
        } catch (error) {
          if (client === next) client = undefined;
          await next.end().catch(() => {});
          throw error;
        }
        // Stopped while connecting: the stop could not end this client yet.
        if (stopped) await next.end().catch(() => {});
      };
      const reconnect = () => {
        retry = undefined;
        if (stopped) return;
        // Whatever was sent while away is lost: said again once listening.
        connect().then(() => onGap?.(), retryLater);
      };
      const stop = async () => {
        stopped = true;
        listeners.delete(stop);
        if (retry) clearTimeout(retry);
        await client?.end().catch(() => {});
      };
      // Registered first: closing the database while this connects ends it too.
      listeners.add(stop);
      // Down at the start: keep trying in the background, as after a loss.
      await connect().catch(() => {
        onGap?.();
        retryLater();
      });
      return stop;
    },
    query: (sql, params) => queryOn(pool, sql, params),
    exec: (sql) => execOn(pool, sql),
    async transaction(fn) {
      const client = await pool.connect();
      // Set when the connection is unusable: the client is then discarded, not pooled again.
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (sql, params) => queryOn(client, sql, params),
          exec: (sql) => execOn(client, sql),
        } satisfies Queryable);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A lost connection has rolled back on the server already; the ROLLBACK then fails too.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () =>
      (closing ??= (async () => {
        await Promise.all([...listeners].map((stop) => stop()));
        await pool.end();
      })()),
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

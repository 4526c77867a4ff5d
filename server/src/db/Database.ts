/**
 * The small database surface every store is written against. One SQL dialect (Postgres), two
 * engines: embedded PGlite (the default, and the test default) and a real Postgres pool.
 */

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  /**
   * Runs one statement with `$1`-style parameters and returns its rows. Values come back as the
   * driver parses them: `int8`/`numeric` are numbers on PGlite but strings on node-postgres, so
   * stores normalise with {@link toNumber}.
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A database handle. */
export interface Database extends Queryable {
  /** Which engine is behind it. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in a transaction on one connection: committed when `fn` resolves, rolled back when
   * it throws. Use only `tx` inside `fn`: PGlite serialises access, so calling the outer handle
   * there would wait for the transaction to end (a deadlock).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Releases the engine (closes PGlite, ends the pool). Safe to call twice. */
  close(): Promise<void>;
  /**
   * Calls `onMessage` with the payload of every `NOTIFY channel` (`pg_notify`) from any instance
   * on this database, until the returned function is called or the database closes. On Postgres
   * this holds one dedicated connection: LISTEN needs a session, so it must not go through a
   * pooler in transaction mode. `onGap` is called when notifications may have been missed (the
   * connection was lost; it reconnects by itself). Absent on handles that cannot listen.
   */
  listen?(
    channel: string,
    onMessage: (payload: string) => void,
    onGap?: () => void,
  ): Promise<() => Promise<void>>;
}

/** A LISTEN channel name (lower case, safe to interpolate). */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid channel name "${channel}"`);
}

/**
 * A {@link Database} view of an open transaction, so code written against `Database` (a store)
 * can run inside one. Its `transaction(fn)` joins the open transaction rather than nesting, and
 * `close()` does nothing (the owner of the transaction ends it).
 */
export function joinTransaction(tx: Queryable, kind: Database['kind']): Database {
  return {
    kind,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    transaction: (fn) => fn(tx),
    close: async () => {},
  };
}

/** `int8`, `numeric` and `count(*)` as a JavaScript number, whichever driver returned them. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  if (value === null || value === undefined) return 0;
  throw new TypeError(`Expected a numeric column, got ${typeof value}`);
}

/** A `timestamptz` column as an ISO 8601 UTC string, whichever driver returned it. */
export function toIsoString(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new TypeError(`Expected a timestamp column, got ${typeof value}`);
}

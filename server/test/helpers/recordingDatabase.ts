import type { Database } from '../../src/db/Database.js';

/**
 * `db` with every statement it runs (inside transactions too) pushed onto `log`: tests assert
 * which tables a request read (a 304 that never touched the board, an answer from memory).
 */
export function recordingDatabase(db: Database, log: string[]): Database {
  return {
    ...db,
    query: (sql, params) => (log.push(sql), db.query(sql, params)),
    transaction: (work) =>
      db.transaction((tx) => work({ ...tx, query: (sql, params) => (log.push(sql), tx.query(sql, params)) })),
  } as Database;
}

import { toNumber, type Queryable } from '../db/Database.js';

/**
 * The SQL of the background leases (`podium_background_leases`, migration 015). Why a lease row
 * and not a session advisory lock or a job library: see `keepLease.ts`.
 */

/** A lease this holder has just taken or renewed. */
export interface TakenLease {
  /** Grows each time the lease changes hands (or is taken again after it ran out). */
  term: number;
}

/**
 * Takes the lease `name` for `leaseMs` when it is free, ran out, or is already `holder`'s (then
 * it is renewed); `null` when another holder's lease is still running. One statement: two
 * instances racing for it serialise on the row, and the loser's `WHERE` sees the winner's row.
 * Times are the database's (`clock_timestamp()`), so the instances' clocks never matter.
 */
export async function takeLease(
  db: Queryable,
  name: string,
  holder: string,
  leaseMs: number,
): Promise<TakenLease | null> {
  const rows = await db.query<{ term: unknown }>(
    `INSERT INTO podium_background_leases AS l (name, holder, term, acquired_at, renewed_at, expires_at)
     VALUES ($1, $2, 1, clock_timestamp(), clock_timestamp(), clock_timestamp() + $3::int * interval '1 millisecond')
     ON CONFLICT (name) DO UPDATE SET
       term = CASE WHEN l.holder = excluded.holder AND l.expires_at > clock_timestamp() THEN l.term ELSE l.term + 1 END,
       acquired_at = CASE WHEN l.holder = excluded.holder AND l.expires_at > clock_timestamp()
                          THEN l.acquired_at ELSE excluded.acquired_at END,
       holder = excluded.holder,
       renewed_at = excluded.renewed_at,
       expires_at = excluded.expires_at
     WHERE l.holder = excluded.holder OR l.expires_at <= clock_timestamp()
     RETURNING term`,
    [name, holder, Math.round(leaseMs)],
  );
  const [row] = rows;
  return row ? { term: toNumber(row.term) } : null;
}

/** Ends `holder`'s term `term` of the lease at once (a clean shutdown): another instance may take it. */
export async function releaseLease(db: Queryable, name: string, holder: string, term: number): Promise<void> {
  await db.query(
    `UPDATE podium_background_leases SET expires_at = clock_timestamp()
      WHERE name = $1 AND holder = $2 AND term = $3 AND expires_at > clock_timestamp()`,
    [name, holder, term],
  );
}

/** Who holds what (health, tests, operators): every lease row, expired ones included. */
export async function readLeases(
  db: Queryable,
): Promise<Array<{ name: string; holder: string; term: number; expired: boolean }>> {
  const rows = await db.query<{ name: string; holder: string; term: unknown; expired: boolean }>(
    `SELECT name, holder, term, expires_at <= clock_timestamp() AS expired
       FROM podium_background_leases ORDER BY name`,
  );
  return rows.map((row) => ({ ...row, term: toNumber(row.term) }));
}

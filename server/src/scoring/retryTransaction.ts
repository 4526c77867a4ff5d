import type { Database, Queryable } from '../db/Database.js';

/**
 * SQLSTATEs after which the whole transaction can simply run again: a unique key another
 * transaction inserted first (two requests with one new event id), a serialization failure,
 * a deadlock. The retry reads what the other transaction committed and answers from it.
 */
const retryableCodes = new Set(['23505', '40001', '40P01']);

/** Runs `fn` in a transaction, again (up to `attempts` times) when it fails for a retryable reason. */
export async function retryTransaction<T>(
  db: Database,
  fn: (tx: Queryable) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !retryableCodes.has(code)) throw error;
      // A little jitter so that two colliding requests do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

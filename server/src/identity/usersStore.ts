import { errorCodes, type putUserBodySchema, type User } from 'podium-kit/core';
import type * as z from 'zod';
import { toIsoString, type Database, type Queryable } from '../db/Database.js';
import { HttpError } from '../errors.js';
import { forgetVersions } from '../db/versionCache.js';
import { enqueueStatsCalculation, enqueueStatsCalculations } from '../userStats/statsQueue.js';
import { userSubjectKey } from '../userStats/subjects.js';

/** A validated `PUT /users/:id` body (wallets already lower-case). */
export type PutUserInput = z.output<typeof putUserBodySchema>;

/** What {@link UsersStore.putUser} did. */
export interface PutUserResult {
  user: User;
  /** `true` when the user did not exist before (a 201). */
  created: boolean;
}

/** Storage of the host's users and their wallets (`podium_users`, `podium_user_wallets`). */
export interface UsersStore {
  /**
   * Creates or replaces user `id` in one transaction: profile fields are overwritten (a missing
   * one is cleared) and `wallets` replaces the stored set. When the set changes, the user's stats
   * subject is queued, newly claimed addresses lose their bare-address stats (their activity now
   * counts for the user) and released addresses are queued as bare addresses again.
   *
   * @throws {HttpError} 409 naming `username` (taken, case-insensitively) or `wallets` (a wallet
   *   owned by another user, also when a concurrent request claimed it first).
   */
  putUser(id: string, input: PutUserInput, now: Date): Promise<PutUserResult>;
  /** The user with their wallets, or `null`. */
  getUser(id: string): Promise<User | null>;
}

interface UserRow {
  id: string;
  username: string | null;
  display_name: string | null;
  avatar_url: string | null;
  time_zone: string;
  created_at: unknown;
  updated_at: unknown;
}

const userColumns = 'id, username, display_name, avatar_url, time_zone, created_at, updated_at';

/** The SQL implementation, the same on PGlite and Postgres. */
export function createSqlUsersStore(db: Database): UsersStore {
  return {
    async putUser(id, input, now) {
      // Sorted: concurrent PUTs insert shared wallets in the same order, so they wait on each
      // other instead of deadlocking (a deadlock would surface as a 500).
      const wallets = [...new Set(input.wallets)].sort();
      const profile = [
        id,
        input.username ?? null,
        input.displayName ?? null,
        input.avatarUrl ?? null,
        now,
        input.timeZone ?? 'UTC',
      ];
      try {
        const result = await db.transaction(async (tx) => {
          // Insert first, update otherwise: both lock the user row, so two PUTs of the same user
          // run one after the other and the second reads the wallets the first wrote.
          let created = true;
          let [row] = await tx.query<UserRow>(
            `INSERT INTO podium_users (id, username, display_name, avatar_url, created_at, updated_at, time_zone)
             VALUES ($1, $2, $3, $4, $5, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING ${userColumns}`,
            profile,
          );
          if (!row) {
            created = false;
            [row] = await tx.query<UserRow>(
              `UPDATE podium_users SET username = $2, display_name = $3, avatar_url = $4, updated_at = $5,
                      time_zone = $6
               WHERE id = $1 RETURNING ${userColumns}`,
              profile,
            );
          }
          if (!row) throw new Error(`User ${id} vanished during its update`);

          await replaceWallets(tx, id, wallets, now);
          return { user: toUser(row, wallets), created };
        });
        // Names and avatars are part of every board's version: this process's next board read
        // must see them at once, before the notification of the change arrives (migration 022).
        forgetVersions(db, ['*']);
        return result;
      } catch (error) {
        throw asConflict(error) ?? error;
      }
    },

    async getUser(id) {
      const [row] = await db.query<UserRow & { wallets: string[] | null }>(
        `SELECT u.id, u.username, u.display_name, u.avatar_url, u.time_zone, u.created_at, u.updated_at,
                array_agg(w.address ORDER BY w.address) FILTER (WHERE w.address IS NOT NULL) AS wallets
           FROM podium_users u LEFT JOIN podium_user_wallets w ON w.user_id = u.id
          WHERE u.id = $1 GROUP BY u.id`,
        [id],
      );
      return row ? toUser(row, row.wallets ?? []) : null;
    },
  };
}

/** Makes `wallets` (sorted, distinct) the user's wallet set and queues the stats it affects. */
async function replaceWallets(tx: Queryable, userId: string, wallets: string[], now: Date): Promise<void> {
  const taken = await tx.query<{ address: string }>(
    `SELECT address FROM podium_user_wallets WHERE address = ANY($1::text[]) AND user_id <> $2 ORDER BY address`,
    [wallets, userId],
  );
  if (taken.length > 0) throw walletsTaken(taken.map((row) => row.address));

  const removed = (
    await tx.query<{ address: string }>(
      `DELETE FROM podium_user_wallets WHERE user_id = $1 AND NOT (address = ANY($2::text[])) RETURNING address`,
      [userId, wallets],
    )
  ).map((row) => row.address);
  const stored = new Set(
    (
      await tx.query<{ address: string }>('SELECT address FROM podium_user_wallets WHERE user_id = $1', [
        userId,
      ])
    ).map((row) => row.address),
  );
  const added = wallets.filter((address) => !stored.has(address));
  if (added.length > 0) {
    // DO NOTHING rather than an error: a concurrent claim that committed first makes this insert
    // wait, then skip the row, and the missing rows tell us which wallets were lost to it.
    const inserted = await tx.query<{ address: string }>(
      `INSERT INTO podium_user_wallets (address, user_id, added_at)
       SELECT address, $2, $3 FROM unnest($1::text[]) AS address ORDER BY address
       ON CONFLICT (address) DO NOTHING RETURNING address`,
      [added, userId, now],
    );
    if (inserted.length < added.length) {
      const got = new Set(inserted.map((row) => row.address));
      throw walletsTaken(added.filter((address) => !got.has(address)));
    }
  }
  if (added.length === 0 && removed.length === 0) return;

  await enqueueStatsCalculation(tx, userSubjectKey(userId), now);
  // Their activity now counts for the user: the bare-address rows would count it twice in ranks.
  if (added.length > 0) {
    await tx.query('DELETE FROM podium_user_stats WHERE subject = ANY($1::text[])', [added]);
  }
  await enqueueStatsCalculations(tx, removed, now);
}

function walletsTaken(addresses: readonly string[]): HttpError {
  const message = `Wallet${addresses.length > 1 ? 's' : ''} ${addresses.join(', ')} already belong${addresses.length > 1 ? '' : 's'} to another user`;
  return new HttpError(409, errorCodes.conflict, message, {
    fields: { wallets: addresses.map((address) => `${address} belongs to another user`) },
  });
}

/** A unique violation from a concurrent writer that the checks above could not see yet. */
function asConflict(error: unknown): HttpError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== '23505') return undefined;
  if (constraint === 'podium_users_username_key') {
    return new HttpError(409, errorCodes.conflict, 'This username is taken', {
      fields: { username: ['is taken by another user (usernames are compared case-insensitively)'] },
    });
  }
  if (constraint === 'podium_user_wallets_pkey') {
    return new HttpError(409, errorCodes.conflict, 'A wallet already belongs to another user', {
      fields: { wallets: ['a wallet belongs to another user'] },
    });
  }
  return undefined;
}

function toUser(row: UserRow, wallets: readonly string[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    timeZone: row.time_zone,
    wallets: [...wallets].sort(),
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
  };
}

import type { Queryable } from '../db/Database.js';

/**
 * A stats subject is whoever one row of cached stats is about: a registered user over all of
 * their wallets (`user:<id>`), or a wallet no user has claimed (its lower-case address). User
 * ids may look like anything, so the `user:` prefix keeps the two kinds from colliding.
 */
export type SubjectKey = string;

export interface Subject {
  key: SubjectKey;
  /** The registered user, or `null` for a bare address. */
  userId: string | null;
  /** Lower-case wallet addresses, sorted. Empty for a user who has no wallet yet. */
  addresses: string[];
}

const userPrefix = 'user:';

/** The subject key of a registered user. */
export function userSubjectKey(userId: string): SubjectKey {
  return `${userPrefix}${userId}`;
}

/** The user id of a `user:` key, else `null` (an address key). */
export function userIdOfSubjectKey(key: SubjectKey): string | null {
  return key.startsWith(userPrefix) ? key.slice(userPrefix.length) : null;
}

/**
 * The subject each address belongs to right now: its owner's `user:` key when a user has
 * claimed the wallet, else the address itself. Addresses must be lower-case.
 */
export async function subjectKeysForAddresses(
  db: Queryable,
  addresses: readonly string[],
): Promise<Map<string, SubjectKey>> {
  const keys = new Map<string, SubjectKey>(addresses.map((address) => [address, address]));
  if (addresses.length === 0) return keys;
  const owned = await db.query<{ address: string; user_id: string }>(
    'SELECT address, user_id FROM podium_user_wallets WHERE address = ANY($1::text[])',
    [addresses],
  );
  for (const row of owned) keys.set(row.address, userSubjectKey(row.user_id));
  return keys;
}

/**
 * Resolves subject keys to subjects with their current wallets. A `user:` key whose user no
 * longer exists is left out; an address key that a user has since claimed is left out too (its
 * activity now counts for that user).
 */
export async function loadSubjects(db: Queryable, keys: readonly SubjectKey[]): Promise<Subject[]> {
  const userIds = keys.map(userIdOfSubjectKey).filter((id): id is string => id !== null);
  const addressKeys = keys.filter((key) => userIdOfSubjectKey(key) === null);
  const subjects: Subject[] = [];
  if (userIds.length > 0) {
    const rows = await db.query<{ id: string; addresses: string[] | null }>(
      `SELECT u.id, array_agg(w.address ORDER BY w.address) FILTER (WHERE w.address IS NOT NULL) AS addresses
         FROM podium_users u LEFT JOIN podium_user_wallets w ON w.user_id = u.id
        WHERE u.id = ANY($1::text[]) GROUP BY u.id`,
      [userIds],
    );
    for (const row of rows) {
      subjects.push({ key: userSubjectKey(row.id), userId: row.id, addresses: row.addresses ?? [] });
    }
  }
  if (addressKeys.length > 0) {
    const owners = await subjectKeysForAddresses(db, addressKeys);
    for (const address of addressKeys) {
      if (owners.get(address) === address)
        subjects.push({ key: address, userId: null, addresses: [address] });
    }
  }
  return subjects;
}

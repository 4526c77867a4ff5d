import type { Database } from '../db/Database.js';
import { demoPeople, type DemoPerson } from '../demo/demoPeople.js';
import { createSqlUsersStore } from './usersStore.js';

/**
 * Registers the demo's people (the demo users and the crowd) with their names and wallets, as a
 * host's backend would with `PUT /users/:id`. Idempotent; returns how many were new.
 */
export async function registerDemoPeople(
  db: Database,
  now: Date = new Date(),
  people: readonly DemoPerson[] = demoPeople(),
): Promise<number> {
  const users = createSqlUsersStore(db);
  let created = 0;
  for (const person of people) {
    const result = await users.putUser(
      person.id,
      {
        ...(person.username ? { username: person.username } : {}),
        displayName: person.displayName,
        avatarUrl: null,
        wallets: [...person.wallets],
      },
      now,
    );
    if (result.created) created += 1;
  }
  return created;
}

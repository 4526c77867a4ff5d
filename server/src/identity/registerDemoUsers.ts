import type { Database } from '../db/Database.js';
import { demoUsers } from '../demo/demoUsers.js';
import { createSqlUsersStore } from './usersStore.js';

/**
 * Registers the demo users with their names and wallets, as a host's backend would with
 * `PUT /users/:id`. Idempotent; returns how many were new.
 */
export async function registerDemoUsers(db: Database, now: Date = new Date()): Promise<number> {
  const users = createSqlUsersStore(db);
  let created = 0;
  for (const user of demoUsers) {
    const result = await users.putUser(
      user.id,
      { username: user.username, displayName: user.displayName, avatarUrl: null, wallets: [...user.wallets] },
      now,
    );
    if (result.created) created += 1;
  }
  return created;
}

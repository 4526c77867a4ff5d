import type { ServerFeature } from '../feature.js';
import { identityOpenApi } from './identityOpenApi.js';
import { demoPeople } from '../demo/demoPeople.js';
import { registerDemoPeople } from './registerDemoPeople.js';
import { createUsersRoutes } from './usersRoutes.js';
import { createSqlUsersStore } from './usersStore.js';

/** Who the users are: `PUT /users/:id` (API key) with their names, avatar and wallets. */
export const identityFeature: ServerFeature = {
  name: 'identity',
  openApi: identityOpenApi,
  routes: ({ db, now, options }) =>
    createUsersRoutes({ store: createSqlUsersStore(db), apiKey: options.apiKey, now }),
  demoSeed: {
    async seed({ db, users, now, market }) {
      const created = await registerDemoPeople(db, now, demoPeople(market));
      return { summary: `users: ${users.map((user) => user.id).join(', ')}`, counts: { created } };
    },
  },
};

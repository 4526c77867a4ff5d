import { putUserBodySchema, userIdSchema, userRoute } from 'podium-kit/core';
import { Hono } from 'hono';
import { requireApiKey } from '../auth/guards.js';
import type { AppEnv } from '../http/AppEnv.js';
import { parsePathParam } from '../http/pathParam.js';
import { readJsonBody } from '../http/readJsonBody.js';
import type { UsersStore } from './usersStore.js';

/** Options of {@link createUsersRoutes}. */
export interface UsersRoutesOptions {
  store: UsersStore;
  /** The server-to-server API key (`PODIUM_API_KEY`); without it every PUT is a 401. */
  apiKey: string | undefined;
  now: () => Date;
}

/**
 * `PUT /users/:id` (API key): the host creates or replaces one of its users — username, display
 * name, avatar and wallets. 201 when created, 200 when replaced.
 */
export function createUsersRoutes({ store, apiKey, now }: UsersRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.put(userRoute, requireApiKey(apiKey), async (c) => {
    const id = parsePathParam(userIdSchema, 'id', c.req.param('id'), 'Invalid user id');
    const body = putUserBodySchema.parse(await readJsonBody(c));
    const { user, created } = await store.putUser(id, body, now());
    return c.json(user, created ? 201 : 200);
  });

  return routes;
}

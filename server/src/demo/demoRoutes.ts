import { errorCodes } from 'podium-kit/core';
import { Hono } from 'hono';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import type { DemoUser } from './demoUsers.js';

/** Options of {@link createDemoRoutes}. */
export interface DemoRoutesOptions {
  users: readonly DemoUser[];
  /** Secret the tokens are signed with: the same one the app verifies. */
  jwtSecret: string;
  now: () => Date;
  /** Lifetime of a demo token. @default 86400 (a day) */
  tokenTtlSeconds?: number;
}

const tokenQuerySchema = z.object({ user: z.string({ error: 'is required' }).min(1, 'is required') });

/**
 * DEMO ONLY — registered by `createApp` only when its `demo` option is set (`podium-server demo`).
 * The demo page plays a host app, whose backend would sign its users' tokens; these routes do
 * that for the seeded users. Never expose them in production: anyone could act as any demo user.
 * (The demo page's buttons are the features' `demoRoutes`.)
 */
export function createDemoRoutes({
  users,
  jwtSecret,
  now,
  tokenTtlSeconds = 86_400,
}: DemoRoutesOptions): Hono {
  const routes = new Hono();
  const key = new TextEncoder().encode(jwtSecret);

  routes.get('/demo/users', (c) => c.json({ users }));

  routes.get('/demo/token', async (c) => {
    const { user } = tokenQuerySchema.parse(c.req.query());
    if (!users.some((known) => known.id === user)) {
      throw new HttpError(
        404,
        errorCodes.notFound,
        `No demo user "${user}" (try ${users.map((known) => known.id).join(', ')})`,
      );
    }
    const issuedAt = Math.floor(now().getTime() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + tokenTtlSeconds)
      .sign(key);
    return c.json({ token });
  });

  return routes;
}

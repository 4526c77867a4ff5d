import { errorCodes, userIdSchema } from 'podium-kit/core';
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
  /** Backs `POST /demo/market-activity`: appends marketplace events and syncs the stats. */
  simulateActivity?: (events: number) => Promise<unknown>;
  /** Backs `POST /demo/seller-activity`: records a sale or a view for a seller. */
  recordSellerActivity?: (kind: 'sale' | 'view', sellerId: string) => Promise<unknown>;
}

const sellerActivityQuerySchema = z.object({
  kind: z.enum(['sale', 'view'], { error: 'must be sale or view' }),
  seller: userIdSchema,
});

const activityQuerySchema = z.object({
  events: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(25),
});

const tokenQuerySchema = z.object({ user: z.string({ error: 'is required' }).min(1, 'is required') });

/**
 * DEMO ONLY — registered by `createApp` only when its `demo` option is set (`podium-server demo`).
 * The demo page plays a host app, whose backend would sign its users' tokens; these routes do
 * that for the seeded users. Never expose them in production: anyone could act as any demo user.
 */
export function createDemoRoutes({
  users,
  jwtSecret,
  now,
  tokenTtlSeconds = 86_400,
  simulateActivity,
  recordSellerActivity,
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

  if (simulateActivity) {
    // The demo's "simulate marketplace activity" button: the stats tab shows the result at once,
    // because the incremental sync runs before this answers.
    routes.post('/demo/market-activity', async (c) => {
      const { events } = activityQuerySchema.parse(c.req.query());
      return c.json({ events, sync: await simulateActivity(events) });
    });
  }

  if (recordSellerActivity) {
    // The demo's "record a sale / a view" buttons: an open leaderboard shows it on its next poll.
    routes.post('/demo/seller-activity', async (c) => {
      const { kind, seller } = sellerActivityQuerySchema.parse(c.req.query());
      return c.json(await recordSellerActivity(kind, seller));
    });
  }

  return routes;
}

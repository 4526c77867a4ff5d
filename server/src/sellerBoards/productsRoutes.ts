import {
  errorCodes,
  productRoute,
  productViewsRoute,
  putProductBodySchema,
  recordViewBodySchema,
  type recordViewResponseSchema,
  utcMonthKey,
} from 'podium-kit/core';
import { Hono } from 'hono';
import * as z from 'zod';
import { requireApiKey } from '../auth/guards.js';
import { HttpError } from '../errors.js';
import type { AppEnv } from '../http/AppEnv.js';
import { clientIp } from '../http/clientIp.js';
import { parsePathParam } from '../http/pathParam.js';
import type { LivePublisher } from '../live/livePublisher.js';
import { readJsonBody } from '../http/readJsonBody.js';
import type { ProductsStore } from './productsStore.js';

/** Options of {@link createProductsRoutes}. */
export interface ProductsRoutesOptions {
  store: ProductsStore;
  /** The server-to-server API key (`PODIUM_API_KEY`); without it every PUT is a 401. */
  apiKey: string | undefined;
  /** The clock: `sold_at`, `viewed_at` (and so the month a sale or view counts in). */
  now: () => Date;
  /** Believe `X-Forwarded-For` for the client IP of the view cap. @default false */
  trustProxy?: boolean;
  /** Counted views per client IP and product per UTC day; 0: no cap. @default 20 */
  viewsPerClientPerDay?: number;
  /** Live updates: the `sellers:` topics of the boards each write moves. */
  live?: LivePublisher | undefined;
}

/**
 * Product ids are the host's: 1 to 64 of A-Z a-z 0-9 _ . - (path segments and primary keys, so
 * bounded well below a btree row before the database sees them).
 */
const productIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a product id (1-64 of A-Z a-z 0-9 _ . -)');

/**
 * `PUT /products/:id` (API key): creates (201) or updates (200) a product. `POST
 * /products/:id/views` (public): records one view; repeats, drafts and the seller's own views
 * answer `{ counted: false }`. The seller boards follow through the database triggers.
 */
export function createProductsRoutes({
  store,
  apiKey,
  now,
  trustProxy = false,
  viewsPerClientPerDay = 20,
  live,
}: ProductsRoutesOptions): Hono<AppEnv> {
  // The boards a change at `at` moves: all time and its month (views and sales count in both).
  const announce = (...instants: Array<Date | string | null>) =>
    live?.publish(
      [
        'all-time',
        ...new Set(instants.filter((at) => at !== null).map((at) => utcMonthKey(new Date(at)))),
      ].map((period) => ({ kind: 'sellers' as const, subject: period })),
    );
  const routes = new Hono<AppEnv>();

  routes.put(productRoute, requireApiKey(apiKey), async (c) => {
    const id = parseProductId(c.req.param('id'));
    const body = putProductBodySchema.parse(await readJsonBody(c));
    const at = now();
    const { product, created, previousSoldAt } = await store.putProduct(id, body, at);
    // A sale taken back also leaves the month it had been sold in.
    announce(at, product.soldAt, previousSoldAt);
    return c.json(product, created ? 201 : 200);
  });

  // Public, so everything is bounded before the database sees it: the id by its pattern, the
  // body by the global size limit and a strict schema (unknown fields are a 400).
  routes.post(productViewsRoute, async (c) => {
    const id = parseProductId(c.req.param('id'));
    const body = recordViewBodySchema.parse(normaliseViewerIds(await readJsonBody(c)));
    // Over the cap the answer is the same `{ counted: false }` as a repeat: not an error, so a
    // crawler or a script learns nothing from it.
    const client = { ip: clientIp(c, trustProxy), maxViewsPerDay: viewsPerClientPerDay };
    const at = now();
    const result = await store.recordView(id, body, at, client);
    if (!result) throw new HttpError(404, errorCodes.notFound, `No product ${id}`);
    if (result.counted) announce(at);
    c.header('Cache-Control', 'no-store');
    return c.json(result satisfies z.infer<typeof recordViewResponseSchema>, 200);
  });

  return routes;
}

const viewerIdFields = ['viewerId', 'sessionId'] as const;

/**
 * Viewer ids are compared exactly, so `"abc "` would be a new viewer: trim them. What is left is
 * checked by the contract's id grammar (control characters, NUL and length are refused there,
 * naming the field).
 */
function normaliseViewerIds(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const normalised: Record<string, unknown> = { ...body };
  for (const field of viewerIdFields) {
    const value = Object.hasOwn(normalised, field) ? normalised[field] : undefined;
    if (typeof value === 'string') normalised[field] = value.trim();
  }
  return normalised;
}

function parseProductId(raw: string): string {
  return parsePathParam(productIdSchema, 'id', raw, 'Invalid product id');
}

import {
  errorCodes,
  productRoute,
  productViewsRoute,
  putProductBodySchema,
  recordViewBodySchema,
  type recordViewResponseSchema,
} from '@podium/core';
import { Hono } from 'hono';
import * as z from 'zod';
import { requireApiKey } from '../auth.js';
import { HttpError } from '../errors.js';
import type { AppEnv } from '../http/AppEnv.js';
import { parsePathParam } from '../http/pathParam.js';
import { readJsonBody } from '../http/readJsonBody.js';
import type { ProductsStore } from '../stores/productsStore.js';

/** Options of {@link createProductsRoutes}. */
export interface ProductsRoutesOptions {
  store: ProductsStore;
  /** The server-to-server API key (`PODIUM_API_KEY`); without it every PUT is a 401. */
  apiKey: string | undefined;
  /** The clock: `sold_at`, `viewed_at` (and so the month a sale or view counts in). */
  now: () => Date;
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
export function createProductsRoutes({ store, apiKey, now }: ProductsRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.put(productRoute, requireApiKey(apiKey), async (c) => {
    const id = parseProductId(c.req.param('id'));
    const body = putProductBodySchema.parse(await readJsonBody(c));
    const { product, created } = await store.putProduct(id, body, now());
    return c.json(product, created ? 201 : 200);
  });

  // Public, so everything is bounded before the database sees it: the id by its pattern, the
  // body by the global size limit and a strict schema (unknown fields are a 400).
  routes.post(productViewsRoute, async (c) => {
    const id = parseProductId(c.req.param('id'));
    const body = recordViewBodySchema.parse(await readJsonBody(c));
    const result = await store.recordView(id, body, now());
    if (!result) throw new HttpError(404, errorCodes.notFound, `No product ${id}`);
    c.header('Cache-Control', 'no-store');
    return c.json(result satisfies z.infer<typeof recordViewResponseSchema>, 200);
  });

  return routes;
}

function parseProductId(raw: string): string {
  return parsePathParam(productIdSchema, 'id', raw, 'Invalid product id');
}

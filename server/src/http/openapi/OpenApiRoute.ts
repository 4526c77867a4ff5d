import type { $ZodType } from 'zod/v4/core';

/**
 * How a caller proves who it is, as the document names the schemes (`components.securitySchemes`):
 * `user` an end user's JWT, `apiKey` the server-to-server key, `cron` the `CRON_SECRET`.
 */
export type OpenApiAuth = 'user' | 'apiKey' | 'cron';

/** One answer of a route. Errors (`{ error: { code, message, details? } }`) go in `errors`. */
export interface OpenApiResponse {
  description: string;
  /** The JSON body, from the contract (converted as the handler's output). None: no body. */
  schema?: $ZodType;
  /** @default 'application/json' (when there is a `schema` or an `example`) */
  contentType?: string;
  /** A small real-looking body; a test checks it against `schema`. */
  example?: unknown;
  /** Response headers worth knowing, name -> description (`ETag`, `Location`, `Retry-After`). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * The description of one HTTP route of a feature, for `GET {base}/openapi.json`. It sits next to
 * the feature's routes (`<feature>/<feature>OpenApi.ts`) and points at the same contract schemas
 * the handlers parse with, so the document cannot say something the server does not do (a test
 * holds every registered route to exactly one description).
 */
export interface OpenApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Relative to the base path, as registered with Hono (`/products/:id`): the contract's route constant. */
  path: string;
  summary: string;
  /** Markdown. */
  description?: string;
  /** Any one of these is accepted; none means public. */
  auth?: readonly OpenApiAuth[];
  /** Path parameters by name; a name without an entry is a plain string. */
  pathParams?: Readonly<Record<string, { schema?: $ZodType; description?: string }>>;
  /** The query's schema (a zod object); each property is one query parameter. */
  query?: $ZodType;
  /** The JSON request body. */
  body?: { schema: $ZodType; description?: string; example?: unknown; required?: boolean };
  /** Successful answers by status (200, 201, 202, 302, 304). */
  responses: Readonly<Record<number, OpenApiResponse>>;
  /**
   * Error statuses this route answers besides the ones every route may (400 with a query, body or
   * path parameter; 401 with auth; 413 and 415 with a body; 429; 500), each with the error shape.
   */
  errors?: readonly number[];
  /** The handler never answers 400 (it reads its input leniently, like a link a visitor follows). */
  lenientInput?: boolean;
}

/** A feature's routes under one tag (the feature's name). */
export interface OpenApiRouteGroup {
  tag: string;
  description?: string;
  routes: readonly OpenApiRoute[];
}

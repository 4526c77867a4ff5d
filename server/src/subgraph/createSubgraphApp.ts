import { graphql, type GraphQLSchema } from 'graphql';
import { Hono, type Context } from 'hono';
import type { MarketplaceData } from './marketplaceData.js';
import { createMarketplaceSchema } from './schema.js';
import type { SubgraphFaults } from './subgraphFaults.js';

/** One request the stand-in received (for tests asserting what a client sent). */
export interface RecordedSubgraphRequest {
  method: string;
  headers: Headers;
  /** The parsed GraphQL request, or undefined when the body did not parse. */
  body: { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
}

/** Options of {@link createSubgraphApp}. */
export interface SubgraphAppOptions {
  /** Where the endpoint answers (default `/graphql`). */
  path?: string;
  /** Scripted failures ({@link createSubgraphFaults}). */
  faults?: SubgraphFaults;
  /** Require this key, as `Authorization: Bearer <value>` or in `header` (401 otherwise). */
  apiKey?: { value: string; header?: string };
  /** Called with every request before it is answered. */
  onRequest?(request: RecordedSubgraphRequest): void;
}

/**
 * A GraphQL endpoint over `data` that answers like a subgraph: POST `{ query, variables,
 * operationName }` (or GET `?query=`), 200 with `{ data }` and/or `{ errors }`, 400 when the
 * request itself is unreadable. Serve it with `@hono/node-server` for real-HTTP tests and demos.
 */
export function createSubgraphApp(data: MarketplaceData, options: SubgraphAppOptions = {}): Hono {
  const schema: GraphQLSchema = createMarketplaceSchema(data);
  const path = options.path ?? '/graphql';
  const app = new Hono();

  const handle = async (c: Context, read: () => Promise<RecordedSubgraphRequest['body']>) => {
    const body = await read().catch(() => undefined);
    options.onRequest?.({ method: c.req.method, headers: c.req.raw.headers, body });

    const fault = options.faults?.take();
    if (fault?.type === 'reply') {
      return c.body(fault.body, fault.status as 200, {
        'content-type': 'application/json',
        ...fault.headers,
      });
    }
    if (fault?.type === 'delay') await wait(fault.ms, c.req.raw.signal);

    if (options.apiKey) {
      const { value, header } = options.apiKey;
      const sent = header ? c.req.header(header) : c.req.header('authorization')?.replace(/^Bearer\s+/i, '');
      if (sent !== value)
        return c.json({ errors: [{ message: 'auth error: missing or invalid API key' }] }, 401);
    }
    if (!body || typeof body.query !== 'string' || body.query.trim() === '') {
      return c.json({ errors: [{ message: 'The request must carry a GraphQL `query` string' }] }, 400);
    }
    const variables = body.variables ?? undefined;
    if (
      variables !== undefined &&
      variables !== null &&
      (typeof variables !== 'object' || Array.isArray(variables))
    ) {
      return c.json({ errors: [{ message: '`variables` must be an object' }] }, 400);
    }
    const result = await graphql({
      schema,
      source: body.query,
      variableValues: (variables as Record<string, unknown> | null) ?? null,
      operationName: typeof body.operationName === 'string' ? body.operationName : null,
    });
    return c.json(result, 200);
  };

  app.post(path, (c) =>
    handle(c, async () => {
      const parsed = JSON.parse(await c.req.text()) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
    }),
  );
  app.get(path, (c) =>
    handle(c, async () => {
      const variables = c.req.query('variables');
      return {
        query: c.req.query('query'),
        variables: variables ? (JSON.parse(variables) as unknown) : undefined,
        operationName: c.req.query('operationName'),
      };
    }),
  );
  return app;
}

/** Sleeps `ms`, or less if the caller hangs up (so a closing server is not held by a fault). */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

import { errorBodySchema } from 'podium-kit/core';
import { jsonSchemaOf, type JsonSchema } from './jsonSchemaOf.js';
import { createSchemaComponents, type SchemaComponents } from './schemaComponents.js';
import { errorStatusDescriptions } from './errorStatuses.js';
import type { OpenApiAuth, OpenApiRoute, OpenApiRouteGroup } from './OpenApiRoute.js';

/** Options of {@link buildOpenApiDocument}. */
export interface OpenApiDocumentOptions {
  groups: readonly OpenApiRouteGroup[];
  /** Where the API is mounted (`/api`, or `''` at the root). */
  basePath: string;
  /** `PODIUM_PUBLIC_URL` (origin and any mount path); without it the server URL is the base path alone. */
  publicUrl?: string | undefined;
  version: string;
}

const securitySchemeNames: Record<OpenApiAuth, string> = {
  user: 'userToken',
  apiKey: 'apiKey',
  cron: 'cronSecret',
};

/**
 * The OpenAPI 3.1 document of the routes the features describe. Paths are relative to the one
 * server URL (public URL + base path), so the same descriptions serve every mount point.
 */
export function buildOpenApiDocument(options: OpenApiDocumentOptions): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const components = createSchemaComponents();
  const errorSchema = components.of(errorBodySchema, 'output');
  for (const group of options.groups) {
    for (const route of group.routes) {
      const path = openApiPath(route.path);
      const operations = (paths[path] ??= {});
      if (operations[route.method])
        throw new Error(`Two descriptions of ${route.method.toUpperCase()} ${route.path}`);
      operations[route.method] = operationOf(route, group.tag, components, errorSchema);
    }
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Podium API',
      version: options.version,
      description:
        'The companion server of Podium: user stats, leaderboards, points and achievements, referral sharing. ' +
        'Every error answers `{ "error": { "code", "message", "details"? } }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: `${options.publicUrl ?? ''}${options.basePath}` || '/' }],
    tags: options.groups.map((group) => ({
      name: group.tag,
      ...(group.description && { description: group.description }),
    })),
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        userToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "An end user's token, signed by the host app (`PODIUM_JWT_SECRET`, HS256) or its sign-in provider (`PODIUM_JWKS_URL`); `sub` is the user id.",
        },
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'x-api-key',
          description:
            'The server-to-server key (`PODIUM_API_KEY`); `Authorization: Bearer <key>` works too.',
        },
        cronSecret: { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer <CRON_SECRET>`.' },
      },
    },
  };
}

/** Hono's `/products/:id` as OpenAPI's `/products/{id}`. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operationOf(
  route: OpenApiRoute,
  tag: string,
  components: SchemaComponents,
  errorSchema: JsonSchema,
): Record<string, unknown> {
  const pathNames = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
  const parameters = [
    ...pathNames.map((name) => {
      const described = route.pathParams?.[name];
      return {
        name,
        in: 'path',
        required: true,
        schema: described?.schema ? jsonSchemaOf(described.schema, 'input') : { type: 'string' },
        ...(described?.description && { description: described.description }),
      };
    }),
    ...(route.query ? queryParameters(jsonSchemaOf(route.query, 'input')) : []),
  ];
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const mediaType = response.contentType ?? 'application/json';
    responses[status] = {
      description: response.description,
      ...(response.headers && {
        headers: Object.fromEntries(
          Object.entries(response.headers).map(([name, description]) => [
            name,
            { description, schema: { type: 'string' } },
          ]),
        ),
      }),
      ...((response.schema || response.example !== undefined) && {
        content: {
          [mediaType]: {
            schema: response.schema
              ? components.of(response.schema, 'output')
              : { type: mediaType.includes('json') ? 'object' : 'string' },
            ...(response.example !== undefined && { example: response.example }),
          },
        },
      }),
    };
  }
  for (const status of errorStatusesOf(route, pathNames.length > 0)) {
    responses[String(status)] = {
      description: errorStatusDescriptions[status] ?? 'An error',
      content: { 'application/json': { schema: errorSchema } },
    };
  }
  return {
    tags: [tag],
    summary: route.summary,
    ...(route.description && { description: route.description }),
    operationId: operationId(route),
    security: route.auth?.length ? route.auth.map((auth) => ({ [securitySchemeNames[auth]]: [] })) : [],
    ...(parameters.length > 0 && { parameters }),
    ...(route.body && {
      requestBody: {
        required: route.body.required ?? true,
        ...(route.body.description && { description: route.body.description }),
        content: {
          'application/json': {
            schema: components.of(route.body.schema, 'input'),
            ...(route.body.example !== undefined && { example: route.body.example }),
          },
        },
      },
    }),
    responses,
  };
}

function queryParameters(schema: JsonSchema): Record<string, unknown>[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

function errorStatusesOf(route: OpenApiRoute, hasPathParams: boolean): number[] {
  const statuses = new Set(route.errors ?? []);
  if ((route.query || route.body || hasPathParams) && !route.lenientInput) statuses.add(400);
  if (route.auth?.length) statuses.add(401);
  if (route.body) {
    statuses.add(413);
    statuses.add(415);
  }
  statuses.add(429);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

/** `GET /scores/:userId/ledger` -> `getScoresUserIdLedger`: unique per method and path. */
function operationId(route: OpenApiRoute): string {
  const words = route.path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return route.method + words.join('');
}

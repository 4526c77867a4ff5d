import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/http/AppEnv.js';
import { buildOpenApiDocument, openApiPath } from '../../src/http/openapi/buildOpenApiDocument.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

type Json = Record<string, unknown>;
type Operation = {
  responses: Record<string, { content?: Record<string, { schema: Json; example?: unknown }> }>;
  requestBody?: { content: Record<string, { schema: Json; example?: unknown }> };
};
type Document = {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
};

// ajv-formats is CommonJS: its default export is the module object under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

const apiKey = 'openapi-test-api-key-0123456789';
const methods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Every method + path the app registered (middleware entries and the demo site aside), base path removed. */
function registeredRoutes(app: Hono<AppEnv>, basePath: string): string[] {
  const routes = app.routes
    .filter((route) => methods.has(route.method) && route.path.startsWith(`${basePath}/`))
    .map((route) => `${route.method.toLowerCase()} ${openApiPath(route.path.slice(basePath.length))}`);
  return [...new Set(routes)].sort();
}

function documentedRoutes(document: Document): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
    .sort();
}

/** A JSON Schema validator that resolves the document's `#/components/...` references. */
function schemaValidator(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components }, 'openapi');
  return (schema: Json, value: unknown) => {
    const validate = ajv.compile(
      JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')),
    );
    return validate(value) ? [] : (validate.errors ?? []);
  };
}

async function documentOf(app: Hono<AppEnv>, url = '/api/openapi.json'): Promise<Document> {
  const response = await app.request(url);
  expect(response.status).toBe(200);
  return (await response.json()) as Document;
}

describe('GET /api/openapi.json', () => {
  let test: TestDatabase;
  let app: Hono<AppEnv>;
  let testApp: ReturnType<typeof createTestApp>;
  let document: Document;
  beforeAll(async () => {
    test = await createTestDatabase();
    testApp = createTestApp(test.db, { apiKey });
    app = testApp.app;
    document = await documentOf(app);
  });
  afterAll(() => test.cleanup());

  it('describes every route the app serves, and no route it does not', () => {
    expect(documentedRoutes(document)).toEqual(registeredRoutes(app, '/api'));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('gives examples that match their own schemas', () => {
    const check = schemaValidator(document);
    let examples = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const media = [
          ...Object.values(operation.requestBody?.content ?? {}),
          ...Object.values(operation.responses).flatMap((response) => Object.values(response.content ?? {})),
        ];
        for (const { schema, example } of media) {
          if (example === undefined) continue;
          examples++;
          expect(check(schema, example), `${method} ${path}`).toEqual([]);
        }
      }
    }
    expect(examples).toBeGreaterThan(30);
  });

  it('documents response schemas that accept what the handlers answer', async () => {
    const check = schemaValidator(document);
    const expectDocumented = async (method: string, path: string, url: string, init?: RequestInit) => {
      const response = await app.request(url, init);
      const operation = document.paths[path]?.[method];
      const content = operation?.responses[String(response.status)]?.content;
      expect(content, `${method} ${path} ${response.status}`).toBeDefined();
      const [mediaType, { schema }] = Object.entries(content!)[0]!;
      expect(response.headers.get('content-type')).toContain(mediaType);
      expect(check(schema, await response.json()), `${method} ${path}`).toEqual([]);
    };
    const key = { 'x-api-key': apiKey, 'content-type': 'application/json' };
    await expectDocumented('get', '/health', '/api/health');
    await expectDocumented('put', '/users/{id}', '/api/users/u_alice', {
      method: 'PUT',
      headers: key,
      body: JSON.stringify({ displayName: 'Alice', wallets: ['0x00000000000000000000000000000000000000a1'] }),
    });
    await expectDocumented('put', '/products/{id}', '/api/products/p1', {
      method: 'PUT',
      headers: key,
      body: JSON.stringify({ sellerId: 'u_alice', status: 'sold', price: '12.50', currency: 'USD' }),
    });
    await expectDocumented('get', '/leaderboards/sellers', '/api/leaderboards/sellers');
    await expectDocumented('post', '/scores/actions', '/api/scores/actions', {
      method: 'POST',
      headers: key,
      body: JSON.stringify({ eventId: 'e1', userId: 'u_alice', action: 'TRADE_EXECUTE' }),
    });
    await expectDocumented('get', '/scores/leaderboard', '/api/scores/leaderboard');
    await expectDocumented('get', '/scores/rules', '/api/scores/rules');
    await expectDocumented('get', '/scores/{userId}', '/api/scores/u_alice');
    await expectDocumented('get', '/stats', '/api/stats', {
      headers: { authorization: `Bearer ${await testApp.tokenFor('u_alice')}` },
    });
    await expectDocumented('put', '/creators/{id}', '/api/creators/acme', {
      method: 'PUT',
      headers: key,
      body: JSON.stringify({
        name: 'Acme',
        destinationUrl: 'https://acme.example/signup',
        commission: { type: 'percent', value: 10 },
      }),
    });
    await expectDocumented('get', '/creators/{id}/leaderboard', '/api/creators/acme/leaderboard', {
      headers: key,
    });
  });

  it('documents the errors the handlers answer, in the one error shape', async () => {
    const check = schemaValidator(document);
    const cases: Array<[method: string, path: string, url: string, init?: RequestInit]> = [
      ['put', '/users/{id}', '/api/users/u_alice', { method: 'PUT', body: '{}' }],
      ['get', '/leaderboards/sellers', '/api/leaderboards/sellers?limit=0'],
      ['get', '/scores/{userId}/ledger', '/api/scores/u_alice/ledger'],
      ['get', '/r/{code}', '/api/r/NOSUCH99'],
    ];
    for (const [method, path, url, init] of cases) {
      const response = await app.request(url, init);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      const documented = document.paths[path]?.[method]?.responses[String(response.status)];
      expect(documented, `${method} ${path} ${response.status}`).toBeDefined();
      expect(check(documented!.content!['application/json']!.schema, await response.json())).toEqual([]);
    }
  });

  it('leaves out a feature without descriptions, and refuses two descriptions of one route', async () => {
    const { serverFeatures } = await import('../../src/features.js');
    const { Hono } = await import('hono');
    const host = {
      name: 'host',
      routes: () => new Hono<AppEnv>().get('/host/ping', (c) => c.json({ pong: true })),
    };
    const hosted = await documentOf(createTestApp(test.db, { features: [...serverFeatures, host] }).app);
    expect(Object.keys(hosted.paths)).not.toContain('/host/ping');
    expect(Object.keys(hosted.paths)).toContain('/leaderboards/sellers');

    const routes = serverFeatures.find((feature) => feature.name === 'jobs')!.openApi!;
    const groups = [
      { tag: 'jobs', routes },
      { tag: 'again', routes },
    ];
    expect(() => buildOpenApiDocument({ groups, basePath: '/api', version: '1' })).toThrow(
      'Two descriptions of PATCH /stats',
    );
  });

  it('names the configured base path and public URL as the server', async () => {
    const mounted = createTestApp(test.db, {
      basePath: '/podium/v1',
      referrals: { publicUrl: 'https://example.com/app' },
    }).app;
    const mountedDocument = await documentOf(mounted, '/podium/v1/openapi.json');
    expect(mountedDocument.servers).toEqual([{ url: 'https://example.com/app/podium/v1' }]);
    expect(documentedRoutes(mountedDocument)).toEqual(registeredRoutes(mounted, '/podium/v1'));
    expect(document.servers).toEqual([{ url: '/api' }]);
  });
});

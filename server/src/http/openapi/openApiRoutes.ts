import { Hono } from 'hono';
import type { AppEnv } from '../AppEnv.js';
import type { OpenApiRoute } from './OpenApiRoute.js';

/** Relative to the base path. */
export const openApiRoute = '/openapi.json';

/** `GET /openapi.json`: the document, built on the first request and kept (it never changes while the app runs). */
export function createOpenApiRoutes(build: () => Record<string, unknown>): Hono<AppEnv> {
  let json: string | undefined;
  return new Hono<AppEnv>().get(openApiRoute, (c) => {
    json ??= JSON.stringify(build());
    return c.body(json, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' });
  });
}

export const openApiDocumentRoute: OpenApiRoute = {
  method: 'get',
  path: openApiRoute,
  summary: 'This document',
  description:
    'The OpenAPI 3.1 description of every endpoint, generated from the contract the client and the mocks share.',
  responses: { 200: { description: 'The OpenAPI document', example: { openapi: '3.1.0' } } },
};

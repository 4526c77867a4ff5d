import { healthResponseSchema, healthRoute } from 'podium-kit/core';
import type { OpenApiRoute } from './openapi/OpenApiRoute.js';

const healthExample = {
  status: 'pass',
  version: '0.1.0',
  serviceId: 'podium-server',
  description: 'Podium companion server',
  checks: {
    'postgres:responseTime': [
      {
        componentId: 'database',
        componentType: 'datastore',
        status: 'pass',
        observedValue: 2,
        observedUnit: 'ms',
        time: '2026-11-29T09:30:00.000Z',
      },
    ],
  },
};

export const healthOpenApi: readonly OpenApiRoute[] = [
  {
    method: 'get',
    path: healthRoute,
    summary: 'Health of the server and its dependencies',
    description:
      'One check per dependency with its latency, each bounded by a timeout. `warn` is degraded but serving (200); `fail` answers 503 with the same body. Not rate limited.',
    responses: {
      200: {
        description: '`pass` or `warn`',
        schema: healthResponseSchema,
        contentType: 'application/health+json',
        example: healthExample,
      },
      503: {
        description: '`fail`: a required dependency is down',
        schema: healthResponseSchema,
        contentType: 'application/health+json',
        example: { ...healthExample, status: 'fail' },
      },
    },
  },
];

import {
  jobSchema,
  jobStatsQuerySchema,
  jobStatsResponseSchema,
  jobStatsRoute,
  recordJobBodySchema,
} from 'podium-kit/core';
import type { OpenApiRoute } from '../http/openapi/OpenApiRoute.js';

const job = {
  job_id: 'import-42',
  requested_count: 10,
  successful_count: 8,
  failed_count: 1,
  status: 'processing',
  created_at: '2026-11-29T09:00:00.000Z',
  updated_at: '2026-11-29T09:30:00.000Z',
  completed_at: null,
};

/** The routes of `jobsRoutes.ts`. */
export const jobsOpenApi: readonly OpenApiRoute[] = [
  {
    method: 'patch',
    path: jobStatsRoute,
    summary: 'Record a job of the signed-in user',
    description:
      'Creates the job or updates its counts and status; `successful_count + failed_count` may not exceed `requested_count`.',
    auth: ['user'],
    body: {
      schema: recordJobBodySchema,
      example: {
        job_id: 'import-42',
        requested_count: 10,
        successful_count: 8,
        failed_count: 1,
        status: 'processing',
      },
    },
    responses: { 200: { description: 'The job as stored', schema: jobSchema, example: job } },
    errors: [409],
  },
  {
    method: 'get',
    path: jobStatsRoute,
    summary: "The signed-in user's job statistics",
    description:
      'Totals, a daily series (in `tz`) and a page of jobs over `from`..`to` (default: the last 30 days), newest first; `nextCursor` fetches the next page.',
    auth: ['user'],
    query: jobStatsQuerySchema,
    responses: {
      200: {
        description: 'Statistics of the range',
        schema: jobStatsResponseSchema,
        headers: {
          ETag: "Made from the user's jobs' change count: send it as `If-None-Match` to get a 304 while none changed",
        },
        example: {
          range: { from: '2026-10-30T00:00:00.000Z', to: '2026-11-29T09:30:00.000Z', tz: 'UTC' },
          totals: {
            jobs: 1,
            requested: 10,
            successful: 8,
            failed: 1,
            successRate: 0.8,
            byStatus: { pending: 0, processing: 1, completed: 0, failed: 0 },
          },
          series: [{ date: '2026-11-29', jobs: 1, requested: 10, successful: 8, failed: 1 }],
          jobs: [job],
          nextCursor: null,
        },
      },
      304: { description: "None of the user's jobs changed since the `If-None-Match` ETag (no body)" },
    },
  },
];

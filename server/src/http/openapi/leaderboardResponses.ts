import { leaderboardResponseSchema } from 'podium-kit/core';
import type { OpenApiRoute } from './OpenApiRoute.js';

/** Shared by every board's description (sellers, points, referrers). */
export const leaderboardExample = {
  board: 'sellers',
  metric: 'sales',
  unit: 'sales',
  period: {
    kind: 'month',
    month: '2026-11',
    key: '2026-11',
    start: '2026-11-01T00:00:00.000Z',
    end: '2026-12-01T00:00:00.000Z',
  },
  ties: 'standard',
  entries: [
    { rank: 1, userId: 'u_alice', displayName: 'Alice', avatarUrl: null, value: 12 },
    { rank: 2, userId: 'u_bob', displayName: 'Bob', avatarUrl: null, value: 9 },
  ],
  total: 2,
  offset: 0,
  limit: 20,
  around: null,
  updatedAt: '2026-11-29T09:30:00.000Z',
};

/** The answers of a polled board: the shape, and a bodiless 304 while its ETag still matches. */
export const leaderboardResponses = (description: string, example: unknown): OpenApiRoute['responses'] => ({
  200: {
    description,
    schema: leaderboardResponseSchema,
    headers: { ETag: 'Send it as `If-None-Match` when polling: 304 while the board is unchanged' },
    example,
  },
  304: { description: 'Unchanged since the `If-None-Match` ETag (no body)' },
});

import type { JobStatsQuery } from './contracts/jobs.js';

/**
 * React Query keys of every Podium query. All start with `'podium'`, so a host can invalidate
 * everything Podium caches with `queryClient.invalidateQueries({ queryKey: podiumKeys.all })`.
 * Data keys carry the API's `baseUrl`: two providers talking to different servers through one
 * shared QueryClient must never read each other's cache.
 */
export const podiumKeys = {
  all: ['podium'] as const,
  jobs: () => ['podium', 'jobs'] as const,
  jobStats: (baseUrl: string, query: Omit<JobStatsQuery, 'cursor'>) =>
    ['podium', 'jobs', 'stats', baseUrl, query] as const,
};

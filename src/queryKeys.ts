import type { JobStatsQuery } from './contracts/jobs.js';

/**
 * React Query keys of every Podium query. All start with `'podium'`, so a host can invalidate
 * everything Podium caches with `queryClient.invalidateQueries({ queryKey: podiumKeys.all })`.
 */
export const podiumKeys = {
  all: ['podium'] as const,
  jobs: () => ['podium', 'jobs'] as const,
  jobStats: (query: Omit<JobStatsQuery, 'cursor'>) => ['podium', 'jobs', 'stats', query] as const,
};

import {
  jobStatsRoute,
  type Job,
  type JobStatsQuery,
  type JobStatsResponse,
  type RecordJobBody,
} from './contract.js';
import type { ApiClient, FetchCacheMode } from '../shared/createApiClient.js';

/** `GET /stats`: the signed-in user's job totals, per-day series and a page of jobs. */
export function getJobStats(
  client: ApiClient,
  query: JobStatsQuery = {},
  options: { signal?: AbortSignal; cache?: FetchCacheMode } = {},
): Promise<JobStatsResponse> {
  return client.request<JobStatsResponse>({
    method: 'GET',
    path: jobStatsRoute,
    query: { ...query },
    signal: options.signal,
    cache: options.cache,
  });
}

/** `PATCH /stats`: creates or updates one of the signed-in user's jobs; returns the stored job. */
export function recordJob(client: ApiClient, body: RecordJobBody): Promise<Job> {
  return client.request<Job>({ method: 'PATCH', path: jobStatsRoute, body });
}

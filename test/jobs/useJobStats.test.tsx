import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { jobsInRange, summarizeJobs } from '../../src/jobs/jobStats.js';
import { resolveRange } from '../../src/shared/periods.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import {
  jobStatsInfiniteQueryOptions,
  useJobStats,
  usePodium,
  type UseJobStatsOptions,
} from '../../hooks/index.js';
import { baseUrl, makeJob, NOW, setupJobStatsBackend } from './jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';

// Seven jobs over ten days, one outside a 7-day range and two still moving.
const { backend } = setupJobStatsBackend(() => [
  makeJob('j1', 1),
  makeJob('j2', 5, 'processing', 8),
  makeJob('j3', 20, 'failed', 3),
  makeJob('j4', 40, 'pending', 2),
  makeJob('j5', 60, 'completed', 10, 10, 0),
  makeJob('j6', 100),
  makeJob('j7', 24 * 10),
]);

function renderJobStats(options: UseJobStatsOptions, props: Parameters<typeof providerWrapper>[0] = {}) {
  const { Wrapper, queryClient } = providerWrapper(props);
  const hook = renderHook((opts: UseJobStatsOptions) => useJobStats(opts), {
    wrapper: Wrapper,
    initialProps: options,
  });
  return { ...hook, queryClient };
}

const expectedTotals = (from: string, to: string, tz = 'UTC') =>
  summarizeJobs(backend.jobs, resolveRange({ from, to, timeZone: tz }, NOW));

describe('useJobStats', () => {
  it('sends from, to, tz and limit and returns the range summary', async () => {
    const { result } = renderJobStats({
      from: '2025-03-09',
      to: '2025-03-15',
      tz: 'Europe/Paris',
      pageSize: 3,
    });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.status).toBe('success'));

    const url = backend.statsRequests()[0]!;
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2025-03-09',
      to: '2025-03-15',
      tz: 'Europe/Paris',
      limit: '3',
    });
    expect(result.current.stats?.totals).toEqual(expectedTotals('2025-03-09', '2025-03-15', 'Europe/Paris'));
    expect(result.current.stats?.series).toHaveLength(7);
    expect(result.current.stats?.range.tz).toBe('Europe/Paris');
    expect(result.current.error).toBeNull();
    expect(result.current.dataUpdatedAt).toBeGreaterThan(0);
  });

  it("defaults tz to the provider's time zone and leaves out what was not given", async () => {
    const { result } = renderJobStats({}, { timeZone: 'America/New_York' });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(Object.fromEntries(backend.statsRequests()[0]!.searchParams)).toEqual({ tz: 'America/New_York' });
  });

  it('is keyed by podiumKeys.jobStats so hosts can prefetch and invalidate it', () => {
    const { result } = renderHook(() => usePodium(), { wrapper: providerWrapper().Wrapper });
    const options = jobStatsInfiniteQueryOptions(result.current.client, {
      from: '2025-03-01',
      to: undefined,
      tz: 'UTC',
    });
    expect(options.queryKey).toEqual(podiumKeys.jobStats(baseUrl, { from: '2025-03-01', tz: 'UTC' }));
    expect(options.queryKey.slice(0, 2)).toEqual(podiumKeys.jobs());
  });

  it('pages through the jobs with nextCursor until the last page', async () => {
    const { result } = renderJobStats({ from: '2025-03-01', to: '2025-03-15', pageSize: 3 });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const all = jobsInRange(backend.jobs, resolveRange({ from: '2025-03-01', to: '2025-03-15' }, NOW));
    expect(all.length).toBeGreaterThan(6);

    expect(result.current.jobs.map((j) => j.job_id)).toEqual(all.slice(0, 3).map((j) => j.job_id));
    expect(result.current.hasMoreJobs).toBe(true);

    // A double click (two calls before the next render) must not fire two requests.
    act(() => {
      result.current.loadMoreJobs();
      result.current.loadMoreJobs();
    });
    await waitFor(() => expect(result.current.jobs).toHaveLength(6));
    expect(backend.statsRequests()).toHaveLength(2);
    act(() => result.current.loadMoreJobs());
    await waitFor(() => expect(result.current.jobs).toHaveLength(all.length));

    expect(result.current.jobs.map((j) => j.job_id)).toEqual(all.map((j) => j.job_id));
    expect(result.current.hasMoreJobs).toBe(false);
    const cursors = backend.statsRequests().map((url) => url.searchParams.get('cursor'));
    expect(cursors).toEqual([null, '3', '6']);
    // Totals come from the range, not from the loaded pages.
    expect(result.current.stats?.totals.jobs).toBe(all.length);

    act(() => result.current.loadMoreJobs());
    expect(backend.statsRequests()).toHaveLength(3);
  });

  it('exposes a 4xx as PodiumApiError with status, code and fieldErrors, without retrying', async () => {
    backend.failNext(400, 'invalid_request', 'from must be a date', 5);
    const { result } = renderJobStats({ from: '2025-03-01' });
    await waitFor(() => expect(result.current.status).toBe('error'));
    const error = result.current.error;
    expect(error).toBeInstanceOf(PodiumApiError);
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('invalid_request');
    expect(error?.message).toBe('from must be a date');
    expect(error?.fieldErrors.from).toEqual(['is wrong']);
    expect(result.current.isRefetchError).toBe(false);
    expect(backend.statsRequests()).toHaveLength(1);
  });

  it('retries failures worth retrying (5xx)', async () => {
    backend.failNext(503, 'service_unavailable', 'down', 2);
    const { result } = renderJobStats({});
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(backend.statsRequests()).toHaveLength(3);
  });

  it("follows the host QueryClient's retry default for retryable failures", async () => {
    backend.failNext(503, 'service_unavailable', 'down', 5);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { result } = renderHook(() => useJobStats({}), {
      wrapper: providerWrapper({ queryClient }).Wrapper,
    });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(backend.statsRequests()).toHaveLength(1);
    expect(result.current.error?.status).toBe(503);
  });

  it('keeps the data and flags isRefetchError when a refresh fails', async () => {
    const { result } = renderJobStats({ from: '2025-03-01', to: '2025-03-15' });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const before = result.current.stats;
    const updatedAt = result.current.dataUpdatedAt;

    backend.failNext(500, 'internal_error', 'database down', 10);
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.isRefetchError).toBe(true));
    expect(result.current.stats).toEqual(before);
    expect(result.current.error?.status).toBe(500);
    expect(result.current.dataUpdatedAt).toBe(updatedAt);
    expect(result.current.isLoading).toBe(false);
  });

  it('turns a failure outside the API (a throwing getToken) into a PodiumApiError', async () => {
    const { result } = renderJobStats(
      {},
      {
        getToken: () => {
          throw new Error('session expired');
        },
      },
    );
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 3000 });
    expect(result.current.error).toBeInstanceOf(PodiumApiError);
    expect(result.current.error?.message).toBe('session expired');
    expect(result.current.error?.code).toBe('client_error');
  });

  it('sends nothing while disabled and starts once enabled', async () => {
    const { result, rerender } = renderJobStats({ enabled: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(backend.statsRequests()).toHaveLength(0);
    expect(result.current.isLoading).toBe(false);
    rerender({ enabled: true });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(backend.statsRequests()).toHaveLength(1);
  });

  it('shares one request between two consumers of the same range', async () => {
    const { Wrapper } = providerWrapper();
    const { result } = renderHook(
      () => [useJobStats({ from: '2025-03-01' }), useJobStats({ from: '2025-03-01' })] as const,
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current[1].status).toBe('success'));
    expect(backend.statsRequests()).toHaveLength(1);
  });
});

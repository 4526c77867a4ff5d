import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { summarizeJobs } from '../../src/jobs/jobStats.js';
import { resolveRange } from '../../src/shared/periods.js';
import { useJobStats, useRecordJob, type JobStatsInfiniteData } from '../../hooks/index.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { makeJob, NOW, setupJobStatsBackend } from './jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';

const { backend } = setupJobStatsBackend(() => [makeJob('a', 3), makeJob('b', 9, 'pending')]);

const range = { from: '2025-03-10', to: '2025-03-15' };
const totalsNow = () => summarizeJobs(backend.jobs, resolveRange(range, NOW));

describe('useRecordJob', () => {
  it('records a job, then every job statistic refreshes with the new totals', async () => {
    const onSuccess = vi.fn();
    const { Wrapper, queryClient } = providerWrapper();
    const { result } = renderHook(
      () => ({
        stats: useJobStats(range),
        other: useJobStats({ ...range, pageSize: 1 }),
        record: useRecordJob({ onSuccess }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.stats.status).toBe('success'));
    await waitFor(() => expect(result.current.other.status).toBe('success'));
    const before = result.current.stats.stats!.totals;

    await act(() =>
      result.current.record.mutateAsync({
        job_id: 'new',
        requested_count: 7,
        successful_count: 7,
        status: 'completed',
      }),
    );

    const after = totalsNow();
    expect(after.jobs).toBe(before.jobs + 1);
    // mutateAsync resolves after the refresh, so the cache already holds the new figures...
    const cached = queryClient.getQueriesData<JobStatsInfiniteData>({ queryKey: podiumKeys.jobs() });
    expect(cached).toHaveLength(2);
    for (const [, data] of cached) expect(data!.pages[0]!.totals).toEqual(after);
    // ...and React renders them on React Query's next notification tick.
    await waitFor(() => expect(result.current.stats.stats!.totals).toEqual(after));
    await waitFor(() => expect(result.current.other.stats!.totals).toEqual(after));
    expect(result.current.record.data?.job_id).toBe('new');
    expect(onSuccess).toHaveBeenCalledOnce();
    expect(backend.requests.find((r) => r.method === 'PATCH')).toBeDefined();
  });

  it('reports a rejected body as a PodiumApiError and changes nothing', async () => {
    const { Wrapper } = providerWrapper();
    const { result } = renderHook(() => useRecordJob(), { wrapper: Wrapper });
    act(() => result.current.mutate({ job_id: 'x', requested_count: 1, successful_count: 5 }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(PodiumApiError);
    expect(result.current.error?.status).toBe(400);
    expect(backend.jobs).toHaveLength(2);
  });
});

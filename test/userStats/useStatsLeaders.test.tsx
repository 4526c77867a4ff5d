import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStatsLeaders, type UseStatsLeadersOptions } from '../../hooks/index.js';
import type { PodiumHandlersOptions } from '../../mocks/index.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const { requests, serve } = setupMswServer({ mocks: { baseUrl } });

function renderLeaders(options: UseStatsLeadersOptions = {}, mocks: PodiumHandlersOptions = {}) {
  serve(mocks);
  return renderHook(() => useStatsLeaders(options), { wrapper: providerWrapper().Wrapper });
}

describe('useStatsLeaders', () => {
  it('asks for the top 10 sellers by default', async () => {
    const { result } = renderLeaders();
    expect(result.current.leaders).toEqual([]);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({ metric: 'salesVolume', limit: '10' });
    expect(result.current.leaders).toHaveLength(10);
    expect(result.current.leaders[0]!.rank).toBe(1);
    expect(result.current.total).toBe(24);
    expect(result.current.updatedAt).not.toBeNull();
  });

  it('takes the metric and limit', async () => {
    const { result } = renderLeaders({ metric: 'trades', limit: 3 });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.metric).toBe('trades');
    expect(result.current.leaders).toHaveLength(3);
  });

  it('exposes a 400 (limit out of range) without retrying', async () => {
    const { result } = renderLeaders({ limit: 1000 });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(result.current.error?.fieldErrors.limit).toBeDefined();
    expect(requests).toHaveLength(1);
  });

  it('is empty when nobody has a value, and holds while disabled', async () => {
    const { result } = renderLeaders({}, { scenario: 'empty' });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current).toMatchObject({ leaders: [], total: 0, updatedAt: null });

    const held = renderLeaders({ enabled: false, metric: 'bidsWon' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toHaveLength(1);
    expect(held.result.current.isLoading).toBe(false);
  });
});

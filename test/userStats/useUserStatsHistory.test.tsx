import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  usePodium,
  userStatsHistoryQueryOptions,
  useUserStatsHistory,
  type UseUserStatsHistoryOptions,
} from '../../hooks/index.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const NOW = new Date('2025-06-15T22:30:00Z');
const { server, requests, serve } = setupMswServer({ now: NOW, mocks: { baseUrl, now: NOW } });
beforeEach(() => {
  serve();
});

function renderHistory(identifier: string, options: UseUserStatsHistoryOptions = {}) {
  // A zone far from UTC: the range must still be UTC days, like the server's.
  const { Wrapper } = providerWrapper({ timeZone: 'Pacific/Kiritimati' });
  return renderHook(() => useUserStatsHistory(identifier, options), { wrapper: Wrapper });
}

describe('useUserStatsHistory', () => {
  it('asks for the last 90 UTC days by default and returns every day', async () => {
    const { result } = renderHistory('alice');
    expect(result.current.days).toEqual([]);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({ from: '2025-03-18', to: '2025-06-15' });
    expect(result.current.range).toEqual({ from: '2025-03-18', to: '2025-06-15' });
    expect(result.current.days).toHaveLength(90);
    expect(result.current.history?.subject.username).toBe('alice');
  });

  it('takes days, from and to', async () => {
    const { result } = renderHistory('alice', { days: 7 });
    await waitFor(() => expect(result.current.days).toHaveLength(7));
    expect(result.current.days[0]!.date).toBe('2025-06-09');

    const fixed = renderHistory('alice', { from: '2025-01-01', to: '2025-01-31' });
    await waitFor(() => expect(fixed.result.current.days).toHaveLength(31));
    expect(Object.fromEntries(requests.at(-1)!.searchParams)).toEqual({
      from: '2025-01-01',
      to: '2025-01-31',
    });
  });

  it('exposes a 400 without retrying, and sends nothing for an empty identifier', async () => {
    const { result } = renderHistory('alice', { from: '2025-06-10', to: '2025-06-01' });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(result.current.error?.fieldErrors.from).toEqual(['must not be after to']);
    expect(requests).toHaveLength(1);

    renderHistory('');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toHaveLength(1);
  });

  it('retries a 5xx', async () => {
    let failures = 2;
    server.use(
      http.get(`${baseUrl}/user/:identifier/stats/history`, () =>
        failures-- > 0
          ? HttpResponse.json({ error: { code: 'internal_error', message: 'down' } }, { status: 500 })
          : undefined,
      ),
    );
    const { result } = renderHistory('alice');
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(requests).toHaveLength(3);
  });

  it('is keyed by podiumKeys.userStatsHistory', () => {
    const { result } = renderHook(() => usePodium(), { wrapper: providerWrapper().Wrapper });
    const options = userStatsHistoryQueryOptions(result.current.client, 'alice', {
      from: '2025-01-01',
      to: undefined,
    });
    expect(options.queryKey).toEqual(podiumKeys.userStatsHistory(baseUrl, 'alice', { from: '2025-01-01' }));
  });
});

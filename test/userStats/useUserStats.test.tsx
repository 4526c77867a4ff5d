import { focusManager, QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  normalizeStatsIdentifier,
  usePodium,
  userStatsPollInterval,
  userStatsQueryOptions,
  useUserStats,
  type UseUserStatsOptions,
} from '../../hooks/index.js';
import {
  createPendingUserStatsFixture,
  createPodiumHandlers,
  createUserStatsFixture,
} from '../../mocks/index.js';
import { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const { server, requests } = setupMswServer();
/** Paths of every user-stats request the server saw in this test, in order. */
const paths = () => requests.map((url) => url.pathname);
afterEach(() => {
  vi.useRealTimers();
  focusManager.setFocused(undefined);
});

const statsUrl = `${baseUrl}/user/:identifier/stats`;

/** Answers the stats requests in turn with `answers` (the last one repeats). */
function answerInTurn(...answers: (() => Response)[]) {
  let next = 0;
  server.use(http.get(statsUrl, () => answers[Math.min(next++, answers.length - 1)]!()));
}

const accepted = (retryAfterSeconds: number) => () =>
  HttpResponse.json(createPendingUserStatsFixture(undefined, retryAfterSeconds), {
    status: 202,
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
const ready =
  (overrides: Parameters<typeof createUserStatsFixture>[0] = {}) =>
  () =>
    HttpResponse.json(createUserStatsFixture(overrides));
const failure = (status: number, code: string) => () =>
  HttpResponse.json({ error: { code, message: `${code} happened` } }, { status });

function renderUserStats(identifier: string, options: UseUserStatsOptions = {}, queryClient?: QueryClient) {
  const { Wrapper } = providerWrapper(queryClient ? { queryClient } : {});
  return renderHook(({ id, opts }: { id: string; opts: UseUserStatsOptions }) => useUserStats(id, opts), {
    wrapper: Wrapper,
    initialProps: { id: identifier, opts: options },
  });
}

describe('useUserStats', () => {
  it('exposes the figures, percentiles, subject and freshness of a 200', async () => {
    const calculatedAt = '2025-06-14T09:00:00.000Z';
    answerInTurn(ready({ stale: true, calculatedAt, refreshFailedAt: '2025-06-15T08:00:00.000Z' }));
    const { result } = renderUserStats('alice');
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.status).toBe('success'));

    expect(paths()).toEqual(['/api/user/alice/stats']);
    expect(result.current.stats?.sales.volumeWei).toBe('18734500000000000000');
    expect(result.current.percentiles?.salesVolume).toEqual({ rank: 52, of: 1840, topPercent: 3 });
    expect(result.current.subject?.username).toBe('alice');
    expect(result.current).toMatchObject({
      isCalculating: false,
      retryAfterSeconds: null,
      stale: true,
      calculatedAt,
      refreshFailedAt: '2025-06-15T08:00:00.000Z',
      error: null,
    });
  });

  it('checks stale stats again every minute until the queued refresh lands, then stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    answerInTurn(ready({ stale: true }), ready({ stale: true }), ready({ stale: false }));
    const { result } = renderUserStats('alice');
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(result.current.stale).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(59_000));
    expect(requests).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(requests).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(requests).toHaveLength(3);
    expect(result.current.stale).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
    expect(requests).toHaveLength(3);
  });

  it('leaves stale stats alone when stalePollIntervalMs is false', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    answerInTurn(ready({ stale: true }));
    const { result } = renderUserStats('alice', { stalePollIntervalMs: false });
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(result.current.stale).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(5 * 60_000));
    expect(requests).toHaveLength(1);
  });

  it('polls a 202 at retryAfterSeconds until the 200 arrives, then stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    answerInTurn(accepted(3), accepted(3), ready());
    const { result } = renderUserStats('alice');
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(result.current).toMatchObject({
      status: 'success',
      isCalculating: true,
      retryAfterSeconds: 3,
      calculatedAt: null,
    });
    expect(result.current.stats?.sales.count).toBe(0);
    expect(Object.values(result.current.percentiles ?? {}).every((p) => p === null)).toBe(true);
    expect(requests).toHaveLength(1);

    await act(() => vi.advanceTimersByTimeAsync(2_900));
    expect(requests).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(requests).toHaveLength(2);
    expect(result.current.isCalculating).toBe(true);

    await act(() => vi.advanceTimersByTimeAsync(3_100));
    expect(requests).toHaveLength(3);
    expect(result.current.isCalculating).toBe(false);
    expect(result.current.stats?.sales.count).toBe(42);

    await act(() => vi.advanceTimersByTimeAsync(120_000));
    expect(requests).toHaveLength(3);
  });

  it('keeps the poll between the bounds whatever the server asks', async () => {
    expect(userStatsPollInterval(1)).toBe(2_000);
    expect(userStatsPollInterval(7)).toBe(7_000);
    expect(userStatsPollInterval(3_600)).toBe(30_000);
    expect(userStatsPollInterval(null)).toBe(5_000);
    expect(userStatsPollInterval(1, 500, 1_000)).toBe(1_000);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    answerInTurn(accepted(3_600));
    renderUserStats('alice', { maxPollIntervalMs: 10_000 });
    await act(() => vi.advanceTimersByTimeAsync(50));
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(requests).toHaveLength(2);
  });

  it('does not poll while the page is hidden', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    answerInTurn(accepted(2));
    const { result, unmount } = renderUserStats('alice');
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(result.current.isCalculating).toBe(true);
    act(() => focusManager.setFocused(false));
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(requests).toHaveLength(1);
    // Unmounted first: becoming visible again would (rightly) refetch after the handlers are gone.
    unmount();
  });

  it('polls through the mocks: the pending scenario answers 202, then 200', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    server.use(
      ...createPodiumHandlers({ baseUrl, scenario: 'pending', pendingResponses: 2, retryAfterSeconds: 2 }),
    );
    const { result } = renderUserStats('alice');
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(result.current.isCalculating).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(4_100));
    expect(result.current.isCalculating).toBe(false);
    expect(result.current.stats?.sales.count).toBe(42);
    expect(requests).toHaveLength(3);
  });

  it.each([
    [404, 'not_found'],
    [400, 'invalid_request'],
  ])('exposes a %i as a PodiumApiError without retrying', async (status, code) => {
    answerInTurn(failure(status, code));
    const { result } = renderUserStats('nobody');
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(PodiumApiError);
    expect(result.current.error).toMatchObject({ status, code });
    expect(requests).toHaveLength(1);
  });

  it('retries a 5xx, and follows a host client that turned retries off', async () => {
    answerInTurn(failure(503, 'service_unavailable'), failure(503, 'service_unavailable'), ready());
    const { result } = renderUserStats('alice');
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(requests).toHaveLength(3);

    requests.length = 0;
    answerInTurn(failure(503, 'service_unavailable'));
    const noRetries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const other = renderUserStats('alice', {}, noRetries);
    await waitFor(() => expect(other.result.current.status).toBe('error'));
    expect(requests).toHaveLength(1);
  });

  it('sends nothing for an empty identifier or while disabled', async () => {
    answerInTurn(ready());
    const { result, rerender } = renderUserStats('  ');
    rerender({ id: 'alice', opts: { enabled: false } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toHaveLength(0);
    expect(result.current.isLoading).toBe(false);
    rerender({ id: 'alice', opts: {} });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(requests).toHaveLength(1);
  });

  it('keys by the normalized identifier: one request for two spellings of an address', async () => {
    answerInTurn(ready());
    const address = '0x5E1C3A4B2F7D9E8A6B0C1D2E3F4A5B6C7D8E9F01';
    const { Wrapper } = providerWrapper();
    const { result } = renderHook(
      () => [useUserStats(address), useUserStats(address.toLowerCase()), usePodium()] as const,
      {
        wrapper: Wrapper,
      },
    );
    await waitFor(() => expect(result.current[1].status).toBe('success'));
    expect(paths()).toEqual([`/api/user/${address.toLowerCase()}/stats`]);
    expect(normalizeStatsIdentifier(` ${address} `)).toBe(address.toLowerCase());
    expect(normalizeStatsIdentifier(' Alice ')).toBe('Alice');
    expect(userStatsQueryOptions(result.current[2].client, address).queryKey).toEqual(
      podiumKeys.userStatsSummary(baseUrl, address.toLowerCase()),
    );
    expect(podiumKeys.userStatsSummary(baseUrl, 'x').slice(0, 2)).toEqual(podiumKeys.userStats());
  });
});

import { focusManager, QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isSameLeaderboard,
  leaderboardQueryOptions,
  normalizeLeaderboardParams,
  useLeaderboard,
  useSellerDashboard,
  type UseLeaderboardOptions,
} from '../../hooks/index.js';
import { createLeaderboardFixture, leaderboardCurrentUserId } from '../../mocks/index.js';
import { createApiClient } from '../../src/shared/createApiClient.js';
import { getLeaderboard } from '../../src/shared/leaderboardApi.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const now = new Date('2025-06-15T12:00:00.000Z');
const { server, serve } = setupMswServer({ mocks: { baseUrl, now } });
/** Every board request: its query and If-None-Match. */
let requests: { search: string; ifNoneMatch: string | null; path: string }[] = [];
let visibility: DocumentVisibilityState = 'visible';
/** Statuses of the mocked answers, in order. */
let statuses: number[] = [];

// The board's conditional requests need more than the helper's URLs: the If-None-Match sent and
// the status answered.
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  requests.push({ path: url.pathname, search: url.search, ifNoneMatch: request.headers.get('if-none-match') });
});
server.events.on('response:mocked', ({ response }) => {
  statuses.push(response.status);
});
beforeAll(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});
beforeEach(() => {
  requests = [];
  statuses = [];
  visibility = 'visible';
});
afterEach(() => {
  vi.useRealTimers();
  focusManager.setFocused(undefined);
});

const timers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });

function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  window.dispatchEvent(new Event('visibilitychange'));
}

function renderLeaderboard(options: UseLeaderboardOptions<'sellers'> = {}, queryClient?: QueryClient) {
  const { Wrapper } = providerWrapper(queryClient ? { queryClient } : {});
  const hook = renderHook((opts: UseLeaderboardOptions<'sellers'>) => useLeaderboard('sellers', opts), {
    wrapper: Wrapper,
    initialProps: options,
  });
  return hook;
}

describe('getLeaderboard', () => {
  it('sends If-None-Match only with an etag and resolves a 304 as notModified', async () => {
    const seen: (string | null)[] = [];
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      const tag = (init?.headers as Record<string, string>)['if-none-match'] ?? null;
      seen.push(tag);
      return tag === 'W/"1"'
        ? new Response(null, { status: 304, headers: { etag: 'W/"1"' } })
        : Response.json(createLeaderboardFixture({ limit: 2 }), { headers: { etag: 'W/"1"' } });
    });
    const client = createApiClient({ baseUrl: 'https://host.test/api', fetch });
    const first = await getLeaderboard(client, 'sellers', { limit: 2, metric: 'views' });
    expect(first).toMatchObject({ etag: 'W/"1"', data: { board: 'sellers' } });
    expect(String(fetch.mock.calls[0]![0])).toBe('https://host.test/api/leaderboards/sellers?limit=2&metric=views');
    await expect(getLeaderboard(client, 'sellers', { limit: 2 }, { etag: 'W/"1"' })).resolves.toEqual({
      notModified: true,
    });
    expect(seen).toEqual([null, 'W/"1"']);
  });

  it('treats a 304 to an unconditional request as an error', async () => {
    const client = createApiClient({ baseUrl: '/api', fetch: async () => new Response(null, { status: 304 }) });
    await expect(getLeaderboard(client, 'sellers')).rejects.toMatchObject({ status: 304 });
  });
});

describe('leaderboard query options', () => {
  it('normalizes params: defaults, clamped limit, month only for months, offset dropped with around', () => {
    expect(normalizeLeaderboardParams('sellers')).toEqual({
      metric: 'sales',
      period: 'month',
      limit: 20,
      ties: 'standard',
      offset: 0,
    });
    expect(
      normalizeLeaderboardParams('sellers', { period: 'all-time', month: '2025-01', limit: 500, around: 'u_a', offset: 9 }),
    ).toEqual({ metric: 'sales', period: 'all-time', limit: 100, ties: 'standard', around: 'u_a' });
    const client = createApiClient({ baseUrl });
    expect(leaderboardQueryOptions(client, 'sellers', { metric: 'views' }).queryKey).toEqual(
      podiumKeys.leaderboard(baseUrl, 'sellers', normalizeLeaderboardParams('sellers', { metric: 'views' })),
    );
    const key = (params: object) => leaderboardQueryOptions(client, 'sellers', params).queryKey;
    expect(isSameLeaderboard(key({ limit: 10 }), key({ limit: 20, around: 'x' }))).toBe(true);
    expect(isSameLeaderboard(key({ metric: 'sales' }), key({ metric: 'views' }))).toBe(false);
  });
});

describe('useLeaderboard', () => {
  it('loads a page of the board with its ETag', async () => {
    serve();
    const { result } = renderLeaderboard({ metric: 'views', limit: 5 });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(requests.map((r) => r.search)).toEqual(['?metric=views&period=month&limit=5&ties=standard&offset=0']);
    expect(result.current.entries).toHaveLength(5);
    expect(result.current.total).toBe(24);
    expect(result.current.etag).toMatch(/^W\//);
    expect(result.current.hasMore).toBe(true);
    expect(result.current.updatedAt).toBe(result.current.data?.updatedAt);
  });

  it('polls every 30 s while visible, with If-None-Match of that exact query', async () => {
    timers();
    serve();
    const { result } = renderLeaderboard({ limit: 10 });
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(result.current.status).toBe('success');
    const etag = result.current.etag;
    expect(requests).toHaveLength(1);
    expect(requests[0]!.ifNoneMatch).toBeNull();

    await act(() => vi.advanceTimersByTimeAsync(29_000));
    expect(requests).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1_100));
    expect(requests).toHaveLength(2);
    expect(requests[1]!.ifNoneMatch).toBe(etag);
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(requests).toHaveLength(3);
    expect(requests[2]!.ifNoneMatch).toBe(etag);
  });

  it('keeps the same data object on a 304 and does not re-render', async () => {
    timers();
    serve();
    const { Wrapper } = providerWrapper();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        const board = useLeaderboard('sellers', { limit: 10 });
        return { data: board.data, entries: board.entries, updatedAt: board.updatedAt, status: board.status };
      },
      { wrapper: Wrapper },
    );
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(result.current.status).toBe('success');
    const data = result.current.data;
    const rendersAfterLoad = renders;

    await act(() => vi.advanceTimersByTimeAsync(30_100));
    await act(() => vi.advanceTimersByTimeAsync(30_100));
    expect(requests).toHaveLength(3);
    expect(requests.slice(1).every((r) => r.ifNoneMatch !== null)).toBe(true);
    expect(statuses).toEqual([200, 304, 304]);
    expect(result.current.data).toBe(data);
    expect(renders).toBe(rendersAfterLoad);
  });

  it('re-renders with the new board when a poll finds a change', async () => {
    timers();
    const mocks = serve();
    const { result } = renderLeaderboard({ limit: 30 });
    await act(() => vi.advanceTimersByTimeAsync(50));
    const before = result.current.entries.find((e) => e.userId === leaderboardCurrentUserId)!.rank;
    mocks.bumpLeaderboard();
    await act(() => vi.advanceTimersByTimeAsync(30_100));
    const after = result.current.entries.find((e) => e.userId === leaderboardCurrentUserId)!.rank;
    expect(after).toBeLessThan(before);
    expect(result.current.updatedAt).toBe(now.toISOString());
  });

  it('stops polling while the page is hidden and resumes when it is visible again', async () => {
    timers();
    serve();
    const { unmount } = renderLeaderboard();
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(requests).toHaveLength(1);
    act(() => setVisibility('hidden'));
    await act(() => vi.advanceTimersByTimeAsync(120_000));
    expect(requests).toHaveLength(1);
    act(() => setVisibility('visible'));
    await act(() => vi.advanceTimersByTimeAsync(50));
    // Back in view: a refetch on focus, then polling again.
    expect(requests).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(30_100));
    expect(requests).toHaveLength(3);
    unmount();
  });

  it('does not fetch or poll while disabled, and stops when disabled later', async () => {
    timers();
    serve();
    const { rerender, result } = renderLeaderboard({ enabled: false });
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(requests).toHaveLength(0);
    expect(result.current.status).toBe('pending');

    rerender({ enabled: true });
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(requests).toHaveLength(1);
    rerender({ enabled: false });
    await act(() => vi.advanceTimersByTimeAsync(120_000));
    expect(requests).toHaveLength(1);
    expect(result.current.status).toBe('success');
  });

  it('honours a custom interval, and false for no polling', async () => {
    timers();
    serve();
    const { rerender } = renderLeaderboard({ pollIntervalMs: 5_000 });
    await act(() => vi.advanceTimersByTimeAsync(50));
    await act(() => vi.advanceTimersByTimeAsync(10_100));
    expect(requests).toHaveLength(3);
    rerender({ pollIntervalMs: false });
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(requests).toHaveLength(3);
  });

  it('keeps the previous window while a larger limit or around loads, never across metrics', async () => {
    let release: () => void = () => {};
    serve();
    const { result, rerender } = renderLeaderboard({ limit: 5 });
    await waitFor(() => expect(result.current.entries).toHaveLength(5));
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(`${baseUrl}/leaderboards/sellers`, async () => {
        await gate;
        return HttpResponse.json(createLeaderboardFixture({ limit: 10, now }), { headers: { etag: 'W/"x"' } });
      }),
    );
    rerender({ limit: 10 });
    await waitFor(() => expect(result.current.isFetching).toBe(true));
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.entries).toHaveLength(5);
    rerender({ limit: 10, metric: 'views' });
    await waitFor(() => expect(result.current.data).toBeUndefined());
    release();
    await waitFor(() => expect(result.current.entries).toHaveLength(10));
    expect(result.current.isPlaceholderData).toBe(false);
  });

  it('centres on `around` and exposes that user', async () => {
    serve();
    const { result } = renderLeaderboard({ limit: 5, around: leaderboardCurrentUserId });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(requests[0]!.search).toContain(`around=${leaderboardCurrentUserId}`);
    expect(requests[0]!.search).not.toContain('offset');
    expect(result.current.around).toMatchObject({ userId: leaderboardCurrentUserId });
    expect(result.current.entries.map((e) => e.userId)).toContain(leaderboardCurrentUserId);
  });

  it('exposes errors as PodiumApiError and recovers on refetch', async () => {
    const mocks = serve({ scenario: 'error' });
    const { result } = renderLeaderboard({}, new QueryClient({ defaultOptions: { queries: { retry: false } } }));
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 3000 });
    expect(result.current.error).toMatchObject({ status: 500 });
    mocks.setScenario('success');
    await act(() => result.current.refetch());
    // React Query delivers the new result in its own batched (setTimeout) notification, which
    // a busy machine can run after act() has returned: wait for the render instead of racing it.
    await waitFor(() => expect(result.current.status).toBe('success'));
  });
});

describe('useSellerDashboard', () => {
  it('loads a seller dashboard and holds an empty id', async () => {
    serve();
    const { Wrapper } = providerWrapper();
    const { result, rerender } = renderHook(({ id }: { id: string }) => useSellerDashboard(id), {
      wrapper: Wrapper,
      initialProps: { id: '' },
    });
    expect(result.current.status).toBe('pending');
    expect(requests).toHaveLength(0);
    rerender({ id: leaderboardCurrentUserId });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(requests[0]!.path).toBe(`/api/sellers/${leaderboardCurrentUserId}/dashboard`);
    expect(result.current.dashboard?.sales.month).toBe(10);
  });
});

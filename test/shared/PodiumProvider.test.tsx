import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  PodiumProvider,
  useJobStats,
  usePodium,
  usePodiumStore,
  type PodiumContextValue,
} from '../../hooks/index.js';
import { baseUrl, createJobStatsBackend, makeJob, setupJobStatsBackend } from '../jobs/jobStatsBackend.js';

const { backend, server } = setupJobStatsBackend(() => [makeJob('a', 2), makeJob('b', 30, 'pending')]);

describe('usePodium', () => {
  it('throws a message that says how to fix it outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => usePodium())).toThrow(
      /usePodium must be used inside <PodiumProvider>.*Wrap your app/,
    );
    // Every hook goes through usePodium, so they fail the same way.
    expect(() => renderHook(() => useJobStats())).toThrow(/inside <PodiumProvider>/);
  });

  it('defaults locale, theme and labels, and reads the browser time zone once mounted', () => {
    const { result } = renderHook(() => usePodium(), {
      wrapper: ({ children }) => <PodiumProvider baseUrl={baseUrl}>{children}</PodiumProvider>,
    });
    expect(result.current.locale).toBe('en-US');
    expect(result.current.theme).toBe('system');
    expect(result.current.labels).toEqual({});
    expect(result.current.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('PodiumProvider', () => {
  it('gives two providers on one page their own store, API client and query client', async () => {
    const seen: Record<string, PodiumContextValue> = {};
    function Probe({ name }: { name: string }) {
      seen[name] = usePodium();
      const range = usePodiumStore((s) => s.jobStatsRange);
      const setRange = usePodiumStore((s) => s.setJobStatsRange);
      return (
        <button type="button" onClick={() => setRange({ preset: 7 })}>
          {name}:{range.preset}
        </button>
      );
    }
    render(
      <>
        <PodiumProvider baseUrl={baseUrl}>
          <Probe name="one" />
        </PodiumProvider>
        <PodiumProvider baseUrl="http://other.test/api">
          <Probe name="two" />
        </PodiumProvider>
      </>,
    );
    const initial = screen.getByRole('button', { name: /^two:/ }).textContent;
    act(() => screen.getByRole('button', { name: /^one:/ }).click());
    expect(screen.getByRole('button', { name: /^one:/ })).toHaveTextContent('one:7');
    expect(screen.getByRole('button', { name: /^two:/ }).textContent).toBe(initial);
    expect(seen.one!.store).not.toBe(seen.two!.store);
    expect(seen.one!.client).not.toBe(seen.two!.client);
    expect(seen.one!.client.baseUrl).toBe(baseUrl);
    expect(seen.two!.client.baseUrl).toBe('http://other.test/api');
    expect(seen.one!.queryClient).not.toBe(seen.two!.queryClient);
  });

  it("uses the host's QueryClient from context when there is one", async () => {
    const host = new QueryClient();
    const { result } = renderHook(() => ({ podium: usePodium(), stats: useJobStats() }), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={host}>
          <PodiumProvider baseUrl={baseUrl}>{children}</PodiumProvider>
        </QueryClientProvider>
      ),
    });
    expect(result.current.podium.queryClient).toBe(host);
    await waitFor(() => expect(result.current.stats.status).toBe('success'));
    expect(host.getQueryCache().findAll({ queryKey: ['podium', 'jobs'] })).toHaveLength(1);
  });

  it('prefers the queryClient prop over the host client', () => {
    const host = new QueryClient();
    const mine = new QueryClient();
    const { result } = renderHook(() => usePodium(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={host}>
          <PodiumProvider baseUrl={baseUrl} queryClient={mine}>
            {children}
          </PodiumProvider>
        </QueryClientProvider>
      ),
    });
    expect(result.current.queryClient).toBe(mine);
  });

  it('creates its own QueryClient once when there is no host client', async () => {
    const { result, rerender } = renderHook(() => ({ podium: usePodium(), stats: useJobStats() }), {
      wrapper: ({ children }) => <PodiumProvider baseUrl={baseUrl}>{children}</PodiumProvider>,
    });
    const first = result.current.podium.queryClient;
    expect(first).toBeInstanceOf(QueryClient);
    rerender();
    expect(result.current.podium.queryClient).toBe(first);
    await waitFor(() => expect(result.current.stats.status).toBe('success'));
    expect(first.getQueryCache().findAll({ queryKey: ['podium'] })).toHaveLength(1);
  });

  it('calls getToken before each request, sends it as Bearer and picks up a new getToken', async () => {
    const getToken = vi.fn(async () => 'token-1');
    let token: () => string | Promise<string> = getToken;
    const queryClient = new QueryClient();
    const { result, rerender } = renderHook(() => useJobStats(), {
      wrapper: ({ children }) => (
        <PodiumProvider baseUrl={baseUrl} getToken={token} queryClient={queryClient}>
          {children}
        </PodiumProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(getToken).toHaveBeenCalled();
    expect(backend.requests.at(-1)?.authorization).toBe('Bearer token-1');

    const client = queryClient;
    token = vi.fn(() => 'token-2');
    rerender();
    await act(() => result.current.refetch());
    expect(backend.requests.at(-1)?.authorization).toBe('Bearer token-2');
    expect(queryClient).toBe(client);
  });

  it('sends no Authorization header when getToken returns null', async () => {
    const { result } = renderHook(() => useJobStats(), {
      wrapper: ({ children }) => (
        <PodiumProvider baseUrl={baseUrl} getToken={() => null} queryClient={new QueryClient()}>
          {children}
        </PodiumProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(backend.requests.at(-1)?.authorization).toBeNull();
  });

  it('uses the fetch prop for every request', async () => {
    const spy = vi.fn((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const { result } = renderHook(() => useJobStats(), {
      wrapper: ({ children }) => (
        <PodiumProvider baseUrl={baseUrl} fetch={spy} queryClient={new QueryClient()}>
          {children}
        </PodiumProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(spy).toHaveBeenCalledTimes(backend.statsRequests().length);
    expect(String(spy.mock.calls[0]![0])).toContain(`${baseUrl}/stats`);
  });
});

describe('PodiumProvider with a shared host QueryClient', () => {
  it('keeps the caches of providers on different servers apart', async () => {
    const other = createJobStatsBackend(
      [makeJob('x', 1), makeJob('y', 2), makeJob('z', 3)],
      'http://other.test/api',
    );
    server.use(...other.handlers);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    function Jobs({ name }: { name: string }) {
      const { stats } = useJobStats();
      return <p>{`${name}:${stats?.totals.jobs ?? '…'}`}</p>;
    }
    render(
      <QueryClientProvider client={queryClient}>
        <PodiumProvider baseUrl={baseUrl}>
          <Jobs name="one" />
        </PodiumProvider>
        <PodiumProvider baseUrl="http://other.test/api">
          <Jobs name="two" />
        </PodiumProvider>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('one:2')).toBeInTheDocument();
    expect(await screen.findByText('two:3')).toBeInTheDocument();
  });
});

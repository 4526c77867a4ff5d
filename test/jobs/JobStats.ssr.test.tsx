// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { JobStats, PodiumProvider, defaultLabels } from '../../components/index.js';

describe('JobStats on the server', () => {
  it('renders to a string without window, document or navigator, and without fetching', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const fetch = vi.fn();
    const getToken = vi.fn(() => 'token');
    const html = renderToString(
      <PodiumProvider
        baseUrl="https://podium.test/api"
        fetch={fetch}
        getToken={getToken}
        queryClient={new QueryClient()}
      >
        <JobStats />
      </PodiumProvider>,
    );
    expect(html).toContain('podium-root');
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain(defaultLabels.jobStatsTitle);
    expect(html).toContain('data-theme="system"');
    expect(html).toContain('lang="en-US"');
    // Requests are made by effects on the client, never during a server render.
    expect(fetch).not.toHaveBeenCalled();
    expect(getToken).not.toHaveBeenCalled();
  });

  it('renders prefetched figures on the server, in UTC until the client knows its zone', async () => {
    const queryClient = new QueryClient();
    const { jobStatsInfiniteQueryOptions } = await import('../../hooks/index.js');
    const { createApiClient } = await import('../../src/shared/createApiClient.js');
    const { lastDaysRange } = await import('../../src/shared/periods.js');
    const range = lastDaysRange(30, new Date(), 'UTC');
    const body = {
      range: { from: `${range.from}T00:00:00.000Z`, to: `${range.to}T00:00:00.000Z`, tz: 'UTC' },
      totals: {
        jobs: 1,
        requested: 4321,
        successful: 1,
        failed: 0,
        successRate: 1,
        byStatus: { pending: 0, processing: 0, completed: 1, failed: 0 },
      },
      series: [],
      jobs: [],
      nextCursor: null,
    };
    const client = createApiClient({
      baseUrl: 'https://podium.test/api',
      fetch: async () => Response.json(body),
    });
    await queryClient.prefetchInfiniteQuery(jobStatsInfiniteQueryOptions(client, { ...range, tz: 'UTC' }));
    const html = renderToString(
      <PodiumProvider baseUrl="https://podium.test/api" queryClient={queryClient} locale="de-DE">
        <JobStats />
      </PodiumProvider>,
    );
    expect(html).toContain('data-state="ready"');
    expect(html).toContain(new Intl.NumberFormat('de-DE').format(4321));
  });
});

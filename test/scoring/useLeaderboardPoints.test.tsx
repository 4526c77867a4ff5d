import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { normalizeLeaderboardParams, useLeaderboard, type UseLeaderboardOptions } from '../../hooks/index.js';
import { createPointsLeaderboardFixture, scoringCurrentUserId } from '../../mocks/index.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const now = new Date('2026-03-18T09:30:00.000Z');
const { serve, server, requests } = setupMswServer({ now, mocks: { baseUrl, now } });
const statuses: number[] = [];
server.events.on('response:mocked', ({ response }) => {
  statuses.push(response.status);
});

function renderBoard(options: UseLeaderboardOptions<'points'>) {
  const { Wrapper } = providerWrapper();
  return renderHook((opts: UseLeaderboardOptions<'points'>) => useLeaderboard('points', opts), {
    wrapper: Wrapper,
    initialProps: options,
  });
}

describe("useLeaderboard('points') against the scoring mocks", () => {
  it('shows the board of a timeframe, period and category, as the engine computes it', async () => {
    serve();
    const { result, rerender } = renderBoard({ timeframe: 'weekly', category: 'trading', limit: 5, pollIntervalMs: false });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const expected = createPointsLeaderboardFixture({ now, timeframe: 'weekly', category: 'trading', limit: 5 });
    expect(result.current.data).toEqual(expected);
    expect(result.current.data).toMatchObject({ board: 'points', unit: 'points', category: 'trading', period: { kind: 'week', key: '2026-W12' } });
    expect(result.current.entries).toHaveLength(5);
    expect(result.current.total).toBe(expected.total);
    expect(result.current.hasMore).toBe(expected.total > 5);

    rerender({ timeframe: 'monthly', period: '2026-02', limit: 5, pollIntervalMs: false });
    await waitFor(() => expect(result.current.data?.period).toMatchObject({ kind: 'month', key: '2026-02' }));
    rerender({ timeframe: 'trending', limit: 5, pollIntervalMs: false });
    await waitFor(() => expect(result.current.data?.period.kind).toBe('trending'));
    expect(result.current.data?.valueDecimals).toBe(1);
    expect(requests.map((url) => url.search)).toEqual([
      '?timeframe=weekly&category=trading&limit=5&ties=standard&offset=0',
      '?timeframe=monthly&period=2026-02&limit=5&ties=standard&offset=0',
      '?timeframe=trending&limit=5&ties=standard&offset=0',
    ]);
  });

  it("does not stand a previous timeframe's numbers in for the next one", async () => {
    serve({ delayMs: 50 });
    const { result, rerender } = renderBoard({ timeframe: 'lifetime', limit: 5, pollIntervalMs: false });
    await waitFor(() => expect(result.current.status).toBe('success'));
    rerender({ timeframe: 'daily', limit: 5, pollIntervalMs: false });
    expect(result.current.data).toBeUndefined();
    await waitFor(() => expect(result.current.data?.period.kind).toBe('day'));
  });

  it('finds the user with `around`, and polls with If-None-Match (304 keeps the same data)', async () => {
    serve();
    const { result } = renderBoard({ around: scoringCurrentUserId, limit: 5, pollIntervalMs: 50 });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const data = result.current.data;
    expect(result.current.around).toMatchObject({ userId: scoringCurrentUserId });
    expect(result.current.entries.map((entry) => entry.userId)).toContain(scoringCurrentUserId);
    await waitFor(() => expect(statuses).toContain(304));
    expect(result.current.data).toBe(data);
    expect(normalizeLeaderboardParams('points', { around: scoringCurrentUserId })).toMatchObject({ timeframe: 'lifetime' });
  });
});

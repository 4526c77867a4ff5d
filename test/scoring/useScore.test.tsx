import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  normalizeUserScoreQuery,
  userScoreQueryOptions,
  useScore,
  type UseScoreOptions,
} from '../../hooks/index.js';
import { createScoringWorld, scoringCurrentUserId } from '../../mocks/index.js';
import { createApiClient } from '../../src/shared/createApiClient.js';
import { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const now = new Date('2026-03-18T09:30:00.000Z');
const { serve, requests } = setupMswServer({ now, mocks: { baseUrl, now } });
const scoreRequests = () => requests.filter((url) => url.pathname.startsWith('/api/scores/'));

function renderScore(userId: string, options: UseScoreOptions = {}) {
  const { Wrapper, queryClient } = providerWrapper();
  const hook = renderHook((props: { userId: string; options: UseScoreOptions }) => useScore(props.userId, props.options), {
    wrapper: Wrapper,
    initialProps: { userId, options },
  });
  return { ...hook, queryClient };
}

describe('useScore', () => {
  it("loads a user's lifetime score, rank, streak and recent actions from the mocks", async () => {
    serve();
    const { result } = renderScore(scoringCurrentUserId);
    expect(result.current).toMatchObject({ status: 'pending', isLoading: true, data: undefined });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const expected = createScoringWorld({ clock: () => now }).userScore(scoringCurrentUserId);
    expect(result.current.data).toEqual(expected);
    expect(result.current).toMatchObject({ isLoading: false, error: null, isRefetchError: false });
    expect(scoreRequests().map((url) => `${url.pathname}${url.search}`)).toEqual(['/api/scores/u_alice?timeframe=lifetime']);
  });

  it('asks for the timeframe, period and category, and keeps a period only where it applies', async () => {
    serve();
    const { result, rerender } = renderScore(scoringCurrentUserId, { timeframe: 'weekly', period: '2026-W11', category: 'trading' });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toMatchObject({ timeframe: 'weekly', period: '2026-W11', category: 'trading' });
    rerender({ userId: scoringCurrentUserId, options: { timeframe: 'trending', period: '2026-W11' } });
    await waitFor(() => expect(result.current.data?.timeframe).toBe('trending'));
    expect(scoreRequests().map((url) => url.search)).toEqual([
      '?timeframe=weekly&period=2026-W11&category=trading',
      '?timeframe=trending',
    ]);
    expect(normalizeUserScoreQuery({ timeframe: 'lifetime', period: '2026-03', category: '' })).toEqual({ timeframe: 'lifetime' });
  });

  it('keys the cache by base URL, trimmed user id and normalized query', () => {
    const client = createApiClient({ baseUrl });
    expect(userScoreQueryOptions(client, ' u_alice ', { period: '2026-03' }).queryKey).toEqual(
      podiumKeys.userScore(baseUrl, 'u_alice', { timeframe: 'lifetime' }),
    );
    expect(podiumKeys.userScore(baseUrl, 'u_alice', {}).slice(0, 3)).toEqual(podiumKeys.userScores());
  });

  it('sends nothing for an empty user id or while disabled, and refuses reserved words without asking', async () => {
    serve();
    const { result, rerender } = renderScore('  ');
    rerender({ userId: scoringCurrentUserId, options: { enabled: false } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.status).toBe('pending');
    rerender({ userId: 'leaderboard', options: {} });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(PodiumApiError);
    expect(result.current.error).toMatchObject({ status: 400, fieldErrors: { userId: [expect.stringMatching(/reserved/)] } });
    expect(scoreRequests()).toEqual([]);
  });

  it('reports a server error as a PodiumApiError and recovers on refetch', async () => {
    const mocks = serve({ scenario: 'error' });
    const { Wrapper } = providerWrapper();
    const { result } = renderHook(() => useScore(scoringCurrentUserId), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 5_000 });
    expect(result.current.error).toMatchObject({ status: 500, code: 'internal_error' });
    mocks.setScenario('success');
    await result.current.refetch();
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.rank).not.toBeNull();
  });

  it('polls only when asked, and not while disabled', async () => {
    serve();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now });
    try {
      const { result, rerender } = renderScore(scoringCurrentUserId, { pollIntervalMs: 10_000 });
      await vi.waitFor(() => expect(result.current.status).toBe('success'));
      await vi.advanceTimersByTimeAsync(10_000);
      await vi.waitFor(() => expect(scoreRequests()).toHaveLength(2));
      rerender({ userId: scoringCurrentUserId, options: { pollIntervalMs: 10_000, enabled: false } });
      await vi.advanceTimersByTimeAsync(30_000);
      expect(scoreRequests()).toHaveLength(2);
      // Enabled again without polling: one refresh of the stale score, then nothing.
      rerender({ userId: scoringCurrentUserId, options: {} });
      await vi.advanceTimersByTimeAsync(30_000);
      expect(scoreRequests()).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

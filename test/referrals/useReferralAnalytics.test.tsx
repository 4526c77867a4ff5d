import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCreatorAnalytics, useLeaderboard, useMemberStats, useShareAnalytics } from '../../hooks/index.js';
import { referralCreatorId, referralCurrentUserId } from '../../mocks/referrals/fixtures.js';
import { createReferralHandlers } from '../../mocks/referrals/handlers.js';
import { errorResponse } from '../../mocks/shared/errorResponses.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const { server } = setupMswServer();
const now = new Date('2026-11-27T15:00:00Z');

function serve(failing = false) {
  const seen: string[] = [];
  const mocks = createReferralHandlers({
    baseUrl,
    clock: () => now,
    throttle: async () => (failing ? errorResponse(500, 'internal_error', 'Down') : undefined),
  });
  server.use(...mocks.handlers);
  server.events.on('request:start', ({ request }) => void seen.push(request.url));
  return { mocks, seen };
}

const wrapper = (props: Parameters<typeof providerWrapper>[0] = {}) =>
  providerWrapper({ getToken: () => referralCurrentUserId, ...props }).Wrapper;

describe('useMemberStats', () => {
  it("loads the member's stats", async () => {
    serve();
    const { result } = renderHook(() => useMemberStats('m_alice'), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.stats).toMatchObject({
      memberId: 'm_alice',
      creatorId: referralCreatorId,
      rank: 1,
    });
  });

  it("reports another user's member as a 403 error and sends nothing for an empty id", async () => {
    const { seen } = serve();
    const { result } = renderHook(() => useMemberStats('m_bob'), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.status).toBe(403);
    const empty = renderHook(() => useMemberStats('  '), { wrapper: wrapper() });
    expect(empty.result.current.status).toBe('pending');
    expect(seen.filter((url) => url.includes('/members//'))).toEqual([]);
  });
});

describe('useShareAnalytics', () => {
  it("asks in the provider's time zone by default, and in the one given", async () => {
    const { seen } = serve();
    const { result } = renderHook(() => useShareAnalytics('m_alice'), {
      wrapper: wrapper({ timeZone: 'Europe/Berlin' }),
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.timeZone).toBe('Europe/Berlin');
    expect(result.current.analytics?.streak.timeZone).toBe('Europe/Berlin');
    expect(
      seen.some((url) => url.endsWith('/members/m_alice/share-analytics?timeZone=Europe%2FBerlin')),
    ).toBe(true);

    const tokyo = renderHook(() => useShareAnalytics('m_alice', { timeZone: 'Asia/Tokyo' }), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(tokyo.result.current.status).toBe('success'));
    expect(tokyo.result.current.analytics?.streak.timeZone).toBe('Asia/Tokyo');
  });

  it('reports a failure with a retryable error', async () => {
    serve(true);
    const { result } = renderHook(() => useShareAnalytics('m_alice', { timeZone: 'UTC' }), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 5000 });
    expect(result.current.error?.isRetryable).toBe(true);
    expect(result.current.analytics).toBeUndefined();
  });
});

describe('useCreatorAnalytics', () => {
  it("loads a creator's analytics", async () => {
    serve();
    const { result } = renderHook(() => useCreatorAnalytics(referralCreatorId), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.analytics?.growth).toHaveLength(12);
  });
});

describe("useLeaderboard('referrers')", () => {
  it("reads a creator's board by metric, with the creator in the path", async () => {
    const { seen } = serve();
    const { result } = renderHook(
      () =>
        useLeaderboard('referrers', {
          creatorId: referralCreatorId,
          metric: 'earnings',
          pollIntervalMs: false,
        }),
      { wrapper: wrapper() },
    );
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toMatchObject({ board: 'referrers', metric: 'earnings' });
    expect(result.current.entries[0]!.value).toBeGreaterThanOrEqual(result.current.entries[1]!.value);
    expect(seen).toContain(
      `${baseUrl}/creators/${referralCreatorId}/leaderboard?metric=earnings&limit=20&offset=0`,
    );
  });

  it('holds the request without a creator', () => {
    const { seen } = serve();
    const { result } = renderHook(() => useLeaderboard('referrers', { creatorId: '' }), {
      wrapper: wrapper(),
    });
    expect(result.current.status).toBe('pending');
    expect(result.current.isFetching).toBe(false);
    expect(seen).toEqual([]);
  });
});

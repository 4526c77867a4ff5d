import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useReferralLink, useShareTracking } from '../../hooks/index.js';
import { referralCreatorId, referralCurrentUserId } from '../../mocks/referrals/fixtures.js';
import { createReferralHandlers, type ReferralScenarioName } from '../../mocks/referrals/handlers.js';
import { errorResponse } from '../../mocks/shared/errorResponses.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const { server } = setupMswServer();

function serveReferrals(scenario: ReferralScenarioName = 'success', failing = false) {
  const mocks = createReferralHandlers({
    baseUrl,
    scenario: () => scenario,
    throttle: async () => (failing ? errorResponse(500, 'internal_error', 'Down') : undefined),
  });
  server.use(...mocks.handlers);
  return mocks;
}

const wrapper = () => providerWrapper({ getToken: () => referralCurrentUserId }).Wrapper;

describe('useReferralLink', () => {
  it('loads the signed-in member’s code and link', async () => {
    serveReferrals();
    const { result } = renderHook(() => useReferralLink({ creatorId: referralCreatorId }), {
      wrapper: wrapper(),
    });
    expect(result.current).toMatchObject({ status: 'pending', isLoading: true, referralLink: undefined });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current).toMatchObject({
      referralCode: 'ALC7K2QZ',
      referralLink: 'https://podium.example/r/ALC7K2QZ',
      isNotMember: false,
      error: null,
    });
  });

  it('tells a user who is not a member yet (404) apart from a failure', async () => {
    serveReferrals('empty');
    const { result } = renderHook(() => useReferralLink({ creatorId: referralCreatorId }), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current).toMatchObject({ isNotMember: true, member: undefined });
    expect(result.current.error?.status).toBe(404);
  });

  it('reports a server failure as an error, not as "not a member"', async () => {
    serveReferrals('success', true);
    const { result } = renderHook(() => useReferralLink({ creatorId: referralCreatorId }), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 5000 });
    expect(result.current.isNotMember).toBe(false);
    expect(result.current.error?.status).toBe(500);
  });
});

describe('useShareTracking', () => {
  it('answers the tracked link and the mock records the share', async () => {
    const mocks = serveReferrals();
    const { result } = renderHook(() => useShareTracking(), { wrapper: wrapper() });
    let share: unknown;
    await act(async () => {
      share = await result.current.track({ memberId: 'm_alice', platform: 'x', templateId: 't_launch' });
    });
    expect(share).toEqual({
      shareId: 'sh_1',
      platform: 'x',
      url: 'https://podium.example/r/ALC7K2QZ?p=x&s=sh_1',
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    // After the world's seeded shares, stamped when recorded.
    expect(mocks.world().shares.at(-1)).toEqual({
      ...(share as object),
      memberId: 'm_alice',
      templateId: 't_launch',
      createdAt: expect.any(String),
    });
  });

  it('resolves null and exposes the 403 for another user’s member, never throwing', async () => {
    serveReferrals();
    const { result } = renderHook(() => useShareTracking(), { wrapper: wrapper() });
    let share: unknown;
    await act(async () => {
      share = await result.current.track({ memberId: 'm_bob', platform: 'email' });
    });
    expect(share).toBeNull();
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.status).toBe(403);
  });
});

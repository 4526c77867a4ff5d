import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { scoringRulesQueryOptions, scoringRulesStaleMs, useScoringRules } from '../../hooks/index.js';
import { defaultScoringRules } from '../../src/scoring/defaultScoringRules.js';
import type { ScoringRules } from '../../src/scoring/rules.js';
import { createApiClient } from '../../src/shared/createApiClient.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const { serve, requests } = setupMswServer({ mocks: { baseUrl } });

describe('useScoringRules', () => {
  it("loads the server's rules once for every widget and keeps them fresh for an hour", async () => {
    serve();
    const { Wrapper, queryClient } = providerWrapper();
    const first = renderHook(() => useScoringRules(), { wrapper: Wrapper });
    await waitFor(() => expect(first.result.current.status).toBe('success'));
    expect(first.result.current.data).toEqual(defaultScoringRules);

    // A second widget mounting later reads the cache: no second request.
    const second = renderHook(() => useScoringRules(), { wrapper: Wrapper });
    expect(second.result.current).toMatchObject({ status: 'success', data: defaultScoringRules });
    expect(requests.map((url) => url.pathname)).toEqual(['/api/scores/rules']);
    expect(queryClient.getQueryState(podiumKeys.scoringRules(baseUrl))?.isInvalidated).toBe(false);
    expect(scoringRulesQueryOptions(createApiClient({ baseUrl })).staleTime).toBe(scoringRulesStaleMs);
    expect(scoringRulesStaleMs).toBe(3_600_000);
  });

  it("serves a host's own rules through the mocks", async () => {
    const rules: ScoringRules = {
      ...defaultScoringRules,
      actions: { ...defaultScoringRules.actions, TRADE_EXECUTE: { ...defaultScoringRules.actions.TRADE_EXECUTE!, base: 25 } },
    };
    serve({ scoringRules: rules, scoringEvents: [] });
    const { Wrapper } = providerWrapper();
    const { result } = renderHook(() => useScoringRules(), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.data?.actions.TRADE_EXECUTE?.base).toBe(25));
  });

  it('holds the request while disabled', async () => {
    serve();
    const { Wrapper } = providerWrapper();
    const { result } = renderHook(() => useScoringRules({ enabled: false }), { wrapper: Wrapper });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.status).toBe('pending');
    expect(requests).toEqual([]);
  });
});

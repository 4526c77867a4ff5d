import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  summarizeEventResults,
  useAchievements,
  useLeaderboard,
  useRecordAction,
  useScore,
  useScoringRules,
} from '../../hooks/index.js';
import { scoringCurrentUserId, type ScoreEventInput, type UserScore } from '../../mocks/index.js';
import { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const now = new Date('2026-03-18T09:30:00.000Z');
const { serve, requests } = setupMswServer({ now, mocks: { baseUrl, now } });
/** The host's backend takes the user's session and forwards the events with the API key. */
const withSession = { getToken: () => 'host-session' };
const countOf = (path: string) => requests.filter((url) => url.pathname === path).length;

const trade = (eventId: string, userId: string, metadata: ScoreEventInput['metadata'] = {}): ScoreEventInput => ({
  eventId,
  userId,
  action: 'TRADE_EXECUTE',
  metadata,
});

describe('useRecordAction', () => {
  it('records an action, then the score card, achievements and points board refresh (the rules do not)', async () => {
    serve();
    const onSuccess = vi.fn();
    const { Wrapper, queryClient } = providerWrapper(withSession);
    const { result } = renderHook(
      () => ({
        score: useScore(scoringCurrentUserId),
        weekly: useScore(scoringCurrentUserId, { timeframe: 'weekly' }),
        achievements: useAchievements(scoringCurrentUserId),
        board: useLeaderboard('points', { around: scoringCurrentUserId, limit: 5 }),
        rules: useScoringRules(),
        record: useRecordAction({ onSuccess }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => {
      for (const hook of ['score', 'weekly', 'achievements', 'board', 'rules'] as const) {
        expect(result.current[hook].status).toBe('success');
      }
    });
    const before = result.current.score.data!;
    const weeklyBefore = result.current.weekly.data!.score;
    expect(result.current.board.around).toEqual({ userId: scoringCurrentUserId, rank: before.rank, value: before.score });
    expect(result.current.record.achievements).toEqual([]);

    let recorded: Awaited<ReturnType<typeof result.current.record.mutateAsync>> | undefined;
    await act(async () => {
      recorded = await result.current.record.mutateAsync(trade('ui-1', scoringCurrentUserId, { volumeUSD: 5_500, profitPercent: 60 }));
    });
    expect(recorded).toMatchObject({ points: 60, achievements: [], results: [{ eventId: 'ui-1', status: 'scored', points: 60 }] });

    // mutateAsync resolves after the refresh: the cache already holds the new score...
    const cached = queryClient.getQueryData<UserScore>(podiumKeys.userScore(baseUrl, scoringCurrentUserId, { timeframe: 'lifetime' }));
    expect(cached?.score).toBe(before.score + 60);
    // ...and the card renders it on React Query's next notification tick.
    await waitFor(() => expect(result.current.score.data?.score).toBe(before.score + 60));
    expect(result.current.score.data?.recentActions[0]).toMatchObject({ eventId: 'ui-1', points: 60 });
    await waitFor(() => expect(result.current.weekly.data?.score).toBe(weeklyBefore + 60));
    await waitFor(() => expect(result.current.board.around?.value).toBe(before.score + 60));
    expect(onSuccess).toHaveBeenCalledOnce();
    expect(countOf('/api/scores/u_alice')).toBe(4);
    expect(countOf('/api/scores/u_alice/achievements')).toBe(2);
    expect(countOf('/api/scores/leaderboard')).toBe(2);
    expect(countOf('/api/scores/rules')).toBe(1);
    expect(requests.find((url) => url.pathname === '/api/scores/actions')).toBeDefined();
  });

  it('exposes the achievements an action unlocked, so a UI can announce them', async () => {
    serve();
    const { Wrapper } = providerWrapper(withSession);
    const { result } = renderHook(() => ({ record: useRecordAction(), achievements: useAchievements('newbie') }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.achievements.status).toBe('success'));
    expect(result.current.achievements.unlocked).toEqual([]);

    await act(() => result.current.record.mutateAsync(trade('first', 'newbie', { profitPercent: 12 })));
    await waitFor(() => expect(result.current.record.achievements).toEqual(['first_trade', 'first_profitable_trade']));
    // 15 for the trade, 100 and 200 for its milestones.
    expect(result.current.record.data?.points).toBe(315);
    await waitFor(() =>
      expect(result.current.achievements.unlocked.map((a) => a.id)).toEqual(['first_trade', 'first_profitable_trade']),
    );
  });

  it('records a batch: replays and conflicts add no points and announce nothing again', async () => {
    serve();
    const { Wrapper } = providerWrapper(withSession);
    const { result } = renderHook(() => useRecordAction(), { wrapper: Wrapper });
    await act(() => result.current.mutateAsync(trade('b-1', 'batcher', { volumeUSD: 150 })));
    expect(result.current.achievements).toEqual(['first_trade']);

    let summary: Awaited<ReturnType<typeof result.current.mutateAsync>> | undefined;
    await act(async () => {
      summary = await result.current.mutateAsync([
        trade('b-1', 'batcher', { volumeUSD: 150 }),
        trade('b-1', 'someone-else'),
        trade('b-2', 'batcher', { volumeUSD: 1_000 }),
      ]);
    });
    expect(summary!.results.map((r) => r.status)).toEqual(['replayed', 'conflict', 'scored']);
    expect(summary).toMatchObject({ points: 20, achievements: [] });
    await waitFor(() => expect(result.current.achievements).toEqual([]));
    expect(requests.filter((url) => url.pathname === '/api/scores/actions')).toHaveLength(2);
  });

  it('rejects a reused id with another payload (409) and a refused event (400) as PodiumApiErrors', async () => {
    serve();
    const { Wrapper } = providerWrapper(withSession);
    const { result } = renderHook(() => useRecordAction(), { wrapper: Wrapper });
    await act(() => result.current.mutateAsync(trade('c-1', 'p_10')));
    act(() => result.current.mutate(trade('c-1', 'p_10', { volumeUSD: 99 })));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(PodiumApiError);
    expect(result.current.error).toMatchObject({ status: 409, code: 'conflict' });
    expect(result.current.achievements).toEqual([]);

    act(() => result.current.mutate([trade('c-2', 'p_10'), { ...trade('c-3', 'p_10'), action: 'NOPE' }]));
    await waitFor(() => expect(result.current.error?.status).toBe(400));
    expect(result.current.error?.fieldErrors).toEqual({ 'events[1].action': ['must be one of the actions of the scoring rules'] });
  });

  it('needs the backend to vouch for the caller: without credentials the mocks answer 401', async () => {
    serve();
    const { Wrapper } = providerWrapper();
    const { result } = renderHook(() => useRecordAction(), { wrapper: Wrapper });
    act(() => result.current.mutate(trade('n-1', 'p_10')));
    await waitFor(() => expect(result.current.error?.status).toBe(401));
  });

  it('sums results: scored points with their milestones, achievements once each', () => {
    const base = { multipliers: [], capped: false, milestones: [], achievements: [] };
    expect(
      summarizeEventResults([
        { ...base, eventId: 'a', status: 'scored', points: 10, milestones: [{ action: 'FIRST_TRADE', eventId: 'a#FIRST_TRADE', points: 100 }], achievements: ['first_trade', 'trades_10'] },
        { ...base, eventId: 'b', status: 'replayed', points: 10, achievements: ['first_trade'] },
        { ...base, eventId: 'c', status: 'ignored', reason: 'already_awarded', points: 0 },
        { ...base, eventId: 'd', status: 'scored', points: 5, achievements: ['trades_10', 'points_1000'] },
      ]),
    ).toMatchObject({ points: 115, achievements: ['first_trade', 'trades_10', 'points_1000'] });
  });
});

import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAchievements } from '../../hooks/index.js';
import { createUserAchievementsFixture, scoringCurrentUserId } from '../../mocks/index.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const now = new Date('2026-03-18T09:30:00.000Z');
const { serve, requests } = setupMswServer({ now, mocks: { baseUrl, now } });

describe('useAchievements', () => {
  it('loads every achievement with progress and rarity, and picks out the unlocked ones', async () => {
    serve();
    const { Wrapper } = providerWrapper();
    const { result } = renderHook(() => useAchievements(scoringCurrentUserId), { wrapper: Wrapper });
    expect(result.current).toMatchObject({ status: 'pending', achievements: [], unlocked: [], scoredUsers: 0 });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const expected = createUserAchievementsFixture({ now });
    expect(result.current.data).toEqual(expected);
    expect(result.current.achievements).toEqual(expected.achievements);
    expect(result.current.unlocked.map((a) => a.id)).toEqual(expected.achievements.filter((a) => a.unlocked).map((a) => a.id));
    expect(result.current.unlocked.map((a) => a.id)).toContain('trading_streak_7');
    expect(result.current.scoredUsers).toBe(24);
    expect(requests.map((url) => url.pathname)).toEqual(['/api/scores/u_alice/achievements']);
  });

  it('keeps the same lists between renders while the data is unchanged', async () => {
    serve();
    const { Wrapper } = providerWrapper();
    const { result, rerender } = renderHook(() => useAchievements(scoringCurrentUserId), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const { unlocked, achievements } = result.current;
    rerender();
    expect(result.current.unlocked).toBe(unlocked);
    expect(result.current.achievements).toBe(achievements);
  });

  it('sends nothing for an empty id or while disabled', async () => {
    serve();
    const { Wrapper } = providerWrapper();
    const { result } = renderHook(() => [useAchievements(''), useAchievements(scoringCurrentUserId, { enabled: false })], {
      wrapper: Wrapper,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.map((hook) => hook.status)).toEqual(['pending', 'pending']);
    expect(requests).toEqual([]);
  });
});

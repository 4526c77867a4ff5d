import { describe, expect, it } from 'vitest';
import { normalizeLeaderboardParams } from '../../hooks/sellerBoards/leaderboardQueryOptions.js';
import { referrersLeaderboardRoute } from '../../src/referrals/analyticsContract.js';
import { scoreLeaderboardRoute } from '../../src/scoring/contract.js';
import { sellerLeaderboardRoute } from '../../src/sellerBoards/contract.js';
import { leaderboardPath } from '../../src/shared/leaderboardApi.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';

describe('the referrers board on the shared leaderboard', () => {
  it("builds each board's path from its feature's route (the creator's in the path)", () => {
    expect(leaderboardPath('sellers')).toBe(sellerLeaderboardRoute);
    expect(leaderboardPath('points')).toBe(scoreLeaderboardRoute);
    expect(leaderboardPath('referrers', 'c studio/1')).toBe(
      referrersLeaderboardRoute.replace(':id', encodeURIComponent('c studio/1')),
    );
    expect(() => leaderboardPath('referrers')).toThrow(/needs a creatorId/);
  });

  it('normalizes referrers params: referrals by default, no ties or around, limit clamped', () => {
    expect(normalizeLeaderboardParams('referrers', { creatorId: ' c_studio ', limit: 500 })).toEqual({
      creatorId: 'c_studio',
      metric: 'referrals',
      limit: 100,
      offset: 0,
    });
    expect(
      normalizeLeaderboardParams('referrers', { creatorId: 'c_studio', metric: 'earnings', offset: 20 }),
    ).toEqual({
      creatorId: 'c_studio',
      metric: 'earnings',
      limit: 20,
      offset: 20,
    });
  });

  it('keys share analytics per time zone, under the referral keys', () => {
    const berlin = podiumKeys.shareAnalytics('/api', 'm_alice', 'Europe/Berlin');
    expect(berlin.slice(0, 2)).toEqual(podiumKeys.referrals());
    expect(berlin).not.toEqual(podiumKeys.shareAnalytics('/api', 'm_alice', 'UTC'));
  });
});

import { memberStatsSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { apiKey, createConversionsWorld } from './conversionsTestWorld.js';

/**
 * Member stats are cached for a minute; the writes that change them must make the cached answer
 * stale at once (a member watching their page sees their conversion, its refund, its review).
 */
describe('conversion writes and the analytics cache', () => {
  let test: TestDatabase;
  let world: ReturnType<typeof createConversionsWorld>;
  beforeAll(async () => {
    test = await createTestDatabase();
    world = createConversionsWorld(test.db);
  });
  afterAll(() => test.cleanup());

  const statsOf = async (memberId: string) =>
    memberStatsSchema.parse(
      await (
        await world.app.request(`/api/members/${memberId}/stats`, { headers: { 'x-api-key': apiKey } })
      ).json(),
    );

  it('shows a conversion, its refund and a review decision on the next read, not a minute later', async () => {
    const { code, memberId } = await world.setUp('cached');
    const before = await statsOf(memberId);
    expect(before.conversions).toBe(0);

    const clickId = await world.clickOn(code, '203.0.113.50');
    await statsOf(memberId); // the click invalidated; this read caches again
    const recorded = await world.convert({ conversionId: 'cached-1', clickId, amount: 100 });
    expect(recorded.conversion.status).toBe('approved');
    const afterConversion = await statsOf(memberId);
    expect(afterConversion.conversions).toBe(1);
    expect(afterConversion.earnings.amount).toBe(10);

    expect((await world.send('POST', '/conversions/cached-1/refund', {})).status).toBe(200);
    const afterRefund = await statsOf(memberId);
    expect(afterRefund.conversions).toBe(0);
    expect(afterRefund.earnings.amount).toBe(0);

    // A conversion from the member's own network is flagged: its commission is pending until
    // the review, and the approval moves it to earnings.
    const ownClick = await world.clickOn(code, '198.51.100.7');
    const flagged = await world.convert({
      conversionId: 'cached-2',
      clickId: ownClick,
      amount: 50,
      referee: { ip: '198.51.100.7' },
    });
    expect(flagged.conversion.status).toBe('flagged');
    expect((await statsOf(memberId)).pendingEarnings.amount).toBe(5);
    expect((await world.send('POST', '/fraud/reviews/cached-2', { decision: 'approve' })).status).toBe(200);
    const afterReview = await statsOf(memberId);
    expect(afterReview.pendingEarnings.amount).toBe(0);
    expect(afterReview.earnings.amount).toBe(5);
  });
});

import { conversionSchema, fraudReviewsResponseSchema } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createConversionsWorld, memberDevice } from './conversionsTestWorld.js';

describe('conversion idempotency, reversals and reviews', () => {
  let test: TestDatabase;
  let world: ReturnType<typeof createConversionsWorld>;
  const later = (ms: number) => (world.state.clock = new Date(world.state.clock.getTime() + ms));
  const reverse = (id: string, kind: 'refund' | 'chargeback', body?: unknown) =>
    world.send('POST', `/conversions/${id}/${kind}`, body);
  const decide = (id: string, body: unknown) => world.send('POST', `/fraud/reviews/${id}`, body);

  beforeAll(async () => {
    test = await createTestDatabase();
    world = createConversionsWorld(test.db);
  });
  afterAll(() => test.cleanup());

  it('answers 200 concurrent identical requests with one 201, the same conversion, one row', async () => {
    const { code } = await world.setUp('idem');
    const clickId = await world.clickOn(code);
    const body = {
      conversionId: 'idem-1',
      clickId,
      amount: 20,
      currency: 'USD',
      referee: { email: 'a@example.com' },
    };
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => world.send('POST', '/conversions', body)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(199);
    const answers = new Set(await Promise.all(responses.map((r) => r.text())));
    expect(answers.size).toBe(1);
    const [rows] = await test.db.query<{ n: unknown; audits: unknown }>(
      `SELECT (SELECT count(*) FROM podium_referral_conversions WHERE id = 'idem-1') AS n,
              (SELECT count(*) FROM podium_referral_conversion_audit WHERE conversion_id = 'idem-1') AS audits`,
    );
    expect([Number(rows!.n), Number(rows!.audits)]).toEqual([1, 1]);
    // A retry later (keys in another order) still answers the same conversion.
    later(3_600_000);
    const retry = await world.send('POST', '/conversions', {
      referee: body.referee,
      currency: 'USD',
      amount: 20,
      clickId,
      conversionId: 'idem-1',
    });
    expect(retry.status).toBe(200);
    expect(await retry.text()).toBe([...answers][0]);
    const other = await world.send('POST', '/conversions', { ...body, amount: 21 });
    expect(other.status).toBe(409);
    expect(await world.fields(other)).toEqual(['conversionId']);
  });

  it('refunds and charges back: repeatable, chargeback over refund, no refund after a chargeback', async () => {
    const { code } = await world.setUp('rev');
    await world.convert({ conversionId: 'rev-1', referralCode: code });
    await world.convert({ conversionId: 'rev-2', referralCode: code });
    later(60_000);
    const refunded = await reverse('rev-1', 'refund', { reason: 'customer changed mind' });
    expect(refunded.status).toBe(200);
    const first = conversionSchema.parse(await refunded.json());
    expect(first).toMatchObject({ status: 'refunded', reversedAt: world.state.clock.toISOString() });
    later(60_000);
    const again = await reverse('rev-1', 'refund');
    expect(again.status).toBe(200);
    expect(conversionSchema.parse(await again.json())).toEqual(first);
    const chargedBack = conversionSchema.parse(await (await reverse('rev-1', 'chargeback', {})).json());
    expect(chargedBack.status).toBe('chargedBack');
    expect((await reverse('rev-1', 'refund')).status).toBe(409);
    expect((await reverse('rev-2', 'chargeback')).status).toBe(200);
    expect((await reverse('rev-2', 'refund')).status).toBe(409);
    expect((await reverse('nope', 'refund')).status).toBe(404);
    const bad = await reverse('rev-2', 'refund', { reason: 'x'.repeat(501) });
    expect([bad.status, await world.fields(bad)]).toEqual([400, ['reason']]);
    expect((await world.auditOf('rev-1')).map((a) => [a.action, a.from_status, a.to_status, a.note])).toEqual(
      [
        ['recorded', null, 'approved', null],
        ['refund', 'approved', 'refunded', 'customer changed mind'],
        ['chargeback', 'refunded', 'chargedBack', null],
      ],
    );
  });

  it('feeds later conversions: a chargeback, then a pattern of refunds', async () => {
    const charged = await world.setUp('feed-cb');
    await world.convert({ conversionId: 'cb-1', referralCode: charged.code });
    await reverse('cb-1', 'chargeback');
    const next = await world.convert({ conversionId: 'cb-2', referralCode: charged.code });
    expect(next.conversion).toMatchObject({ riskScore: 70, status: 'flagged' });
    expect(next.conversion.reasons.map((r) => r.signal)).toEqual(['chargebackHistory']);

    const refunds = await world.setUp('feed-rf');
    for (const id of ['rf-1', 'rf-2', 'rf-3']) {
      await world.convert({ conversionId: id, referralCode: refunds.code });
      expect(
        (await world.convert({ conversionId: `${id}-next`, referralCode: refunds.code })).conversion.reasons,
      ).toEqual([]);
      await reverse(id, 'refund');
    }
    // 3 refunds of 6 earlier conversions: at least 3 and at least 30 %.
    const after = await world.convert({ conversionId: 'rf-4', referralCode: refunds.code });
    expect(after.conversion.reasons.map((r) => r.signal)).toEqual(['refundPattern']);
  });

  it('queues flagged conversions oldest first and takes one decision each, audited', async () => {
    const { code, creatorId } = await world.setUp('review');
    for (const id of ['rq-1', 'rq-2', 'rq-3']) {
      later(1000);
      await world.convert({ conversionId: id, referralCode: code, referee: { ip: memberDevice.ip } });
    }
    await world.convert({ conversionId: 'rq-clean', referralCode: code });
    const list = await world.send('GET', `/fraud/reviews?creatorId=${creatorId}&limit=2`);
    const page = fraudReviewsResponseSchema.parse(await list.json());
    expect(page.reviews.map((r) => r.conversionId)).toEqual(['rq-1', 'rq-2']);
    expect(page).toMatchObject({ total: 3, offset: 0, limit: 2 });

    const approved = await decide('rq-1', { decision: 'approve', reviewer: 'staff-1', note: 'known family' });
    expect(approved.status).toBe(200);
    expect(conversionSchema.parse(await approved.json())).toMatchObject({
      status: 'approved',
      review: {
        decision: 'approve',
        reviewer: 'staff-1',
        note: 'known family',
        decidedAt: world.state.clock.toISOString(),
      },
    });
    const rejected = conversionSchema.parse(await (await decide('rq-2', { decision: 'reject' })).json());
    expect(rejected).toMatchObject({
      status: 'rejected',
      review: { decision: 'reject', reviewer: null, note: null },
    });
    expect((await decide('rq-1', { decision: 'reject' })).status).toBe(409);
    expect((await decide('rq-clean', { decision: 'approve' })).status).toBe(409);
    expect((await decide('missing', { decision: 'approve' })).status).toBe(404);
    const badDecision = await decide('rq-3', { decision: 'maybe' });
    expect([badDecision.status, await world.fields(badDecision)]).toEqual([400, ['decision']]);
    expect((await world.auditOf('rq-1')).at(-1)).toEqual({
      action: 'approve',
      from_status: 'flagged',
      to_status: 'approved',
      actor: 'staff-1',
      note: 'known family',
    });
    const rest = fraudReviewsResponseSchema.parse(
      await (await world.send('GET', `/fraud/reviews?creatorId=${creatorId}`)).json(),
    );
    expect(rest.reviews.map((r) => r.conversionId)).toEqual(['rq-3']);
    expect((await world.send('GET', '/fraud/reviews?limit=0')).status).toBe(400);
    expect((await world.send('GET', '/fraud/reviews', undefined, null)).status).toBe(401);
  });

  it('lets exactly one of concurrent decisions win', async () => {
    const { code } = await world.setUp('race');
    await world.convert({ conversionId: 'race-1', referralCode: code, referee: { ip: memberDevice.ip } });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        decide('race-1', { decision: i % 2 ? 'approve' : 'reject', reviewer: `r${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    const audits = (await world.auditOf('race-1')).filter((a) => a.action !== 'recorded');
    expect(audits).toHaveLength(1);
  });
});

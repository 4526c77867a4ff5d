import { defaultFraudRules, type FraudSignal } from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createConversionsWorld, memberDevice } from './conversionsTestWorld.js';

describe('POST /conversions', () => {
  let test: TestDatabase;
  let world: ReturnType<typeof createConversionsWorld>;
  const signalsOf = (reasons: Array<{ signal: FraudSignal }>) => reasons.map((r) => r.signal).sort();

  beforeAll(async () => {
    test = await createTestDatabase();
    world = createConversionsWorld(test.db);
  });
  afterAll(() => test.cleanup());

  it('records a clean conversion by click: attributed, commission rounded, approved, audited', async () => {
    const { code, memberId, creatorId } = await world.setUp('clean');
    const clickId = await world.clickOn(code);
    world.state.clock = new Date('2026-11-27T12:10:00.000Z');
    const { status, conversion } = await world.convert({
      conversionId: 'order-1',
      clickId,
      referee: {
        userId: 'buyer-1',
        email: 'Buyer.One+shop@gmail.com',
        ip: '192.0.2.44',
        userAgent: browserUa(),
      },
    });
    expect(status).toBe(201);
    expect(conversion).toMatchObject({
      conversionId: 'order-1',
      creatorId,
      memberId,
      clickId,
      platform: 'x',
      amount: { amount: 49.99, currency: 'USD' },
      commission: { amount: 5, currency: 'USD' },
      riskScore: 0,
      status: 'approved',
      reasons: [],
      review: null,
      reversedAt: null,
      occurredAt: '2026-11-27T12:10:00.000Z',
    });
    expect(await world.auditOf('order-1')).toEqual([
      { action: 'recorded', from_status: null, to_status: 'approved', actor: null, note: null },
    ]);
    const [row] = await test.db.query<Record<string, string>>(
      'SELECT referee_email_hash, referee_ip_hash FROM podium_referral_conversions WHERE id = $1',
      ['order-1'],
    );
    expect(row!.referee_email_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.referee_ip_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('attributes by referral code without a click', async () => {
    const { code, memberId } = await world.setUp('bycode');
    const { status, conversion } = await world.convert({ conversionId: 'code-1', referralCode: code });
    expect(status).toBe(201);
    expect(conversion).toMatchObject({ memberId, clickId: null, shareId: null, platform: null });
  });

  it('answers 4xx naming the field: unknown click or code, currency, decimals, missing attribution', async () => {
    const { code } = await world.setUp('bad');
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ clickId: 'clk_unknown' }, 422, 'clickId'],
      [{ referralCode: 'ZZZZZZZZ' }, 422, 'referralCode'],
      [{}, 400, 'clickId'],
      [{ referralCode: code, currency: 'EUR' }, 400, 'currency'],
      [{ referralCode: code, amount: 1.005 }, 400, 'amount'],
      [{ referralCode: code, amount: -1 }, 400, 'amount'],
      [{ referralCode: code, referee: { ip: 'not an ip' } }, 400, 'referee.ip'],
      [{ referralCode: code, referee: { email: 'nope' } }, 400, 'referee.email'],
    ];
    for (const [body, status, field] of cases) {
      const response = await world.send('POST', '/conversions', {
        conversionId: 'bad-1',
        amount: 10,
        currency: 'USD',
        ...body,
      });
      expect(response.status, field).toBe(status);
      expect(await world.fields(response), field).toContain(field);
    }
    expect((await world.send('POST', '/conversions', {}, null)).status).toBe(401);
  });

  it('defaults the creator currency: USD for a percent rule, the fixed rule’s currency otherwise', async () => {
    const percent = await world.send('PUT', '/creators/cur-pct', {
      name: 'Percent',
      destinationUrl: 'https://a.example.com',
      commission: { type: 'percent', value: 5 },
    });
    expect(((await percent.json()) as { currency: string }).currency).toBe('USD');
    const yen = await world.setUp('cur-jpy', { commission: { type: 'fixed', amount: 300, currency: 'JPY' } });
    const decimals = await world.convert({
      conversionId: 'jpy-0',
      referralCode: yen.code,
      currency: 'JPY',
      amount: 10.5,
    });
    expect(decimals.status).toBe(400);
    const { status, conversion } = await world.convert({
      conversionId: 'jpy-1',
      referralCode: yen.code,
      currency: 'JPY',
      amount: 4800,
    });
    expect(status).toBe(201);
    expect(conversion.commission).toEqual({ amount: 300, currency: 'JPY' });
  });

  describe('fraud signals through HTTP', () => {
    it.each<[FraudSignal, Record<string, unknown>]>([
      ['sameIp', { ip: memberDevice.ip }],
      ['sameDevice', { fingerprint: memberDevice.fingerprint }],
      ['botTraffic', { userAgent: 'curl/8.4.0' }],
      ['disposableEmail', { email: 'someone@mailinator.com' }],
    ])('%s alone scores its weight', async (signal, referee) => {
      const { code } = await world.setUp(`sig-${signal.toLowerCase()}`);
      const { conversion } = await world.convert({
        conversionId: `sig-${signal}`,
        referralCode: code,
        referee,
      });
      expect(signalsOf(conversion.reasons)).toEqual([signal]);
      expect(conversion.riskScore).toBe(defaultFraudRules.weights[signal]);
    });

    it('sameUser: the member’s own account (60, flagged)', async () => {
      const { code, memberUserId } = await world.setUp('sig-sameuser');
      const { conversion } = await world.convert({
        conversionId: 'sig-su',
        referralCode: code,
        referee: { userId: memberUserId },
      });
      expect(conversion).toMatchObject({ riskScore: 60, status: 'flagged' });
      expect(signalsOf(conversion.reasons)).toEqual(['sameUser']);
    });

    it('sameIp also from the click’s address, and botTraffic from a bot’s click', async () => {
      const { code } = await world.setUp('sig-clickip');
      const fromMember = await world.clickOn(code, memberDevice.ip);
      world.state.clock = new Date(world.state.clock.getTime() + 60_000);
      expect(
        signalsOf((await world.convert({ conversionId: 'ci-1', clickId: fromMember })).conversion.reasons),
      ).toEqual(['sameIp']);
      const byBot = await world.clickOn(code, '203.0.113.50', 'Mozilla/5.0 (compatible; Googlebot/2.1)');
      world.state.clock = new Date(world.state.clock.getTime() + 60_000);
      expect(
        signalsOf((await world.convert({ conversionId: 'ci-2', clickId: byBot })).conversion.reasons),
      ).toEqual(['botTraffic']);
    });

    it('suspiciousTiming: less than 10 s after the click', async () => {
      const { code } = await world.setUp('sig-timing');
      const clickedAt = world.state.clock.getTime();
      const clickId = await world.clickOn(code);
      const at = (seconds: number) => new Date(clickedAt + seconds * 1000).toISOString();
      const quick = await world.convert({ conversionId: 't-1', clickId, occurredAt: at(5) });
      expect(signalsOf(quick.conversion.reasons)).toEqual(['suspiciousTiming']);
      const calm = await world.convert({ conversionId: 't-2', clickId, occurredAt: at(10) });
      expect(calm.conversion.reasons).toEqual([]);
    });

    it('clickVelocity: more than 20 clicks on the member’s links in the hour before', async () => {
      const { code } = await world.setUp('sig-velocity');
      for (let i = 0; i < 20; i += 1) await world.clickOn(code, `203.0.113.${100 + i}`);
      const occurredAt = new Date(world.state.clock.getTime() + 60_000).toISOString();
      const twenty = await world.convert({ conversionId: 'v-1', referralCode: code, occurredAt });
      expect(twenty.conversion.reasons).toEqual([]);
      await world.clickOn(code, '203.0.113.200');
      const more = await world.convert({ conversionId: 'v-2', referralCode: code, occurredAt });
      expect(signalsOf(more.conversion.reasons)).toEqual(['clickVelocity']);
      // An hour later the burst is out of the window.
      const later = new Date(world.state.clock.getTime() + 3_700_000).toISOString();
      expect(
        (await world.convert({ conversionId: 'v-3', referralCode: code, occurredAt: later })).conversion
          .reasons,
      ).toEqual([]);
    });

    it('multipleAccounts: another referee with the same device or the same normalised e-mail', async () => {
      const { code } = await world.setUp('sig-multi');
      const first = { userId: 'ref-a', fingerprint: 'fp-shared', email: 'ann.lee+1@gmail.com' };
      expect(
        (await world.convert({ conversionId: 'm-1', referralCode: code, referee: first })).conversion.reasons,
      ).toEqual([]);
      // The same account buying again is not a second account.
      expect(
        (await world.convert({ conversionId: 'm-2', referralCode: code, referee: first })).conversion.reasons,
      ).toEqual([]);
      const sameDevice = await world.convert({
        conversionId: 'm-3',
        referralCode: code,
        referee: { userId: 'ref-b', fingerprint: 'fp-shared' },
      });
      expect(signalsOf(sameDevice.conversion.reasons)).toEqual(['multipleAccounts']);
      const sameInbox = await world.convert({
        conversionId: 'm-4',
        referralCode: code,
        referee: { userId: 'ref-c', email: 'AnnLee@googlemail.com' },
      });
      expect(sameInbox.conversion).toMatchObject({ riskScore: 45, status: 'flagged' });
    });

    it('sums signals to the thresholds: 30 approved, 70 flagged, above 70 blocked, capped at 100', async () => {
      const { code, memberUserId } = await world.setUp('sig-sum');
      const bot = await world.convert({
        conversionId: 's-1',
        referralCode: code,
        referee: { userAgent: 'python-requests/2.31' },
      });
      expect(bot.conversion).toMatchObject({ riskScore: 30, status: 'approved' });
      const ipAndBot = await world.convert({
        conversionId: 's-2',
        referralCode: code,
        referee: { ip: memberDevice.ip, userAgent: 'curl/8' },
      });
      expect(ipAndBot.conversion).toMatchObject({ riskScore: 70, status: 'flagged' });
      const ipAndDevice = await world.convert({
        conversionId: 's-3',
        referralCode: code,
        referee: { ...memberDevice, userId: memberUserId },
      });
      expect(ipAndDevice.conversion).toMatchObject({ riskScore: 100, status: 'blocked' });
      expect(signalsOf(ipAndDevice.conversion.reasons)).toEqual(['sameDevice', 'sameIp', 'sameUser']);
    });
  });
});

function browserUa() {
  return memberDevice.userAgent.replace('X11; Linux x86_64', 'Windows NT 10.0');
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ConfigError } from '../../src/config.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createConversionsWorld, memberDevice } from './conversionsTestWorld.js';

const problemsOf = (value: string) => {
  try {
    loadConfig({ PODIUM_FRAUD_RULES: value });
  } catch (error) {
    return (error as ConfigError).problems;
  }
  return [];
};

describe('PODIUM_FRAUD_RULES', () => {
  it('reads a partial override', () => {
    expect(loadConfig({}).fraudRules).toBeUndefined();
    expect(
      loadConfig({ PODIUM_FRAUD_RULES: '{"weights":{"sameIp":10},"thresholds":{"blockAbove":90}}' })
        .fraudRules,
    ).toEqual({
      weights: { sameIp: 10 },
      thresholds: { blockAbove: 90 },
    });
  });

  it('refuses bad rules at startup, naming the field', () => {
    expect(problemsOf('{"weights":{"sameIp":101}}')).toEqual([
      'PODIUM_FRAUD_RULES: weights.sameIp must be at most 100',
    ]);
    expect(problemsOf('{"weights":{"smaeIp":1}}')).toEqual([
      'PODIUM_FRAUD_RULES: weights.smaeIp is not a known field',
    ]);
    expect(problemsOf('{"thresholds":{"flagAbove":80,"blockAbove":70}}')).toEqual([
      'PODIUM_FRAUD_RULES: thresholds.flagAbove must be at most thresholds.blockAbove',
    ]);
    expect(problemsOf('{"refundPattern":{"minShare":"half"}}')[0]).toMatch(
      /^PODIUM_FRAUD_RULES: refundPattern\.minShare /,
    );
    expect(problemsOf('not json')[0]).toMatch(/^PODIUM_FRAUD_RULES must be JSON/);
  });
});

describe('createApp({ referrals: { fraudRules } })', () => {
  let test: TestDatabase;
  let world: ReturnType<typeof createConversionsWorld>;

  beforeAll(async () => {
    test = await createTestDatabase();
    world = createConversionsWorld(test.db, {
      apiKey: 'conversions-api-key-0123456789',
      referrals: {
        secret: 'conversion-test-secret-0123',
        fraudRules: {
          weights: { disposableEmail: 71, sameIp: 31 },
          disposableEmail: { extraDomains: ['burner.example'] },
        },
      },
    });
  });
  afterAll(() => test.cleanup());

  it('scores with the configured weights, thresholds edges and extra disposable domains', async () => {
    const { code } = await world.setUp('custom');
    const burner = await world.convert({
      conversionId: 'c-1',
      referralCode: code,
      referee: { email: 'x@burner.example' },
    });
    expect(burner.conversion).toMatchObject({ riskScore: 71, status: 'blocked' });
    const ip = await world.convert({
      conversionId: 'c-2',
      referralCode: code,
      referee: { ip: memberDevice.ip },
    });
    expect(ip.conversion).toMatchObject({ riskScore: 31, status: 'flagged' });
  });
});

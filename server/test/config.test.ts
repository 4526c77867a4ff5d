import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defaultScoringRules } from 'podium-kit/core';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has safe defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './.podium-data',
      redisUrl: undefined,
      apiKey: undefined,
      jwtSecret: undefined,
      cronSecret: undefined,
      basePath: '/api',
      corsOrigins: [],
      demoDir: undefined,
      healthTimeoutMs: 2000,
      subgraphUrl: undefined,
      subgraphApiKey: undefined,
      tokens: [{ address: '0x0000000000000000000000000000000000000000', symbol: 'ETH', decimals: 18 }],
      statsStaleAfterMs: 24 * 3_600_000,
      statsSyncIntervalMs: 0,
      backgroundLeaseMs: 10_000,
      rateLimits: {},
      trustProxy: false,
      viewsPerClientPerDay: 20,
      scoringRules: defaultScoringRules,
      scoresBackdateDays: 30,
      redisPrefix: 'podium:',
      webhook: undefined,
      publicUrl: undefined,
      referralFallbackUrl: undefined,
      referralCookieDays: 30,
      live: {
        heartbeatMs: 15_000,
        maxConnectionsPerClient: 8,
        maxConnections: 10_000,
        ticketSecret: undefined,
      },
      referralSecret: undefined,
    });
  });

  it('reads the referral settings and refuses bad ones', () => {
    expect(
      loadConfig({
        PODIUM_PUBLIC_URL: 'https://podium.example.com/mount/',
        PODIUM_REFERRAL_FALLBACK_URL: 'https://example.com/join?from=podium',
        PODIUM_REFERRAL_COOKIE_DAYS: '7',
        PODIUM_REFERRAL_SECRET: 'a-referral-secret-0123',
      }),
    ).toMatchObject({
      publicUrl: 'https://podium.example.com/mount',
      referralFallbackUrl: 'https://example.com/join?from=podium',
      referralCookieDays: 7,
      referralSecret: 'a-referral-secret-0123',
    });
    const problems = (() => {
      try {
        loadConfig({
          PODIUM_PUBLIC_URL: 'https://example.com/?x=1',
          PODIUM_REFERRAL_FALLBACK_URL: 'javascript:alert(1)',
          PODIUM_REFERRAL_COOKIE_DAYS: '0',
          PODIUM_REFERRAL_SECRET: 'short',
        });
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    })();
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'PODIUM_PUBLIC_URL',
      'PODIUM_REFERRAL_FALLBACK_URL',
      'PODIUM_REFERRAL_COOKIE_DAYS',
      'PODIUM_REFERRAL_SECRET',
    ]);
  });

  it('reads the abuse limits: rate limits, trusted proxy, views per client', () => {
    expect(
      loadConfig({
        PODIUM_RATE_LIMITS: '{"public":100,"failedAuth":{"limit":5,"windowSeconds":300}}',
        PODIUM_TRUST_PROXY: 'true',
        PODIUM_VIEWS_PER_CLIENT_PER_DAY: '0',
      }),
    ).toMatchObject({
      rateLimits: { public: { limit: 100, windowSeconds: 60 }, failedAuth: { limit: 5, windowSeconds: 300 } },
      trustProxy: true,
      viewsPerClientPerDay: 0,
    });
    expect(loadConfig({ PODIUM_RATE_LIMITS: 'OFF' }).rateLimits).toBe(false);
    const problems = (() => {
      try {
        loadConfig({
          PODIUM_RATE_LIMITS: '{"public":0,"everyone":5,"user":{"limit":10}}',
          PODIUM_TRUST_PROXY: 'yes',
          PODIUM_VIEWS_PER_CLIENT_PER_DAY: '-1',
        });
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    })();
    expect(problems).toEqual([
      expect.stringMatching(/^PODIUM_RATE_LIMITS\.public must be/),
      expect.stringMatching(/^PODIUM_RATE_LIMITS: unknown limit "everyone"/),
      expect.stringMatching(/^PODIUM_RATE_LIMITS\.user must be/),
      expect.stringMatching(/^PODIUM_TRUST_PROXY must be true or false/),
      expect.stringMatching(/^PODIUM_VIEWS_PER_CLIENT_PER_DAY must be/),
    ]);
    expect(() => loadConfig({ PODIUM_RATE_LIMITS: '[1]' })).toThrow(
      /PODIUM_RATE_LIMITS must be off or a JSON object/,
    );
  });

  it('reads the stats variables: subgraph, token list, stale age, scheduler', () => {
    const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
    const config = loadConfig({
      PODIUM_SUBGRAPH_URL: 'https://api.studio.thegraph.com/query/1/market/v1',
      PODIUM_SUBGRAPH_API_KEY: 'graph-key',
      PODIUM_TOKENS: JSON.stringify([{ address: usdc, symbol: 'USDC', decimals: 6 }]),
      PODIUM_STATS_STALE_HOURS: '6',
      PODIUM_STATS_SYNC_INTERVAL_SECONDS: '300',
    });
    expect(config).toMatchObject({
      subgraphUrl: 'https://api.studio.thegraph.com/query/1/market/v1',
      subgraphApiKey: 'graph-key',
      statsStaleAfterMs: 6 * 3_600_000,
      statsSyncIntervalMs: 300_000,
    });
    expect(config.tokens).toEqual([
      { address: '0x0000000000000000000000000000000000000000', symbol: 'ETH', decimals: 18 },
      { address: usdc.toLowerCase(), symbol: 'USDC', decimals: 6 },
    ]);
  });

  it('names each bad token of PODIUM_TOKENS and a non-http subgraph URL', () => {
    expect(() => loadConfig({ PODIUM_TOKENS: 'not json' })).toThrow(/PODIUM_TOKENS must be JSON/);
    expect(() =>
      loadConfig({
        PODIUM_TOKENS:
          '[{"address":"0x1","symbol":"X","decimals":6},{"address":"0x0000000000000000000000000000000000000001","symbol":"Y","decimals":-1}]',
      }),
    ).toThrow(/PODIUM_TOKENS\[0\][\s\S]*PODIUM_TOKENS\[1\]/);
    expect(() => loadConfig({ PODIUM_SUBGRAPH_URL: 'ftp://x' })).toThrow(/PODIUM_SUBGRAPH_URL/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/podium',
      PODIUM_DATA_DIR: '/var/lib/podium',
      REDIS_URL: 'rediss://cache:6380',
      PODIUM_API_KEY: 'key',
      PODIUM_JWT_SECRET: 'x'.repeat(32),
      CRON_SECRET: 'cron',
      PODIUM_BASE_PATH: '/podium/',
      PODIUM_CORS_ORIGINS: 'https://a.example, https://b.example:8443',
      PODIUM_DEMO_DIR: '/srv/demo',
      PODIUM_HEALTH_TIMEOUT_MS: '500',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/podium',
      redisUrl: 'rediss://cache:6380',
      basePath: '/podium',
      corsOrigins: ['https://a.example', 'https://b.example:8443'],
      healthTimeoutMs: 500,
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '  ', PORT: '' })).toMatchObject({
      databaseUrl: undefined,
      redisUrl: undefined,
      port: 4000,
    });
  });

  it('collapses a list containing * to *', () => {
    expect(loadConfig({ PODIUM_CORS_ORIGINS: 'https://a.example,*' }).corsOrigins).toEqual(['*']);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '80a',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'http://x',
        PODIUM_JWT_SECRET: 'short',
        PODIUM_BASE_PATH: 'api',
        PODIUM_CORS_ORIGINS: 'https://ok.example,https://bad.example/path',
        PODIUM_HEALTH_TIMEOUT_MS: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'REDIS_URL',
      'PODIUM_JWT_SECRET',
      'PODIUM_BASE_PATH',
      'PODIUM_CORS_ORIGINS',
      'PODIUM_HEALTH_TIMEOUT_MS',
    ]) {
      expect(problems).toContain(name);
    }
    expect(problems).toContain('https://bad.example/path');
    expect((error as ConfigError).problems).toHaveLength(7);
  });

  it.each(['-1', '65536', '1.5', '4000 '])('rejects PORT=%j', (port) => {
    if (port.trim() === '4000')
      expect(loadConfig({ PORT: port }).port).toBe(4000); // trimmed: fine
    else expect(() => loadConfig({ PORT: port })).toThrow(/PORT must be a whole number/);
  });

  it('documents every variable it reads', async () => {
    const source = await readFile(fileURLToPath(new URL('../src/config.ts', import.meta.url)), 'utf8');
    const read = [...source.matchAll(/read\('([A-Z_]+)'\)/g)].map((match) => match[1]);
    expect(read.length).toBeGreaterThan(5);
    expect(configVariables.map((variable) => variable.name).sort()).toEqual([...new Set(read)].sort());
  });
});

describe('PODIUM_SCORING_RULES', () => {
  it('names the place of each problem in the rules file', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'podium-rules-'));
    const path = join(dir, 'rules.json');
    await writeFile(
      path,
      JSON.stringify({ ...defaultScoringRules, trending: { decayPerDay: 2, epoch: '2026-01-01' } }),
    );
    expect(() => loadConfig({ PODIUM_SCORING_RULES: path })).toThrow(
      /PODIUM_SCORING_RULES: trending\.decayPerDay/,
    );
    await writeFile(path, JSON.stringify(defaultScoringRules));
    expect(loadConfig({ PODIUM_SCORING_RULES: path }).scoringRules).toEqual(defaultScoringRules);
    expect(() => loadConfig({ PODIUM_SCORING_RULES: join(dir, 'missing.json') })).toThrow(/cannot read/);
  });
});

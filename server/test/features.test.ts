import { Hono } from 'hono';
import { healthResponseSchema } from 'podium-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerFeature } from '../src/feature.js';
import type { AppEnv } from '../src/http/AppEnv.js';
import { serverFeatures } from '../src/features.js';
import { HealthCheckFailure } from '../src/http/healthRoutes.js';
import { jobsFeature } from '../src/jobs/jobsFeature.js';
import { usage } from '../src/runCli.js';
import { syncStatsIncremental } from '../src/userStats/syncStats.js';
import { createTestApp, signTestToken } from './helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase.js';
import { createStandIn } from './userStats/standIn.js';

/** The composition of features: what createApp serves is what the list holds. */
describe('server features', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.cleanup();
    test = undefined;
  });

  it('names each feature once and lists every command in --help', () => {
    const names = serverFeatures.map((feature) => feature.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of serverFeatures.flatMap((feature) => feature.commands ?? [])) {
      expect(usage).toContain(`  ${command.name} `);
      for (const flag of Object.keys(command.flags ?? {})) {
        expect(usage).toMatch(new RegExp(`^  ${flag} +\\(${command.name}\\) `, 'm'));
      }
    }
  });

  it('serves only the features it is given, plus a host feature with its own health check', async () => {
    test = await createTestDatabase();
    let healthy = true;
    const hostFeature: ServerFeature = {
      name: 'host',
      routes: () => new Hono<AppEnv>().get('/host/ping', (c) => c.json({ pong: true })),
      healthChecks: () => [
        {
          key: 'host:queue',
          componentId: 'host-queue',
          componentType: 'component',
          failStatus: 'warn',
          run: async () => {
            if (!healthy) throw new HealthCheckFailure('queue is behind');
          },
        },
      ],
    };
    const { app } = createTestApp(test.db, { features: [jobsFeature, hostFeature] });

    expect((await app.request('/api/host/ping')).status).toBe(200);
    const token = await signTestToken('alice');
    const jobs = await app.request('/api/stats', { headers: { authorization: `Bearer ${token}` } });
    expect(jobs.status).toBe(200);
    // Not composed, so not served: the seller board is a 404, not a half-wired route.
    expect((await app.request('/api/leaderboards/sellers')).status).toBe(404);

    const read = async () => healthResponseSchema.parse(await (await app.request('/api/health')).json());
    expect((await read()).checks['host:queue']?.[0]?.status).toBe('pass');
    healthy = false;
    const degraded = await read();
    expect(degraded.status).toBe('warn');
    expect(degraded.checks['host:queue']?.[0]).toMatchObject({ status: 'warn', output: 'queue is behind' });
  });

  it('reports the age of the last stats sync in /health: warn before the first and when stale', async () => {
    test = await createTestDatabase();
    const standIn = createStandIn({ walletCount: 5, events: 40, seed: 3 });
    let now = new Date('2026-11-27T12:00:00Z');
    const { app } = createTestApp(test.db, {
      subgraph: standIn.client,
      statsStaleAfterMs: 3_600_000,
      now: () => now,
    });
    const lastSync = async () => {
      const body = healthResponseSchema.parse(await (await app.request('/api/health')).json());
      return { status: body.status, check: body.checks['stats:lastSync']?.[0] };
    };

    expect(await lastSync()).toMatchObject({
      status: 'warn',
      check: { status: 'warn', output: expect.stringMatching(/never been synced/) },
    });
    await syncStatsIncremental(test.db, standIn.client, { now: () => now });
    expect(await lastSync()).toMatchObject({ status: 'pass', check: { status: 'pass' } });
    now = new Date(now.getTime() + 2 * 3_600_000);
    expect(await lastSync()).toMatchObject({
      status: 'warn',
      check: { status: 'warn', output: 'last successful sync 120 minutes ago' },
    });
    // A sync with nothing new still counts as a successful sync.
    await syncStatsIncremental(test.db, standIn.client, { now: () => now });
    expect((await lastSync()).status).toBe('pass');
  });

  it('adds no sync check without a subgraph', async () => {
    test = await createTestDatabase();
    const { app } = createTestApp(test.db);
    const body = healthResponseSchema.parse(await (await app.request('/api/health')).json());
    expect(body.checks['stats:lastSync']).toBeUndefined();
  });
});

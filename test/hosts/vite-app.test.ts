import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../browser/chromium.js';
import { startDemoServer, type DemoServer } from '../browser/demoServer.js';
import { serveStatic } from '../browser/staticServer.js';
import { buildExample, exampleDir, installExample } from './hostApp.js';
import { expectSeededJobStats, openHostPage } from './hostPage.js';

/**
 * examples/vite-app: Vite + React 18, podium installed from the packed tarball, built with
 * `npm run build` (tsc against React 18's types, then vite build) and served as static files.
 */
let browser: Browser;
let api: DemoServer;
let site: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  const install = await installExample('vite-app', inject('podiumTarball'));
  console.log(`vite-app: ${install.installed ? 'installed' : 'install cached'} (${install.took})`);
  // Serve the output folder first: its port is the origin the API must allow.
  site = await serveStatic(join(exampleDir('vite-app'), 'dist'));
  [api, browser] = await Promise.all([startDemoServer({ PODIUM_CORS_ORIGINS: site.url }), launchChromium()]);
  const build = await buildExample('vite-app', { VITE_PODIUM_API: `${api.url}/api` });
  console.log(`vite-app: built (${build.took})`);
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await site?.close();
});

describe('Vite + React 18 host on the packed tarball', () => {
  it('shows the seeded job statistics with no console errors and no axe violations', async () => {
    const { page, problems, hydration, close } = await openHostPage(browser, site.url, { timezoneId: 'UTC' });
    await expectSeededJobStats(page, api.url);
    expect(problems).toEqual([]);
    expect(hydration).toEqual([]);
    await close();
  });
});

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../browser/chromium.js';
import { freePort, startDemoServer, type DemoServer } from '../browser/demoServer.js';
import {
  buildExample,
  exampleDir,
  hostEnv,
  installExample,
  startHostServer,
  type HostServer,
} from './hostApp.js';
import { expectSeededJobStats, openHostPage } from './hostPage.js';

/**
 * examples/next-app: Next.js App Router + React 19, podium installed from the packed tarball,
 * `next build` then `next start`. The page is a server component that mints the token on the
 * server and renders a client component with PodiumProvider + JobStats, so Podium's markup is in
 * the server's HTML and then hydrates.
 */
let browser: Browser;
let api: DemoServer;
let next: HostServer;

beforeAll(async () => {
  const install = await installExample('next-app', inject('podiumTarball'));
  console.log(`next-app: ${install.installed ? 'installed' : 'install cached'} (${install.took})`);
  const build = await buildExample('next-app');
  console.log(`next-app: built (${build.took})`);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  [api, browser] = await Promise.all([startDemoServer({ PODIUM_CORS_ORIGINS: origin }), launchChromium()]);
  const dir = exampleDir('next-app');
  next = await startHostServer(
    process.execPath,
    [join(dir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: dir,
      url: `${origin}/`,
      // The server renders in UTC, as most hosting does.
      env: hostEnv({ PODIUM_API_URL: api.url, TZ: 'UTC' }),
    },
  );
});

afterAll(async () => {
  await browser?.close();
  await next?.stop();
  await api?.stop();
});

describe('Next.js App Router + React 19 host on the packed tarball', () => {
  it("server-renders Podium's markup into the page's HTML", async () => {
    const response = await fetch(next.url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('podium-job-stats');
    expect(html).toContain('podium-root');
    expect(html).toContain('Job statistics');
    expect(next.output()).not.toMatch(/window is not defined|document is not defined|⨯|Error:/);
  });

  it('hydrates without warnings and shows the seeded statistics, no console errors, no axe violations', async () => {
    const { page, problems, hydration, close } = await openHostPage(browser, next.url, { timezoneId: 'UTC' });
    await expectSeededJobStats(page, api.url);
    // Checked last, so messages logged after the data arrived count too.
    expect(hydration).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  // The server renders in UTC; visitors are anywhere. At any hour one of these two zones is on
  // another calendar day than UTC, so together they always exercise a day that differs.
  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'hydrates without warnings for a visitor in %s',
    async (timezoneId) => {
      const { problems, hydration, close } = await openHostPage(browser, next.url, { timezoneId });
      expect(hydration).toEqual([]);
      expect(problems).toEqual([]);
      await close();
    },
  );
});

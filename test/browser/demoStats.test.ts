import { transactionsCsvColumns } from '../../src/userStats/contract.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { startDemoServer, type DemoServer } from './demoServer.js';
import { axeViolations } from './pageChecks.js';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the demo and waits until the StatsTab shows the signed-in user's figures. */
async function openDemo(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(server.url);
  await page.waitForSelector('.podium-stats-tab[data-state="ready"]', { timeout: 20_000 });
  return page;
}

const statsTab = (page: Page) => page.locator('.podium-stats-tab');
const marketplace = (page: Page) => page.getByRole('complementary', { name: 'Marketplace' });

describe('user stats in the live demo (Chromium)', () => {
  it('shows real stats computed from the local subgraph, with percentiles, a trend and a CSV', async () => {
    const page = await openDemo();
    const tab = statsTab(page);
    await expect.poll(() => tab.getByRole('heading', { name: 'Sales', exact: true }).count()).toBe(1);
    expect(await tab.textContent()).toMatch(/Top \d+ ?%/);
    // The trend comes from a second request (history): wait for it rather than race it.
    await expect.poll(() => tab.locator('.podium-stats-tab__chart-svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    const href = await tab.getByRole('link', { name: /CSV/ }).getAttribute('href');
    const csv = await page.request.get(new URL(href!, server.url).toString());
    expect(csv.headers()['content-disposition']).toMatch(/^attachment/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(transactionsCsvColumns.join(','));
    expect(lines.length).toBeGreaterThan(50);
    await page.close();
  });

  it('shows a wallet nobody has calculated as calculating, then done, without a reload', async () => {
    const page = await openDemo();
    await marketplace(page).getByRole('button', { name: 'A new wallet' }).click();
    await page.waitForSelector('.podium-stats-tab[data-state="calculating"]', { timeout: 10_000 });
    // The server's queue worker calculates it within seconds; the tab polls until then.
    await page.waitForSelector('.podium-stats-tab[data-state="empty"]', { timeout: 20_000 });
    await page.close();
  });

  it('refreshes the stats after simulated marketplace activity is synced', async () => {
    const page = await openDemo();
    const refetched = page.waitForResponse(
      (response) =>
        /\/api\/user\/[^/]+\/stats$/.test(new URL(response.url()).pathname) && response.status() === 200,
      { timeout: 20_000 },
    );
    await marketplace(page).getByRole('button', { name: 'Simulate marketplace activity' }).click();
    await expect
      .poll(() => marketplace(page).getByRole('status').textContent(), { timeout: 20_000 })
      .toMatch(/Synced \d+ changed entities/);
    await refetched;
    await page.close();
  });
});

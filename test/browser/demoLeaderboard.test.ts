import type { Browser, Locator } from 'playwright-core';
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

/** The number in the signed-in user's row ("7 sales"). */
async function myValue(dialog: Locator): Promise<number> {
  const text = await dialog.locator('[aria-current="true"]').first().textContent();
  const match = /(\d[\d,]*)\s+sales?/.exec(text ?? '');
  if (!match) throw new Error(`No value in the current user's row: ${text}`);
  return Number(match[1]!.replace(/,/g, ''));
}

describe('the seller leaderboard in the live demo (Chromium)', () => {
  it('opens an accessible dialog, closes on Escape back to its trigger, and updates on its own after a sale', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.url);
    const trigger = page.getByRole('button', { name: 'Leaderboard', exact: true });
    await trigger.click();
    const dialog = page.getByRole('dialog', { name: 'Leaderboard' });
    await dialog.waitFor();
    await expect
      .poll(() => dialog.locator('[aria-current="true"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    // Focus is inside the dialog; Escape closes it and focus returns to the trigger.
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await trigger.evaluate((element) => element === document.activeElement)).toBe(true);

    await trigger.click();
    await dialog.waitFor();
    await expect
      .poll(() => dialog.locator('[aria-current="true"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const before = await myValue(dialog);
    // The host's backend records a sale (the page behind the dialog is inert, as it should be).
    const recorded = await page.request.post(`${server.url}/api/demo/seller-activity?kind=sale&seller=alice`);
    expect(recorded.status()).toBe(200);
    // No click, no reload: the modal's own poll brings the new count.
    await expect.poll(() => myValue(dialog), { timeout: 15_000 }).toBe(before + 1);
    await page.close();
  });

  it("shows the signed-in seller's dashboard with the board's numbers", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.url);
    const dashboard = page
      .getByRole('region', { name: /Seller dashboard/i })
      .or(page.locator('.podium-seller-dashboard'));
    await expect
      .poll(() => dashboard.first().textContent(), { timeout: 15_000 })
      .toMatch(/Active listings\s*\d/);
    await page.close();
  });
});

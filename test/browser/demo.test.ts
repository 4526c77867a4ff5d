import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { startDemoServer, type DemoServer } from './demoServer.js';
import { axeViolations, kpi } from './pageChecks.js';

const screenshots = 'test-results/screenshots';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the demo and waits until JobStats shows figures; collects console errors. */
async function openDemo(): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(server.url);
  await page.waitForSelector('.podium-job-stats[data-state="ready"]:not([data-fetching])', {
    timeout: 20_000,
  });
  return { page, consoleErrors };
}

describe('the live demo in Chromium', () => {
  it('shows seeded job statistics with no console errors and no axe violations, light and dark', async () => {
    const { page, consoleErrors } = await openDemo();
    expect(await kpi(page, 'Jobs')).toBeGreaterThan(0);
    expect(await page.locator('.podium-job-stats__table tbody tr').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/demo-light.png`, fullPage: true });

    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => page.locator('.podium-root').first().getAttribute('data-theme')).toBe('dark');
    expect(await page.locator('.podium-root[data-theme="dark"]').count()).toBe(
      await page.locator('.podium-root').count(),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/demo-dark.png`, fullPage: true });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('records a job from the page and the statistics update without a reload', async () => {
    const { page } = await openDemo();
    const jobsBefore = await kpi(page, 'Jobs');
    const requestedBefore = await kpi(page, 'Requested');

    const form = page.getByRole('complementary', { name: 'Record a job' });
    await form.getByLabel('Job id', { exact: true }).fill('browser-job-1');
    await form.getByLabel('Requested', { exact: true }).fill('40');
    await form.getByLabel('Successful', { exact: true }).fill('30');
    await form.getByLabel('Failed', { exact: true }).fill('10');
    await form.getByRole('combobox', { name: /^Status/ }).selectOption('completed');
    await form.getByRole('button', { name: 'Record job' }).click();

    await expect.poll(() => kpi(page, 'Jobs'), { timeout: 10_000 }).toBe(jobsBefore + 1);
    expect(await kpi(page, 'Requested')).toBe(requestedBefore + 40);
    await expect.poll(() => page.locator('.podium-job-stats__table').innerText()).toContain('browser-job-1');
    await page.close();
  });

  it('shows a job recorded through the API by the host backend', async () => {
    const { token } = (await (await fetch(`${server.url}/api/demo/token?user=alice`)).json()) as {
      token: string;
    };
    const response = await fetch(`${server.url}/api/stats`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ job_id: 'api-job-1', requested_count: 3, status: 'processing' }),
    });
    expect(response.status).toBe(200);

    const { page } = await openDemo();
    await expect.poll(() => page.locator('.podium-job-stats__table').innerText()).toContain('api-job-1');
    await expect.poll(() => page.locator('.podium-job-stats').getAttribute('data-partial')).toBe('true');
    await page.close();
  });

  it('is keyboard-complete: presets by arrow keys, visible focus, load more by Enter', async () => {
    const { page } = await openDemo();
    const checked = page.locator('[role="radio"][aria-checked="true"]');
    expect(await checked.innerText()).toMatch(/30 days/);

    await checked.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => checked.innerText()).toMatch(/7 days/);
    // Focus follows the selection and is visibly marked.
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return {
        role: document.activeElement!.getAttribute('role'),
        width: parseFloat(style.outlineWidth),
        styleName: style.outlineStyle,
      };
    });
    expect(outline.role).toBe('radio');
    expect(outline.styleName).not.toBe('none');
    expect(outline.width).toBeGreaterThan(0);
    await page.waitForSelector('.podium-job-stats[data-state="ready"]:not([data-fetching])');

    await page.keyboard.press('End');
    await expect.poll(() => checked.innerText()).toMatch(/Custom/);
    await page.keyboard.press('Home');
    await expect.poll(() => checked.innerText()).toMatch(/7 days/);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => checked.innerText()).toMatch(/90 days/);
    await page.waitForSelector('.podium-job-stats[data-state="ready"]:not([data-fetching])');
    const rowsBefore = await page.locator('.podium-job-stats__table tbody tr').count();
    const loadMore = page.getByRole('button', { name: /load more/i });
    await loadMore.focus();
    await page.keyboard.press('Enter');
    // A fetch of the next page: as the suite's other network-bound waits, not the default 1 s
    // (a CI run under full load missed it once).
    await expect
      .poll(() => page.locator('.podium-job-stats__table tbody tr').count(), { timeout: 10_000 })
      .toBeGreaterThan(rowsBefore);
    await page.close();
  });

  it('sets a custom range by keyboard alone and blocks an inverted one with a visible message', async () => {
    const { page } = await openDemo();
    const root = page.locator('.podium-job-stats');
    /** Presses Tab until focus is on the control labelled `name`, as a user would. */
    async function tabTo(name: string) {
      const trail: string[] = [];
      for (let presses = 0; presses < 12; presses += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
        });
        if (focused.trim() === name) return;
        trail.push(focused.trim().slice(0, 30));
      }
      throw new Error(`Focus never reached "${name}" (went through: ${trail.join(' | ')})`);
    }

    await page.locator('[role="radio"][aria-checked="true"]').focus();
    await page.keyboard.press('End');
    await expect
      .poll(() => page.locator('[role="radio"][aria-checked="true"]').innerText())
      .toMatch(/Custom/);

    // Dates typed segment by segment (en-US: mm dd yyyy); From after To first.
    await tabTo('From');
    await page.keyboard.type('11012026');
    await tabTo('To');
    await page.keyboard.type('10012026');
    await tabTo('Apply');
    await page.keyboard.press('Enter');
    await expect.poll(() => root.getByRole('alert').first().innerText()).toMatch(/on or before/);
    expect(await page.locator('input[type="date"][aria-invalid="true"]').count()).toBeGreaterThan(0);
    // The refused submit moves focus to the field to fix.
    expect(
      await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent),
    ).toBe('From');

    await page.keyboard.type('10012026');
    await tabTo('To');
    await page.keyboard.type('11012026');
    await tabTo('Apply');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => root.locator('.podium-job-stats__range').innerText())
      .toMatch(/Oct 1.*Nov 1, 2026/);
    await page.waitForSelector('.podium-job-stats[data-state="ready"]:not([data-fetching])');
    await page.close();
  });
});

import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, kpi } from '../browser/pageChecks.js';

/** Any console line or page error that reads like a hydration problem (React 18 and 19, dev and prod). */
export const hydrationPattern =
  /hydrat|did not match|didn't match|server rendered (html|text)|minified react error #(418|419|423|425)|react\.dev\/errors\/(418|419|423|425)/i;

export interface OpenedHostPage {
  page: Page;
  /** Console messages of type error or warning, and uncaught page errors. */
  problems: string[];
  /** Every console message and page error that mentions hydration, whatever its type. */
  hydration: string[];
  close(): Promise<void>;
}

/**
 * Opens a host page in a fresh context and waits until Podium's JobStats shows the server's
 * figures. Collects console errors and warnings, page errors and anything about hydration from
 * before the first script runs.
 */
export async function openHostPage(
  browser: Browser,
  url: string,
  context: BrowserContextOptions = {},
): Promise<OpenedHostPage> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...context });
  const page = await ctx.newPage();
  const problems: string[] = [];
  const hydration: string[] = [];
  page.on('console', (message) => {
    const where = message.location().url;
    const text = `[console.${message.type()}] ${message.text()}${where ? ` (${where})` : ''}`;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(text);
    if (hydrationPattern.test(message.text())) hydration.push(text);
  });
  page.on('pageerror', (error) => {
    const text = `[pageerror] ${error.message}`;
    problems.push(text);
    if (hydrationPattern.test(error.message)) hydration.push(text);
  });
  await page.goto(url);
  await page.waitForSelector('.podium-job-stats[data-state="ready"]:not([data-fetching])', {
    timeout: 30_000,
  });
  return { page, problems, hydration, close: () => ctx.close() };
}

/** The seeded figures for the demo user, straight from the API, to compare with what the page shows. */
export async function seededTotals(
  apiUrl: string,
  user = 'alice',
): Promise<{ jobs: number; requested: number }> {
  const { token } = (await (await fetch(`${apiUrl}/api/demo/token?user=${user}`)).json()) as {
    token: string;
  };
  const response = await fetch(`${apiUrl}/api/stats`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/stats answered ${response.status}`);
  const { totals } = (await response.json()) as { totals: { jobs: number; requested: number } };
  return { jobs: totals.jobs, requested: totals.requested };
}

/**
 * What every host page must show: JobStats with the same figures the API gives for the seeded
 * user, a jobs table, Podium's stylesheet applied (through the host's own CSS pipeline), and no
 * axe violations.
 */
export async function expectSeededJobStats(page: Page, apiUrl: string): Promise<void> {
  const seeded = await seededTotals(apiUrl);
  expect(seeded.jobs).toBeGreaterThan(0);
  expect(await kpi(page, 'Jobs')).toBe(seeded.jobs);
  expect(await kpi(page, 'Requested')).toBe(seeded.requested);
  expect(await page.locator('.podium-job-stats__table tbody tr').count()).toBeGreaterThan(0);
  const accent = await page
    .locator('.podium-root')
    .evaluate((el) => getComputedStyle(el).getPropertyValue('--podium-accent').trim());
  expect(accent).not.toBe('');
  expect(await axeViolations(page)).toEqual([]);
}

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

/** A member's referrals on the community board, as its podium or rows show them ("9 referrals"). */
const referralsOf = async (page: Page, name: string) => {
  const place = page
    .locator('#referrals :is(.podium-leaderboard__podium-place, .podium-leaderboard__row)', { hasText: name })
    .first();
  const text =
    (await place
      .locator('.podium-leaderboard__value')
      .textContent({ timeout: 2000 })
      .catch(() => '')) ?? '';
  return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
};

describe('referral sharing in the live demo', () => {
  it('follows a tracked link back to the page, buys through it, and the board and review queue move', async () => {
    // A desktop Chrome's user agent: headless Chromium's says "HeadlessChrome", which the click
    // counting (rightly) treats as a bot.
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
      userAgent:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForSelector('#referrals .podium-share-kit[data-state="ready"]', { timeout: 20_000 });
    await page.waitForSelector('#referrals .podium-share-analytics[data-state="ready"]');
    expect(await axeViolations(page, '#referrals')).toEqual([]);
    await expect.poll(() => referralsOf(page, 'Alice Martin')).toBeGreaterThan(0);
    const before = await referralsOf(page, 'Alice Martin');

    // The member's tracked link (what ShareKit shares), followed like a visitor would.
    const link = await page.evaluate(async () => {
      const { token } = (await (await fetch('/api/demo/token?user=alice')).json()) as { token: string };
      const response = await fetch('/api/shares', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ memberId: 'studio-alice', platform: 'telegram' }),
      });
      return ((await response.json()) as { url: string }).url;
    });
    expect(link).toMatch(/\/api\/r\/[2-9A-HJKMNP-Z]{8}\?p=telegram&s=shr_/);
    await page.goto(link);
    expect(new URL(page.url()).searchParams.get('click')).toMatch(/^clk_/);
    await page.getByRole('button', { name: 'Buy as a new customer' }).click();
    await expect
      .poll(() => page.locator('#referrals [aria-live="polite"]').first().textContent())
      .toMatch(/approved/);
    await expect.poll(() => referralsOf(page, 'Alice Martin')).toBe(before + 1);

    // A second purchase from the member's own machine is flagged and waits in the queue.
    const queue = page.locator('#referrals li', { hasText: 'sameIp' });
    const queued = await queue.count();
    await page.getByRole('button', { name: /own device/ }).click();
    await expect.poll(() => queue.count()).toBe(queued + 1);
    await queue.last().getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => queue.count()).toBe(queued);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shares to Telegram from ShareKit: one window opened in the click, sent to the intent with the tracked link', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    // No network to Telegram here: the intent page is answered locally, its address is what counts.
    await context.route('https://t.me/**', (route) =>
      route.fulfill({ body: 'telegram', contentType: 'text/plain' }),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    const kit = page.locator('#referrals .podium-share-kit[data-state="ready"]');
    await kit.waitFor({ timeout: 20_000 });
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      kit.getByRole('button', { name: 'Share on Telegram' }).click(),
    ]);
    // The share-link builder and the templates load on this first click, then the window moves on.
    await popup.waitForURL(/^https:\/\/t\.me\/share\/url\?/);
    const intent = new URL(popup.url());
    expect(intent.searchParams.get('url')).toMatch(/\/api\/r\/[2-9A-HJKMNP-Z]{8}\?p=telegram&s=shr_/);
    expect(intent.searchParams.get('text')?.length).toBeGreaterThan(10);
    expect(intent.searchParams.get('text')).not.toContain(intent.searchParams.get('url'));
    expect(errors).toEqual([]);
    await context.close();
  });
});

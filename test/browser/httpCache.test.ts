import { describe, expect, it } from 'vitest';
import { demoAndBrowserForFile } from './demoServer.js';

/**
 * Browsers have caches (issue 9): the headers the server sends decide whether Chromium's own HTTP
 * cache may answer a refetch. Once the server has newer user stats, the very next fetch from the
 * page must see them, not the copy the browser kept ("Updated 8 minutes ago" while the server
 * has newer numbers). CDNs may still cache for an hour (`CDN-Cache-Control`).
 */
const cronSecret = 'browser-cache-cron-secret-0123456789';
const demo = demoAndBrowserForFile({ CRON_SECRET: cronSecret });

/** Recalculates one user's stats on the server (a new `calculatedAt`), as the sync would. */
async function recalculate(user: string): Promise<void> {
  const response = await fetch(`${demo.server.url}/api/cron/calculate-user-stats?address=${user}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cronSecret}` },
  });
  expect(response.status).toBe(200);
}

describe("user stats and the browser's HTTP cache (Chromium)", () => {
  it('shows the stats the server has now on the next fetch, never an older cached copy', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/api/health`);
    const fetchStats = () =>
      page.evaluate(async () => {
        const response = await fetch('/api/user/alice/stats');
        return {
          status: response.status,
          calculatedAt: ((await response.json()) as { calculatedAt: string }).calculatedAt,
        };
      });

    const first = await fetchStats();
    expect(first.status).toBe(200);
    for (let round = 0; round < 2; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20)); // a later calculatedAt
      await recalculate('alice');
      const onServer = (await (await fetch(`${demo.server.url}/api/user/alice/stats`)).json()) as {
        calculatedAt: string;
      };
      const inPage = await fetchStats();
      expect(inPage.status).toBe(200);
      expect(inPage.calculatedAt).toBe(onServer.calculatedAt);
      expect(inPage.calculatedAt).not.toBe(first.calculatedAt);
    }
    // Unchanged stats are revalidated, not downloaded again: on the wire the server answers 304
    // (the page itself sees the cached 200, so the raw status comes from the DevTools protocol).
    const cdp = await page.context().newCDPSession(page);
    const urls = new Map<string, string>();
    const wireStatuses: number[] = [];
    cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      if (urls.get(event.requestId)?.endsWith('/api/user/alice/stats')) wireStatuses.push(event.statusCode);
    });
    await cdp.send('Network.enable');
    expect((await fetchStats()).status).toBe(200);
    await expect.poll(() => wireStatuses).toEqual([304]);
    await page.close();
  });
});

import { describe, expect, it } from 'vitest';
import { demoAndBrowserForFile } from './demoServer.js';

/**
 * Phones are 360 px wide (issue 10): the demo page, with every widget loaded, must never scroll
 * sideways, and nothing hidden for screen readers may make the page taller than what it shows.
 */
const demo = demoAndBrowserForFile();

describe('the demo at phone and desktop widths (Chromium)', () => {
  for (const width of [360, 390, 1280]) {
    it(`has no horizontal scroll and no blank tail at ${width} px`, async () => {
      const page = await demo.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(demo.server.url);
      await page.waitForSelector('.podium-stats-tab[data-state="ready"]', { timeout: 20_000 });
      // The trend comes from a second request: wait for its chart.
      await page.waitForSelector('.podium-stats-tab__chart-svg', { timeout: 10_000 });
      const sizes = await page.evaluate(() => {
        const root = document.documentElement;
        // The lowest edge of anything visible: the page must not extend far below it.
        let bottom = 0;
        for (const element of document.body.querySelectorAll('*')) {
          const style = getComputedStyle(element);
          if (style.position === 'absolute' && style.clipPath !== 'none') continue;
          if (element.closest('.podium-sr-only')) continue;
          const rect = element.getBoundingClientRect();
          if (rect.width > 0 && rect.height > 0) bottom = Math.max(bottom, rect.bottom + window.scrollY);
        }
        return {
          scrollWidth: root.scrollWidth,
          clientWidth: root.clientWidth,
          scrollHeight: root.scrollHeight,
          bottom,
        };
      });
      expect(sizes.scrollWidth, JSON.stringify(sizes)).toBeLessThanOrEqual(sizes.clientWidth);
      expect(sizes.scrollHeight - sizes.bottom, JSON.stringify(sizes)).toBeLessThan(120);
      await page.close();
    });
  }
});

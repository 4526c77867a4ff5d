import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { axeViolations } from './pageChecks.js';
import { serveStatic } from './staticServer.js';

const built = 'storybook-static';
const screenshots = 'test-results/screenshots/stories';

if (!existsSync(`${built}/index.json`)) {
  throw new Error(
    `No built Storybook in ${built}/: run 'npm run build-storybook' first (npm run test:browser does).`,
  );
}
const index = JSON.parse(await readFile(`${built}/index.json`, 'utf8')) as {
  entries: Record<string, { id: string; type: string; title: string; name: string }>;
};
const only = process.env.PODIUM_STORIES;
/** `PODIUM_STORIES=leaderboard npm run test:browser` checks only the stories whose id contains it. */
const stories = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' && (!only || entry.id.includes(only)),
);
// Docs pages (autodocs per component, plus Getting started) are entries of their own type.
const docs = Object.values(index.entries).filter((entry) => entry.type === 'docs');

/**
 * Console errors a story is expected to log: the browser reports the mocked 500s of the error
 * stories as failed resources. Anything else fails the story.
 */
const expectedConsole = [/Failed to load resource: the server responded with a status of 500/];
/**
 * MSW's worker unregisters itself when its last page goes away (mockServiceWorker.js,
 * CLIENT_CLOSED). With one page reused per width, the next story's load can race that, and the
 * worker update MSW starts on load rejects for the registration being removed; the story
 * registers its worker again and renders from its handlers (its play function checks them).
 */
const mswUnregisterRace =
  /^Failed to update a ServiceWorker for scope \('[^']+'\) with script \('[^']+\/mockServiceWorker\.js'\): Not found\.?$/;
/**
 * Stories that show a 400 or 404 answer on purpose: "no such user", "not an identifier", and a
 * signed-in user who is not a member of the community yet (GET /members/me answers 404).
 */
const expectsClientError = (storyId: string) =>
  /--(not-found|invalid-identifier|not-member|not-a-member)$/.test(storyId);
const clientErrorConsole = /Failed to load resource: the server responded with a status of 40[04]/;

/** Phone and desktop: every story is shot at both, in both themes. */
const widths = [360, 1280] as const;
type Width = (typeof widths)[number];

let browser: Browser;
let storybook: Awaited<ReturnType<typeof serveStatic>>;
/** One page per width, reused by every story: a page per story made the suite slow. */
const pages = new Map<Width, Page>();
/** Console errors and uncaught page errors of each page since its last story started. */
const consoleErrors = new Map<Width, string[]>();
const pageErrors = new Map<Width, string[]>();
let currentStoryId = '';

beforeAll(async () => {
  [browser, storybook] = await Promise.all([launchChromium(), serveStatic(built)]);
  await mkdir(screenshots, { recursive: true });
  for (const width of widths) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    const uncaught: string[] = [];
    page.on('console', (message) => {
      if (
        message.type() === 'error' &&
        !expectedConsole.some((pattern) => pattern.test(message.text())) &&
        !(expectsClientError(currentStoryId) && clientErrorConsole.test(message.text()))
      ) {
        errors.push(message.text());
      }
    });
    page.on('pageerror', (error) => {
      if (!mswUnregisterRace.test(error.message)) uncaught.push(error.message);
    });
    pages.set(width, page);
    consoleErrors.set(width, errors);
    pageErrors.set(width, uncaught);
  }
});
afterAll(async () => {
  await browser?.close();
  await storybook?.close();
});

/**
 * Opens a story on the page of `width`, waits for its render and play function, checks its theme,
 * axe, the console and that it fits the width (no sideways page scroll), then takes a full-page
 * screenshot `<story id>--<theme>--<width>.png`.
 */
async function checkStory(story: { id: string }, theme: 'light' | 'dark', width: Width) {
  const page = pages.get(width)!;
  const errors = consoleErrors.get(width)!;
  const uncaught = pageErrors.get(width)!;
  errors.length = 0;
  uncaught.length = 0;
  await page.goto(`${storybook.url}/iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme}`);
  // Storybook's preview says when the story has rendered and its play function has finished.
  await page.waitForFunction(
    () => {
      const phase = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
        .__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return phase === 'finished' || phase === 'errored' || phase === 'aborted';
    },
    undefined,
    { timeout: 30_000 },
  );
  const phase = await page.evaluate(
    () =>
      (window as unknown as { __STORYBOOK_PREVIEW__: { currentRender: { phase: string } } })
        .__STORYBOOK_PREVIEW__.currentRender.phase,
  );
  expect(phase, `${width} px: story render / play`).toBe('finished');
  await page.waitForSelector('#storybook-root .podium-root');
  // A story may pin its own theme (Dark does); story globals win over the toolbar's.
  const pinned = await page.evaluate(
    () =>
      (
        window as unknown as {
          __STORYBOOK_PREVIEW__: { currentRender: { story?: { storyGlobals?: { theme?: string } } } };
        }
      ).__STORYBOOK_PREVIEW__.currentRender.story?.storyGlobals?.theme,
  );
  expect(await page.locator('.podium-root').first().getAttribute('data-theme')).toBe(pinned ?? theme);

  const violations = await axeViolations(page, '#storybook-root');
  expect(violations, `${width} px: axe`).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  // Unstyled stories leave layout to the host (no scroll box round the jobs table): not checked.
  if (!story.id.endsWith('--unstyled')) {
    expect(overflow, `${width} px: sideways page scroll`).toBeLessThanOrEqual(0);
  }
  expect([...errors, ...uncaught], `${width} px: console`).toEqual([]);
  // Images (avatars) decode asynchronously: shoot what a user sees, not a half-painted frame.
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode().catch(() => {}))));
  await page.screenshot({ path: `${screenshots}/${story.id}--${theme}--${width}.png`, fullPage: true });
}

describe('every story in the built Storybook, in Chromium', () => {
  it('has stories to check', () => {
    expect(stories.length).toBeGreaterThan(only ? 0 : 5);
  });

  describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
    it.each(stories.map((story) => [story.id, story] as const))(
      '%s renders, plays, fits 360 and 1280 px, and has no axe violations',
      async (_id, story) => {
        currentStoryId = story.id;
        // The two widths load side by side: two pages of one browser, so the suite takes half the time.
        const results = await Promise.allSettled(widths.map((width) => checkStory(story, theme, width)));
        const failed = results.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
      },
    );
  });
});

describe('the docs pages of the built Storybook, in Chromium', () => {
  it('has a docs page for every component and a Getting started page', () => {
    const titles = new Set(stories.map((story) => story.title));
    const documented = new Set(docs.map((entry) => entry.title));
    expect([...titles].filter((title) => !documented.has(title))).toEqual([]);
    expect(documented).toContain('Getting started');
  });

  it.each(docs.map((entry) => [entry.id, entry] as const))(
    '%s renders its page, live example and props, with no axe violations',
    async (_id, entry) => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${storybook.url}/iframe.html?id=${entry.id}&viewMode=docs`);
      // addon-docs' page: its first story block is the live example (a component's primary
      // story, Getting started's <Canvas>), answered by the story's MSW handlers; the modal's
      // primary story is its closed trigger.
      await page
        .locator('#storybook-docs .docs-story')
        .first()
        .locator(':is([data-state="ready"], [data-state="closed"])')
        .first()
        .waitFor({ timeout: 15_000 });
      if (entry.title === 'Getting started') {
        // The code blocks come a moment after the prose (their highlighter loads on its own), so
        // wait for each step rather than read the page once (a CI run read it before `npm install`).
        for (const step of [
          'Getting started with Podium',
          'npm install',
          'PodiumProvider',
          'podium-kit/hooks',
          'setupServer',
        ]) {
          await expect
            .poll(() => page.locator('#storybook-docs').innerText(), { timeout: 10_000 })
            .toContain(step);
        }
      } else {
        // Every prop has a description from its JSDoc; props with a default show it.
        const rows = await page
          .locator('#storybook-docs table.docblock-argstable tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => {
              const [name, description, defaultValue] = [...tr.querySelectorAll(':scope > td')];
              // The description's block, then the type's: a lone block is the type only.
              const block = description?.firstElementChild;
              return [
                name?.textContent?.trim() ?? '',
                block && block !== description?.lastElementChild ? (block.textContent?.trim() ?? '') : '',
                defaultValue?.textContent?.trim() ?? '',
              ];
            }),
          );
        expect(rows.length).toBeGreaterThan(3);
        expect(rows.filter(([, description]) => !description)).toEqual([]);
        expect(rows.find(([name]) => name === 'unstyled')?.[2]).toBe('false');
        expect(rows.some(([, description]) => description?.includes('@default'))).toBe(false);
      }
      // A docs page shows every story of its component, so the widget's named region repeats by
      // design (landmark-unique); each story alone passes every rule in the stories check above.
      // The other stories on the page may still be changing state (a skeleton giving way to its
      // content can make a preview box scroll for a moment): a violation must persist for three
      // seconds to count.
      let violations = await axeViolations(page, '#storybook-docs', ['landmark-unique']);
      for (let attempt = 0; violations.length > 0 && attempt < 6; attempt++) {
        await page.waitForTimeout(500);
        violations = await axeViolations(page, '#storybook-docs', ['landmark-unique']);
      }
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      await page.screenshot({ path: `${screenshots}/${entry.id}.png`, fullPage: true });
      await page.close();
    },
  );
});

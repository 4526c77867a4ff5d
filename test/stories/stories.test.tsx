import * as a11yAnnotations from '@storybook/addon-a11y/preview';
import { composeStories, setProjectAnnotations, type composeStory } from '@storybook/react-vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The preview's loader starts a service worker, which jsdom cannot run. Swap in a loader that
// applies each story's `parameters.msw` handlers to an msw/node server instead; vi.mock is hoisted,
// so the preview imported below already gets it.
vi.mock('msw-storybook-addon/csf3', () => import('./mswNodeLoader.js'));

import preview from '../../.storybook/preview.js';
import { server } from './mswNodeLoader.js';

type StoryModule = Parameters<typeof composeStories>[0];
type ComposedStory = ReturnType<typeof composeStory>;
type Report = { type: string; status: string; result?: unknown };
type AxeViolation = { id: string; help: string; nodes: { target: unknown[] }[] };

// The a11y addon's annotations run axe after each story, as in Storybook, with the preview's
// `a11y: { test: 'error' }`.
const annotations = setProjectAnnotations([a11yAnnotations, preview]);

// Globbed, not listed: a story added to any story file is tested without touching this file.
const storyFiles = import.meta.glob<StoryModule>('../../stories/**/*.stories.tsx', { eager: true });

beforeAll(async () => {
  // axe probes <canvas> for icon ligatures; jsdom has no canvas and logs "Not implemented" each time.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  // A request no story mocks is a broken story: fail loudly instead of reaching the network.
  server.listen({ onUnhandledRequest: 'error' });
  await annotations.beforeAll?.();
});
afterAll(() => server.close());

/**
 * The addon only throws on violations when Vitest runs it through its own Storybook plugin; here
 * it records them in `reporting`, so read them back. jsdom has no layout, so axe cannot judge
 * colour contrast here (it reports that as incomplete, not as a violation): the Chromium suite does.
 */
function a11yFailures(reports: readonly Report[]): string[] {
  return reports
    .filter((report) => report.type === 'a11y' && report.status === 'failed')
    .flatMap((report) => {
      const result = report.result as { violations?: AxeViolation[]; error?: unknown } | undefined;
      if (result?.error) return [`axe failed: ${String(result.error)}`];
      return (result?.violations ?? []).map(
        (violation) =>
          `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    });
}

it('finds the story files', () => {
  expect(Object.keys(storyFiles).length).toBeGreaterThan(0);
});

describe.each(Object.entries(storyFiles))('%s', (_file, module) => {
  const stories = Object.entries(composeStories(module)) as [string, ComposedStory][];

  it('exports stories', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  it.each(stories)(
    '%s renders, plays and has no axe violations',
    async (_name, Story) => {
      const canvasElement = document.createElement('div');
      document.body.append(canvasElement);
      try {
        // run() = loaders (MSW) + beforeEach + render + play + afterEach (axe), as in Storybook.
        await Story.run({ canvasElement });
        expect(canvasElement.querySelector('.podium-root')).not.toBeNull();
        expect(a11yFailures(Story.reporting.reports as Report[])).toEqual([]);
      } finally {
        canvasElement.remove();
      }
    },
    20_000,
  );
});

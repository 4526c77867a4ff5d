import { createPodiumHandlers, type PodiumHandlersOptions, type PodiumMocks } from '../../mocks/index.js';

/**
 * A story's (or a meta's) `parameters` that serve it its own `podium-kit/mocks` handler set,
 * e.g. `parameters: mocked({ scenario: 'empty' })`. The preview's MSW loader installs them.
 *
 * In a meta, spread it into an object literal: `parameters: { ...mocked({ ... }) }`. Storybook's
 * build adds the component's JSDoc as `parameters.docs` to the meta; when `parameters` is not an
 * object literal it adds a second `parameters` key, which replaces this one and every story of
 * the file runs without mocks (requests 404 in the built Storybook, while jsdom tests pass).
 */
export function mocked(options: PodiumHandlersOptions = {}) {
  return { msw: { handlers: createPodiumHandlers(options) } };
}

/**
 * For a story that steers its mocks from `play` (`setScenario('success')` before a Retry): serves
 * `mocks` and resets them before every visit, so a rerun starts from the same state whatever an
 * earlier visit left behind. Spread into the story: `{ ...withMocks(flaky), play }`.
 */
export function withMocks(mocks: PodiumMocks) {
  return {
    parameters: { msw: { handlers: mocks.handlers } },
    beforeEach: () => mocks.reset(),
  };
}

import { createPodiumHandlers, type PodiumHandlersOptions, type PodiumMocks } from '../../mocks/index.js';

/**
 * A story's (or a meta's) `parameters` that serve it its own `podium-kit/mocks` handler set,
 * e.g. `parameters: mocked({ scenario: 'empty' })`. The preview's MSW loader installs them.
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

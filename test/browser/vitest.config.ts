import { defineConfig } from 'vitest/config';

/**
 * The browser suite: real Chromium (Debian's, driven by playwright-core) against the built demo
 * and server. Run by `npm run test:browser` (which builds first) and by `.ci/run`.
 */
export default defineConfig({
  test: {
    name: 'browser',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

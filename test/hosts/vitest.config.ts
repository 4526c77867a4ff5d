import { defineConfig } from 'vitest/config';

/**
 * Real host apps on the packed tarball: each example under examples/ installs `podium` from
 * `npm pack`'s output (packed once, in the global setup), builds with its own toolchain, and is
 * served and opened in Chromium against the demo server. Run by `npm run test:hosts` and `.ci/run`.
 */
export default defineConfig({
  test: {
    name: 'hosts',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/hosts/**/*.test.ts'],
    globalSetup: ['test/hosts/globalSetup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Installing and building an example happens in beforeAll: a cold Next.js install + build is
    // about 1.5 minutes on 2 cores.
    hookTimeout: 600_000,
    // The examples' builds each want both cores; one at a time is faster and steadier.
    fileParallelism: false,
  },
});

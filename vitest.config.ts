import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Suites with their own vitest config (a real browser, host apps, the packed tarball). */
const separateSuites = ['test/browser/**', 'test/hosts/**', 'test/package/**', '**/node_modules/**'];

const core = fileURLToPath(new URL('./src/index.ts', import.meta.url));

/**
 * `npm test` runs three projects: Node tests (core, mocks, lint), the React layer with its stories (jsdom), and
 * the server on embedded PGlite. `npm run test:postgres` runs the server project again on Postgres.
 * The browser suite has its own config (test/browser/vitest.config.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // Tests sit by feature (test/<feature>/, test/shared/): plain .ts tests run in Node,
          // .tsx tests (React) in jsdom. The browser, hosts and package suites have their own configs.
          include: ['test/**/*.test.ts'],
          exclude: separateSuites,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          exclude: separateSuites,
          setupFiles: ['test/setup/jsdom.ts'],
        },
      },
      {
        resolve: { alias: { 'podium-kit/core': core } },
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

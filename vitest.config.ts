import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const core = fileURLToPath(new URL('./src/index.ts', import.meta.url));

/**
 * `npm test` runs three projects: the core (Node), the React layer with its stories (jsdom), and
 * the server on embedded PGlite. `npm run test:postgres` runs the server project again on Postgres.
 * The browser suite has its own config (test/browser/vitest.config.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/src/**/*.test.ts', 'test/contracts/**/*.test.ts', 'test/lint/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['test/hooks/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}', 'test/stories/**/*.test.{ts,tsx}', 'test/mocks/**/*.test.{ts,tsx}'],
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

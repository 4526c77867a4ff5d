import { defineConfig } from 'vitest/config';

/** Checks of the built package (`npm run build:lib` first). Run by `npm run test:package`. */
export default defineConfig({
  test: {
    name: 'package',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    // Import the built files as Node would, not through Vite's transform.
    server: { deps: { external: [/\/dist\//] } },
  },
});

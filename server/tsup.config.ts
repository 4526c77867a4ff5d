import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { dependencies = {} } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  dependencies?: Record<string, string>;
};

/**
 * One ESM build, flat in dist/ (`dist/index.js`, `dist/main.js`, `dist/cli.js` + shared chunks).
 * Flat matters: migrate.ts finds `../migrations/` and the CLI finds `../../examples/demo/dist/`
 * relative to the built file, the same as from `src/`.
 *
 * The core (`podium-kit/core`, mapped to ../src by tsconfig paths) is bundled: it is not a published
 * package of its own. The runtime dependencies stay external and are installed with the server.
 */
export default defineConfig({
  entry: { index: 'src/index.ts', main: 'src/main.ts', cli: 'src/cli.ts' },
  outDir: 'dist',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  splitting: true,
  sourcemap: true,
  noExternal: ['podium-kit/core'],
  external: Object.keys(dependencies),
  // Types of the library entry only; main and cli are programs.
  dts: {
    entry: { index: 'src/index.ts' },
    resolve: ['podium-kit/core'],
    compilerOptions: { ignoreDeprecations: '6.0' },
  },
  // cli.ts starts with `#!/usr/bin/env node`; esbuild keeps an entry's hashbang and tsup marks the
  // file executable. Nothing else gets one (a banner would also land in main.js and the chunks).
});

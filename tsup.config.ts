import { readFile, writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

/** Entries whose output must start with "use client" (they hold React context and hooks). */
const reactEntries = ['index', 'hooks'];

/**
 * One config with every entry, so shared code (the provider's context above all) is emitted once
 * in a shared chunk and `podium` and `podium-kit/hooks` see the same context. Splitting is on for CJS
 * too for the same reason.
 */
export default defineConfig({
  entry: {
    index: 'components/index.ts',
    hooks: 'hooks/index.ts',
    core: 'src/index.ts',
    mocks: 'mocks/index.ts',
    // Opt-in label packs: a host imports the languages it registers with the provider and ships
    // only those (plain string tables, no React).
    'locales/de': 'components/locales/de.ts',
    'locales/es': 'components/locales/es.ts',
    'locales/fr': 'components/locales/fr.ts',
    'locales/ja': 'components/locales/ja.ts',
  },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  splitting: true,
  // Rollup tree-shaking would strip directives again; esbuild's own is enough here.
  treeshake: false,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'msw', /^msw\//],
  // esbuild drops module directives from sources, so add it to the React entries afterwards
  // (not to `core` and `mocks`, which server code may import).
  async onSuccess() {
    for (const entry of reactEntries) {
      for (const ext of ['js', 'cjs']) {
        const file = `dist/${entry}.${ext}`;
        const code = await readFile(file, 'utf8');
        if (!code.startsWith('"use client"')) await writeFile(file, `"use client";\n${code}`);
      }
    }
  },
});

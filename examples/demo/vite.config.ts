import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The live demo is a host app like any other: it imports `podium` and `podium-kit/styles.css`.
 * Both are aliased to the sources so `npm start` builds one bundle without building the library
 * first; the packed-tarball examples (issue 3) check the published build instead.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: [
      { find: /^podium-kit\/styles\.css$/, replacement: repo('components/styles.css') },
      { find: /^podium-kit\/hooks$/, replacement: repo('hooks/index.ts') },
      { find: /^podium-kit\/locales\/(\w+)$/, replacement: `${repo('components/locales')}/$1.ts` },
      { find: /^podium-kit$/, replacement: repo('components/index.ts') },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: false },
  server: { proxy: { '/api': 'http://127.0.0.1:4000' } },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * A plain Vite host: nothing Podium-specific here. `podium` and `podium-kit/styles.css` resolve from
 * node_modules (the packed tarball), like any published package.
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: false },
});

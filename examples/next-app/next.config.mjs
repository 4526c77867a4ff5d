import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // This example lives inside the Podium repository, whose lock file would otherwise make Next
  // treat the repository root as the workspace root. The example is its own app.
  turbopack: { root: here },
  outputFileTracingRoot: here,
};

export default nextConfig;

import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
// @ts-expect-error -- a plain .mjs script without types; its JSDoc documents the shape.
import { pack } from '../../scripts/pack.mjs';
import type { PackedPodium } from './hostApp.js';

/**
 * Builds the library and packs it once for every host app (the same tarball `npm publish` would
 * upload), into .pack/ where the examples' `file:../../.pack/podium-kit.tgz` dependency points.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (!existsSync('server/dist/cli.js')) {
    throw new Error(
      "No built server in server/dist/: run 'npm run build:server' first (npm run test:hosts does).",
    );
  }
  const started = performance.now();
  // CI has just built the library (PODIUM_PREBUILT=1); on its own, test:hosts builds it first.
  const packed = (await pack({ build: process.env.PODIUM_PREBUILT !== '1' })) as PackedPodium;
  console.log(
    `Packed ${packed.tarball} (sha256 ${packed.sha256.slice(0, 12)}…) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  project.provide('podiumTarball', packed);
}

declare module 'vitest' {
  export interface ProvidedContext {
    podiumTarball: PackedPodium;
  }
}

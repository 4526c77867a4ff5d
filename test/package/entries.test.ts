import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const require = createRequire(import.meta.url);

/** What each entry must export: a public API that disappears should fail here, not in a host. */
const expected: Record<string, string[]> = {
  'podium-kit': [
    'JobStats',
    'StatsTab',
    'PodiumProvider',
    'useJobStats',
    'useUserStats',
    'useRecordJob',
    'createApiClient',
    'isPodiumApiError',
    'defaultLabels',
    'labelsForLocale',
    'pluralLabel',
    'Avatar',
    'LeaderboardAvatar',
  ],
  'podium-kit/hooks': [
    'PodiumProvider',
    'usePodium',
    'useJobStats',
    'useRecordJob',
    'useUserStats',
    'useUserStatsHistory',
    'useStatsLeaders',
    'createPodiumStore',
  ],
  'podium-kit/core': [
    'createApiClient',
    'getJobStats',
    'recordJob',
    'getUserStats',
    'getStatsLeaders',
    'computeUserStats',
    'userStatsResponseSchema',
    'parseIdentifier',
    'PodiumApiError',
    'jobStatsResponseSchema',
    'podiumKeys',
    'resolveRange',
  ],
  'podium-kit/mocks': [
    'createPodiumHandlers',
    'podiumHandlers',
    'createJobFixture',
    'createJobFixtures',
    'createJobStatsFixture',
    'createUserStatsFixture',
    'createLeaderboardFixture',
  ],
  'podium-kit/locales/de': ['de'],
  'podium-kit/locales/es': ['es'],
  'podium-kit/locales/fr': ['fr'],
  'podium-kit/locales/ja': ['ja'],
};

/** Every dist file an entry loads: the entry and the local chunks it imports, transitively. */
async function chunkGraph(entry: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    const code = await readFile(file, 'utf8');
    files.set(file, code);
    for (const [, chunk] of code.matchAll(/from ["']\.\/([^"']+)["']/g)) queue.push(`dist/${chunk}`);
  }
  return files;
}

describe('built entries', () => {
  it.each(Object.entries(expected))('%s exports its public API as ESM and CJS', async (name, names) => {
    const esm = (await import(/* @vite-ignore */ name)) as Record<string, unknown>;
    const cjs = require(name) as Record<string, unknown>;
    for (const exported of names) {
      expect(esm[exported], `${name} (ESM) ${exported}`).toBeDefined();
      expect(cjs[exported], `${name} (CJS) ${exported}`).toBeDefined();
    }
  });

  it('starts the React entries with "use client" and keeps it off the others', async () => {
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/hooks.js', 'dist/hooks.cjs']) {
      expect((await readFile(file, 'utf8')).split('\n')[0], file).toBe('"use client";');
    }
    for (const file of ['dist/core.js', 'dist/mocks.js']) {
      expect(await readFile(file, 'utf8'), file).not.toMatch(/^"use client"/);
    }
  });

  it('keeps React out of podium-kit/core and podium-kit/mocks', async () => {
    // Follow the local chunk graph from each entry and make sure no file on it imports React.
    for (const entry of ['dist/core.js', 'dist/mocks.js']) {
      for (const [file, code] of await chunkGraph(entry)) {
        expect(code, file).not.toMatch(/from ["'](react|react-dom|@tanstack\/react-query|zustand)["']/);
      }
    }
  });

  it('keeps the label packs out of the root entry: a host ships only the packs it imports', async () => {
    const { de } = (await import('podium-kit/locales/de')) as { de: Record<string, string> };
    for (const [file, code] of await chunkGraph('dist/index.js')) {
      expect(code, file).not.toContain(de.jobStatsTitle);
    }
  });

  it('shares one provider context between podium and podium-kit/hooks (CJS too)', () => {
    const root = require('podium-kit') as Record<string, unknown>;
    const hooks = require('podium-kit/hooks') as Record<string, unknown>;
    expect(root.PodiumContext).toBeDefined();
    expect(root.PodiumContext).toBe(hooks.PodiumContext);
  });

  it('ships the stylesheet it declares', async () => {
    const css = await readFile(pkg.exports['./styles.css'], 'utf8');
    expect(css).toContain('.podium-root');
  });
});

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a snippet as if it lived at `filePath`, with the repository's real config. */
async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['src/shared/x.ts', "import { useState } from 'react';"],
    ['src/jobs/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/jobs/x.ts', "import { usePodium } from '../../hooks/usePodium.js';"],
    ['hooks/jobs/useX.ts', "import { JobStats } from '../../components/jobs/JobStats.js';"],
    ['hooks/jobs/useX.ts', "import '../../components/styles.css';"],
    ['mocks/jobs/handlers.ts', "import { usePodium } from '../../hooks/usePodium.js';"],
    ['server/src/jobs/x.ts', "import { JobStats } from '../../../components/jobs/JobStats.js';"],
    ['components/shared/X.tsx', "import { JobStats } from '../jobs/JobStats.js';"],
    ['hooks/shared/x.ts', "import { useJobStats } from '../userStats/useUserStats.js';"],
    ['src/shared/x.ts', "import { jobSchema } from '../jobs/contract.js';"],
    ['mocks/shared/x.ts', "import { createJobFixture } from '../jobs/fixtures.js';"],
    ['components/X.tsx', "import { createApp } from '../server/src/app.js';"],
  ])('forbids %s -> %s', async (file, code) => {
    expect((await lintAs(file, `${code}\nexport {};\n`)).length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['components/jobs/X.tsx', "import { usePodium } from '../../hooks/usePodium.js';"],
    ['hooks/jobs/useX.ts', "import { getJobStats } from '../../src/jobs/api.js';"],
    ['server/src/jobs/x.ts', "import { jobSchema } from 'podium-kit/core';"],
    ['mocks/jobs/handlers.ts', "import { summarizeJobs } from '../../src/jobs/jobStats.js';"],
    ['components/jobs/X.tsx', "import { cx } from '../shared/cx.js';"],
    ['src/shared/x.ts', "import type { JobStatsQuery } from '../jobs/contract.js';"],
  ])('allows %s -> %s', async (file, code) => {
    expect(await lintAs(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});

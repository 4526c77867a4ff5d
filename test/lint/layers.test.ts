import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a snippet as if it lived at `filePath`, with the repository's real config. */
async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['src/logic/x.ts', "import { useState } from 'react';"],
    ['src/api/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/logic/x.ts', "import { usePodium } from '../../hooks/usePodium.js';"],
    ['hooks/useX.ts', "import { JobStats } from '../components/JobStats.js';"],
    ['hooks/useX.ts', "import '../components/styles.css';"],
    ['mocks/handlers.ts', "import { usePodium } from '../hooks/usePodium.js';"],
    ['server/src/routes/x.ts', "import { JobStats } from '../../../components/JobStats.js';"],
    ['components/X.tsx', "import { createApp } from '../server/src/app.js';"],
  ])('forbids %s -> %s', async (file, code) => {
    expect((await lintAs(file, `${code}\nexport {};\n`)).length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['components/X.tsx', "import { usePodium } from '../hooks/usePodium.js';"],
    ['hooks/useX.ts', "import { getJobStats } from '../src/api/jobs.js';"],
    ['server/src/routes/x.ts', "import { jobSchema } from 'podium-kit/core';"],
    ['mocks/handlers.ts', "import { summarizeJobs } from '../src/logic/jobStats.js';"],
  ])('allows %s -> %s', async (file, code) => {
    expect(await lintAs(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});

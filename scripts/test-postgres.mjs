#!/usr/bin/env node
// `npm run test:postgres`: the server suite again, on real Postgres (and real Redis when REDIS_URL
// is set). Each test file makes and drops its own schema. Fails, never skips, when Postgres is
// unreachable.
import { spawnSync } from 'node:child_process';

const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
console.log(
  `Server suite on ${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}${process.env.REDIS_URL ? ' and Redis' : ''}`,
);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'server'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: databaseUrl },
});
process.exit(result.status ?? 1);

#!/usr/bin/env node
/**
 * `podium-server [start|migrate|demo]`: the command-line entry (bin of the package). The
 * commands themselves live in runCli.ts; this file only wires them to the process.
 */
import { performance } from 'node:perf_hooks';
import { closeOnSignals } from './closeOnSignals.js';
import { consoleLogger } from './logger.js';
import { runCli } from './runCli.js';

// `npm start` passes when it began (before building), so "ready in" covers the whole start.
const launchedAt = Number(process.env.PODIUM_START_TIME);
const startedAt =
  Number.isFinite(launchedAt) && launchedAt > 0
    ? performance.now() - (Date.now() - launchedAt)
    : performance.now();

try {
  const result = await runCli(process.argv.slice(2), process.env, consoleLogger, startedAt);
  if (result.server) closeOnSignals(result.server, consoleLogger);
  else process.exitCode = result.exitCode;
} catch (error) {
  consoleLogger.error('podium-server failed to start:', { error });
  process.exitCode = 1;
}

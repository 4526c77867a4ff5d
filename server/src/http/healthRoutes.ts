import { healthRoute, type HealthCheck, type HealthResponse, type HealthStatus } from 'podium-kit/core';
import { Hono } from 'hono';
import type { Database } from '../db/Database.js';
import type { Logger } from '../logger.js';

/** What the health check needs from Redis (an ioredis client fits). */
export interface RedisPinger {
  ping(): Promise<unknown>;
}

/** One check of `GET /health`: a dependency or a feature's own state. */
export interface HealthCheckDefinition {
  /** The key in `checks`, `component:measurement`, e.g. `'database:responseTime'`. */
  key: string;
  componentId: string;
  /** @default 'datastore' */
  componentType?: string;
  /** What a failure makes the whole service: `fail` (503) or `warn` (degraded, 200). */
  failStatus: HealthStatus;
  /**
   * Runs the check (its latency is what the response reports); throws when it fails, with a
   * {@link HealthCheckFailure} when the message may be shown publicly.
   */
  run(signal: AbortSignal): Promise<unknown>;
  /** Figures reported with the check whatever its status (read after `run`). */
  details?(): Record<string, string | number | null>;
}

/** Options of {@link createHealthRoutes}. */
export interface HealthRoutesOptions {
  db: Database;
  /** Optional dependency: a failure degrades the service (`warn`) rather than failing it. */
  redis?: RedisPinger | undefined;
  /** The features' own checks (see `ServerFeature.healthChecks`). */
  checks?: readonly HealthCheckDefinition[];
  /** Time limit of each check, so a hung dependency cannot hang the endpoint. */
  timeoutMs: number;
  version: string;
  now: () => Date;
  logger: Logger;
}

interface CheckOutcome {
  ok: boolean;
  ms: number;
  output?: string;
}

/**
 * `GET /health` in the `application/health+json` format: `pass`, `warn` (200: an optional
 * dependency is down) or `fail` (503: the database is down), one check per dependency with its
 * latency. Outputs stay generic (the endpoint is public); the real errors go to the log.
 */
export function createHealthRoutes(options: HealthRoutesOptions): Hono {
  const routes = new Hono();

  routes.get(healthRoute, async (c) => {
    const time = options.now().toISOString();
    const checks: HealthCheckDefinition[] = [
      {
        key: 'database:responseTime',
        componentId: options.db.kind,
        failStatus: 'fail',
        run: () => options.db.query('SELECT 1'),
      },
    ];
    const redis = options.redis;
    if (redis)
      checks.push({
        key: 'redis:responseTime',
        componentId: 'redis',
        failStatus: 'warn',
        run: () => redis.ping(),
      });
    checks.push(...(options.checks ?? []));

    const outcomes = await Promise.all(
      checks.map((check) => runCheck(check.key, check.run, options.timeoutMs, options.logger)),
    );
    const entries: Record<string, HealthCheck[]> = {};
    checks.forEach((check, index) => {
      const outcome = outcomes[index]!;
      entries[check.key] = [
        {
          componentId: check.componentId,
          componentType: check.componentType ?? 'datastore',
          status: outcome.ok ? 'pass' : check.failStatus,
          observedValue: outcome.ms,
          observedUnit: 'ms',
          time,
          ...(outcome.output ? { output: outcome.output } : {}),
          ...(check.details ? { details: check.details() } : {}),
        },
      ];
    });

    const statuses = Object.values(entries).map((list) => list[0]!.status);
    const status: HealthStatus = statuses.includes('fail')
      ? 'fail'
      : statuses.includes('warn')
        ? 'warn'
        : 'pass';
    const body: HealthResponse = {
      status,
      version: options.version,
      serviceId: 'podium-server',
      description: 'Podium companion server',
      checks: entries,
    };
    return c.body(JSON.stringify(body), status === 'fail' ? 503 : 200, {
      'content-type': 'application/health+json',
      'cache-control': 'no-store',
    });
  });

  return routes;
}

/** Thrown by a check whose message is safe to show on the public health endpoint. */
export class HealthCheckFailure extends Error {
  override name = 'HealthCheckFailure';
}

/** Runs one check raced against the timeout; never throws. */
async function runCheck(
  name: string,
  run: (signal: AbortSignal) => Promise<unknown>,
  timeoutMs: number,
  logger: Logger,
): Promise<CheckOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Aborted on timeout, so a check that talks to the network stops instead of lingering.
  const controller = new AbortController();
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, ms: timeoutMs, output: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
  });
  const attempt = (async (): Promise<CheckOutcome> => {
    try {
      await run(controller.signal);
      return { ok: true, ms: elapsed() };
    } catch (error) {
      logger.warn(`Health check ${name} failed`, { error });
      // A check may throw a message meant for operators (`HealthCheckFailure`); others stay generic.
      const output = error instanceof HealthCheckFailure ? error.message : 'check failed';
      return { ok: false, ms: elapsed(), output };
    }
  })();
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

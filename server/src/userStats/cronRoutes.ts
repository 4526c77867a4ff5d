import { performance } from 'node:perf_hooks';
import {
  calculateUserStatsCronRoute,
  calculateUserStatsQuerySchema,
  errorCodes,
  parseIdentifier,
  type CalculateUserStatsResult,
  type TokenInfo,
  type UserStats,
} from 'podium-kit/core';
import { Hono, type Context } from 'hono';
import { requireCronSecret } from '../auth/guards.js';
import type { Database } from '../db/Database.js';
import { HttpError, invalidRequest } from '../errors.js';
import type { AppEnv } from '../http/AppEnv.js';
import { SubgraphError, type SubgraphClient } from '../indexer/index.js';
import type { Logger } from '../logger.js';
import {
  calculateSubjectFromIndexer,
  countSubjectKeys,
  listSubjectKeys,
} from './calculateSubjects.js';
import { forEachConcurrently } from './statsWorker.js';
import { errorMessage } from './userStatsRows.js';
import { createSqlUserStatsStore } from './userStatsStore.js';

/** Options of {@link createCronRoutes}. */
export interface CronRoutesOptions {
  db: Database;
  /** The subgraph client; without one (no `PODIUM_SUBGRAPH_URL`) the endpoint answers 503. */
  client: SubgraphClient | undefined;
  /** `CRON_SECRET`; without it every call is a 401. */
  cronSecret: string | undefined;
  /** Known payment tokens. @default defaultTokenList */
  tokens?: readonly TokenInfo[];
  /** The clock. @default () => new Date() */
  now?: () => Date;
  logger: Logger;
  /** Subjects of a batch calculated at the same time. @default 4 */
  concurrency?: number;
}

/** The answer for one subject (`?address=`). */
export interface CalculateOneSubjectResponse {
  /** Subject key: `user:<id>` or the address. */
  subject: string;
  /** Wallets the stats cover. */
  addresses: string[];
  stats: UserStats;
  /** Milliseconds. */
  duration: number;
}

/**
 * `GET|POST /cron/calculate-user-stats` (cron secret): recalculates user stats from the indexer.
 * With `address` (an address, a user id or a username) one subject, else one batch of every
 * subject in key order (`offset`, `batch`): call again with `nextOffset` until it is `null`.
 * A subject that fails is counted and named and does not stop the batch.
 */
export function createCronRoutes(options: CronRoutesOptions): Hono<AppEnv> {
  const { db, client, logger } = options;
  const now = options.now ?? (() => new Date());
  const concurrency = options.concurrency ?? 4;
  const calculation = { now, ...(options.tokens ? { tokens: options.tokens } : {}) };
  const store = createSqlUserStatsStore(db);
  const routes = new Hono<AppEnv>();

  const handler = async (c: Context<AppEnv>) => {
    const query = calculateUserStatsQuerySchema.parse(c.req.query());
    if (!client) {
      throw new HttpError(
        503,
        errorCodes.unavailable,
        'This Podium server has no PODIUM_SUBGRAPH_URL configured, so it cannot calculate user stats',
      );
    }
    const started = performance.now();
    client.startRun();

    if (query.address !== undefined) {
      const parsed = parseIdentifier(query.address);
      if (parsed.kind === 'invalid') throw invalidRequest('Invalid address', { address: [parsed.reason] });
      const subject = await store.resolveSubject(query.address);
      let result;
      try {
        result = await calculateSubjectFromIndexer(db, client, subject.key, calculation);
      } catch (error) {
        // Only the subgraph's failures are the indexer's; a database outage is mapped to 503 and a
        // bug to a plain 500 by errorResponse, without internals in the message.
        if (!(error instanceof SubgraphError)) throw error;
        logger.warn(`Stats calculation of ${subject.key} failed`, { error });
        throw new HttpError(503, errorCodes.unavailable, `The indexer failed: ${errorMessage(error)}`);
      }
      if (!result) throw new HttpError(404, errorCodes.notFound, `No subject "${query.address}"`);
      const body: CalculateOneSubjectResponse = {
        subject: result.subject.key,
        addresses: result.subject.addresses,
        stats: result.stats,
        duration: Math.round(performance.now() - started),
      };
      return c.json(body);
    }

    const [keys, total] = await Promise.all([
      listSubjectKeys(db, { offset: query.offset, limit: query.batch }),
      countSubjectKeys(db),
    ]);
    const result: CalculateUserStatsResult = {
      total: keys.length,
      successful: 0,
      failed: 0,
      errors: [],
      nextOffset: query.offset + keys.length < total && keys.length > 0 ? query.offset + keys.length : null,
      duration: 0,
    };
    await forEachConcurrently(keys, concurrency, async (key) => {
      try {
        await calculateSubjectFromIndexer(db, client, key, calculation);
        result.successful++;
      } catch (error) {
        result.failed++;
        result.errors.push({ subject: key, error: errorMessage(error) });
      }
    });
    result.errors.sort((a, b) => (a.subject < b.subject ? -1 : 1));
    result.duration = Math.round(performance.now() - started);
    logger.info(
      `Stats cron: ${result.successful} of ${result.total} subjects calculated (offset ${query.offset}) in ${result.duration} ms`,
      result.failed > 0 ? { errors: result.errors } : undefined,
    );
    return c.json(result);
  };

  // Per route rather than `use(path)`, so an unsupported method is a 404, not a 401.
  const secret = requireCronSecret(options.cronSecret);
  routes.get(calculateUserStatsCronRoute, secret, handler);
  routes.post(calculateUserStatsCronRoute, secret, handler);
  return routes;
}

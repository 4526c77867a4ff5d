import {
  daysInRange,
  jobStatsQuerySchema,
  jobStatsRoute,
  maxJobStatsRangeDays,
  recordJobBodySchema,
  resolveRange,
  errorCodes,
} from 'podium-kit/core';
import { Hono } from 'hono';
import { requireUser } from '../auth/guards.js';
import type { LivePublisher } from '../live/livePublisher.js';
import { HttpError, invalidRequest } from '../errors.js';
import type { AppEnv } from '../http/AppEnv.js';
import { createAnswerCache } from '../http/answerCache.js';
import { jsonWithEtag, matchesIfNoneMatch, strongEtag } from '../http/etag.js';
import { plainAnswer, plainJson } from '../http/plainAnswer.js';
import { readJsonBody } from '../http/readJsonBody.js';
import type { JobsStore } from './jobsStore.js';
import type { UserTokenVerifier } from '../auth/userTokens.js';
import { serverVersion } from '../version.js';

/** Options of {@link createJobsRoutes}. */
export interface JobsRoutesOptions {
  store: JobsStore;
  /** The app's user-token verifier. */
  userTokens: UserTokenVerifier;
  now: () => Date;
  /** Live updates: the user's private `jobs:` topic hears of each recorded job. */
  live?: LivePublisher | undefined;
}

const dayMs = 86_400_000;

/**
 * `PATCH /stats` records one of the signed-in user's jobs; `GET /stats` reads their statistics.
 * Both need the user's JWT.
 */
export function createJobsRoutes({ store, userTokens, now, live }: JobsRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // Per route rather than `use(path)`, so an unsupported method is a 404, not a 401.
  const user = requireUser(userTokens);
  // Answers by ETag (which names the user, the query and the jobs' version): a poll from a
  // client without a copy (a new tab) costs the version read only.
  const answers = createAnswerCache();

  routes.patch(jobStatsRoute, user, async (c) => {
    const body = recordJobBodySchema.parse(await readJsonBody(c));
    const job = await store.recordJob(c.var.userId, body, now());
    // Another user's job answers like a missing one: job ids must not leak across users.
    if (!job) throw new HttpError(404, errorCodes.notFound, `You have no job "${body.job_id}"`);
    live?.publish([{ kind: 'jobs', subject: c.var.userId }]);
    return c.json(job);
  });

  routes.get(jobStatsRoute, user, async (c) => {
    const params = jobStatsQuerySchema.parse(c.req.query());
    const range = resolveRange({ from: params.from, to: params.to, timeZone: params.tz }, now());
    if (range.end.getTime() <= range.start.getTime()) {
      throw invalidRequest('The range is empty', { from: ['must be before to'] });
    }
    // Bound the span by milliseconds first so an absurd range never builds a huge list of days.
    if (
      range.end.getTime() - range.start.getTime() > (maxJobStatsRangeDays + 1) * dayMs ||
      daysInRange(range).length > maxJobStatsRangeDays
    ) {
      throw invalidRequest('The range is too long', {
        to: [`must be at most ${maxJobStatsRangeDays} days after from`],
      });
    }
    const read = () => store.getJobStats(c.var.userId, { range, limit: params.limit, cursor: params.cursor });
    // Private to the user (a shared cache must not keep it); revalidated with the ETag.
    const cacheControl = 'private, no-cache';
    if (!store.getJobsVersion) return jsonWithEtag(c, await read(), { 'Cache-Control': cacheControl });

    // Decided before the summary is computed: the user's jobs' change count and the query.
    const etag = strongEtag(
      JSON.stringify([
        serverVersion,
        c.var.userId,
        range.start.toISOString(),
        range.end.toISOString(),
        range.timeZone,
        params.limit,
        params.cursor ?? null,
        await store.getJobsVersion(c.var.userId),
      ]),
    );
    const headers = { 'Cache-Control': cacheControl, ETag: etag };
    if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) return plainAnswer(c, 304, null, headers);
    let json = answers.get(etag);
    if (json === undefined) {
      // Read after the version: the answer is at least as new as the tag says.
      json = JSON.stringify(await read());
      answers.set(etag, json);
    }
    return plainJson(c, json, headers);
  });

  return routes;
}

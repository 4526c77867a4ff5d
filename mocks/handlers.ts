import { errorResponse, invalidResponse, validationErrorResponse } from './shared/errorResponses.js';
import { readMockJsonBody } from './shared/readMockJsonBody.js';
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { $ZodError } from 'zod/v4/core';
import { errorCodes } from '../src/shared/errors.js';
import {
  jobStatsQuerySchema,
  jobStatsRoute,
  maxJobStatsRangeDays,
  recordJobBodySchema,
  type Job,
} from '../src/jobs/contract.js';
import { mergeJobUpdate } from '../src/jobs/jobStats.js';
import { daysInRange, resolveRange } from '../src/shared/periods.js';
import {
  buildJobStatsResponse,
  decodeJobsCursor,
  jobStatsScenarios,
  type JobStatsScenarioName,
} from './jobs/fixtures.js';
import {
  createLeaderboardHandlers,
  type LeaderboardLiveOptions,
  type LeaderboardScenarioName,
} from './sellerBoards/handlers.js';
import type { LeaderboardSeller, LeaderboardValueKey } from './sellerBoards/fixtures.js';
import { createUserStatsHandlers } from './userStats/handlers.js';
import { createScoringHandlers, type ScoringScenarioName } from './scoring/handlers.js';
import type { ScoringFixtureUser, ScoringWorld } from './scoring/fixtures.js';
import type { ReferralWorld } from './referrals/fixtures.js';
import { createReferralHandlers } from './referrals/handlers.js';
import { createLiveHandlers } from './live/handlers.js';
import type { ScoreEventInput } from '../src/scoring/contract.js';
import type { ScoringRules } from '../src/scoring/rules.js';
import type { UserStatsScenarioName } from './userStats/fixtures.js';
import type { UserStatsResponse } from '../src/userStats/contract.js';

const DAY_MS = 86_400_000;

/**
 * How the mock server answers:
 * - `success`, `empty`, `partial`, `largeNumbers`: data sets from `jobStatsScenarios`;
 * - `slow`: the `success` data after a delay (`delayMs`, 1500 ms by default);
 * - `error`: every request answers 500 in the error shape (see `errorCount` to recover);
 * - `loading`: requests never resolve, for loading states;
 * - user stats only (jobs serve `success`): `pending` answers `GET /user/:identifier/stats` with
 *   202 `pendingResponses` times, then 200; `stale` and `refreshFailed` serve old figures.
 *   `partial` serves the `success` user stats.
 * - leaderboards and seller dashboards serve `success`, `empty` or `largeNumbers` data (every
 *   other scenario serves `success` once it answers); see `live` for a board that changes.
 * - points and achievements (`/scores`) serve the 40-day history (`success`) or no events at all
 *   (`empty`); every other scenario serves the history once it answers.
 */
export type PodiumMockScenario =
  | 'success'
  | 'empty'
  | 'partial'
  | 'largeNumbers'
  | 'slow'
  | 'error'
  | 'loading'
  | 'pending'
  | 'stale'
  | 'refreshFailed';

/** Options of {@link createPodiumHandlers} and {@link createPodiumMocks}. */
export interface PodiumHandlersOptions {
  /**
   * The API base the host points `PodiumProvider` at: a path such as `/api` (matched on any
   * origin, in a browser and in Node) or an absolute URL such as `http://localhost:4000/api`
   * (matched only there).
   * @default '/api'
   */
  baseUrl?: string;
  /** What the mock server answers. @default 'success' */
  scenario?: PodiumMockScenario;
  /** Added to every answer, in milliseconds. @default 1500 for `slow`, else 0 */
  delayMs?: number;
  /**
   * A fixed "now" for the stored jobs, default ranges and new records. Leave unset in a prototype
   * (the real clock); set it in tests that need exact dates.
   */
  now?: Date;
  /** Seed of the scenario's generated jobs. @default the scenario's own seed */
  seed?: number;
  /** Start with these jobs instead of the scenario's data. */
  jobs?: readonly Job[];
  /**
   * In the `error` scenario, how many requests fail before the mock recovers and serves the
   * `success` data: `1` shows an error whose retry succeeds.
   * @default Infinity
   */
  errorCount?: number;
  /** Serve this `GET /user/:identifier/stats` body (its subject is the known user) instead of the scenario's. */
  userStats?: UserStatsResponse;
  /** In the `pending` scenario, how many stats requests answer 202 before the 200. @default 2 */
  pendingResponses?: number;
  /** `retryAfterSeconds` (and `Retry-After`) of each 202. @default 2 */
  retryAfterSeconds?: number;
  /**
   * Make the seller board change over time: every poll (a request with `If-None-Match`) moves
   * the user (`u_alice` unless `{ userId }`) up one place on the board it asks for.
   * @default false
   */
  live?: boolean | LeaderboardLiveOptions;
  /** Serve these sellers on the boards and dashboards instead of the scenario's. */
  leaderboardSellers?: readonly LeaderboardSeller[];
  /**
   * The scoring rules the mock engine runs with and `GET /scores/rules` serves.
   * @default defaultScoringRules
   */
  scoringRules?: ScoringRules;
  /**
   * Start the points world from these events (applied in order, as if recorded when each
   * occurred) instead of the generated 40-day history; `[]` for a world without events.
   */
  scoringEvents?: readonly ScoreEventInput[];
  /** The points players (names, avatars, time zones). @default createScoringUsers() */
  scoringUsers?: readonly ScoringFixtureUser[];
  /** How many days back an event's `occurredAt` may be (`PODIUM_SCORES_BACKDATE_DAYS`). @default 30 */
  scoresBackdateDays?: number;
}

/** A handler set together with its in-memory store. */
export interface PodiumMocks {
  /** The MSW handlers, for `setupWorker(...)`, `setupServer(...)` or `server.use(...)`. */
  handlers: RequestHandler[];
  /** The stored jobs right now (a copy). */
  jobs(): Job[];
  /**
   * Switches how the live handlers answer (`error`, `loading`, `slow`, ...) while keeping the
   * stored jobs: e.g. recover from `error` before a story's play function clicks "Retry".
   */
  setScenario(scenario: PodiumMockScenario): void;
  /** Moves a seller (`u_alice` by default) up one place on a board (`sales:month` by default) now. */
  bumpLeaderboard(userId?: string, key?: LeaderboardValueKey): void;
  /**
   * The points world the `/scores` handlers answer from (the current scenario's): record events
   * (`scoringWorld().record([...])`), revoke them, or read a board, a score or the ledger.
   */
  scoringWorld(): ScoringWorld;
  /** The referral world (creator, members, 30 days of shares, clicks and conversions) the referral handlers answer from and derive their analytics from. */
  referralWorld(): ReferralWorld;
  /** Puts the store, the scenario and the `errorCount` budget back to how the handlers started. */
  reset(): void;
}

/**
 * The prefix of every handler path. An absolute URL is used as is. A relative one gets MSW's
 * leading `*`, so it matches on any origin: in a browser MSW would resolve `/api` against
 * `location`, but Node (msw/node in a host's tests, SSR) has no location and would match nothing.
 */
function handlerBase(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed)
    ? trimmed
    : `*${trimmed && !trimmed.startsWith('/') ? '/' : ''}${trimmed}`;
}

/**
 * Creates MSW handlers for `GET` and `PATCH {baseUrl}/stats` together with their store, so a
 * story or test can inspect the jobs or reset them (`beforeEach: () => mocks.reset()`).
 */
export function createPodiumMocks(options: PodiumHandlersOptions = {}): PodiumMocks {
  const scenario = options.scenario ?? 'success';
  const baseUrl = handlerBase(options.baseUrl ?? '/api');
  const url = `${baseUrl}${jobStatsRoute}`;
  let behaviour = scenario;
  const delayMs = () => options.delayMs ?? (behaviour === 'slow' ? 1500 : 0);
  const clock = () => options.now ?? new Date();
  // Creating the data when the handlers are created (not at import) keeps it relative to today.
  const createdAt = clock();

  const initialJobs = (): Job[] => {
    if (options.jobs) return options.jobs.map((job) => ({ ...job }));
    const data = dataScenario(scenario);
    return jobStatsScenarios[data].createJobs({ now: createdAt, seed: options.seed });
  };

  let store = new Map<string, Job>();
  let failuresLeft = 0;
  const userStats = createUserStatsHandlers({
    baseUrl,
    clock,
    scenario: () => userStatsScenario(behaviour),
    throttle: () => throttle(),
    userStats: options.userStats,
    pendingResponses: options.pendingResponses ?? 2,
    retryAfterSeconds: options.retryAfterSeconds ?? 2,
  });
  const leaderboards = createLeaderboardHandlers({
    baseUrl,
    clock,
    scenario: () => leaderboardScenario(behaviour),
    throttle: () => throttle(),
    sellers: options.leaderboardSellers,
    live: options.live,
  });
  const scoring = createScoringHandlers({
    baseUrl,
    clock,
    scenario: () => scoringScenario(behaviour),
    throttle: () => throttle(),
    rules: options.scoringRules,
    events: options.scoringEvents,
    users: options.scoringUsers,
    backdateDays: options.scoresBackdateDays,
  });
  // `empty`: the user is no member (GET /members/me answers 404); every other scenario has members.
  const referrals = createReferralHandlers({
    baseUrl,
    clock,
    scenario: () => (behaviour === 'empty' ? 'empty' : 'success'),
    throttle: () => throttle(),
  });
  const reset = () => {
    store = new Map(initialJobs().map((job) => [job.job_id, job]));
    failuresLeft = options.errorCount ?? Number.POSITIVE_INFINITY;
    behaviour = scenario;
    userStats.reset();
    leaderboards.reset();
    scoring.reset();
    referrals.reset();
  };
  reset();

  /** Shared front of every handler: latency and failure scenarios. */
  async function throttle(): Promise<Response | undefined> {
    if (behaviour === 'loading') await delay('infinite');
    const wait = delayMs();
    if (wait > 0) await delay(wait);
    if (behaviour === 'error' && failuresLeft > 0) {
      failuresLeft -= 1;
      return errorResponse(500, errorCodes.internal, 'The Podium mock server is in its error scenario');
    }
    return undefined;
  }

  /** Front of the job handlers: the shared one, then authentication. */
  async function gate(request: Request): Promise<Response | undefined> {
    const stopped = await throttle();
    if (stopped) return stopped;
    if (!/^Bearer\s+\S+\s*$/i.test(request.headers.get('authorization') ?? '')) {
      return errorResponse(
        401,
        errorCodes.unauthorized,
        'Missing user token: send "Authorization: Bearer <JWT signed by your app>"',
      );
    }
    return undefined;
  }

  const getStats = http.get(url, async ({ request }) => {
    const denied = await gate(request);
    if (denied) return denied;

    const search = new URL(request.url).searchParams;
    const raw: Record<string, string> = {};
    for (const key of ['from', 'to', 'tz', 'limit', 'cursor'] as const) {
      const value = search.get(key);
      if (value !== null) raw[key] = value;
    }
    const parsed = jobStatsQuerySchema.safeParse(raw);
    if (!parsed.success) return validationError(parsed.error);
    const params = parsed.data;

    const range = resolveRange({ from: params.from, to: params.to, timeZone: params.tz }, clock());
    // Same checks, messages and fields as the server's route.
    if (range.end.getTime() <= range.start.getTime()) {
      return invalidResponse('The range is empty', { from: ['must be before to'] });
    }
    if (
      range.end.getTime() - range.start.getTime() > (maxJobStatsRangeDays + 1) * DAY_MS ||
      daysInRange(range).length > maxJobStatsRangeDays
    ) {
      return invalidResponse('The range is too long', {
        to: [`must be at most ${maxJobStatsRangeDays} days after from`],
      });
    }
    const cursor = params.cursor === undefined ? undefined : decodeJobsCursor(params.cursor);
    if (params.cursor !== undefined && !cursor) {
      return invalidResponse('The cursor is not valid', {
        cursor: ['is not a nextCursor from a previous response'],
      });
    }
    return HttpResponse.json(buildJobStatsResponse([...store.values()], range, params, cursor));
  });

  const recordJob = http.patch(url, async ({ request }) => {
    const denied = await gate(request);
    if (denied) return denied;

    const read = await readMockJsonBody(request);
    if (read instanceof Response) return read;
    const payload = read.value;
    const parsed = recordJobBodySchema.safeParse(payload);
    if (!parsed.success) return validationError(parsed.error);
    const body = parsed.data;

    const current = store.get(body.job_id);
    // Forward only, like the server: the larger count wins, the status only advances, a
    // terminal job never changes, and an update that changes nothing answers the stored job.
    const { job: next, changed } = mergeJobUpdate(current, body, clock());
    if (!changed) return HttpResponse.json(next);
    // The body alone may omit requested_count; the merged record must still add up. Fields and
    // messages are the server's (its database check constraint, mapped to a 400).
    const outcomes = next.successful_count + next.failed_count;
    if (!current && body.requested_count === undefined && outcomes > 0) {
      const orphanMessage = `successful_count + failed_count (${outcomes}) exceeds requested_count (0) of a new job`;
      return invalidResponse(orphanMessage, {
        requested_count: ['is required when a new job reports outcomes'],
        ...(body.successful_count !== undefined ? { successful_count: [orphanMessage] } : {}),
        ...(body.failed_count !== undefined ? { failed_count: [orphanMessage] } : {}),
      });
    }
    if (outcomes > next.requested_count) {
      const message =
        'successful_count + failed_count would exceed requested_count once merged with the stored job';
      const countFields = ['requested_count', 'successful_count', 'failed_count'] as const;
      // Like the server, name the count fields the caller sent.
      const sent = countFields.filter((field) => body[field] !== undefined);
      return invalidResponse(
        message,
        Object.fromEntries((sent.length > 0 ? sent : countFields).map((field) => [field, [message]])),
      );
    }
    store.set(next.job_id, next);
    return HttpResponse.json(next);
  });

  return {
    handlers: [
      getStats,
      recordJob,
      ...userStats.handlers,
      ...leaderboards.handlers,
      ...scoring.handlers,
      ...referrals.handlers,
      ...createLiveHandlers({ baseUrl, clock }),
    ],
    jobs: () => [...store.values()].map((job) => ({ ...job })),
    setScenario: (next) => {
      behaviour = next;
    },
    bumpLeaderboard: (userId, key) => leaderboards.bump(userId, key),
    scoringWorld: () => scoring.world(),
    referralWorld: () => referrals.world(),
    reset,
  };
}

/**
 * MSW request handlers that stand in for the Podium server's job statistics endpoints
 * (`GET` and `PATCH {baseUrl}/stats`) and its user-stats endpoints (`GET {baseUrl}/user/:identifier/stats`,
 * `.../stats/history`, `.../transactions.csv`, `GET {baseUrl}/stats/leaders`; see `createUserStatsHandlers`)
 * and its seller boards (`GET {baseUrl}/leaderboards/sellers` with ETag/304 and `around`,
 * `GET {baseUrl}/sellers/:id/dashboard`; see `createLeaderboardHandlers`) and its points and
 * achievements (`{baseUrl}/scores/...`, computed by the real scoring engine over a 40-day
 * history; see `createScoringHandlers`). They behave like the server: an in-memory store per
 * handler set, the contract's validation with the server's error shape, bearer-token auth (any
 * token is the same mock user), forward-only jobs (`mergeJobUpdate`), keyset pagination.
 *
 * @example
 * // Browser (prototype or Storybook), after `npx msw init public`:
 * import { setupWorker } from 'msw/browser';
 * import { createPodiumHandlers } from 'podium-kit/mocks';
 * await setupWorker(...createPodiumHandlers({ scenario: 'partial' })).start();
 *
 * @example
 * // Node (tests):
 * import { setupServer } from 'msw/node';
 * const server = setupServer(...createPodiumHandlers({ baseUrl: 'http://localhost:4000/api' }));
 * server.listen();
 */
export function createPodiumHandlers(options: PodiumHandlersOptions = {}): RequestHandler[] {
  return createPodiumMocks(options).handlers;
}

/** Handlers with the defaults (`/api`, `success` data): `setupWorker(...podiumHandlers)`. */
export const podiumHandlers: RequestHandler[] = createPodiumHandlers();

function userStatsScenario(scenario: PodiumMockScenario): UserStatsScenarioName | 'pending' {
  switch (scenario) {
    case 'empty':
    case 'largeNumbers':
    case 'pending':
    case 'stale':
    case 'refreshFailed':
      return scenario;
    default:
      return 'success';
  }
}

function leaderboardScenario(scenario: PodiumMockScenario): LeaderboardScenarioName {
  return scenario === 'empty' || scenario === 'largeNumbers' ? scenario : 'success';
}

function scoringScenario(scenario: PodiumMockScenario): ScoringScenarioName {
  return scenario === 'empty' ? 'empty' : 'success';
}

function dataScenario(scenario: PodiumMockScenario): JobStatsScenarioName {
  switch (scenario) {
    case 'empty':
    case 'partial':
    case 'largeNumbers':
      return scenario;
    default:
      // slow, error (once it recovers) and loading (should it ever answer) serve the success data.
      return 'success';
  }
}

/** Zod issues as the server's `details.fields`, with the same shared mapping the server uses. */
function validationError(error: $ZodError): Response {
  return validationErrorResponse(error.issues);
}

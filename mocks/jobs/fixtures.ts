import {
  defaultJobsPageSize,
  jobStatsQuerySchema,
  type Job,
  type JobStatsParams,
  type JobStatsQuery,
  type JobStatsResponse,
  type JobStatus,
} from '../../src/jobs/contract.js';
import { dailyJobSeries, isTerminalStatus, jobsInRange, summarizeJobs } from '../../src/jobs/jobStats.js';
import { resolveRange, type ResolvedRange } from '../../src/shared/periods.js';
import { createSeededRandom } from '../../src/shared/random.js';

/**
 * Typed fixtures for job statistics (design note 002), built on the contract types and computed
 * with the same core logic the server is checked against, so a fixture can never disagree with
 * what a real server would answer for the same jobs.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The instant {@link createJobFixture} dates its job at unless told otherwise. */
export const defaultJobFixtureDate = '2025-01-15T09:30:00.000Z';

/**
 * One job, valid against `jobSchema`. Fields not given are filled so that the job is consistent
 * with its status: a finished job has outcomes that add up to its requested count and a
 * `completed_at`; a pending one has no outcomes and no `completed_at`.
 *
 * @example createJobFixture({ status: 'failed', requested_count: 3 })
 */
export function createJobFixture(overrides: Partial<Job> = {}): Job {
  const status: JobStatus = overrides.status ?? 'completed';
  const requested = overrides.requested_count ?? 10;
  const createdAt = overrides.created_at ?? defaultJobFixtureDate;
  const finished = isTerminalStatus(status);
  const defaultOutcomes: Record<JobStatus, [number, number]> = {
    pending: [0, 0],
    processing: [Math.floor(requested / 2), 0],
    completed: [requested - Math.floor(requested / 10), Math.floor(requested / 10)],
    failed: [0, requested],
  };
  const [successful, failed] = defaultOutcomes[status];
  const updatedAt =
    overrides.updated_at ??
    (status === 'pending' ? createdAt : new Date(Date.parse(createdAt) + 5 * MINUTE_MS).toISOString());
  return {
    job_id: 'job-0001',
    requested_count: requested,
    successful_count: successful,
    failed_count: failed,
    status,
    created_at: createdAt,
    updated_at: updatedAt,
    completed_at: finished ? updatedAt : null,
    ...overrides,
  };
}

/** Options of {@link createJobFixtures}. */
export interface JobFixturesOptions {
  /** How many jobs to create. */
  count: number;
  /** Seed of the generator: the same seed, `now` and options always give the same jobs. @default 1 */
  seed?: number;
  /** The "current" instant the jobs are dated back from. @default new Date() */
  now?: Date;
  /** Jobs are spread over this many days before `now`. @default 30 */
  days?: number;
  /** Prefix of every `job_id`, so that the fixtures of several users never collide. @default 'job' */
  userLabel?: string;
  /**
   * How many of the newest jobs are still `pending` or `processing` (created in the last two
   * hours). The others are finished, like a real history where only recent work is in flight.
   * @default 0
   */
  inFlight?: number;
  /** Smallest and largest `requested_count`. @default [1, 50] */
  requestedRange?: readonly [min: number, max: number];
  /** Share of finished jobs that end `failed` rather than `completed`, 0 to 1. @default 0.15 */
  failureRate?: number;
}

/**
 * `count` deterministic jobs spread over the `days` before `now`, newest first. Uses
 * `createSeededRandom`, so tests and stories get the same data on every machine.
 */
export function createJobFixtures(options: JobFixturesOptions): Job[] {
  const {
    count,
    seed = 1,
    now = new Date(),
    days = 30,
    userLabel = 'job',
    inFlight = 0,
    requestedRange = [1, 50],
    failureRate = 0.15,
  } = options;
  const random = createSeededRandom(seed);
  const nowMs = now.getTime();
  const span = Math.max(1, days * DAY_MS - MINUTE_MS);
  // Draw every creation time first so the in-flight jobs can be the newest ones.
  const ages = Array.from({ length: count }, () => MINUTE_MS + Math.floor(random.next() * span));
  ages.sort((a, b) => a - b);

  return ages.map((age, index): Job => {
    const stillRunning = index < inFlight;
    // In-flight work is recent in a real history; keep it inside the last two hours.
    const ageMs = stillRunning ? Math.min(age, MINUTE_MS + Math.floor(random.next() * 2 * HOUR_MS)) : age;
    const createdMs = nowMs - ageMs;
    const requested = random.int(requestedRange[0], requestedRange[1]);
    const status: JobStatus = stillRunning
      ? random.pick(['pending', 'processing'] as const)
      : random.next() < failureRate
        ? 'failed'
        : 'completed';

    let successful = 0;
    let failed = 0;
    if (status === 'processing') {
      successful = random.int(0, Math.floor(requested / 2));
      failed = random.int(0, Math.floor((requested - successful) / 4));
    } else if (status === 'completed') {
      failed = random.int(0, Math.floor(requested / 8));
      successful = requested - failed;
    } else if (status === 'failed') {
      successful = random.int(0, Math.floor(requested / 4));
      failed = requested - successful;
    }

    const duration = status === 'pending' ? 0 : random.int(30_000, 2 * HOUR_MS);
    const updatedMs = Math.min(createdMs + duration, nowMs);
    const updatedAt = new Date(updatedMs).toISOString();
    return {
      job_id: `${userLabel}-${String(index + 1).padStart(4, '0')}`,
      requested_count: requested,
      successful_count: successful,
      failed_count: failed,
      status,
      created_at: new Date(createdMs).toISOString(),
      updated_at: updatedAt,
      completed_at: isTerminalStatus(status) ? updatedAt : null,
    };
  });
}

/** Options of {@link createJobStatsFixture}. */
export interface JobStatsFixtureOptions {
  /** Every job of the user; the range picks its own. */
  jobs: readonly Job[];
  /** The query, as a caller passes it to `GET /stats`. Invalid values throw. @default {} */
  query?: JobStatsQuery;
  /** "Today", for the default range. @default new Date() */
  now?: Date;
}

/**
 * The `GET /stats` response a server holding `jobs` answers to `query` at `now`: totals, per-day
 * series and one page of jobs with its `nextCursor`, computed with the core logic
 * (`resolveRange`, `summarizeJobs`, `dailyJobSeries`, `jobsInRange`).
 */
export function createJobStatsFixture({
  jobs,
  query = {},
  now = new Date(),
}: JobStatsFixtureOptions): JobStatsResponse {
  const params = jobStatsQuerySchema.parse(query);
  const range = resolveRange({ from: params.from, to: params.to, timeZone: params.tz }, now);
  const cursor = params.cursor === undefined ? undefined : decodeJobsCursor(params.cursor);
  if (params.cursor !== undefined && cursor === undefined)
    throw new Error(`Invalid cursor: ${params.cursor}`);
  return buildJobStatsResponse(jobs, range, params, cursor);
}

/** Where a page starts: after `skip` jobs created at `createdAtMs`, and everything newer. */
export interface JobsCursor {
  createdAtMs: number;
  skip: number;
}

/**
 * Encodes a keyset cursor. Keyed on the creation instant plus an offset inside that instant,
 * rather than on `job_id`, because a 200-character `job_id` would overflow the 200-character
 * cursor limit of the query.
 */
export function encodeJobsCursor(cursor: JobsCursor): string {
  return base64url(`v1:${cursor.createdAtMs}:${cursor.skip}`);
}

/** Decodes a cursor from {@link encodeJobsCursor}; `undefined` when it is not one. */
export function decodeJobsCursor(value: string): JobsCursor | undefined {
  let text: string;
  try {
    text = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const match = /^v1:(\d{1,15}):(\d{1,9})$/.exec(text);
  if (!match) return undefined;
  return { createdAtMs: Number(match[1]), skip: Number(match[2]) };
}

/**
 * Assembles the response for an already validated query and resolved range. Shared by
 * {@link createJobStatsFixture} and the MSW handlers, which validate first so that they can
 * answer 400 instead of throwing.
 */
export function buildJobStatsResponse(
  jobs: readonly Job[],
  range: ResolvedRange,
  params: Pick<JobStatsParams, 'limit'> & { tz?: string },
  cursor?: JobsCursor,
): JobStatsResponse {
  const limit = params.limit ?? defaultJobsPageSize;
  const ordered = jobsInRange(jobs, range);
  let start = 0;
  if (cursor) {
    // Newest first: skip everything newer than the cursor's instant, then `skip` jobs at it.
    while (start < ordered.length && Date.parse(ordered[start]!.created_at) > cursor.createdAtMs) start += 1;
    let skipped = 0;
    while (
      skipped < cursor.skip &&
      start < ordered.length &&
      Date.parse(ordered[start]!.created_at) === cursor.createdAtMs
    ) {
      start += 1;
      skipped += 1;
    }
  }
  const page = ordered.slice(start, start + limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (last && start + limit < ordered.length) {
    const lastMs = Date.parse(last.created_at);
    // Count every job at the last instant up to and including the page's end.
    let skip = 0;
    for (let i = start + page.length - 1; i >= 0 && Date.parse(ordered[i]!.created_at) === lastMs; i -= 1)
      skip += 1;
    nextCursor = encodeJobsCursor({ createdAtMs: lastMs, skip });
  }
  return {
    range: { from: range.start.toISOString(), to: range.end.toISOString(), tz: params.tz ?? range.timeZone },
    totals: summarizeJobs(jobs, range),
    series: dailyJobSeries(jobs, range),
    jobs: page,
    nextCursor,
  };
}

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Options every scenario's jobs are created with. */
export interface JobStatsScenarioOptions {
  /** "Today"; jobs are dated back from it. @default new Date() */
  now?: Date;
  /** Seed of the generator. Each scenario has its own default. */
  seed?: number;
}

/** A named, ready-made data set for `GET /stats`: its jobs, and the response they produce. */
export interface JobStatsScenario {
  /** What the scenario shows, for docs and story descriptions. */
  description: string;
  /** The scenario's jobs, dated back from `now`. */
  createJobs(options?: JobStatsScenarioOptions): Job[];
  /** The `GET /stats` response for these jobs (default query: the last 30 days, UTC). */
  createResponse(options?: JobStatsScenarioOptions & { query?: JobStatsQuery }): JobStatsResponse;
}

function scenario(
  description: string,
  createJobs: (options: Required<JobStatsScenarioOptions>) => Job[],
  defaultSeed: number,
): JobStatsScenario {
  const jobsFor = ({ now = new Date(), seed = defaultSeed }: JobStatsScenarioOptions = {}) =>
    createJobs({ now, seed });
  return {
    description,
    createJobs: jobsFor,
    createResponse: ({ query, ...options } = {}) =>
      createJobStatsFixture({ jobs: jobsFor(options), query, now: options.now ?? new Date() }),
  };
}

/** Names of the data scenarios in {@link jobStatsScenarios}. */
export type JobStatsScenarioName = 'success' | 'empty' | 'partial' | 'largeNumbers';

/**
 * Ready data scenarios for job statistics. Each spans 90 days so that every range preset
 * (7, 30, 90 days) has something to show.
 */
export const jobStatsScenarios: Readonly<Record<JobStatsScenarioName, JobStatsScenario>> = {
  success: scenario(
    'A healthy history: 60 finished jobs over 90 days, a few of them failed.',
    ({ now, seed }) => createJobFixtures({ count: 60, seed, now, days: 90 }),
    2002,
  ),
  empty: scenario('A user who has not started any job yet.', () => [], 0),
  partial: scenario(
    'Recent jobs still running: the newest 5 of 30 are pending or processing.',
    ({ now, seed }) => createJobFixtures({ count: 30, seed, now, days: 90, inFlight: 5 }),
    2003,
  ),
  largeNumbers: scenario(
    'A heavy user: 240 jobs of up to 12 million accounts each, for number formatting.',
    ({ now, seed }) =>
      createJobFixtures({
        count: 240,
        seed,
        now,
        days: 90,
        requestedRange: [250_000, 12_000_000],
        failureRate: 0.05,
      }),
    2004,
  ),
};

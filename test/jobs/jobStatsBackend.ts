import { delay, http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { afterEach, beforeEach, vi } from 'vitest';
import {
  jobStatsQuerySchema,
  recordJobBodySchema,
  type Job,
  type JobStatus,
} from '../../src/jobs/contract.js';
import { dailyJobSeries, jobsInRange, mergeJobUpdate, summarizeJobs } from '../../src/jobs/jobStats.js';
import { resolveRange } from '../../src/shared/periods.js';
import { setupMswServer } from '../shared/setupMswServer.js';

export const baseUrl = 'http://podium.test/api';

/** A fixed "now" so presets resolve to known days; tests fake only `Date` with it. */
export const NOW = new Date('2025-03-15T12:00:00Z');

const HOUR = 3_600_000;

/** A job created `hoursAgo` before NOW; finished jobs get outcomes that add up. */
export function makeJob(
  id: string,
  hoursAgo: number,
  status: JobStatus = 'completed',
  requested = 5,
  successful = status === 'completed' ? requested - 1 : 0,
  failed = status === 'completed' ? 1 : status === 'failed' ? requested : 0,
): Job {
  const created = new Date(NOW.getTime() - hoursAgo * HOUR).toISOString();
  const done = status === 'completed' || status === 'failed';
  return {
    job_id: id,
    requested_count: requested,
    successful_count: successful,
    failed_count: failed,
    status,
    created_at: created,
    updated_at: created,
    completed_at: done ? new Date(Date.parse(created) + HOUR).toISOString() : null,
  };
}

export interface RecordedRequest {
  method: string;
  url: URL;
  authorization: string | null;
}

export interface JobStatsBackend {
  handlers: ReturnType<typeof http.get>[];
  /** The jobs the backend serves; mutate freely. */
  jobs: Job[];
  /** Every request seen, in order. */
  requests: RecordedRequest[];
  /** GET /stats requests only. */
  statsRequests: () => URL[];
  /** Milliseconds every GET /stats waits before answering (to observe in-flight states). */
  delayMs: number;
  /** The next `count` GET /stats requests answer with this error. */
  failNext: (status: number, code?: string, message?: string, count?: number) => void;
  /** Back to a fresh backend serving `jobs`: no requests seen, no delay, no pending failures. */
  reset: (jobs: Job[]) => void;
}

/**
 * An in-memory stand-in for the server's job endpoints, computed with the core logic (the same
 * definitions the server's SQL is tested against), so tests never hard-code figures.
 */
export function createJobStatsBackend(initialJobs: Job[] = [], apiBase = baseUrl): JobStatsBackend {
  const backend: JobStatsBackend = {
    handlers: [],
    jobs: [...initialJobs],
    requests: [],
    delayMs: 0,
    statsRequests: () => backend.requests.filter((r) => r.method === 'GET').map((r) => r.url),
    failNext: (status, code = 'internal_error', message = 'Something broke', count = 1) => {
      failures.push(...Array.from({ length: count }, () => ({ status, code, message })));
    },
    reset: (jobs) => {
      backend.jobs = [...jobs];
      backend.requests = [];
      backend.delayMs = 0;
      failures.length = 0;
    },
  };
  const failures: { status: number; code: string; message: string }[] = [];

  backend.handlers = [
    http.get(`${apiBase}/stats`, async ({ request }) => {
      const url = new URL(request.url);
      backend.requests.push({ method: 'GET', url, authorization: request.headers.get('authorization') });
      if (backend.delayMs > 0) await delay(backend.delayMs);
      const failure = failures.shift();
      if (failure) {
        return HttpResponse.json(
          {
            error: {
              code: failure.code,
              message: failure.message,
              details: { fields: { from: ['is wrong'] } },
            },
          },
          { status: failure.status },
        );
      }
      const parsed = jobStatsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success) {
        return HttpResponse.json(
          { error: { code: 'invalid_request', message: 'Invalid query', details: { fields: {} } } },
          { status: 400 },
        );
      }
      const { from, to, tz, limit, cursor } = parsed.data;
      const range = resolveRange({ from, to, timeZone: tz }, new Date());
      const all = jobsInRange(backend.jobs, range);
      const offset = cursor ? Number(cursor) : 0;
      const page = all.slice(offset, offset + limit);
      const next = offset + limit < all.length ? String(offset + limit) : null;
      return HttpResponse.json({
        range: { from: range.start.toISOString(), to: range.end.toISOString(), tz },
        totals: summarizeJobs(backend.jobs, range),
        series: dailyJobSeries(backend.jobs, range),
        jobs: page,
        nextCursor: next,
      });
    }),
    http.patch(`${apiBase}/stats`, async ({ request }) => {
      backend.requests.push({
        method: 'PATCH',
        url: new URL(request.url),
        authorization: request.headers.get('authorization'),
      });
      const parsed = recordJobBodySchema.safeParse(await request.json());
      if (!parsed.success) {
        return HttpResponse.json(
          { error: { code: 'invalid_request', message: 'Invalid body' } },
          { status: 400 },
        );
      }
      const body = parsed.data;
      const existing = backend.jobs.find((job) => job.job_id === body.job_id);
      // Forward only, like the server and the published mocks.
      const { job } = mergeJobUpdate(existing, body, new Date());
      backend.jobs = [...backend.jobs.filter((j) => j.job_id !== job.job_id), job];
      return HttpResponse.json(job);
    }),
  ];
  return backend;
}

/**
 * The setup every hook and component test file shares: an msw server for the file with one
 * backend, reset before each test to `initialJobs()` with `Date` fixed at NOW (other timers stay
 * real). Returns the backend and the server (for extra handlers).
 */
export function setupJobStatsBackend(initialJobs: () => Job[]): {
  backend: JobStatsBackend;
  server: SetupServer;
} {
  const backend = createJobStatsBackend();
  const { server } = setupMswServer({ now: NOW });
  beforeEach(() => {
    backend.reset(initialJobs());
    server.use(...backend.handlers);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return { backend, server };
}

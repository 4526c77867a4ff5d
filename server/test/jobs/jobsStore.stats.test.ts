import {
  createSeededRandom,
  dailyJobSeries,
  jobStatsResponseSchema,
  jobsInRange,
  resolveRange,
  summarizeJobs,
  type Job,
  type JobStatsResponse,
  type JobStatus,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlJobsStore } from '../../src/jobs/jobsStore.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * GET /stats against brute force: the same jobs summed in JavaScript by the core's reference
 * functions. The SQL (time zone grouping, range bounds, keyset pages) must agree on every range.
 */
describe('GET /api/stats totals, series and pages', () => {
  const now = new Date('2025-04-16T10:00:00.000Z');
  const windowStart = Date.parse('2025-02-14T00:00:00.000Z'); // ~60 days of data, across the spring DST changes
  let test: TestDatabase;
  let client: ReturnType<typeof createTestApp>;
  const jobsByUser = new Map<string, Job[]>();

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, { now: () => now });
    const store = createSqlJobsStore(test.db);
    const random = createSeededRandom(20250416);
    const statuses: JobStatus[] = ['pending', 'processing', 'completed', 'failed'];
    let previousAt = windowStart;

    for (let index = 0; index < 320; index += 1) {
      const user = random.next() < 0.85 ? 'alice' : 'bob';
      // Every eighth job shares the previous job's instant: ties must be ordered by job_id.
      const at = index % 8 === 7 ? previousAt : windowStart + Math.floor(random.next() * 60 * 86_400_000);
      previousAt = at;
      const requested = random.int(0, 50);
      const successful = random.int(0, requested);
      const failed = random.int(0, requested - successful);
      const status = random.pick(statuses);
      const jobId = `job-${String(random.int(0, 99_999)).padStart(5, '0')}-${index}`;
      let job = await store.recordJob(
        user,
        {
          job_id: jobId,
          requested_count: requested,
          status: status === 'pending' ? 'pending' : 'processing',
        },
        new Date(at),
      );
      if (status !== 'pending') {
        job = await store.recordJob(
          user,
          { job_id: jobId, successful_count: successful, failed_count: failed, status },
          new Date(at + random.int(1, 3_600_000)),
        );
      }
      expect(job).not.toBeNull();
      jobsByUser.set(user, [...(jobsByUser.get(user) ?? []), job!]);
    }
  });
  afterAll(() => test.cleanup());

  /** Every page of a query through nextCursor, parsed with the contract. */
  async function allPages(user: string, query: Record<string, string | number>): Promise<JobStatsResponse[]> {
    const pages: JobStatsResponse[] = [];
    let cursor: string | null | undefined;
    do {
      const response = await client.getStats(user, { ...query, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      const page = jobStatsResponseSchema.parse(await response.json());
      pages.push(page);
      cursor = page.nextCursor;
      expect(pages.length).toBeLessThan(500);
    } while (cursor);
    return pages;
  }

  const ranges: Array<{ label: string; from?: string; to?: string; tz?: string; limit?: number }> = [
    { label: 'the default range (last 30 days, UTC)' },
    { label: 'dates in UTC', from: '2025-02-20', to: '2025-03-20', tz: 'UTC' },
    {
      label: 'dates in Paris across the DST change of 30 March',
      from: '2025-03-25',
      to: '2025-04-05',
      tz: 'Europe/Paris',
      limit: 7,
    },
    {
      label: 'dates in New York across the DST change of 9 March',
      from: '2025-03-01',
      to: '2025-03-15',
      tz: 'America/New_York',
    },
    {
      label: 'dates in Auckland across the DST end of 6 April',
      from: '2025-03-30',
      to: '2025-04-10',
      tz: 'Pacific/Auckland',
      limit: 5,
    },
    {
      label: 'the whole window in Auckland',
      from: '2025-02-01',
      to: '2025-04-30',
      tz: 'Pacific/Auckland',
      limit: 100,
    },
    {
      label: 'timestamps with offsets, New York days',
      from: '2025-03-03T13:17:00-05:00',
      to: '2025-03-29T08:00:00.500Z',
      tz: 'America/New_York',
      limit: 3,
    },
    {
      label: 'a timestamp from and a date to in Paris',
      from: '2025-02-28T23:30:00+01:00',
      to: '2025-03-31',
      tz: 'Europe/Paris',
      limit: 9,
    },
    { label: 'a range with no jobs', from: '2024-01-01', to: '2024-01-31', tz: 'UTC' },
  ];

  it.each(ranges)(
    'matches summarizeJobs / dailyJobSeries / jobsInRange for $label',
    async ({ from, to, tz, limit }) => {
      const query: Record<string, string | number> = {};
      if (from) query.from = from;
      if (to) query.to = to;
      if (tz) query.tz = tz;
      if (limit) query.limit = limit;
      const range = resolveRange({ from, to, timeZone: tz ?? 'UTC' }, now);
      const jobs = jobsByUser.get('alice')!;

      const pages = await allPages('alice', query);
      const [first] = pages;
      expect(first!.range).toEqual({
        from: range.start.toISOString(),
        to: range.end.toISOString(),
        tz: range.timeZone,
      });
      expect(first!.totals).toEqual(summarizeJobs(jobs, range));
      expect(first!.series).toEqual(dailyJobSeries(jobs, range));
      // Every page repeats the same totals and series; the pages together list each job once, in order.
      for (const page of pages) {
        expect(page.totals).toEqual(first!.totals);
        expect(page.series).toEqual(first!.series);
        expect(page.jobs.length).toBeLessThanOrEqual(limit ?? 20);
      }
      expect(pages.flatMap((page) => page.jobs)).toEqual(jobsInRange(jobs, range));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    },
  );

  it('shows each user only their own jobs', async () => {
    const range = resolveRange({ from: '2025-02-01', to: '2025-04-30' }, now);
    const pages = await allPages('bob', { from: '2025-02-01', to: '2025-04-30', limit: 100 });
    expect(pages.flatMap((page) => page.jobs)).toEqual(jobsInRange(jobsByUser.get('bob')!, range));
    expect(pages[0]!.totals.jobs).toBeGreaterThan(0);
    expect(pages[0]!.totals.jobs).toBeLessThan(jobsByUser.get('alice')!.length);

    const stranger = jobStatsResponseSchema.parse(
      await (await client.getStats('nobody', { from: '2025-02-01', to: '2025-04-30' })).json(),
    );
    expect(stranger.totals.jobs).toBe(0);
    expect(stranger.jobs).toEqual([]);
    expect(stranger.totals.successRate).toBeNull();
  });

  it("rejects another user's cursor", async () => {
    const [page] = await allPages('alice', { from: '2025-02-01', to: '2025-04-30', limit: 100 });
    expect(page!.nextCursor).not.toBeNull();
    const response = await client.getStats('bob', {
      from: '2025-02-01',
      to: '2025-04-30',
      cursor: page!.nextCursor!,
    });
    expect(response.status).toBe(400);
  });
});

describe('GET /api/stats pages of long job ids', () => {
  let test: TestDatabase;
  afterAll(() => test?.cleanup());

  it('pages through 200-character job ids created at the same instant', async () => {
    test = await createTestDatabase();
    const now = new Date('2025-06-01T12:00:00Z');
    const client = createTestApp(test.db, { now: () => now });
    const store = createSqlJobsStore(test.db);
    const at = new Date('2025-06-01T08:00:00Z');
    const jobs: Job[] = [];
    for (const letter of ['a', 'b', 'c', 'd', 'e']) {
      jobs.push((await store.recordJob('dora', { job_id: letter.repeat(200), requested_count: 1 }, at))!);
    }
    const range = resolveRange({}, now);
    const seen: Job[] = [];
    let cursor: string | null = null;
    do {
      const response = await client.getStats('dora', { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      const page = jobStatsResponseSchema.parse(await response.json());
      seen.push(...page.jobs);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(jobsInRange(jobs, range));
    expect(seen.map((job) => job.job_id[0])).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});

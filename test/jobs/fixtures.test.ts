import { describe, expect, it } from 'vitest';
import { jobSchema, jobStatsResponseSchema } from '../../src/jobs/contract.js';
import {
  createJobFixture,
  createJobFixtures,
  createJobStatsFixture,
  jobStatsScenarios,
} from '../../mocks/index.js';

const now = new Date('2025-06-15T12:00:00.000Z');
const scenarios = Object.entries(jobStatsScenarios);

describe('job fixtures match the contract', () => {
  it.each(['pending', 'processing', 'completed', 'failed'] as const)(
    'createJobFixture(%s) parses as a job',
    (status) => {
      const job = createJobFixture({ status });
      expect(jobSchema.parse(job)).toEqual(job);
      expect(job.successful_count + job.failed_count).toBeLessThanOrEqual(job.requested_count);
      expect(job.completed_at === null).toBe(status === 'pending' || status === 'processing');
    },
  );

  it('createJobFixtures is deterministic for a seed and every job parses', () => {
    const options = { count: 50, seed: 7, now, days: 30, userLabel: 'ada', inFlight: 4 };
    const jobs = createJobFixtures(options);
    expect(createJobFixtures(options)).toEqual(jobs);
    expect(createJobFixtures({ ...options, seed: 8 })).not.toEqual(jobs);
    expect(new Set(jobs.map((job) => job.job_id)).size).toBe(50);
    for (const job of jobs) {
      expect(jobSchema.parse(job)).toEqual(job);
      expect(job.job_id.startsWith('ada-')).toBe(true);
      expect(Date.parse(job.created_at)).toBeLessThan(now.getTime());
      expect(Date.parse(job.created_at)).toBeGreaterThanOrEqual(now.getTime() - 30 * 86_400_000);
      expect(Date.parse(job.updated_at)).toBeLessThanOrEqual(now.getTime());
      expect(job.successful_count + job.failed_count).toBeLessThanOrEqual(job.requested_count);
    }
    expect(jobs.filter((job) => job.status === 'pending' || job.status === 'processing')).toHaveLength(4);
  });

  it('createJobStatsFixture answers a query like the server would', () => {
    const jobs = createJobFixtures({ count: 30, seed: 3, now, days: 10 });
    const response = jobStatsResponseSchema.parse(
      createJobStatsFixture({ jobs, now, query: { from: '2025-06-10', to: '2025-06-15', limit: 100 } }),
    );
    expect(response.range).toEqual({
      from: '2025-06-10T00:00:00.000Z',
      to: '2025-06-16T00:00:00.000Z',
      tz: 'UTC',
    });
    expect(response.series.map((day) => day.date)).toEqual([
      '2025-06-10',
      '2025-06-11',
      '2025-06-12',
      '2025-06-13',
      '2025-06-14',
      '2025-06-15',
    ]);
    expect(response.totals.jobs).toBe(response.jobs.length);
    expect(response.series.reduce((sum, day) => sum + day.jobs, 0)).toBe(response.totals.jobs);
    expect(response.nextCursor).toBeNull();
  });

  it('createJobStatsFixture rejects an invalid query', () => {
    expect(() => createJobStatsFixture({ jobs: [], now, query: { tz: 'Mars/Olympus' } })).toThrow();
  });
});

// Iterating the export (not a hand-written list) means a scenario added later is checked too.
describe.each(scenarios)('scenario %s', (_name, scenario) => {
  it('has a description', () => {
    expect(scenario.description.length).toBeGreaterThan(0);
  });

  it('creates jobs that parse', () => {
    for (const job of scenario.createJobs({ now })) expect(jobSchema.parse(job)).toEqual(job);
  });

  it.each([{}, { from: '2025-03-01', to: '2025-06-15', tz: 'Europe/Berlin', limit: 100 }, { limit: 1 }])(
    'answers %j with a response that parses',
    (query) => {
      const response = scenario.createResponse({ now, query });
      expect(jobStatsResponseSchema.parse(response)).toEqual(response);
    },
  );

  it('is deterministic for the same now and seed', () => {
    expect(scenario.createJobs({ now, seed: 5 })).toEqual(scenario.createJobs({ now, seed: 5 }));
  });
});

it('covers the states the components need', () => {
  const last30 = (name: keyof typeof jobStatsScenarios) => jobStatsScenarios[name].createResponse({ now });
  expect(last30('success').totals.jobs).toBeGreaterThan(0);
  expect(last30('empty').totals).toMatchObject({ jobs: 0, successRate: null });
  const partial = last30('partial').totals.byStatus;
  expect(partial.pending + partial.processing).toBeGreaterThan(0);
  expect(last30('largeNumbers').totals.requested).toBeGreaterThan(100_000_000);
});

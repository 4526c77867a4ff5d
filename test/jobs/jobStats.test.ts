import { describe, expect, it } from 'vitest';
import type { Job, JobStatus } from '../../src/jobs/contract.js';
import {
  canApplyJobUpdate,
  dailyJobSeries,
  isTerminalStatus,
  jobsInRange,
  mergeJobUpdate,
  successRate,
  summarizeJobs,
} from '../../src/jobs/jobStats.js';
import { resolveRange } from '../../src/shared/periods.js';

function job(
  id: string,
  createdAt: string,
  counts: [number, number, number],
  status: JobStatus = 'completed',
): Job {
  return {
    job_id: id,
    requested_count: counts[0],
    successful_count: counts[1],
    failed_count: counts[2],
    status,
    created_at: createdAt,
    updated_at: createdAt,
    completed_at: isTerminalStatus(status) ? createdAt : null,
  };
}

const jobs = [
  job('a', '2024-06-01T00:00:00.000Z', [10, 8, 2]),
  job('b', '2024-06-01T23:30:00.000Z', [5, 0, 5], 'failed'),
  job('c', '2024-06-02T12:00:00.000Z', [4, 1, 0], 'processing'),
  job('d', '2024-06-03T00:00:00.000Z', [3, 0, 0], 'pending'),
  job('e', '2024-05-31T23:59:59.999Z', [100, 100, 0]),
];

describe('summarizeJobs', () => {
  it('sums only jobs created inside the half-open range', () => {
    const range = resolveRange({ from: '2024-06-01', to: '2024-06-02' }, new Date());
    const totals = summarizeJobs(jobs, range);
    expect(totals).toEqual({
      jobs: 3,
      requested: 19,
      successful: 9,
      failed: 7,
      successRate: 9 / 16,
      byStatus: { pending: 0, processing: 1, completed: 1, failed: 1 },
    });
  });

  it('gives a null success rate when no outcome is known', () => {
    const range = resolveRange({ from: '2024-06-03', to: '2024-06-03' }, new Date());
    expect(summarizeJobs(jobs, range).successRate).toBeNull();
    expect(summarizeJobs([], range).jobs).toBe(0);
  });
});

describe('dailyJobSeries', () => {
  it('buckets by calendar day in the range zone, zeros included', () => {
    const range = resolveRange(
      { from: '2024-06-01', to: '2024-06-04', timeZone: 'Europe/Paris' },
      new Date(),
    );
    const series = dailyJobSeries(jobs, range);
    expect(series.map((d) => d.date)).toEqual(['2024-06-01', '2024-06-02', '2024-06-03', '2024-06-04']);
    // 'e' (23:59 UTC on May 31) is already June 1 in Paris; 'b' (23:30 UTC) is June 2 there.
    expect(series.map((d) => d.jobs)).toEqual([2, 2, 1, 0]);
    expect(series[0]!.requested).toBe(110);
    expect(series[1]!.failed).toBe(5);
  });
});

describe('jobsInRange', () => {
  it('orders newest first and breaks ties by job id', () => {
    const same = '2024-06-01T10:00:00.000Z';
    const list = [
      job('x1', same, [1, 1, 0]),
      job('x3', same, [1, 1, 0]),
      job('x2', same, [1, 1, 0]),
      ...jobs,
    ];
    const range = resolveRange({ from: '2024-06-01', to: '2024-06-01' }, new Date());
    expect(jobsInRange(list, range).map((j) => j.job_id)).toEqual(['b', 'x3', 'x2', 'x1', 'a']);
  });
});

describe('canApplyJobUpdate', () => {
  it('moves jobs forward only and freezes finished jobs', () => {
    expect(canApplyJobUpdate('pending', 'processing')).toBe(true);
    expect(canApplyJobUpdate('processing', 'processing')).toBe(true);
    expect(canApplyJobUpdate('processing', 'completed')).toBe(true);
    expect(canApplyJobUpdate('pending', 'failed')).toBe(true);
    expect(canApplyJobUpdate('processing', 'pending')).toBe(false);
    expect(canApplyJobUpdate('completed', 'processing')).toBe(false);
    expect(canApplyJobUpdate('completed', 'completed')).toBe(false);
    expect(canApplyJobUpdate('failed', 'completed')).toBe(false);
  });
});

describe('mergeJobUpdate', () => {
  const t0 = new Date('2025-01-01T00:00:00.000Z');
  const t1 = new Date('2025-01-01T00:01:00.000Z');
  const start = mergeJobUpdate(undefined, { job_id: 'm', requested_count: 10, status: 'processing' }, t0).job;

  it('keeps the larger count and the further status', () => {
    const { job, changed } = mergeJobUpdate(
      start,
      { job_id: 'm', requested_count: 5, successful_count: 3, status: 'pending' },
      t1,
    );
    expect(changed).toBe(true);
    expect(job).toMatchObject({
      requested_count: 10,
      successful_count: 3,
      status: 'processing',
      updated_at: t1.toISOString(),
    });
  });

  it('changes nothing (not even updated_at) when nothing moves forward', () => {
    expect(mergeJobUpdate(start, { job_id: 'm', requested_count: 4 }, t1)).toEqual({
      job: start,
      changed: false,
    });
  });

  it('never changes a terminal job', () => {
    const done = mergeJobUpdate(start, { job_id: 'm', successful_count: 10, status: 'completed' }, t1).job;
    expect(done.completed_at).toBe(t1.toISOString());
    for (const update of [{ status: 'failed' as const }, { requested_count: 99 }]) {
      expect(mergeJobUpdate(done, { job_id: 'm', ...update }, t1)).toEqual({ job: done, changed: false });
    }
  });

  it('ends at the same job whatever the order of the updates', () => {
    const updates = [
      { job_id: 'o', requested_count: 8, status: 'pending' as const },
      { job_id: 'o', successful_count: 2, status: 'processing' as const },
      { job_id: 'o', requested_count: 9, failed_count: 1 },
    ];
    const run = (order: typeof updates) =>
      order.reduce<Job | undefined>((job, update) => mergeJobUpdate(job, update, t0).job, undefined);
    const forward = run(updates);
    expect(run([...updates].reverse())).toEqual(forward);
    expect(forward).toMatchObject({
      requested_count: 9,
      successful_count: 2,
      failed_count: 1,
      status: 'processing',
    });
  });
});

describe('successRate', () => {
  it('divides successes by finished outcomes', () => {
    expect(successRate(3, 1)).toBe(0.75);
    expect(successRate(0, 0)).toBeNull();
    expect(successRate(0, 4)).toBe(0);
  });
});

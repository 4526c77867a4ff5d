import {
  createSeededRandom,
  dailyJobSeries,
  jobStatsResponseSchema,
  resolveRange,
  summarizeJobs,
  type Job,
  type JobStatus,
} from 'podium-kit/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxRolledUpZones } from '../../src/jobs/jobStatsSql.js';
import { createSqlJobsStore } from '../../src/jobs/jobsStore.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * The kept per-day sums (migration 025) against the definition: whatever the order of new jobs,
 * progress updates and first reads in a zone, a summary of whole days equals the core's
 * reference functions over the jobs as stored.
 */

// Zones with whole-hour, half-hour and 45-minute offsets, DST on both hemispheres.
const zones = [
  'UTC',
  'Europe/Paris',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Australia/Adelaide',
  'Pacific/Chatham',
];
const statuses: JobStatus[] = ['pending', 'processing', 'completed', 'failed'];
// Twelve days across the DST changes of Paris (30 March) and Adelaide and Chatham (6 April).
const windowStart = Date.parse('2025-03-27T00:00:00.000Z');
const now = new Date('2025-04-20T12:00:00.000Z');

// Dense enough that most reads see jobs, and progress often lands after a zone's first read.
const operation = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    user: fc.constantFrom('ann', 'bo'),
    minute: fc.integer({ min: 0, max: 12 * 1440 }),
    requested: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('progress' as const),
    pick: fc.nat(),
    tenths: fc.integer({ min: 0, max: 10 }),
    status: fc.constantFrom(...statuses),
  }),
  fc.record({
    kind: fc.constant('read' as const),
    user: fc.constantFrom('ann', 'bo'),
    zone: fc.constantFrom(...zones),
    firstDay: fc.integer({ min: -1, max: 11 }),
    days: fc.integer({ min: 1, max: 10 }),
  }),
);

describe('GET /api/stats from the kept days', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.cleanup());

  it('equals the definition for any order of writes and first reads in a zone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 20, maxLength: 50, size: 'max' }),
        async (operations) => {
          await test.db.query('TRUNCATE podium_user_jobs');
          // A store of its own per run: it remembers zones it was refused.
          const store = createSqlJobsStore(test.db);
          const jobs = new Map<string, Job & { user: string }>();
          let created = 0;
          for (const op of operations) {
            if (op.kind === 'create') {
              const jobId = `job-${(created += 1)}`;
              const at = new Date(windowStart + op.minute * 60_000);
              const job = await store.recordJob(
                op.user,
                { job_id: jobId, requested_count: op.requested },
                at,
              );
              jobs.set(jobId, { ...job!, user: op.user });
            } else if (op.kind === 'progress') {
              const all = [...jobs.values()];
              if (all.length === 0) continue;
              const job = all[op.pick % all.length]!;
              // Outcomes split the same way every time, so the forward-only merge (each count the
              // larger of stored and sent) never adds up to more than was requested.
              const outcomes = Math.floor((job.requested_count * op.tenths) / 10);
              const successful = Math.floor(outcomes / 2);
              const at = new Date(Date.parse(job.created_at) + 60_000);
              const body = {
                job_id: job.job_id,
                successful_count: successful,
                failed_count: outcomes - successful,
                status: op.status,
              };
              const stored = await store.recordJob(job.user, body, at);
              jobs.set(job.job_id, { ...stored!, user: job.user });
            } else {
              const from = new Date(windowStart + op.firstDay * 86_400_000).toISOString().slice(0, 10);
              const to = new Date(windowStart + (op.firstDay + op.days - 1) * 86_400_000)
                .toISOString()
                .slice(0, 10);
              const range = resolveRange({ from, to, timeZone: op.zone }, now);
              const answer = await store.getJobStats(op.user, { range, limit: 3 });
              const own = [...jobs.values()].filter((job) => job.user === op.user);
              expect(answer.totals).toEqual(summarizeJobs(own, range));
              expect(answer.series).toEqual(dailyJobSeries(own, range));
            }
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  });

  it(`keeps at most ${maxRolledUpZones} zones a user and sums any other from the jobs`, async () => {
    await test.db.query('TRUNCATE podium_user_jobs');
    const store = createSqlJobsStore(test.db);
    const own: Job[] = [];
    for (let n = 0; n < 40; n += 1) {
      const at = new Date(windowStart + n * 11 * 3_600_000);
      own.push((await store.recordJob('cy', { job_id: `cy-${n}`, requested_count: n }, at))!);
    }
    for (const zone of zones) {
      const range = resolveRange({ from: '2025-03-21', to: '2025-04-05', timeZone: zone }, now);
      const answer = await store.getJobStats('cy', { range, limit: 3 });
      expect(answer.series).toEqual(dailyJobSeries(own, range));
    }
    const kept = await test.db.query<{ time_zone: string; days: unknown }>(
      `SELECT z.time_zone, (SELECT count(*) FROM podium_user_job_days d
                             WHERE d.user_id = z.user_id AND d.time_zone = z.time_zone) AS days
         FROM podium_user_job_zones z WHERE z.user_id = 'cy' ORDER BY z.time_zone`,
    );
    expect(kept.map((row) => row.time_zone)).toEqual(zones.slice(0, maxRolledUpZones).sort());
    for (const row of kept) expect(Number(row.days)).toBeGreaterThan(15);
  });

  it('sums from the jobs, keeping no zone, a range inside days or a zone Postgres reads otherwise', async () => {
    await test.db.query('TRUNCATE podium_user_jobs');
    const store = createSqlJobsStore(test.db);
    const own: Job[] = [];
    for (let n = 0; n < 40; n += 1) {
      const at = new Date(windowStart + n * 7 * 3_600_000);
      own.push((await store.recordJob('di', { job_id: `di-${n}`, requested_count: n }, at))!);
    }
    // Starts and ends inside a day.
    const partial = resolveRange(
      { from: '2025-03-28T06:00:00Z', to: '2025-04-02', timeZone: 'Asia/Tokyo' },
      now,
    );
    expect((await store.getJobStats('di', { range: partial, limit: 3 })).totals).toEqual(
      summarizeJobs(own, partial),
    );
    // Intl reads IST as Asia/Kolkata (+05:30), Postgres as Israel Standard Time (+02:00); CST
    // as America/Chicago against a fixed -06:00.
    for (const zone of ['IST', 'CST']) {
      const range = resolveRange({ from: '2025-03-28', to: '2025-04-05', timeZone: zone }, now);
      const answer = await store.getJobStats('di', { range, limit: 3 });
      expect(answer.totals).toEqual(summarizeJobs(own, range));
    }
    expect(await test.db.query("SELECT time_zone FROM podium_user_job_zones WHERE user_id = 'di'")).toEqual(
      [],
    );

    // A user without jobs reading in such a zone can still write afterwards.
    const range = resolveRange({ from: '2025-03-28', to: '2025-04-05', timeZone: 'IST' }, now);
    expect((await store.getJobStats('eve', { range, limit: 3 })).totals.jobs).toBe(0);
    expect(
      await store.recordJob('eve', { job_id: 'eve-1', requested_count: 1 }, new Date(windowStart)),
    ).not.toBeNull();
  });
});

/**
 * First reads in several zones while the same user's jobs are written on every connection: a
 * job written during a zone's fill must be counted once, neither missed nor twice.
 */
describe('GET /api/stats kept days under concurrent writes', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.cleanup());

  it('counts every job once in every zone', async () => {
    // Every clock read a few hours later, so the jobs land on many days (a PATCH stamps them).
    let reads = 0;
    const client = createTestApp(test.db, {
      now: () => new Date(Date.parse('2025-04-02T00:00:00Z') + ((reads += 1) % 200) * 3 * 3_600_000),
    });
    const random = createSeededRandom(25);
    const writes = Array.from({ length: 240 }, (_, n) => ({
      job_id: `burst-${n % 120}`,
      requested_count: 10,
      ...(n >= 120 ? { successful_count: random.int(0, 10), status: 'processing' as const } : {}),
    }));
    const readZones = zones.slice(0, maxRolledUpZones);
    const query = (tz: string) => ({ from: '2025-04-01', to: '2025-04-30', tz });
    const requests = [
      ...writes.map((body) => () => client.patchJob('dee', body)),
      ...readZones.flatMap((tz) => [1, 2, 3].map(() => () => client.getStats('dee', query(tz)))),
    ];
    const responses = await Promise.all(random.shuffled(requests).map((send) => send()));
    expect(responses.filter((response) => response.status !== 200)).toEqual([]);

    const stored = await test.db.query<{ job: Job }>(
      `SELECT json_build_object('job_id', job_id, 'requested_count', requested_count,
              'successful_count', successful_count, 'failed_count', failed_count, 'status', status,
              'created_at', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS job
         FROM podium_user_jobs WHERE user_id = 'dee'`,
    );
    const jobs = stored.map((row) => row.job);
    expect(jobs).toHaveLength(120);
    for (const tz of readZones) {
      const answer = jobStatsResponseSchema.parse(await (await client.getStats('dee', query(tz))).json());
      const range = resolveRange({ from: '2025-04-01', to: '2025-04-30', timeZone: tz }, now);
      expect(answer.totals).toEqual(summarizeJobs(jobs, range));
      expect(answer.series).toEqual(dailyJobSeries(jobs, range));
    }
    const [{ zones: kept }] = (await test.db.query<{ zones: unknown }>(
      "SELECT count(*) AS zones FROM podium_user_job_zones WHERE user_id = 'dee'",
    )) as [{ zones: unknown }];
    expect(Number(kept)).toBe(readZones.length);
  });

  // Needs a second connection that holds a transaction open (PGlite has one connection).
  it.skipIf(!testDatabaseUrl)(
    "waits for a writer's uncommitted job before filling a zone, and counts it once",
    async () => {
      const store = createSqlJobsStore(test.db);
      const writer = test.openAnother();
      const range = resolveRange({ from: '2025-04-01', to: '2025-04-30', timeZone: 'Europe/Paris' }, now);
      // A first zone creates the user's eight version rows: the writer below then locks one.
      const utc = resolveRange({ from: '2025-04-01', to: '2025-04-30', timeZone: 'UTC' }, now);
      expect((await store.getJobStats('fay', { range: utc, limit: 3 })).totals.jobs).toBe(0);
      let committed = false;
      const written = writer.transaction(async (tx) => {
        // The job's trigger runs now, when the user has no zone yet.
        await createSqlJobsStore(tx as never).recordJob('fay', { job_id: 'fay-1', requested_count: 3 }, now);
        await new Promise((resolve) => setTimeout(resolve, 150));
        committed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Its first read in the zone fills the days: it must wait for the writer, then see its job.
      const answer = await store.getJobStats('fay', { range, limit: 3 });
      await written;
      expect(committed).toBe(true);
      expect(answer.totals.jobs).toBe(1);
      const again = await store.getJobStats('fay', { range, limit: 3 });
      expect([again.totals.jobs, again.totals.requested]).toEqual([1, 3]);
      await writer.close();
    },
  );
});

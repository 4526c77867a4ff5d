import {
  addDays,
  createSeededRandom,
  dayKey,
  startOfDay,
  type JobStatus,
  type SeededRandom,
} from 'podium-kit/core';
import { joinTransaction, type Database } from '../db/Database.js';
import { createSqlJobsStore } from './jobsStore.js';
import { demoUsers } from '../demo/demoUsers.js';

/** Options of {@link seedDemoData}. */
export interface SeedDemoDataOptions {
  /** The data ends at this instant. @default new Date() */
  now?: Date;
  /** Days of history, ending today (UTC). @default 90 */
  days?: number;
  /** Seed of the generator: the same seed and day give the same data. @default 2025 */
  seed?: number;
}

/** What {@link seedDemoData} did. */
export interface SeedDemoDataResult {
  /** Jobs recorded by this call. */
  created: number;
  /** Jobs already present (from an earlier run) and left alone. */
  skipped: number;
}

/** How busy each demo user is: jobs per day, and how big the jobs are. */
const profiles: Record<
  string,
  { jobsPerDay: (random: SeededRandom) => number; requested: [number, number] }
> = {
  alice: { jobsPerDay: (random) => random.int(1, 4), requested: [5, 60] },
  bob: { jobsPerDay: (random) => random.int(0, 2), requested: [20, 250] },
  // Sparse: a job on roughly one day in six, to show gaps in the series.
  carol: { jobsPerDay: (random) => (random.next() < 0.17 ? 1 : 0), requested: [1, 12] },
};

const hourMs = 3_600_000;

/**
 * Seeds the demo users' jobs: ~90 days ending now with a mix of statuses (the last hours still
 * pending or processing), through the jobs store like real traffic (`recordJob` with past
 * instants). Deterministic (seeded) and idempotent: job ids are fixed (`demo-alice-0001`, ...),
 * and jobs already stored are left alone, so running it at every demo start is safe.
 */
export async function seedDemoData(
  db: Database,
  options: SeedDemoDataOptions = {},
): Promise<SeedDemoDataResult> {
  // One transaction: a single commit instead of ~700 makes the demo start seconds faster.
  return db.transaction((tx) => seedIn(joinTransaction(tx, db.kind), options));
}

async function seedIn(db: Database, options: SeedDemoDataOptions): Promise<SeedDemoDataResult> {
  const now = options.now ?? new Date();
  const days = options.days ?? 90;
  const random = createSeededRandom(options.seed ?? 2025);
  const store = createSqlJobsStore(db);
  const existing = new Set(
    (
      await db.query<{ job_id: string }>("SELECT job_id FROM podium_user_jobs WHERE job_id LIKE 'demo-%'")
    ).map((row) => row.job_id),
  );
  const today = dayKey(now);
  let created = 0;
  let skipped = 0;

  for (const user of demoUsers) {
    const profile = profiles[user.id]!;
    let sequence = 0;
    for (let offset = days - 1; offset >= 0; offset -= 1) {
      const dayStart = startOfDay(addDays(today, -offset)).getTime();
      // Today only up to now: no job is created in the future.
      const dayLength = Math.min(24 * hourMs, now.getTime() - dayStart);
      const count = profile.jobsPerDay(random);
      const instants = Array.from({ length: count }, () => dayStart + Math.floor(random.next() * dayLength));
      // The busiest user always has a couple of jobs running right now, so the demo shows live ones.
      if (offset === 0 && user.id === 'alice')
        instants.push(now.getTime() - random.int(60_000, 50 * 60_000), now.getTime() - random.int(0, 60_000));
      instants.sort((a, b) => a - b);

      for (const at of instants) {
        sequence += 1;
        // Draw every value even for skipped jobs, so the sequence (and the data) stays the same.
        const job = drawJob(random, profile.requested, now.getTime() - at);
        const jobId = `demo-${user.id}-${String(sequence).padStart(4, '0')}`;
        if (existing.has(jobId)) {
          skipped += 1;
          continue;
        }
        await store.recordJob(
          user.id,
          {
            job_id: jobId,
            requested_count: job.requested,
            status: job.status === 'pending' ? 'pending' : 'processing',
          },
          new Date(at),
        );
        if (job.status !== 'pending') {
          const finishedAt = new Date(Math.min(at + job.durationMs, now.getTime()));
          await store.recordJob(
            user.id,
            { job_id: jobId, successful_count: job.successful, failed_count: job.failed, status: job.status },
            finishedAt,
          );
        }
        created += 1;
      }
    }
  }
  return { created, skipped };
}

function drawJob(random: SeededRandom, [min, max]: [number, number], ageMs: number) {
  const requested = random.int(min, max);
  const roll = random.next();
  const durationMs = random.int(30_000, 2 * hourMs);
  let status: JobStatus;
  // Jobs of the last hour are still running; some of the last day too; older ones are finished.
  if (ageMs < hourMs) status = roll < 0.5 ? 'pending' : 'processing';
  else if (ageMs < 24 * hourMs && roll < 0.3) status = roll < 0.1 ? 'pending' : 'processing';
  else status = random.next() < 0.85 ? 'completed' : 'failed';

  let successful = 0;
  let failed = 0;
  if (status === 'completed') {
    failed = random.next() < 0.6 ? 0 : random.int(0, Math.ceil(requested * 0.2));
    successful = requested - failed;
  } else if (status === 'failed') {
    successful = random.int(0, Math.floor(requested / 3));
    failed = requested - successful;
  } else if (status === 'processing') {
    successful = random.int(0, Math.floor(requested / 2));
  }
  return { requested, status, successful, failed, durationMs };
}

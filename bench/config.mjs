// What the benchmark server (server.mjs) and the load generator (run.mjs) must agree on.

/** HS256 secret of the benchmark's user tokens (loopback only, never a real secret). */
export const benchJwtSecret = 'podium-bench-secret-not-for-production-use-0123456789';

/** The app's fixed clock: the seeded data ends here and the queried range sits before it. */
export const benchNow = '2025-06-30T18:00:00.000Z';

/** The seeded data: deterministic (createSeededRandom(seed)), about 3,000 jobs per user. */
export const benchSeed = {
  seed: 2025,
  users: ['bench-user-1', 'bench-user-2', 'bench-user-3', 'bench-user-4'],
  jobsPerUser: 3000,
  days: 90,
  /** Jobs left `processing` per user, which the PATCH update scenario keeps updating. */
  updatePoolPerUser: 50,
};

/** The 30 days `GET /api/stats` asks for: a realistic "last 30 days" view ending at benchNow. */
export const statsQuery = 'from=2025-06-01&to=2025-06-30&tz=UTC&limit=20';

export function updateJobId(user, n) {
  return `bench-update-${user}-${String(n).padStart(4, '0')}`;
}

/**
 * The user-stats data: a generated marketplace (the local subgraph stand-in) backfilled into the
 * stats cache, so `GET /api/user/:identifier/stats` ranks each subject among ~10,000.
 */
export const benchStatsSeed = { walletCount: 10_000, events: 100_000, seed: 7, sample: 500 };

// What the benchmark server (server.mjs) and the load generator (run.mjs) must agree on.

/** The benchmark app's API key (loopback only, never a real key). */
export const benchApiKey = 'podium-bench-api-key-not-for-production';

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

/** The same for `--quick`, a fifth of the size: the backfill is most of a smoke run's seeding. */
export const benchStatsSeedQuick = { ...benchStatsSeed, walletCount: 2_000, events: 20_000 };

/**
 * The referral data (bench/referralData.mjs): one creator (`c0`) with `members` members (`m0`…,
 * users `u0`…, deterministic codes), their shares, clicks (one in twenty a bot's) and a conversion
 * for one click in forty, then the analytics views refreshed. `GET /api/r/:code` spreads its clicks
 * over the members' codes, each from another visitor address.
 */
export const benchReferralSeed = {
  creatorId: 'c0',
  creators: 1,
  members: 1_000,
  shares: 10_000,
  clicks: 50_000,
};

/** The `n`th bench member's id and its user (the member's own token reads its analytics). */
export const benchMember = (n) => ({ id: `m${n}`, userId: `u${n}` });

/**
 * The seller boards: `sellers` sellers (`s1`…), `products` products (a third sold, a tenth
 * drafts) and `views` views over the 90 days before benchNow, the board cache rebuilt from them.
 */
export const benchSellerSeed = { sellers: 2_000, products: 20_000, views: 50_000 };

/** The points: `events` scored actions of `users` players over 30 days, on the SQL boards. */
export const benchScoreSeed = { users: 1_000, events: 5_000 };

/** The `n`th player of the points seed. */
export const benchScoreUser = (n) => `bench-player-${n}`;

/**
 * `--quick` seeds a fifth of the referral shares and clicks, the products and views, and the
 * points events (and a fifth of the user-stats marketplace, benchStatsSeedQuick): a smoke run
 * is mostly seeding otherwise. The members, sellers and players stay, so every scenario finds
 * what it addresses.
 */
export function quickSize(seed, keys) {
  return { ...seed, ...Object.fromEntries(keys.map((key) => [key, Math.round(seed[key] / 5)])) };
}

/** Events per request of the `POST /api/scores/actions (batch)` scenario. */
export const benchScoreBatch = 100;

/** The `n`th bench member's referral code: 8 characters of the code alphabet, distinct per n. */
export function benchReferralCode(n) {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let code = '';
  for (let i = 0, rest = n; i < 8; i += 1, rest = Math.floor(rest / alphabet.length))
    code += alphabet[rest % alphabet.length];
  return code;
}

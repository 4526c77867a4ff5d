// The data `npm run bench` serves (bench/server.mjs seeds it before listening): deterministic,
// inserted in bulk (a statement per table or per batch, not through the stores) so that seeding
// takes seconds. Sizes and identifiers live in bench/config.mjs, which the load generator reads
// too. Each seeder runs on the plain Database (not the recording one, see rawStorage.mjs).
import { loadReferralData } from './referralData.mjs';
import { loadServerModule } from './shared.mjs';
import {
  benchNow,
  benchReferralSeed,
  benchScoreSeed,
  benchScoreUser,
  benchSeed,
  benchSellerSeed,
  benchStatsSeed,
  benchStatsSeedQuick,
  quickSize,
  updateJobId,
} from './config.mjs';

/**
 * `benchSeed.users` users with `jobsPerUser` jobs each over `days` days ending at `benchNow`
 * (deterministic), plus each user's pool of `processing` jobs for the PATCH update scenario.
 * Inserted in bulk with one statement per user (unnest of arrays) rather than through the
 * store: the data only has to be realistic, and seeding must take seconds, not minutes. The
 * table's CHECK constraints still hold every row to the store's rules.
 */
export async function seedJobs(db, random) {
  const { users, jobsPerUser, days, updatePoolPerUser } = benchSeed;
  const end = Date.parse(benchNow);
  const span = days * 86_400_000;
  let total = 0;
  for (const user of users) {
    const columns = Array.from({ length: 9 }, () => []);
    const add = (...values) => values.forEach((value, i) => columns[i].push(value));
    for (let n = 0; n < jobsPerUser; n += 1) {
      const createdAt = end - Math.floor(random.next() * span);
      const age = end - createdAt;
      const requested = random.int(1, 200);
      const finishedAt = Math.min(createdAt + random.int(30_000, 7_200_000), end);
      let status;
      if (age < 3_600_000) status = random.next() < 0.5 ? 'pending' : 'processing';
      else if (age < 86_400_000 && random.next() < 0.3) status = 'processing';
      else status = random.next() < 0.85 ? 'completed' : 'failed';
      const failed =
        status === 'failed'
          ? random.int(1, requested)
          : status === 'completed'
            ? random.int(0, requested >> 3)
            : 0;
      const successful =
        status === 'completed'
          ? requested - failed
          : status === 'failed'
            ? random.int(0, requested - failed)
            : 0;
      const terminal = status === 'completed' || status === 'failed';
      add(
        user,
        `bench-${user}-${String(n).padStart(5, '0')}`,
        requested,
        successful,
        failed,
        status,
        new Date(createdAt).toISOString(),
        new Date(terminal ? finishedAt : createdAt).toISOString(),
        terminal ? new Date(finishedAt).toISOString() : null,
      );
    }
    for (let n = 0; n < updatePoolPerUser; n += 1) {
      const at = new Date(end - 3_600_000).toISOString();
      add(user, updateJobId(user, n), 1_000_000, 0, 0, 'processing', at, at, null);
    }
    await db.query(
      `INSERT INTO podium_user_jobs
         (user_id, job_id, requested_count, successful_count, failed_count, status, created_at, updated_at, completed_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[],
                            $7::timestamptz[], $8::timestamptz[], $9::timestamptz[])`,
      columns,
    );
    total += columns[0].length;
  }
  // A live table has planner statistics; a freshly bulk-loaded one does not until autovacuum runs.
  await db.exec('ANALYZE podium_user_jobs');
  return total;
}

/**
 * Generates the marketplace, serves it with the subgraph stand-in (called in-process) and
 * backfills the stats cache from it, the way the server fills it in production. Returns a sample
 * of identifiers (wallet addresses, mixed case: the endpoint matches them case-insensitively).
 */
export async function seedUserStats(db, { quick = false } = {}) {
  const size = quick ? benchStatsSeedQuick : benchStatsSeed;
  const load = loadServerModule;
  const subgraph = await load('../server/src/subgraph/index.ts');
  const indexer = await load('../server/src/indexer/index.ts');
  const { backfillStats } = await load('../server/src/userStats/syncStats.ts');
  const data = subgraph.createMarketplaceData({ startTime: new Date('2024-06-01T00:00:00Z') });
  subgraph.generateMarketplace(data, {
    walletCount: size.walletCount,
    events: size.events,
    seed: benchStatsSeed.seed,
    start: new Date('2024-06-01T00:00:00Z'),
    end: new Date(benchNow),
  });
  const app = subgraph.createSubgraphApp(data);
  const client = indexer.createSubgraphClient({
    url: 'http://bench-subgraph/graphql',
    fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
    maxPages: 1_000_000,
  });
  await backfillStats(db, client, { restart: true, now: () => new Date(benchNow) });
  await db.exec('ANALYZE podium_user_stats');
  const rows = await db.query('SELECT subject FROM podium_user_stats ORDER BY md5(subject) LIMIT $1', [
    benchStatsSeed.sample,
  ]);
  return rows.map((row, i) => (i % 2 ? row.subject.toUpperCase().replace('0X', '0x') : row.subject));
}

/**
 * Sellers, products (a third sold) and views over the 90 days before benchNow, loaded with the
 * triggers off, then the trigger-kept board cache rebuilt (what `boards:rebuild` does), so the
 * board and the dashboards read what the triggers would have kept. Same shape as
 * bench/sellerBoards.mjs, smaller and dated around the bench's clock.
 */
export async function seedSellerBoards(db, { quick = false } = {}) {
  const { sellers, products, views } = quick
    ? quickSize(benchSellerSeed, ['products', 'views'])
    : benchSellerSeed;
  const { rebuildSellerBoards } = await loadServerModule('../server/src/sellerBoards/rebuildSellerBoards.ts');
  // Day i % 89 from April 1, before 18:00: every time falls before benchNow (2025-06-30 18:00).
  const at = (i) =>
    `timestamptz '2025-04-01' + (${i} % 89) * interval '1 day' + (${i} % 64800) * interval '1 second'`;
  await db.exec(
    'ALTER TABLE podium_products DISABLE TRIGGER USER; ALTER TABLE podium_product_views DISABLE TRIGGER USER',
  );
  try {
    await db.query(
      `INSERT INTO podium_products (id, seller_id, status, price, currency, sold_at, created_at, updated_at)
       SELECT 'p' || i, 's' || (1 + (i * 7919) % $2),
              CASE WHEN i % 3 = 0 THEN 'sold' WHEN i % 10 = 1 THEN 'draft' ELSE 'active' END,
              (10 + i % 990)::numeric, 'USD',
              CASE WHEN i % 3 = 0 THEN ${at('i')} END,
              timestamptz '2025-03-01', timestamptz '2025-03-01'
         FROM generate_series(1, $1) AS i`,
      [products, sellers],
    );
    await db.query(
      `INSERT INTO podium_product_views (product_id, viewer, seller_id, viewed_at)
       SELECT 'p' || pid, 'user:v' || i, 's' || (1 + (pid * 7919) % $3), ${at('i')}
         FROM (SELECT i, CASE WHEN raw % 10 = 1 THEN raw + 1 ELSE raw END AS pid -- drafts get no views
                 FROM (SELECT i, 1 + floor(power(((i::bigint * 2654435761) % 1000003) / 1000003.0, 2.5) * ($2 - 1))::int AS raw
                         FROM generate_series(1, $1::int) AS i) AS r) AS v
       ON CONFLICT DO NOTHING`,
      [views, products, sellers],
    );
  } finally {
    await db.exec(
      'ALTER TABLE podium_products ENABLE TRIGGER USER; ALTER TABLE podium_product_views ENABLE TRIGGER USER',
    );
  }
  await rebuildSellerBoards(db, new Date(benchNow));
  await db.exec('ANALYZE podium_products; ANALYZE podium_product_views; ANALYZE podium_seller_boards');
}

/**
 * Points: `events` scored actions of `users` players over the 30 days before benchNow (a quarter
 * of them in the current ISO week, so the weekly board is full), ingested in batches of 1,000
 * through the server's own ingest with the SQL boards, as `POST /api/scores/actions` would.
 */
export async function seedScores(db, { quick = false } = {}) {
  const { users, events } = quick ? quickSize(benchScoreSeed, ['events']) : benchScoreSeed;
  const core = await loadServerModule('../src/index.ts');
  const { ingestScoreEvents, requestHashOf } = await loadServerModule(
    '../server/src/scoring/ingestScoreEvents.ts',
  );
  const { applySqlBoardDeltas } = await loadServerModule('../server/src/scoring/sqlScoreBoards.ts');
  const rules = core.defaultScoringRules;
  const now = new Date(benchNow);
  const sink = { inTransaction: applySqlBoardDeltas };
  for (let first = 0; first < events; first += 1000) {
    const batch = [];
    for (let i = first; i < Math.min(first + 1000, events); i += 1) {
      const sent = {
        eventId: `bench-seed-${i}`,
        userId: benchScoreUser((i * 7919) % users),
        ...scoredAction(i),
      };
      // The current ISO week began on Monday 2025-06-30 00:00, 18 hours before benchNow.
      const hoursAgo = i % 4 === 0 ? i % 18 : 18 + (i % 700);
      batch.push({
        ...sent,
        occurredAt: new Date(now.getTime() - hoursAgo * 3_600_000 - (i % 3_600) * 1000),
        category: rules.actions[sent.action].category,
        requestHash: requestHashOf(sent),
      });
    }
    await ingestScoreEvents(db, rules, batch, now, sink);
  }
  await db.exec('ANALYZE');
}

/** The `n`th scored action: a trade, a copy trade or a stake, with plausible metadata. */
export function scoredAction(n) {
  if (n % 3 === 0) {
    return {
      action: 'TRADE_EXECUTE',
      metadata: { volumeUSD: 40 + (n % 12_000), profitPercent: (n % 150) - 10 },
    };
  }
  if (n % 3 === 1)
    return { action: 'COPY_TRADE', metadata: { success: n % 10 < 7, delayMs: 200 + (n % 8_800) } };
  return { action: 'STAKE_SSE', metadata: { amount: 2_000 + (n % 7) * 20_000, days: 7 + (n % 400) } };
}

/**
 * The referral data: `benchReferralSeed` (one creator, its members with the codes of
 * benchReferralCode, their shares, clicks and conversions) through bench/referralData.mjs, then
 * the analytics views refreshed, as the scheduler would have done.
 */
export async function seedReferrals(db, { quick = false } = {}) {
  const { refreshReferralViews } = await loadServerModule(
    '../server/src/referrals/analytics/refreshReferralViews.ts',
  );
  const { creators, members, shares, clicks } = quick
    ? quickSize(benchReferralSeed, ['shares', 'clicks'])
    : benchReferralSeed;
  const loaded = await loadReferralData(db, { creators, members, shares, clicks, now: benchNow });
  await refreshReferralViews(db, { now: () => new Date(benchNow) });
  return loaded;
}

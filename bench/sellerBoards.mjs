#!/usr/bin/env node
// `npm run bench:seller-boards`: what the trigger-kept seller leaderboards cost and save.
//
// On 20,000 sellers, 200,000 products (a third sold) and 1,000,000 views over three months, on
// in-memory PGlite and on Postgres (when it answers), it measures:
//   1. the top-100 read from the trigger-kept cache against the same answer computed on demand
//      with a GROUP BY over the base tables (median of 15 runs each; the ratio), and against its
//      floor: the same 100 rows from a table holding just that board, with one index in exactly
//      the board's order (the "index-order" read); both also server-side (EXPLAIN ANALYZE's
//      execution time, median of 15) with whether the plan sorts;
//   2. the cost the triggers add to a view insert (50,000 views inserted with the triggers on,
//      then 50,000 with them off; per view, and the ratio with / without);
//   3. GET /api/leaderboards/sellers through HTTP with autocannon: requests per second, p50 and
//      p99, first answering 200 with a body, then polling with If-None-Match (the 304 path).
// The base tables are loaded with the triggers off and the cache rebuilt (timed: that is the
// rebuild command's cost at this size). Prints figures; never fails on speed.
//
//   npm run bench:seller-boards
//   npm run bench:seller-boards -- --sellers=2000 --products=20000 --views=100000 --no-postgres
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchDatabases, loadServerModule, parseFlags } from './shared.mjs';

const args = parseFlags(process.argv.slice(2));
const sellers = Number(args.sellers ?? 20_000);
const products = Number(args.products ?? 200_000);
const views = Number(args.views ?? 1_000_000);
const duration = Number(args.duration ?? 5);
const log = (line) => process.stdout.write(`${line}\n`);
const n = (value) => Math.round(value).toLocaleString('en-US');
const ms = (value) => `${value < 10 ? value.toFixed(2) : n(value)} ms`;
const now = new Date('2026-03-20T12:00:00Z');
const month = '2026-03';

const server = await loadServerModule('../server/src/index.ts');
const { rebuildSellerBoards } = await loadServerModule('../server/src/sellerBoards/rebuildSellerBoards.ts');

log(
  `Seller boards bench: ${n(sellers)} sellers, ${n(products)} products, ${n(views)} views, ` +
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);

const targets = await benchDatabases(server, { noPostgres: args['no-postgres'] === 'true', log });

const rows = [];
for (const target of targets) {
  log(`\n▸ ${target.name}`);
  const { db, drop } = await target.open();
  try {
    await server.migrate(db, { logger: server.silentLogger });
    let started = performance.now();
    await load(db);
    log(`  loaded the base tables (triggers off) in ${ms(performance.now() - started)}`);
    const rebuilt = await rebuildSellerBoards(db, now);
    log(`  rebuild of the cache: ${ms(rebuilt.durationMs)} (${n(rebuilt.rows)} rows)`);
    await db.exec('ANALYZE');

    const cacheRead = `SELECT seller_id, views FROM podium_seller_boards WHERE period = $1 AND views > 0
          ORDER BY views DESC, views_reached_at, seller_id COLLATE "C" LIMIT 100`;
    // Each read is warmed up first (its first runs after the rebuild and ANALYZE load catalog
    // caches and plans: milliseconds that would otherwise be most of a 15-run median).
    const cached = await median(15, () => db.query(cacheRead, [month]), 15);
    // The floor: the board's rows alone, one index in exactly its order, read the same way.
    await db.query(
      `CREATE TABLE bench_index_order AS SELECT seller_id, views, views_reached_at FROM podium_seller_boards
        WHERE period = $1 AND views > 0`,
      [month],
    );
    await db.exec(
      'CREATE INDEX ON bench_index_order (views DESC, views_reached_at, (seller_id COLLATE "C")); ANALYZE bench_index_order',
    );
    const floorRead = `SELECT seller_id, views FROM bench_index_order
          ORDER BY views DESC, views_reached_at, seller_id COLLATE "C" LIMIT 100`;
    const indexOrder = await median(15, () => db.query(floorRead), 15);
    const cachedPlan = await explained(db, cacheRead, [month]);
    const floorPlan = await explained(db, floorRead, []);
    await db.exec('DROP TABLE bench_index_order');
    log(
      `  top 100 by views this month, cache against index order: ${ms(cached)} vs ${ms(indexOrder)} ` +
        `(${(cached / indexOrder).toFixed(2)}×); server-side ${ms(cachedPlan.ms)} vs ${ms(floorPlan.ms)} ` +
        `(${(cachedPlan.ms / floorPlan.ms).toFixed(2)}×), plan: ${cachedPlan.nodes}`,
    );
    const onDemand = await median(15, () =>
      db.query(
        `SELECT seller_id, count(*) AS views, max(viewed_at) AS reached FROM podium_product_views
          WHERE viewed_at >= $1 AND viewed_at < $2 GROUP BY seller_id
          ORDER BY count(*) DESC, max(viewed_at), seller_id COLLATE "C" LIMIT 100`,
        [new Date(`${month}-01T00:00:00Z`), new Date('2026-04-01T00:00:00Z')],
      ),
    );
    log(
      `  top 100 by views this month: cache ${ms(cached)}, GROUP BY ${ms(onDemand)} → ${n(onDemand / cached)}× faster`,
    );

    const triggered = await timedViews(db, 'bench-on', true);
    const check = await rebuildSellerBoards(db, now);
    log(
      `  rebuild after the triggered inserts changed ${check.rowsChanged} rows (0 = the triggers kept it exact)`,
    );
    // Last, with the triggers off: the cache no longer covers these rows (the reads below do not care).
    const untriggered = await timedViews(db, 'bench-off', false);
    const perView = ((triggered - untriggered) / 50_000) * 1000;
    log(
      `  50,000 views in one statement: ${ms(triggered)} with triggers, ${ms(untriggered)} without ` +
        `→ ${((triggered / 50_000) * 1000).toFixed(1)} vs ${((untriggered / 50_000) * 1000).toFixed(1)} µs per view ` +
        `(${(triggered / untriggered).toFixed(2)}×), the triggers add ${perView.toFixed(1)} µs per view`,
    );

    const app = server.createApp({ db, now: () => now, logger: server.silentLogger, rateLimits: false });
    const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => http.once('listening', resolve));
    const base = `http://127.0.0.1:${http.address().port}`;
    const path = `/api/leaderboards/sellers?metric=views&period=month&month=${month}&limit=100`;
    try {
      const first = await fetch(base + path);
      if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`);
      const etag = first.headers.get('etag');
      const full = await hammer(base + path, {});
      const notModified = await hammer(base + path, { 'if-none-match': etag }, 304);
      log(
        `  GET top 100 (200): ${n(full.requests.average)} req/s, p50 ${full.latency.p50} ms, p99 ${full.latency.p99} ms`,
      );
      log(
        `  GET with If-None-Match (304): ${n(notModified.requests.average)} req/s, p50 ${notModified.latency.p50} ms, ` +
          `p99 ${notModified.latency.p99} ms`,
      );
      rows.push({
        target: target.name,
        cached,
        indexOrder,
        cachedPlan,
        floorPlan,
        onDemand,
        perView,
        triggered,
        untriggered,
        full,
        notModified,
        rebuild: rebuilt.durationMs,
      });
    } finally {
      http.close();
      http.closeAllConnections?.();
    }
  } finally {
    await db.close();
    await drop();
  }
}

log(
  '\n| database | top 100: cache | index order (floor) | server-side cache / floor | top 100: GROUP BY | ratio | ' +
    'view insert with / without triggers | GET 200 req/s p50/p99 | GET 304 req/s p50/p99 | rebuild |',
);
log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const us = (total) => `${((total / 50_000) * 1000).toFixed(1)} µs`;
  log(
    `| ${r.target} | ${ms(r.cached)} | ${ms(r.indexOrder)} | ${ms(r.cachedPlan.ms)} / ${ms(r.floorPlan.ms)} | ` +
      `${ms(r.onDemand)} | ${n(r.onDemand / r.cached)}× | ` +
      `${us(r.triggered)} / ${us(r.untriggered)} (${(r.triggered / r.untriggered).toFixed(2)}×) | ` +
      `${n(r.full.requests.average)} · ${r.full.latency.p50}/${r.full.latency.p99} ms | ` +
      `${n(r.notModified.requests.average)} · ${r.notModified.latency.p50}/${r.notModified.latency.p99} ms | ${ms(r.rebuild)} |`,
  );
}

/**
 * The base tables in bulk with the triggers off (the cache is rebuilt afterwards): sellers s1…,
 * products p1… (a third sold, over January to March), views over the same months from 100,000
 * distinct viewers, skewed so that a few sellers draw many views.
 */
async function load(db) {
  await db.exec(
    'ALTER TABLE podium_products DISABLE TRIGGER USER; ALTER TABLE podium_product_views DISABLE TRIGGER USER',
  );
  await db.query(
    `INSERT INTO podium_products (id, seller_id, status, price, currency, sold_at, created_at, updated_at)
     SELECT 'p' || i, 's' || (1 + (i * 7919) % $2),
            CASE WHEN i % 3 = 0 THEN 'sold' WHEN i % 10 = 1 THEN 'draft' ELSE 'active' END,
            (10 + i % 990)::numeric, 'USD',
            CASE WHEN i % 3 = 0 THEN timestamptz '2026-01-01' + (i % 78) * interval '1 day' + (i % 86400) * interval '1 second' END,
            timestamptz '2025-12-01', timestamptz '2025-12-01'
       FROM generate_series(1, $1) AS i`,
    [products, sellers],
  );
  const chunk = 200_000;
  for (let first = 0; first < views; first += chunk) {
    await db.query(
      `INSERT INTO podium_product_views (product_id, viewer, seller_id, viewed_at)
       SELECT 'p' || pid, 'user:v' || i, 's' || (1 + (pid * 7919) % $4),
              timestamptz '2026-01-01' + (i % 78) * interval '1 day' + (i % 86400) * interval '1 second'
         FROM (SELECT i, CASE WHEN raw % 10 = 1 THEN raw + 1 ELSE raw END AS pid -- drafts get no views
                 FROM (SELECT i, 1 + floor(power(((i::bigint * 2654435761) % 1000003) / 1000003.0, 2.5) * ($3 - 1))::int AS raw
                         FROM generate_series($1::int, $2::int) AS i) AS r) AS v
       ON CONFLICT DO NOTHING`,
      [first + 1, Math.min(first + chunk, views), products, sellers],
    );
  }
  await db.exec(
    'ALTER TABLE podium_products ENABLE TRIGGER USER; ALTER TABLE podium_product_views ENABLE TRIGGER USER',
  );
}

/** Inserts 50,000 views of non-draft products in March by new viewers, with or without the triggers. */
async function timedViews(db, prefix, triggers) {
  if (!triggers) await db.exec('ALTER TABLE podium_product_views DISABLE TRIGGER USER');
  const started = performance.now();
  await db.query(
    `INSERT INTO podium_product_views (product_id, viewer, seller_id, viewed_at)
     SELECT 'p' || pid, $1 || pid, 's' || (1 + (pid * 7919) % $2), timestamptz '2026-03-20' + pid * interval '1 second'
       FROM (SELECT 1 + (i * 3) % $3 AS pid FROM generate_series(1, 50000) AS i) AS v
     ON CONFLICT DO NOTHING`,
    [`user:${prefix}-`, sellers, products],
  );
  const elapsed = performance.now() - started;
  if (!triggers) await db.exec('ALTER TABLE podium_product_views ENABLE TRIGGER USER');
  return elapsed;
}

/** EXPLAIN ANALYZE of `sql`: the median execution time of 15, and the plan's node types. */
async function explained(db, sql, params) {
  let nodes = '';
  const times = [];
  for (let i = 0; i < 15; i += 1) {
    const [row] = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const value = Object.values(row)[0];
    const [plan] = typeof value === 'string' ? JSON.parse(value) : value;
    const types = [];
    for (let node = plan.Plan; node; node = node.Plans?.[0]) {
      types.push(node['Index Name'] ? `${node['Node Type']} (${node['Index Name']})` : node['Node Type']);
    }
    nodes = types.join(' → ');
    times.push(plan['Execution Time']);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], nodes };
}

async function median(runs, fn, warmup = 0) {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function hammer(url, headers, expectStatus = 200) {
  return new Promise((resolve, reject) => {
    let unexpected = 0;
    const instance = autocannon({ url, headers, connections: 10, duration }, (error, result) => {
      if (error) return reject(error);
      if (unexpected > 0) return reject(new Error(`${unexpected} answers were not ${expectStatus}`));
      resolve(result);
    });
    instance.on('response', (_client, status) => {
      if (status !== expectStatus) unexpected += 1;
    });
  });
}

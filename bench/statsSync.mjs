#!/usr/bin/env node
// `npm run bench:stats-sync`: what a user-stats sync costs, full against incremental.
//
// A local subgraph (the stand-in, served over real HTTP on loopback) holds a generated
// marketplace of 10,000 wallets and 200,000 events. On an empty database it measures:
//   1. the full recalculation: a backfill that pages every entity into the mirror and computes
//      every subject;
//   2. an incremental sync after 1,000 new events: pages only what changed, recomputes only the
//      subjects those changes touch (median of 3 cycles, each after 1,000 more events);
//   3. for comparison, the design note's approach (six per-user queries per user), timed on a
//      sample of users and scaled to all of them (labelled as an estimate).
// Prints times, subgraph requests, entities and subjects, and the ratio. Never fails on speed.
//
//   npm run bench:stats-sync                       # PGlite (in memory) and Postgres if it answers
//   npm run bench:stats-sync -- --wallets=2000 --events=40000 --no-postgres   # a quick run
import { serve } from '@hono/node-server';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchDatabases, loadServerModule as load, parseFlags } from './shared.mjs';

const args = parseFlags(process.argv.slice(2));
const walletCount = Number(args.wallets ?? 10_000);
const eventCount = Number(args.events ?? 200_000);
const newEvents = Number(args['new-events'] ?? 1_000);
const sampleSize = Number(args.sample ?? 200);
const log = (line) => process.stdout.write(`${line}\n`);
const ms = (value) => `${Math.round(value).toLocaleString('en-US')} ms`;
const n = (value) => value.toLocaleString('en-US');

const server = await load('../server/src/index.ts');
const subgraph = await load('../server/src/subgraph/index.ts');
const indexer = await load('../server/src/indexer/index.ts');
const stats = await load('../server/src/userStats/syncStats.ts');
const calc = await load('../server/src/userStats/calculateSubjects.ts');

log(
  `User-stats sync bench: ${n(walletCount)} wallets, ${n(eventCount)} events, Node ${process.version}, ${os.cpus().length} CPUs`,
);
let started = performance.now();
const data = subgraph.createMarketplaceData({ startTime: new Date('2024-01-01T00:00:00Z') });
subgraph.generateMarketplace(data, {
  walletCount,
  events: eventCount,
  seed: 4,
  start: new Date('2024-01-01T00:00:00Z'),
  end: new Date('2025-06-30T00:00:00Z'),
});
const counts = data.counts();
log(
  `  generated in ${ms(performance.now() - started)}: ${Object.entries(counts)
    .map(([k, v]) => `${n(v)} ${k}`)
    .join(', ')}`,
);

const http = serve({ fetch: subgraph.createSubgraphApp(data).fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => http.once('listening', resolve));
const url = `http://127.0.0.1:${http.address().port}/graphql`;
const client = indexer.createSubgraphClient({ url, maxPages: 1_000_000 });

const targets = await benchDatabases(server, { noPostgres: args['no-postgres'] === 'true', log });

const results = [];
let appendSeed = 100;
try {
  for (const target of targets) {
    log(`\n▸ ${target.name}`);
    const { db, drop } = await target.open();
    try {
      await server.migrate(db, { logger: server.silentLogger });

      client.startRun();
      started = performance.now();
      let lastLine = 0;
      const full = await stats.backfillStats(db, client, {
        restart: true,
        onProgress: (event) => {
          if (performance.now() - lastLine > 5000) {
            lastLine = performance.now();
            log(`    … ${event.phase} ${n(event.done)}${event.total ? `/${n(event.total)}` : ''}`);
          }
        },
      });
      const fullMs = performance.now() - started;
      const fullRequests = client.runStats().requests;
      log(
        `  full recalculation (backfill): ${ms(fullMs)}, ${n(fullRequests)} subgraph requests, ${n(full.subjects)} subjects`,
      );

      const cycles = [];
      for (let cycle = 0; cycle < 3; cycle += 1) {
        subgraph.appendMarketplaceEvents(data, { events: newEvents, seed: appendSeed++ });
        client.startRun();
        started = performance.now();
        const sync = await stats.syncStatsIncremental(db, client);
        cycles.push({ ms: performance.now() - started, requests: client.runStats().requests, ...sync });
      }
      // Every cycle in run order too: one slow cycle (autovacuum after the bulk load, say) shows.
      const inOrder = cycles.map((cycle) => Math.round(cycle.ms)).join(' / ');
      cycles.sort((a, b) => a.ms - b.ms);
      const median = cycles[1];
      log(
        `  incremental sync, ${n(newEvents)} new events (median of 3; ${inOrder} ms): ${ms(median.ms)}, ` +
          `${n(median.requests)} requests, ${n(median.entities)} entities, ${n(median.subjects)} subjects`,
      );

      const keys = (
        await db.query('SELECT subject FROM podium_user_stats ORDER BY subject LIMIT $1', [sampleSize])
      ).map((row) => row.subject);
      client.startRun();
      started = performance.now();
      for (const key of keys) await calc.calculateSubjectFromIndexer(db, client, key);
      const perUserMs = (performance.now() - started) / keys.length;
      const perUserRequests = client.runStats().requests / keys.length;
      const noteEstimateMs = perUserMs * full.subjects;
      log(
        `  the note's per-user calculation: ${perUserMs.toFixed(1)} ms and ${perUserRequests.toFixed(1)} requests per user ` +
          `(${keys.length} sampled) → about ${ms(noteEstimateMs)} for all ${n(full.subjects)} subjects (estimate)`,
      );
      const ratio = median.ms / fullMs;
      log(
        `  ratio incremental / full: ${(ratio * 100).toFixed(2)} % of the time, ${((median.requests / fullRequests) * 100).toFixed(2)} % of the requests`,
      );
      results.push({
        target: target.name,
        fullMs,
        fullRequests,
        incrementalMs: median.ms,
        incrementalRequests: median.requests,
        ratio,
        noteEstimateMs,
      });
    } finally {
      await db.close();
      await drop();
    }
  }
} finally {
  http.close();
  http.closeAllConnections?.();
}

log('\n| database | full backfill | incremental (1,000 events) | ratio | note per-user, all users (est.) |');
log('| --- | --- | --- | --- | --- |');
for (const r of results) {
  log(
    `| ${r.target} | ${ms(r.fullMs)} (${n(r.fullRequests)} req) | ${ms(r.incrementalMs)} (${n(r.incrementalRequests)} req) | ` +
      `${(r.ratio * 100).toFixed(2)} % | ${ms(r.noteEstimateMs)} |`,
  );
}

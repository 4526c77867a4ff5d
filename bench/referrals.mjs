#!/usr/bin/env node
// `npm run bench:referrals`: the referral analytics views at size (issue 12). On PGlite and
// Postgres, with --members (10,000) members and --clicks (1,000,000) clicks, shares and
// conversions generated in the database (bench/referralData.mjs):
//  1. the refresh time of each materialized view (REFRESH … CONCURRENTLY, as the scheduler runs it);
//  2. one member's stats: the view's row against the same figures computed from the base tables
//     (the view's own query, whose rank needs every member of the creator), and the endpoint's
//     read (live counts from the indexed base tables plus the view's rank).
// Prints figures; never fails on speed. `POST /api/conversions` and `GET /api/r/:code` are in
// `npm run bench` (HTTP, against bare Hono).
//
//   npm run bench:referrals
//   npm run bench:referrals -- --members=2000 --clicks=100000 --no-postgres
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadReferralData } from './referralData.mjs';
import { benchDatabases, loadServerModule, parseFlags } from './shared.mjs';

const args = parseFlags(process.argv.slice(2));
const members = Number(args.members ?? 10_000);
const clicks = Number(args.clicks ?? 1_000_000);
const log = (line) => process.stdout.write(`${line}\n`);
const n = (value) => Math.round(value).toLocaleString('en-US');
const ms = (value) => `${value < 10 ? value.toFixed(2) : n(value)} ms`;

const server = await loadServerModule('../server/src/index.ts');
const { refreshReferralViews } = await loadServerModule(
  '../server/src/referrals/analytics/refreshReferralViews.ts',
);
const { readMemberStats } = await loadServerModule('../server/src/referrals/analytics/memberStats.ts');

log(
  `Referral views bench: ${n(members)} members, ${n(clicks)} clicks, Node ${process.version}, ${os.cpus().length} CPUs`,
);

async function median(fn, runs = 21) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

// The view's query for one creator's members (its rank needs them all), then the member's row:
// what a read would cost without the view.
const baseTablesQuery = `
WITH clicks AS (SELECT member_id, count(*) AS clicks FROM podium_referral_clicks
                 WHERE counted AND member_id IN (SELECT id FROM podium_referral_members WHERE creator_id = $2)
                 GROUP BY member_id),
     shares AS (SELECT member_id, count(*) AS shares FROM podium_referral_shares
                 WHERE member_id IN (SELECT id FROM podium_referral_members WHERE creator_id = $2)
                 GROUP BY member_id),
     conversions AS (SELECT member_id,
                            count(DISTINCT coalesce('u:' || referee_user_id, 'c:' || id))
                              FILTER (WHERE status IN ('approved', 'flagged')) AS referrals,
                            count(*) FILTER (WHERE status = 'approved') AS conversions,
                            coalesce(sum(commission) FILTER (WHERE status = 'approved'), 0) AS earnings
                       FROM podium_referral_conversions WHERE creator_id = $2 GROUP BY member_id),
     ranked AS (SELECT m.id, coalesce(k.clicks, 0) AS clicks, coalesce(s.shares, 0) AS shares,
                       coalesce(v.referrals, 0) AS referrals, coalesce(v.conversions, 0) AS conversions,
                       coalesce(v.earnings, 0) AS earnings,
                       rank() OVER (ORDER BY coalesce(v.referrals, 0) DESC) AS rank
                  FROM podium_referral_members m
                  LEFT JOIN clicks k ON k.member_id = m.id LEFT JOIN shares s ON s.member_id = m.id
                  LEFT JOIN conversions v ON v.member_id = m.id
                 WHERE m.creator_id = $2)
SELECT * FROM ranked WHERE id = $1`;

const results = [];
for (const target of await benchDatabases(server, { noPostgres: args['no-postgres'] === 'true', log })) {
  log(`\n▸ ${target.name}`);
  const { db, drop } = await target.open();
  try {
    await server.migrate(db, { logger: server.silentLogger });
    const loaded = await loadReferralData(db, { members, shares: members * 10, clicks, now: new Date() });
    log(
      `  loaded ${n(loaded.members)} members, ${n(loaded.shares)} shares, ${n(loaded.clicks)} clicks, ` +
        `${n(loaded.conversions)} conversions in ${loaded.seconds.toFixed(1)} s`,
    );
    await refreshReferralViews(db); // the first fill (not CONCURRENTLY-comparable: empty before)
    const refreshes = await refreshReferralViews(db);
    for (const view of refreshes) {
      results.push({
        row: `refresh ${view.view}, ${target.name}`,
        value: `${ms(view.durationMs)} (${n(view.rows)} rows)`,
      });
      log(`  refresh ${view.view}: ${ms(view.durationMs)}, ${n(view.rows)} rows`);
    }
    const member = `m${Math.floor(members / 2)}`;
    const creator = `c${Math.floor(members / 2) % 10}`;
    const fromView = await median(() =>
      db.query('SELECT * FROM podium_referral_member_stats WHERE member_id = $1', [member]),
    );
    const fromBase = await median(() => db.query(baseTablesQuery, [member, creator]), 5);
    const endpoint = await median(() => readMemberStats(db, member));
    results.push({
      row: `one member's stats, ${target.name}: view row / base tables (same figures and rank)`,
      value: `${ms(fromView)} / ${ms(fromBase)} (${(fromBase / fromView).toFixed(0)}× faster)`,
    });
    results.push({
      row: `one member's stats as the endpoint reads them (live counts + view rank), ${target.name}`,
      value: ms(endpoint),
    });
    log(`  member stats: view ${ms(fromView)}, base tables ${ms(fromBase)}, endpoint read ${ms(endpoint)}`);
  } finally {
    await db.close();
    await drop();
  }
}

log('\nResults');
for (const { row, value } of results) log(`  ${row.padEnd(92)} ${value}`);

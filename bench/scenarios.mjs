// The request shapes `npm run bench` measures (bench/run.mjs drives them, bench/server.mjs serves
// the seeded data they address). One scenario per endpoint a widget polls or a host writes to:
//
//   name      what the progress line says
//   endpoint  the table's row label, and what `--only` matches
//   target    which targets run it ('hello' is the bare baseline)
//   read      true when the route only reads: the run then measures its raw storage cost
//   status    the expected status when not 2xx (302, 304): the smoke check and the tally use it
//   check     a verdict on the smoke check's JSON body (true, or what is wrong)
//   prepare   async, before the smoke check (e.g. fetch the ETag a 304 poll sends)
//   items     units of work per request (a batch's events), for an items/s figure
//   connections  at most this many connections (default: the run's --connections)
//   next()    the next request: counters spread the requests over the seeded users, members,
//             sellers and players, and give every write a new id
import { randomBytes } from 'node:crypto';
import { TextEncoder } from 'node:util';
import { SignJWT } from 'jose';
import {
  benchApiKey,
  benchJwtSecret,
  benchMember,
  benchNow,
  benchReferralCode,
  benchReferralSeed,
  benchScoreBatch,
  benchScoreSeed,
  benchScoreUser,
  benchSeed,
  statsQuery,
  updateJobId,
} from './config.mjs';

/** Sellers whose dashboards are read (`s1`…), players whose scores are read, members polled. */
export const benchSellers = Array.from({ length: 8 }, (_, n) => `s${n + 1}`);
// m1…m10: every 1,000th seeded click is a bot's, so m0's clicks are all uncounted.
export const benchMembers = Array.from({ length: 10 }, (_, n) => benchMember(n + 1));
const players = Array.from({ length: 50 }, (_, n) => benchScoreUser((n * 37) % benchScoreSeed.users));

/** Everyone the run needs a user token for. */
export const tokenSubjects = [...benchSeed.users, ...benchSellers, ...benchMembers.map((m) => m.userId)];

/**
 * All scenarios, reads first (so the writes do not change what the reads see from one target to
 * the next), then writes. `tokens` maps a user id to its `Bearer …` header; `context.server` is
 * the target being measured (its sample of stats identifiers).
 */
export function buildScenarios(tokens, context) {
  const runId = randomBytes(4).toString('hex');
  const json = { 'content-type': 'application/json' };
  const key = { 'x-api-key': benchApiKey };
  const bearer = (user) => ({ authorization: tokens[user] });
  const jobUser = (n) => benchSeed.users[n % benchSeed.users.length];
  const podium = (t) => t !== 'hello';
  const counters = new Map();
  /** The nth call of `name`'s next(): each scenario cycles on its own. */
  const count = (name) => {
    const n = counters.get(name) ?? 0;
    counters.set(name, n + 1);
    return n;
  };
  const identifier = (n) => context.server.statsIdentifiers[n % context.server.statsIdentifiers.length];
  const sellerBoardPath = '/api/leaderboards/sellers?metric=views';
  const pointsBoardPath = '/api/scores/leaderboard?timeframe=weekly';
  /** The ETags the 304 scenarios poll with, fetched by their prepare(). */
  const etags = {};
  const hasEntries = (body) => body.entries?.length > 0 || 'the board is empty';

  return [
    {
      name: 'GET /hello',
      endpoint: 'GET /hello',
      target: (t) => t === 'hello',
      next: () => ({ method: 'GET', path: '/hello' }),
    },
    {
      name: 'GET /api/health',
      endpoint: 'GET /api/health',
      target: podium,
      read: true,
      next: () => ({ method: 'GET', path: '/api/health' }),
    },
    {
      name: 'GET /api/stats (30 days, ~1,000 jobs in range, page of 20; unchanged, so from its version)',
      endpoint: 'GET /api/stats',
      target: podium,
      read: true,
      check: (body) => body.totals?.jobs > 0 || 'the seeded user has no jobs in the range',
      next: () => ({
        method: 'GET',
        path: `/api/stats?${statsQuery}`,
        headers: bearer(jobUser(count('stats'))),
      }),
    },
    {
      // Every request another 30-day window (60 starts x 4 users, more than the 200 answers a
      // server keeps by ETag): the summary is computed each time.
      name: 'GET /api/stats (a different 30-day window each request: computed every time)',
      endpoint: 'GET /api/stats (computed)',
      target: podium,
      read: true,
      check: (body) => body.totals?.jobs > 0 || 'the seeded user has no jobs in the range',
      next: () => {
        const n = count('statsComputed');
        const from = new Date(
          Date.UTC(2025, 3, 1) + (Math.floor(n / benchSeed.users.length) % 60) * 86_400_000,
        );
        const to = new Date(from.getTime() + 29 * 86_400_000);
        const day = (date) => date.toISOString().slice(0, 10);
        return {
          method: 'GET',
          path: `/api/stats?from=${day(from)}&to=${day(to)}&tz=UTC&limit=20`,
          headers: bearer(jobUser(n)),
        };
      },
    },
    {
      name: 'GET /api/user/:address/stats (cached, percentiles among ~10,000)',
      endpoint: 'GET /api/user/:identifier/stats',
      target: podium,
      read: true,
      check: (body) => body.cached === true || 'expected cached stats (a 200), got a pending answer',
      next: () => ({ method: 'GET', path: `/api/user/${identifier(count('userStats'))}/stats` }),
    },
    {
      name: 'GET /api/user/:address/stats/history (the default 90 days, per-day trades)',
      endpoint: 'GET /api/user/:identifier/stats/history',
      target: podium,
      read: true,
      check: (body) => body.days?.length === 90 || `expected 90 days, got ${body.days?.length}`,
      next: () => ({ method: 'GET', path: `/api/user/${identifier(count('history'))}/stats/history` }),
    },
    {
      name: 'GET /api/leaderboards/sellers (views this month, top page of 20)',
      endpoint: 'GET /api/leaderboards/sellers',
      target: podium,
      read: true,
      check: hasEntries,
      next: () => ({ method: 'GET', path: sellerBoardPath }),
    },
    {
      name: 'GET /api/leaderboards/sellers with a matching If-None-Match (a 304 poll)',
      endpoint: 'GET /api/leaderboards/sellers (304)',
      target: podium,
      read: true,
      status: 304,
      prepare: async (base) => {
        etags.sellers = await etagOf(base, sellerBoardPath);
      },
      next: () => ({ method: 'GET', path: sellerBoardPath, headers: { 'if-none-match': etags.sellers } }),
    },
    {
      name: "GET /api/sellers/:id/dashboard (the seller's own token)",
      endpoint: 'GET /api/sellers/:id/dashboard',
      target: podium,
      read: true,
      check: (body) => typeof body.views?.allTime === 'number' || 'expected a dashboard',
      next: () => {
        const seller = benchSellers[count('dashboard') % benchSellers.length];
        return { method: 'GET', path: `/api/sellers/${seller}/dashboard`, headers: bearer(seller) };
      },
    },
    {
      name: 'GET /api/scores/leaderboard (points this week, top page of 20)',
      endpoint: 'GET /api/scores/leaderboard',
      target: podium,
      read: true,
      check: hasEntries,
      next: () => ({ method: 'GET', path: pointsBoardPath }),
    },
    {
      name: 'GET /api/scores/leaderboard with a matching If-None-Match (a 304 poll)',
      endpoint: 'GET /api/scores/leaderboard (304)',
      target: podium,
      read: true,
      status: 304,
      prepare: async (base) => {
        etags.points = await etagOf(base, pointsBoardPath);
      },
      next: () => ({ method: 'GET', path: pointsBoardPath, headers: { 'if-none-match': etags.points } }),
    },
    {
      name: "GET /api/scores/:userId (a player's standing, recent actions and streak)",
      endpoint: 'GET /api/scores/:userId',
      target: podium,
      read: true,
      next: () => ({ method: 'GET', path: `/api/scores/${players[count('score') % players.length]}` }),
    },
    {
      name: "GET /api/members/:id/stats (the member's own token)",
      endpoint: 'GET /api/members/:id/stats',
      target: podium,
      read: true,
      check: (body) => body.clicks > 0 || 'the member has no clicks',
      next: () => {
        const member = benchMembers[count('memberStats') % benchMembers.length];
        return { method: 'GET', path: `/api/members/${member.id}/stats`, headers: bearer(member.userId) };
      },
    },
    {
      name: "GET /api/members/:id/share-analytics (the member's own token)",
      endpoint: 'GET /api/members/:id/share-analytics',
      target: podium,
      read: true,
      next: () => {
        const member = benchMembers[count('shareAnalytics') % benchMembers.length];
        return {
          method: 'GET',
          path: `/api/members/${member.id}/share-analytics`,
          headers: bearer(member.userId),
        };
      },
    },
    {
      name: "GET /api/creators/:id/analytics (the creator's dashboard, API key)",
      endpoint: 'GET /api/creators/:id/analytics',
      target: podium,
      read: true,
      next: () => ({
        method: 'GET',
        path: `/api/creators/${benchReferralSeed.creatorId}/analytics`,
        headers: key,
      }),
    },
    {
      name: "GET /api/creators/:id/leaderboard (the referrers board, a member's token)",
      endpoint: 'GET /api/creators/:id/leaderboard',
      target: podium,
      read: true,
      check: hasEntries,
      next: () => {
        const member = benchMembers[count('referrers') % benchMembers.length];
        return {
          method: 'GET',
          path: `/api/creators/${benchReferralSeed.creatorId}/leaderboard`,
          headers: bearer(member.userId),
        };
      },
    },
    {
      name: 'PATCH /api/stats (insert: a new job per request)',
      endpoint: 'PATCH /api/stats (insert)',
      target: podium,
      next: () => {
        const n = count('insert');
        return {
          method: 'PATCH',
          path: '/api/stats',
          headers: { ...json, ...bearer(jobUser(n)) },
          body: JSON.stringify({
            job_id: `bench-new-${runId}-${n}`,
            requested_count: 10 + (n % 90),
            status: 'pending',
          }),
        };
      },
    },
    {
      name: 'PATCH /api/stats (update: progress on a processing job)',
      endpoint: 'PATCH /api/stats (update)',
      target: podium,
      check: (body) => body.status === 'processing' || `expected a processing job, got ${body.status}`,
      next: () => {
        const n = count('update');
        const user = jobUser(n);
        const pool = benchSeed.updatePoolPerUser;
        return {
          method: 'PATCH',
          path: '/api/stats',
          headers: { ...json, ...bearer(user) },
          // Statuses only move forward, so stay `processing` and move the counts: every request
          // really writes the row (a terminal job would be left alone, measuring nothing).
          body: JSON.stringify({
            job_id: updateJobId(user, Math.floor(n / benchSeed.users.length) % pool),
            requested_count: 1_000_000,
            successful_count: n % 500_000,
            failed_count: n % 7,
            status: 'processing',
          }),
        };
      },
    },
    {
      name: 'POST /api/scores/actions (one scored action, API key)',
      endpoint: 'POST /api/scores/actions',
      target: podium,
      check: (body) =>
        ['scored', 'ignored'].includes(body.status) || `expected a new event, got ${body.status}`,
      next: () => {
        const n = count('action');
        return {
          method: 'POST',
          path: '/api/scores/actions',
          headers: { ...json, ...key },
          body: JSON.stringify(scoreEvent(`bench-${runId}-one-${n}`, n)),
        };
      },
    },
    {
      name: `POST /api/scores/actions (a batch of ${benchScoreBatch} scored actions, API key)`,
      endpoint: `POST /api/scores/actions (batch of ${benchScoreBatch})`,
      target: podium,
      items: benchScoreBatch,
      // A host sends its batches from a worker or two, not ten at once (on PGlite ten would queue
      // for seconds and the run would measure the queue).
      connections: 2,
      check: (body) =>
        body.results?.filter((r) => ['scored', 'ignored'].includes(r.status)).length === benchScoreBatch ||
        'expected every event of the batch new (scored or ignored)',
      next: () => {
        const n = count('batch');
        const events = Array.from({ length: benchScoreBatch }, (_, i) =>
          scoreEvent(`bench-${runId}-batch-${n}-${i}`, n * benchScoreBatch + i),
        );
        return {
          method: 'POST',
          path: '/api/scores/actions',
          headers: { ...json, ...key },
          body: JSON.stringify({ events }),
        };
      },
    },
    {
      name: 'GET /api/r/:code (a click: recorded, then a 302 to the destination)',
      endpoint: 'GET /api/r/:code',
      target: podium,
      status: 302,
      next: () => {
        const n = count('click');
        return {
          method: 'GET',
          path: `/api/r/${benchReferralCode(n % benchReferralSeed.members)}?p=x`,
          // Another visitor per request (a /24 of 16M addresses): counted clicks, not duplicates.
          headers: { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
        };
      },
    },
    {
      name: 'POST /api/conversions (a new conversion: attribution, fraud checks, commission, audit)',
      endpoint: 'POST /api/conversions',
      target: podium,
      check: (body) => typeof body.riskScore === 'number' || 'expected a scored conversion',
      next: () => {
        const n = count('conversion');
        return {
          method: 'POST',
          path: '/api/conversions',
          headers: { ...json, ...key },
          body: JSON.stringify({
            conversionId: `bench-${runId}-${n}`,
            referralCode: benchReferralCode(n % benchReferralSeed.members),
            amount: 20 + (n % 100),
            currency: 'USD',
            // Every signal that reads the database has something to look up.
            referee: {
              userId: `bench-referee-${n}`,
              email: `referee.${n}@example.com`,
              ip: `10.1.${(n >> 8) & 255}.${n & 255}`,
              fingerprint: `fp-${n % 5000}`,
            },
          }),
        };
      },
    },
  ];
}

/** The ETag of a first answer to `path`, which a 304 poll then sends as If-None-Match. */
async function etagOf(base, path) {
  const response = await fetch(`${base}${path}`);
  await response.arrayBuffer();
  const etag = response.headers.get('etag');
  if (!response.ok || !etag)
    throw new Error(`${path}: answered ${response.status} without an ETag to poll with`);
  return etag;
}

/** A scored action of one of the seeded players (a trade, a copy trade or a stake). */
function scoreEvent(eventId, n) {
  // Spread over every seeded player, so daily caps do not turn most events into `ignored` ones.
  const userId = benchScoreUser((n * 7919) % benchScoreSeed.users);
  if (n % 3 === 0)
    return { eventId, userId, action: 'TRADE_EXECUTE', metadata: { volumeUSD: 250, profitPercent: 4 } };
  if (n % 3 === 1)
    return { eventId, userId, action: 'COPY_TRADE', metadata: { success: true, delayMs: 1_500 } };
  return { eventId, userId, action: 'STAKE_SSE', metadata: { amount: 12_000, days: 30 } };
}

/** A `Bearer …` header per user the scenarios act as, valid around the app's fixed clock. */
export async function signBenchTokens(users = tokenSubjects) {
  const key = new TextEncoder().encode(benchJwtSecret);
  const iat = Math.floor(Date.parse(benchNow) / 1000);
  const signed = await Promise.all(
    users.map(async (user) => [
      user,
      `Bearer ${await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user)
        .setIssuedAt(iat)
        .setExpirationTime(iat + 86_400)
        .sign(key)}`,
    ]),
  );
  return Object.fromEntries(signed);
}

import {
  defaultStatsHistoryDays,
  defaultTokenList,
  emptyUserStats,
  maxStatsHistoryDays,
  statsHistoryQuerySchema,
  statsLeadersQuerySchema,
  statsLeadersRoute,
  userStatsHistoryRoute,
  userStatsRoute,
  userTransactionsCsvRoute,
  type StatsHistoryResponse,
  type StatsSubject,
  type TokenInfo,
  type UserStatsResponse,
  transactionsCsvColumns,
} from 'podium-kit/core';
import { Hono } from 'hono';
import type { Database } from '../db/Database.js';
import { invalidRequest } from '../errors.js';
import type { AppEnv } from '../http/AppEnv.js';
import { versionCacheOf } from '../db/versionCache.js';
import { createAnswerCache } from '../http/answerCache.js';
import { jsonWithEtag, strongEtag, taggedJson, type TaggedJson } from '../http/etag.js';
import { enqueueStatsCalculation } from './statsQueue.js';
import {
  createSqlUserStatsStore,
  emptyPercentiles,
  type ResolvedSubject,
  type StatsOf,
  type TransactionRow,
} from './userStatsStore.js';
import { readUserStatsVersion, userStatsVersionKey } from './userStatsVersion.js';

/** Options of {@link createUserStatsRoutes}. */
export interface UserStatsRoutesOptions {
  db: Database;
  /** Known payment tokens: symbols and decimals in the CSV export. @default defaultTokenList */
  tokens?: readonly TokenInfo[];
  /** Cached stats older than this are `stale` and a refresh is queued. @default 86_400_000 (24 h) */
  staleAfterMs?: number;
  /** What a 202 tells clients to wait before asking again, in seconds. @default 5 */
  retryAfterSeconds?: number;
  /** The clock: staleness, queue times, the default history range. @default () => new Date() */
  now?: () => Date;
  /** Rows per query of the CSV export (it streams page by page). @default 1000 */
  csvPageSize?: number;
}

const dayMs = 86_400_000;

/**
 * Cache policy of calculated figures (stats and history). CDNs keep them an hour and may serve
 * them stale for two more while they refresh (the design's CDN caching); they read
 * `CDN-Cache-Control` (RFC 9213), which browsers ignore. Browsers get `no-cache`: they may keep a
 * copy but must revalidate it on every use, which the strong ETag makes a cheap bodiless 304.
 * Browsers honour `stale-while-revalidate` too, so `s-maxage` in `Cache-Control` let the
 * browser's own cache answer the StatsTab's refetch with old figures (issue 9).
 */
const calculatedCacheHeaders = {
  'Cache-Control': 'no-cache',
  'CDN-Cache-Control': 'public, s-maxage=3600, stale-while-revalidate=7200',
};
const csvColumns = transactionsCsvColumns;

/**
 * Public user-stats reads: `GET /user/:identifier/stats` (200 cached, 202 queued),
 * `GET /user/:identifier/stats/history` (both 200s with a strong `ETag`, 304 when unchanged, and
 * the cache policy of `calculatedCacheHeaders`; the 202 and the CSV export are `no-store`), `GET /user/:identifier/transactions.csv` and
 * `GET /stats/leaders`. The figures themselves are written by the stats sync.
 */
export function createUserStatsRoutes(options: UserStatsRoutesOptions): Hono<AppEnv> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const staleAfterMs = options.staleAfterMs ?? dayMs;
  const retryAfterSeconds = options.retryAfterSeconds ?? 5;
  const pageSize = options.csvPageSize ?? 1000;
  const tokens = new Map((options.tokens ?? defaultTokenList).map((t) => [t.address.toLowerCase(), t]));
  const store = createSqlUserStatsStore(db);
  // Subjects with their cached rows by stats version and identifier: a poll of an unchanged row
  // runs no query while this process hears of every change (versionCache.ts, migration 023).
  const versions = versionCacheOf(db);
  const statsOfs = createAnswerCache<StatsOf>(5_000);
  // Their answers too (the JSON and its hash were a fifth of a cached read), by the same key.
  const answers = createAnswerCache<TaggedJson>(5_000);
  const routes = new Hono<AppEnv>();

  routes.get(userStatsRoute, async (c) => {
    const identifier = c.req.param('identifier');
    // Read before the row, so a row kept under this version is at least as new as the version.
    // While nothing is heard it is read from the database each time, a small query instead of the row's.
    const version = await versions.read(userStatsVersionKey, () => readUserStatsVersion(db));
    const memoKey = `${version} ${identifier}`;
    let statsOf = statsOfs.get(memoKey);
    if (!statsOf) {
      statsOf = await store.getStatsOf(identifier);
      // Only found rows: a 202 queues a calculation each time, and unknown names would crowd out known ones.
      if (statsOf.cached) statsOfs.set(memoKey, statsOf);
    }
    const { subject, cached } = statsOf;
    const at = now();
    if (!cached) {
      // The queue's primary key makes a burst of these queue one calculation.
      await enqueueStatsCalculation(db, subject.key, at);
      c.header('Cache-Control', 'no-store');
      c.header('Retry-After', String(retryAfterSeconds));
      const body: UserStatsResponse = {
        subject: publicSubject(subject),
        stats: emptyUserStats(),
        percentiles: emptyPercentiles(),
        cached: false,
        stale: false,
        calculatedAt: null,
        refreshFailedAt: null,
        retryAfterSeconds,
      };
      return c.json(body, 202);
    }
    const stale = at.getTime() - Date.parse(cached.calculatedAt) > staleAfterMs;
    if (stale) await enqueueStatsCalculation(db, subject.key, at);
    const answerKey = `${stale} ${memoKey}`;
    let answer = answers.get(answerKey);
    if (!answer) {
      const body: UserStatsResponse = {
        subject: publicSubject(subject),
        stats: cached.stats,
        percentiles: cached.percentiles,
        cached: true,
        stale,
        calculatedAt: cached.calculatedAt,
        refreshFailedAt: cached.refreshFailedAt,
      };
      const json = JSON.stringify(body);
      answer = { json, etag: strongEtag(json) };
      answers.set(answerKey, answer);
    }
    return taggedJson(c, answer, calculatedCacheHeaders);
  });

  routes.get(userStatsHistoryRoute, async (c) => {
    const subject = await store.resolveSubject(c.req.param('identifier'));
    const query = statsHistoryQuerySchema.parse(c.req.query());
    const today = now().toISOString().slice(0, 10);
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -(defaultStatsHistoryDays - 1));
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs + 1;
    if (span < 1) throw invalidRequest('The range is empty', { from: ['must not be after to'] });
    if (span > maxStatsHistoryDays) {
      throw invalidRequest('The range is too long', {
        to: [`must be at most ${maxStatsHistoryDays} days from from (both included)`],
      });
    }
    const body: StatsHistoryResponse = {
      subject: publicSubject(subject),
      from,
      to,
      days: await store.getHistory(subject.addresses, from, to),
    };
    return jsonWithEtag(c, body, calculatedCacheHeaders);
  });

  routes.get(statsLeadersRoute, async (c) => {
    const { metric, limit } = statsLeadersQuerySchema.parse(c.req.query());
    return c.json(await store.getLeaders(metric, limit));
  });

  routes.get(userTransactionsCsvRoute, async (c) => {
    const identifier = c.req.param('identifier').trim();
    const subject = await store.resolveSubject(identifier);
    // The first page is read before answering, so a database failure is still a proper 500.
    let page = await store.listTransactions(subject.addresses, { limit: pageSize });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(csvLine(csvColumns) + csvLines(page, tokens)));
        if (page.length < pageSize) controller.close();
      },
      // Pulled as the client reads: one page in memory at a time, whatever the trade count.
      async pull(controller) {
        try {
          const last = page[page.length - 1]!;
          page = await store.listTransactions(subject.addresses, { limit: pageSize, after: last });
          if (page.length > 0) controller.enqueue(encoder.encode(csvLines(page, tokens)));
          if (page.length < pageSize) controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileNameOf(identifier)}-transactions.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(body, 200);
  });

  return routes;
}

/** Formats an integer amount with `decimals` exactly (string arithmetic, no floating point). */
export function formatTokenAmount(raw: string, decimals: number | null): string {
  if (decimals === null || decimals === 0) return raw;
  const padded = raw.padStart(decimals + 1, '0');
  const whole = padded.slice(0, -decimals);
  const fraction = padded.slice(-decimals).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * One CSV cell: RFC 4180 quoting, and a leading `'` on cells a spreadsheet would run as a
 * formula (listing ids and token ids come from an indexer we do not control).
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvLines(rows: readonly TransactionRow[], tokens: ReadonlyMap<string, TokenInfo>): string {
  return rows
    .map((row) => {
      const token = tokens.get(row.currencyAddress);
      return csvLine([
        row.date,
        row.side,
        row.counterparty,
        row.listingId,
        row.nftContract,
        row.tokenId,
        String(row.editions),
        token?.symbol ?? row.currencyAddress,
        row.currencyAddress,
        formatTokenAmount(row.amountRaw, token?.decimals ?? null),
        row.amountRaw,
        row.purchaseId,
      ]);
    })
    .join('');
}

/**
 * The identifier as a file name: a user id may hold any printable character, but a header value
 * must be Latin-1 and a quoted file name must not hold a quote or a backslash, so anything else becomes `_`.
 */
function fileNameOf(identifier: string): string {
  return identifier.replace(/[^A-Za-z0-9_.@+-]/g, '_');
}

function publicSubject({ key: _key, ...subject }: ResolvedSubject): StatsSubject {
  return subject;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

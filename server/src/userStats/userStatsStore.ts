import {
  errorCodes,
  nativeTokenAddress,
  parseIdentifier,
  statsMetrics,
  type Percentile,
  type StatsHistoryDay,
  type StatsLeadersResponse,
  type StatsMetric,
  type StatsSubject,
  type UserStats,
} from 'podium-kit/core';
import { toIsoString, toNumber, type Database } from '../db/Database.js';
import { createPercentileIndex, statsMetricColumns, statsVersionSql } from './percentileIndex.js';
import { HttpError, invalidRequest } from '../errors.js';
import { userIdOfSubjectKey, userSubjectKey, type SubjectKey } from './subjects.js';

/** A stats subject as the routes answer it, plus its key in `podium_user_stats`. */
export interface ResolvedSubject extends StatsSubject {
  key: SubjectKey;
}

/** A subject an identifier names with its cached row (`null` when nothing is cached yet). */
export interface StatsOf {
  subject: ResolvedSubject;
  cached: CachedUserStats | null;
}

/** One cached row of `podium_user_stats` with where the subject stands on every metric. */
export interface CachedUserStats {
  stats: UserStats;
  percentiles: Record<StatsMetric, Percentile>;
  calculatedAt: string;
  refreshFailedAt: string | null;
}

/** One side of one purchase, as the CSV export lists it. */
export interface TransactionRow {
  /** ISO 8601 UTC with milliseconds; also the keyset position. */
  date: string;
  side: 'sale' | 'purchase';
  counterparty: string;
  listingId: string;
  nftContract: string;
  tokenId: string;
  editions: number;
  /** Lower-case payment token address. */
  currencyAddress: string;
  /** Integer amount in the token's smallest unit. */
  amountRaw: string;
  purchaseId: string;
}

/** Where a page of {@link UserStatsStore.listTransactions} starts: just after this row. */
export type TransactionsCursor = Pick<TransactionRow, 'date' | 'purchaseId' | 'side'>;

/** Read side of user stats: identifier resolution, the cache, history, leaders, transactions. */
export interface UserStatsStore {
  /**
   * Resolves a stats `:identifier`: an address to the user owning that wallet, else to the bare
   * address (valid with no activity); a handle to the user with that id, else that username
   * (case-insensitive).
   * @throws {HttpError} 400 naming `identifier` when malformed, 404 when no user has the handle.
   */
  resolveSubject(identifier: string): Promise<ResolvedSubject>;
  /** The cached stats of a subject with its percentiles (one query), or `null` when none yet. */
  getCachedStats(subject: SubjectKey): Promise<CachedUserStats | null>;
  /**
   * {@link resolveSubject} and {@link getCachedStats} in one statement (one round trip: what a
   * polled stats card costs).
   * @throws {HttpError} as {@link resolveSubject} does.
   */
  getStatsOf(identifier: string): Promise<StatsOf>;
  /** Activity of `addresses` per UTC day from `from` to `to` (`YYYY-MM-DD`, both included). */
  getHistory(addresses: readonly string[], from: string, to: string): Promise<StatsHistoryDay[]>;
  /** The top `limit` subjects by `metric` (non-zero values only), ties sharing a rank. */
  getLeaders(metric: StatsMetric, limit: number): Promise<StatsLeadersResponse>;
  /** Sales and purchases of `addresses`, newest first, one keyset page after `after`. */
  listTransactions(
    addresses: readonly string[],
    page: { limit: number; after?: TransactionsCursor | undefined },
  ): Promise<TransactionRow[]>;
}

export { statsMetricColumns } from './percentileIndex.js';

/** Every metric `null`: the percentiles of a subject with nothing calculated. */
export function emptyPercentiles(): Record<StatsMetric, Percentile> {
  return Object.fromEntries(statsMetrics.map((metric) => [metric, null])) as Record<StatsMetric, Percentile>;
}

interface UserRow {
  id: string;
  username: string | null;
  display_name: string | null;
  avatar_url: string | null;
  addresses: string[] | null;
}

const userSelect = `
  SELECT u.id, u.username, u.display_name, u.avatar_url,
         (SELECT array_agg(w.address ORDER BY w.address) FROM podium_user_wallets w WHERE w.user_id = u.id) AS addresses
    FROM podium_users u`;

/** A subject's row with its ranked values (as text: numerics exceed JavaScript numbers) and the stats version. */
const cachedStatsSql = `
  SELECT me.stats, me.calculated_at, me.refresh_failed_at,
         ${statsMetrics.map((metric) => `me.${statsMetricColumns[metric]}::text AS "${metric}"`).join(', ')},
         (${statsVersionSql}) AS version
    FROM podium_user_stats me
   WHERE me.subject = $1`;

/**
 * The subject an identifier names (an address's owner, or the user with that id, else username)
 * with its cached row, as {@link cachedStatsSql} reads it; the subject columns are null when no
 * user matched, the stats columns when nothing is cached.
 */
const statsOfSql = (by: 'address' | 'handle') => `
  WITH owner AS (
    ${userSelect}
     WHERE ${
       by === 'address'
         ? 'u.id = (SELECT user_id FROM podium_user_wallets WHERE address = $1)'
         : 'u.id = $1 OR lower(u.username) = lower($1) ORDER BY (u.id = $1) DESC LIMIT 1'
     })
  SELECT o.id, o.username, o.display_name, o.avatar_url, o.addresses, s.*
    FROM (SELECT 1) one
    LEFT JOIN owner o ON true
    LEFT JOIN LATERAL (${cachedStatsSql.replace(
      'me.subject = $1',
      `me.subject = CASE WHEN o.id IS NULL THEN $1 ELSE $2 || o.id END`,
    )}) s ON true`;
const statsOfAddressSql = statsOfSql('address');
const statsOfHandleSql = statsOfSql('handle');

const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The SQL implementation, the same on PGlite and Postgres. */
export function createSqlUserStatsStore(db: Database): UserStatsStore {
  // Percentiles come from an in-memory distribution reloaded when the stats change (see there).
  const percentileIndex = createPercentileIndex(db);
  /** A cached row with its percentiles. */
  async function toCachedStats(row: Record<string, unknown>): Promise<CachedUserStats> {
    const own = Object.fromEntries(
      statsMetrics.map((metric) => [metric, BigInt(row[metric] as string)]),
    ) as Record<StatsMetric, bigint>;
    const percentiles = await percentileIndex.percentiles(own, String(row.version ?? '0'));
    return {
      stats: row.stats as UserStats,
      percentiles,
      calculatedAt: toIsoString(row.calculated_at),
      refreshFailedAt: row.refresh_failed_at == null ? null : toIsoString(row.refresh_failed_at),
    };
  }

  return {
    async resolveSubject(identifier) {
      const parsed = parseIdentifier(identifier);
      if (parsed.kind === 'invalid') {
        throw invalidRequest('Invalid identifier', { identifier: [parsed.reason] });
      }
      if (parsed.kind === 'address') {
        const [owner] = await db.query<UserRow>(
          `${userSelect} WHERE u.id = (SELECT user_id FROM podium_user_wallets WHERE address = $1)`,
          [parsed.address],
        );
        return owner ? userSubject(owner) : addressSubject(parsed.address);
      }
      // The id wins over someone else's username that happens to equal it.
      const [user] = await db.query<UserRow>(
        `${userSelect} WHERE u.id = $1 OR lower(u.username) = lower($1) ORDER BY (u.id = $1) DESC LIMIT 1`,
        [parsed.handle],
      );
      if (!user) {
        throw new HttpError(404, errorCodes.notFound, `No user with id or username "${parsed.handle}"`);
      }
      return userSubject(user);
    },

    async getCachedStats(subject) {
      const [row] = await db.query<Record<string, unknown>>(cachedStatsSql, [subject]);
      return row ? toCachedStats(row) : null;
    },

    async getStatsOf(identifier) {
      const parsed = parseIdentifier(identifier);
      if (parsed.kind === 'invalid') {
        throw invalidRequest('Invalid identifier', { identifier: [parsed.reason] });
      }
      const [row] = await db.query<UserRow & Record<string, unknown>>(
        parsed.kind === 'address' ? statsOfAddressSql : statsOfHandleSql,
        [parsed.kind === 'address' ? parsed.address : parsed.handle, userSubjectKey('')],
      );
      let subject: ResolvedSubject;
      if (row?.id != null) subject = userSubject(row);
      else if (parsed.kind === 'address') subject = addressSubject(parsed.address);
      else throw new HttpError(404, errorCodes.notFound, `No user with id or username "${parsed.handle}"`);
      return { subject, cached: row?.calculated_at == null ? null : await toCachedStats(row) };
    },

    async getHistory(addresses, from, to) {
      const rows = await db.query<{
        date: string;
        sales_count: unknown;
        sales_volume: string;
        purchases_count: unknown;
        purchases_volume: string;
        bids_placed: unknown;
      }>(historySql, [from, to, [...addresses], nativeTokenAddress]);
      return rows.map((row) => ({
        date: row.date,
        salesCount: toNumber(row.sales_count),
        salesVolumeWei: row.sales_volume,
        purchasesCount: toNumber(row.purchases_count),
        purchasesVolumeWei: row.purchases_volume,
        bidsPlaced: toNumber(row.bids_placed),
      }));
    },

    async getLeaders(metric, limit) {
      const column = statsMetricColumns[metric];
      const rows = await db.query<{
        subject: string;
        stored_addresses: string[];
        value: string;
        rank: unknown;
        total: unknown;
        updated_at: unknown;
        username: string | null;
        display_name: string | null;
        avatar_url: string | null;
      }>(
        // Window functions run before LIMIT: total and updatedAt cover every ranked subject.
        `SELECT s.subject, s.addresses AS stored_addresses, s.${column}::text AS value,
                (rank() OVER (ORDER BY s.${column} DESC))::int AS rank,
                (count(*) OVER ())::int AS total,
                max(s.calculated_at) OVER () AS updated_at,
                u.username, u.display_name, u.avatar_url
           FROM podium_user_stats s
           LEFT JOIN podium_users u ON s.subject LIKE 'user:%' AND u.id = substr(s.subject, 6)
          WHERE s.${column} > 0
          ORDER BY s.${column} DESC, s.subject
          LIMIT $1`,
        [limit],
      );
      const first = rows[0];
      return {
        metric,
        leaders: rows.map((row) => {
          const userId = userIdOfSubjectKey(row.subject);
          return {
            rank: toNumber(row.rank),
            subject: {
              kind: userId === null ? 'address' : 'user',
              userId,
              username: row.username ?? null,
              displayName: row.display_name ?? null,
              avatarUrl: row.avatar_url ?? null,
              addresses: [...(row.stored_addresses ?? [])].sort(),
            },
            value: row.value,
          };
        }),
        total: first ? toNumber(first.total) : 0,
        updatedAt: first ? toIsoString(first.updated_at) : null,
      };
    },

    async listTransactions(addresses, { limit, after }) {
      // The keyset condition goes into each branch so each can walk its (wallet, timestamp) index.
      const keyset = (side: 'sale' | 'purchase') =>
        after
          ? `AND p."timestamp" <= $3::timestamptz
             AND (p."timestamp", p.id, '${side}'::text) < ($3::timestamptz, $4::text, $5::text)`
          : '';
      const branch = (side: 'sale' | 'purchase', own: string, counterparty: string) => `
        (SELECT ${isoUtc('p."timestamp"')} AS date, p."timestamp" AS ts, '${side}'::text AS side,
                p.${counterparty} AS counterparty, p.listing_id, p.token_address, p.token_id, p.count,
                lower(p.erc20) AS currency_address, p.amount::text AS amount_raw, p.id
           FROM podium_market_purchases p
          WHERE p.${own} = ANY($1::text[]) ${keyset(side)}
          ORDER BY p."timestamp" DESC, p.id DESC LIMIT $2)`;
      const rows = await db.query<{
        date: string;
        side: 'sale' | 'purchase';
        counterparty: string;
        listing_id: string;
        token_address: string;
        token_id: string;
        count: unknown;
        currency_address: string;
        amount_raw: string;
        id: string;
      }>(
        `SELECT * FROM (${branch('sale', 'seller', 'buyer')} UNION ALL ${branch('purchase', 'buyer', 'seller')}) t
          ORDER BY t.ts DESC, t.id DESC, t.side DESC LIMIT $2`,
        after ? [[...addresses], limit, after.date, after.purchaseId, after.side] : [[...addresses], limit],
      );
      return rows.map((row) => ({
        date: row.date,
        side: row.side,
        counterparty: row.counterparty,
        listingId: row.listing_id,
        nftContract: row.token_address,
        tokenId: row.token_id,
        editions: toNumber(row.count),
        currencyAddress: row.currency_address,
        amountRaw: row.amount_raw,
        purchaseId: row.id,
      }));
    },
  };
}

/**
 * Every day of the range (generate_series over timestamps, so the session time zone plays no
 * part), with each day's activity bucketed by its UTC date. $3 = wallets, $4 = native token.
 */
const historySql = `
  WITH bounds AS (
    SELECT $1::date::timestamp AT TIME ZONE 'UTC' AS lo, ($2::date + 1)::timestamp AT TIME ZONE 'UTC' AS hi
  ), days AS (
    SELECT d::date AS day FROM generate_series($1::date::timestamp, $2::date::timestamp, interval '1 day') AS d
  ), sales AS (
    SELECT (p."timestamp" AT TIME ZONE 'UTC')::date AS day, count(*) AS n,
           sum(p.amount) FILTER (WHERE lower(p.erc20) = $4) AS volume
      FROM podium_market_purchases p, bounds b
     WHERE p.seller = ANY($3::text[]) AND p."timestamp" >= b.lo AND p."timestamp" < b.hi
     GROUP BY 1
  ), purchases AS (
    SELECT (p."timestamp" AT TIME ZONE 'UTC')::date AS day, count(*) AS n,
           sum(p.amount) FILTER (WHERE lower(p.erc20) = $4) AS volume
      FROM podium_market_purchases p, bounds b
     WHERE p.buyer = ANY($3::text[]) AND p."timestamp" >= b.lo AND p."timestamp" < b.hi
     GROUP BY 1
  ), bids AS (
    SELECT (x."timestamp" AT TIME ZONE 'UTC')::date AS day, count(*) AS n
      FROM podium_market_bids x, bounds b
     WHERE x.bidder = ANY($3::text[]) AND x."timestamp" >= b.lo AND x."timestamp" < b.hi
     GROUP BY 1
  )
  SELECT to_char(d.day, 'YYYY-MM-DD') AS date,
         coalesce(s.n, 0)::int AS sales_count, coalesce(s.volume, 0)::text AS sales_volume,
         coalesce(p.n, 0)::int AS purchases_count, coalesce(p.volume, 0)::text AS purchases_volume,
         coalesce(b.n, 0)::int AS bids_placed
    FROM days d
    LEFT JOIN sales s ON s.day = d.day
    LEFT JOIN purchases p ON p.day = d.day
    LEFT JOIN bids b ON b.day = d.day
   ORDER BY d.day`;

/** An address no user owns: valid, with no activity until the indexer sees some. */
function addressSubject(address: string): ResolvedSubject {
  return {
    key: address,
    kind: 'address',
    userId: null,
    username: null,
    displayName: null,
    avatarUrl: null,
    addresses: [address],
  };
}

function userSubject(row: UserRow): ResolvedSubject {
  return {
    key: userSubjectKey(row.id),
    kind: 'user',
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    addresses: row.addresses ?? [],
  };
}

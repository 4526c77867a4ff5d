import {
  nativeTokenAddress,
  statsMetrics,
  type Percentile,
  type StatsHistoryDay,
  type StatsHistoryResponse,
  type StatsLeadersResponse,
  type StatsMetric,
  type StatsSubject,
  type TokenAmount,
  type UserStats,
  type UserStatsResponse,
} from '../../src/userStats/contract.js';
import { addDays, dayKey, eachDay } from '../../src/shared/periods.js';
import { createSeededRandom } from '../../src/shared/random.js';
import { emptyUserStats, statsMetricValue, topPercent } from '../../src/userStats/userStats.js';

/**
 * Typed fixtures for user stats (design note 000): one registered user with realistic figures in
 * three payment tokens (ETH, USDC with 6 decimals, and a token the server's list does not know),
 * plus history and leaders. Percentiles follow the contract: `null` wherever the value is zero.
 */

const HOUR_MS = 3_600_000;

/** USDC (6 decimals), a token the default fixtures pay in. */
export const usdcToken = {
  address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
  symbol: 'USDC',
  decimals: 6,
} as const;
/** A payment token the server's token list does not know: no symbol, no decimals. */
export const unknownTokenAddress = '0x1f9840a85d5af5bf1d1762f925bdaddc4201f984';

/** The instant fixtures are calculated at unless told otherwise. */
export const defaultUserStatsFixtureDate = '2025-01-15T09:30:00.000Z';

/** The registered user every user-stats fixture and mock scenario is about by default. */
export const defaultStatsSubject: StatsSubject = {
  kind: 'user',
  userId: 'u_alice',
  username: 'alice',
  displayName: 'Alice Moreau',
  avatarUrl: null,
  addresses: ['0x5e1c3a4b2f7d9e8a6b0c1d2e3f4a5b6c7d8e9f01', '0x9b2f4d6e8a0c1e3f5a7b9d1f3e5c7a9b1d3f5e07'],
};

function token(
  address: string,
  symbol: string | null,
  decimals: number | null,
  count: number,
  amount: string,
): TokenAmount {
  return { address, symbol, decimals, count, amount };
}

const eth = (count: number, amount: string) => token(nativeTokenAddress, 'ETH', 18, count, amount);
const usdc = (count: number, amount: string) =>
  token(usdcToken.address, usdcToken.symbol, usdcToken.decimals, count, amount);

/** Alice's figures: 18.7345 ETH sold, 1.2345 ETH bought, sales in USDC and an unknown token too. */
function defaultStats(): UserStats {
  return {
    sales: {
      count: 42,
      editions: 57,
      volumeWei: '18734500000000000000',
      uniqueBuyers: 31,
      tokens: [
        eth(30, '18734500000000000000'),
        usdc(10, '12450500000'),
        token(unknownTokenAddress, null, null, 2, '250000000000000000000'),
      ],
      firstAt: '2023-04-02T14:05:00.000Z',
      lastAt: '2025-01-14T18:22:00.000Z',
    },
    purchases: {
      count: 17,
      editions: 19,
      volumeWei: '1234500000000000000',
      uniqueSellers: 12,
      tokens: [eth(15, '1234500000000000000'), usdc(2, '99990000')],
      firstAt: '2023-06-11T09:40:00.000Z',
      lastAt: '2025-01-10T21:03:00.000Z',
    },
    bids: {
      placed: 64,
      won: 9,
      active: 3,
      volumeWei: '5120000000000000000',
      tokens: [eth(64, '5120000000000000000')],
    },
    offers: { made: 11, received: 23, accepted: 4, rescinded: 2 },
    listings: { active: 6, created: 48, cancelled: 3 },
  };
}

/** Where the default user stands: rank of how many, per metric. */
const defaultRanks: Record<StatsMetric, [rank: number, of: number]> = {
  salesVolume: [52, 1840],
  salesCount: [61, 1840],
  uniqueBuyers: [75, 1840],
  purchasesVolume: [410, 2310],
  purchasesCount: [380, 2310],
  uniqueSellers: [450, 2310],
  bidsPlaced: [120, 1205],
  bidsWon: [200, 640],
  offersMade: [300, 900],
  listingsCreated: [40, 1500],
  trades: [90, 3100],
};

/** A percentile as the server computes it. */
export function createPercentile(rank: number, of: number): Percentile {
  return { rank, of, topPercent: topPercent(rank, of) };
}

/** Every metric's percentile `null`, as on a 202 or for a subject with no activity. */
export function nullPercentiles(): UserStatsResponse['percentiles'] {
  return Object.fromEntries(statsMetrics.map((metric) => [metric, null])) as UserStatsResponse['percentiles'];
}

/** What {@link createUserStatsFixture} takes: any field, and any part of any stats section. */
export interface UserStatsFixtureOverrides {
  subject?: Partial<StatsSubject>;
  /** Replaces fields of a section, e.g. `{ sales: { count: 0 } }`; a whole `UserStats` works too. */
  stats?: { [Section in keyof UserStats]?: Partial<UserStats[Section]> };
  /** Per metric; metrics left out get the default rank, or `null` where the value is zero. */
  percentiles?: Partial<UserStatsResponse['percentiles']>;
  cached?: boolean;
  stale?: boolean;
  calculatedAt?: string | null;
  refreshFailedAt?: string | null;
  retryAfterSeconds?: number;
}

/**
 * A 200 `GET /user/:identifier/stats` body, valid against `userStatsResponseSchema`: the default
 * user's figures with `overrides` applied. A metric whose value is zero gets a `null` percentile
 * unless `overrides.percentiles` says otherwise, as on the server.
 *
 * @example createUserStatsFixture({ stats: emptyUserStats() })
 * @example createUserStatsFixture({ stale: true, stats: { sales: { volumeWei: '0', tokens: [] } } })
 */
export function createUserStatsFixture(overrides: UserStatsFixtureOverrides = {}): UserStatsResponse {
  const base = defaultStats();
  const given = overrides.stats ?? {};
  const stats: UserStats = {
    sales: { ...base.sales, ...given.sales },
    purchases: { ...base.purchases, ...given.purchases },
    bids: { ...base.bids, ...given.bids },
    offers: { ...base.offers, ...given.offers },
    listings: { ...base.listings, ...given.listings },
  };
  const percentiles = nullPercentiles();
  for (const metric of statsMetrics) {
    if (overrides.percentiles && metric in overrides.percentiles)
      percentiles[metric] = overrides.percentiles[metric] ?? null;
    else if (statsMetricValue(stats, metric) > 0n)
      percentiles[metric] = createPercentile(...defaultRanks[metric]);
  }
  const response: UserStatsResponse = {
    subject: { ...defaultStatsSubject, ...overrides.subject },
    stats,
    percentiles,
    cached: overrides.cached ?? true,
    stale: overrides.stale ?? false,
    calculatedAt: overrides.calculatedAt === undefined ? defaultUserStatsFixtureDate : overrides.calculatedAt,
    refreshFailedAt: overrides.refreshFailedAt ?? null,
  };
  if (overrides.retryAfterSeconds !== undefined) response.retryAfterSeconds = overrides.retryAfterSeconds;
  return response;
}

/** The 202 body: zeroed stats, every percentile `null`, not cached, ask again in `retryAfterSeconds`. */
export function createPendingUserStatsFixture(
  subject: StatsSubject = defaultStatsSubject,
  retryAfterSeconds = 2,
): UserStatsResponse {
  return {
    subject,
    stats: emptyUserStats(),
    percentiles: nullPercentiles(),
    cached: false,
    stale: false,
    calculatedAt: null,
    refreshFailedAt: null,
    retryAfterSeconds,
  };
}

/** Options of every user-stats scenario. */
export interface UserStatsScenarioOptions {
  /** "Now": `calculatedAt` and history are dated back from it. @default new Date() */
  now?: Date;
}

/** A named, ready-made 200 answer of `GET /user/:identifier/stats`. */
export interface UserStatsScenario {
  description: string;
  createResponse(options?: UserStatsScenarioOptions): UserStatsResponse;
}

/** Names of the data scenarios in {@link userStatsScenarios}. */
export type UserStatsScenarioName = 'success' | 'empty' | 'largeNumbers' | 'stale' | 'refreshFailed';

const hoursBefore = (now: Date, hours: number) => new Date(now.getTime() - hours * HOUR_MS).toISOString();

/** Ready answers for user stats, each calculated relative to `now`. */
export const userStatsScenarios: Readonly<Record<UserStatsScenarioName, UserStatsScenario>> = {
  success: {
    description: 'An active seller and collector, calculated 3 hours ago: ETH, USDC and an unknown token.',
    createResponse: ({ now = new Date() } = {}) =>
      createUserStatsFixture({ calculatedAt: hoursBefore(now, 3) }),
  },
  empty: {
    description: 'Calculated an hour ago, but the user has never listed, bought, sold, bid or offered.',
    createResponse: ({ now = new Date() } = {}) =>
      createUserStatsFixture({ stats: emptyUserStats(), calculatedAt: hoursBefore(now, 1) }),
  },
  largeNumbers: {
    description: 'A whale: volumes of about a trillion ETH and millions of records, for number formatting.',
    createResponse: ({ now = new Date() } = {}) =>
      createUserStatsFixture({
        calculatedAt: hoursBefore(now, 3),
        stats: {
          sales: {
            count: 4_812_331,
            editions: 9_120_554,
            volumeWei: '987654321098765432109876543210',
            uniqueBuyers: 1_204_877,
            tokens: [eth(4_000_000, '987654321098765432109876543210'), usdc(812_331, '123456789012345678')],
          },
          purchases: {
            count: 2_345_678,
            editions: 3_000_001,
            volumeWei: '123456789012345678901234567',
            uniqueSellers: 654_321,
            tokens: [eth(2_345_678, '123456789012345678901234567')],
          },
          bids: {
            placed: 12_345_678,
            won: 1_234_567,
            active: 4_321,
            volumeWei: '5555555555555555555555555555',
            tokens: [],
          },
          offers: { made: 765_432, received: 1_987_654, accepted: 123_456, rescinded: 54_321 },
          listings: { active: 12_345, created: 2_468_024, cancelled: 13_579 },
        },
      }),
  },
  stale: {
    description: 'Last calculated 2 days ago: older than the stale age, a refresh is queued.',
    createResponse: ({ now = new Date() } = {}) =>
      createUserStatsFixture({ stale: true, calculatedAt: hoursBefore(now, 49) }),
  },
  refreshFailed: {
    description: 'Stale, and the last refresh failed 20 minutes ago: the last good figures are shown.',
    createResponse: ({ now = new Date() } = {}) =>
      createUserStatsFixture({
        stale: true,
        calculatedAt: hoursBefore(now, 30),
        refreshFailedAt: hoursBefore(now, 1 / 3),
      }),
  },
};

/** Options of {@link createStatsHistoryFixture}. */
export interface StatsHistoryFixtureOptions {
  subject?: StatsSubject;
  /** First and last UTC day, both included. @default the 90 days up to today (UTC) */
  from?: string;
  to?: string;
  /** `quiet`: every day zero; `heavy`: whale-sized volumes. @default 'active' */
  activity?: 'active' | 'quiet' | 'heavy';
  /** Seed mixed into every day's figures. @default 7 */
  seed?: number;
  now?: Date;
}

const WEI_PER_MILLI_ETH = 10n ** 15n;

/** A day's figures depend only on the day and the seed, so any range of the same data agrees. */
function historyDay(date: string, activity: 'active' | 'heavy', seed: number): StatsHistoryDay {
  const random = createSeededRandom(seed * 100_003 + Number(date.replaceAll('-', '')));
  const busy = random.next() < (activity === 'heavy' ? 0.9 : 0.35);
  if (!busy) return zeroDay(date);
  const sales = random.int(0, activity === 'heavy' ? 5_000 : 3);
  const purchases = random.int(0, activity === 'heavy' ? 3_000 : 2);
  const scale = activity === 'heavy' ? 10n ** 24n : WEI_PER_MILLI_ETH;
  return {
    date,
    salesCount: sales,
    salesVolumeWei: (BigInt(sales * random.int(50, 900)) * scale).toString(),
    purchasesCount: purchases,
    purchasesVolumeWei: (BigInt(purchases * random.int(20, 600)) * scale).toString(),
    bidsPlaced: random.int(0, activity === 'heavy' ? 20_000 : 6),
  };
}

function zeroDay(date: string): StatsHistoryDay {
  return {
    date,
    salesCount: 0,
    salesVolumeWei: '0',
    purchasesCount: 0,
    purchasesVolumeWei: '0',
    bidsPlaced: 0,
  };
}

/** A `GET /user/:identifier/stats/history` body: every UTC day of the range, quiet days as zeros. */
export function createStatsHistoryFixture(options: StatsHistoryFixtureOptions = {}): StatsHistoryResponse {
  const { subject = defaultStatsSubject, activity = 'active', seed = 7, now = new Date() } = options;
  const to = options.to ?? dayKey(now, 'UTC');
  const from = options.from ?? addDays(to, -89);
  return {
    subject,
    from,
    to,
    days: eachDay(from, to).map((date) =>
      activity === 'quiet' ? zeroDay(date) : historyDay(date, activity, seed),
    ),
  };
}

/** Options of {@link createStatsLeadersFixture}. */
export interface StatsLeadersFixtureOptions {
  metric?: StatsMetric;
  limit?: number;
  /** How many subjects have a non-zero value. @default 24 */
  total?: number;
  /** Multiplies every value (e.g. `10n ** 12n` for whale volumes). @default 1n */
  scale?: bigint;
  now?: Date;
}

const volumeMetrics: ReadonlySet<StatsMetric> = new Set(['salesVolume', 'purchasesVolume']);

/**
 * A `GET /stats/leaders` body: `total` deterministic subjects (the default user among them)
 * ranked by `metric`, equal values sharing a rank (1, 2, 2, 4).
 */
export function createStatsLeadersFixture(options: StatsLeadersFixtureOptions = {}): StatsLeadersResponse {
  const { metric = 'salesVolume', limit = 10, total = 24, scale = 1n, now = new Date() } = options;
  const random = createSeededRandom(statsMetrics.indexOf(metric) + 11);
  const unit = volumeMetrics.has(metric) ? WEI_PER_MILLI_ETH * 10n : 1n;
  const entries = Array.from({ length: total }, (_, index) => {
    const subject: StatsSubject =
      index === 3
        ? defaultStatsSubject
        : {
            kind: index % 3 === 0 ? 'address' : 'user',
            userId: index % 3 === 0 ? null : `u_${index}`,
            username: index % 3 === 0 ? null : `collector${index}`,
            displayName: index % 3 === 0 ? null : `Collector ${index}`,
            avatarUrl: null,
            addresses: [`0x${(index + 1).toString(16).padStart(40, 'a')}`],
          };
    // Rounded to tens so that ties happen, as they do for real counts.
    const value = BigInt(Math.max(1, Math.round(random.int(1, 400) / 10)) * 10) * unit * scale;
    return { subject, value };
  });
  entries.sort((a, b) => (b.value > a.value ? 1 : b.value < a.value ? -1 : 0));
  const leaders = entries.slice(0, limit).map(({ subject, value }) => ({
    // Competition ranking: one more than the number of subjects with a higher value.
    rank: entries.findIndex((other) => other.value === value) + 1,
    subject,
    value: value.toString(),
  }));
  return {
    metric,
    leaders,
    total,
    updatedAt: total > 0 ? new Date(now.getTime() - 3 * HOUR_MS).toISOString() : null,
  };
}

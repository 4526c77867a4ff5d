import { leaderboardPeriods, sellerMetrics, type LeaderboardPeriodKind, type SellerDashboard, type SellerMetric } from '../../src/sellerBoards/contract.js';
import { defaultLeaderboardLimit, type LeaderboardEntry, type LeaderboardPeriod, type LeaderboardResponse } from '../../src/shared/leaderboard.js';
import { createSeededRandom } from '../../src/shared/random.js';
import { aroundOffset, rankEntries, type TieMode } from '../../src/shared/ranking.js';

/**
 * Typed fixtures for the seller leaderboard and the seller dashboard (design note 001): a board
 * of deterministic sellers with ties, some with avatars (inline SVG, so no network), one of them
 * the mocks' known user `u_alice` somewhere in the middle, so "jump to me" has somewhere to go.
 */

const MINUTE_MS = 60_000;

/** The user the leaderboard mocks (and the stories' `currentUserId`) treat as "me". */
export const leaderboardCurrentUserId = 'u_alice';

/** The instant fixtures are built at unless told otherwise. */
export const defaultLeaderboardFixtureDate = '2025-01-15T09:30:00.000Z';

/** One board's value key: metric and period, e.g. `sales:month`. */
export type LeaderboardValueKey = `${SellerMetric}:${LeaderboardPeriodKind}`;

/** A seller as the mock boards store it: a value per metric and period, and when it was reached. */
export interface LeaderboardSeller {
  userId: string;
  displayName: string | null;
  avatarUrl: string | null;
  values: Record<LeaderboardValueKey, number>;
  /** When each value was reached (ISO 8601): decides `first-reached` ties and `updatedAt`. */
  reachedAt: Record<LeaderboardValueKey, string>;
  /** Active listings and earnings, for the dashboard. */
  activeListings: number;
  earnings: {
    month: { currency: string; amount: string }[];
    allTime: { currency: string; amount: string }[];
  };
}

export interface LeaderboardSellersOptions {
  /** How many sellers (the known user among them when `count > 13`). @default 24 */
  count?: number;
  /** Multiplies every value, e.g. `1e9` for huge boards (kept below 2^53). @default 1 */
  scale?: number;
  /** Seed of the generated values. @default 5 */
  seed?: number;
  /** Values were reached in the minutes before this. @default the real clock */
  now?: Date;
}

const valueKeys: readonly LeaderboardValueKey[] = sellerMetrics.flatMap((metric) =>
  leaderboardPeriods.map((period) => `${metric}:${period}` as const),
);

const firstNames = [
  'Noah',
  'Mia',
  'Liam',
  'Ava',
  'Lucas',
  'Zoe',
  'Ethan',
  'Isla',
  'Omar',
  'Yuki',
  'Priya',
  'Diego',
];
const lastNames = ['Okafor', 'Lindqvist', 'Haddad', 'Tanaka', 'Moreno', 'Novak', 'Silva', 'Kowalski'];
const avatarColors = ['#1d4ed8', '#15803d', '#b91c1c', '#7c3aed', '#c2410c', '#0f766e'];

/** A tiny inline SVG avatar: a coloured disc, no network request. */
function avatar(color: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" fill="${color}"/><circle cx="20" cy="16" r="7" fill="#fff"/><path d="M7 34a13 13 0 0 1 26 0" fill="#fff"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * Deterministic sellers: values rounded so that ties happen (as with real counts), a few with no
 * sales this month (not ranked on the monthly board), every third with an avatar. Index 13 is the
 * known user, Alice Moreau, mid-board.
 */
export function createLeaderboardSellers(options: LeaderboardSellersOptions = {}): LeaderboardSeller[] {
  const { count = 24, scale = 1, seed = 5, now = new Date() } = options;
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const known = index === 13;
    const salesAll = random.int(4, 60) * 5;
    const viewsAll = random.int(20, 400) * 25;
    // Every seventh seller sold nothing this month: off the monthly sales board.
    const drawn = index % 7 === 5 ? 0 : Math.min(salesAll, random.int(1, 12) * 2);
    // Alice sits mid-board on the monthly sales board (tied, as it happens, with another seller).
    const salesMonth = known ? 10 : drawn;
    const viewsMonth = Math.min(viewsAll, random.int(2, 80) * 10);
    const values = {
      'sales:month': salesMonth * scale,
      'sales:all-time': salesAll * scale,
      'views:month': viewsMonth * scale,
      'views:all-time': viewsAll * scale,
    } satisfies Record<LeaderboardValueKey, number>;
    const reachedAt = Object.fromEntries(
      valueKeys.map((key, k) => [
        key,
        new Date(now.getTime() - (3 + index * 11 + k * 5) * MINUTE_MS).toISOString(),
      ]),
    ) as Record<LeaderboardValueKey, string>;
    const first = firstNames[index % firstNames.length]!;
    const last = lastNames[(index * 5) % lastNames.length]!;
    return {
      userId: known ? leaderboardCurrentUserId : `s_${String(index + 1).padStart(2, '0')}`,
      // Some sellers never set a display name: the board shows their id.
      displayName: known ? 'Alice Moreau' : index % 9 === 4 ? null : `${first} ${last}`,
      avatarUrl: !known && index % 3 === 0 ? avatar(avatarColors[index % avatarColors.length]!) : null,
      values,
      reachedAt,
      activeListings: random.int(0, 30),
      earnings: {
        month: [
          { currency: 'USD', amount: (salesMonth * 42.5 * scale).toFixed(2) },
          { currency: 'ETH', amount: (salesMonth * 0.0125 * scale).toFixed(4) },
        ],
        allTime: [
          { currency: 'USD', amount: (salesAll * 39.75 * scale).toFixed(2) },
          { currency: 'ETH', amount: (salesAll * 0.0115 * scale).toFixed(4) },
        ],
      },
    };
  });
}

/** The UTC month (`YYYY-MM`) of an instant. */
export function monthKey(instant: Date): string {
  return instant.toISOString().slice(0, 7);
}

/** The period object of a board: a UTC month with its bounds, or all time. */
export function leaderboardPeriod(period: LeaderboardPeriodKind, month: string): LeaderboardPeriod {
  if (period === 'all-time') return { kind: 'all-time' };
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return {
    kind: 'month',
    month,
    start: new Date(Date.UTC(year, mon - 1, 1)).toISOString(),
    end: new Date(Date.UTC(year, mon, 1)).toISOString(),
  };
}

/** A board query with the server's defaults filled in. */
export interface LeaderboardFixtureQuery {
  metric?: SellerMetric;
  period?: LeaderboardPeriodKind;
  /** `YYYY-MM`. @default the month of `now` */
  month?: string;
  limit?: number;
  offset?: number;
  around?: string;
  ties?: TieMode;
}

/**
 * A `GET /leaderboards/sellers` body over `sellers`, as the server builds it: sellers with a
 * value above zero ranked by `ties` (`rankEntries`), one page of `limit` from `offset`, or the
 * page centred on `around` (`aroundOffset`) with that user's standing.
 */
export function buildLeaderboardResponse(
  sellers: readonly LeaderboardSeller[],
  query: LeaderboardFixtureQuery = {},
  now: Date = new Date(),
): LeaderboardResponse {
  const metric = query.metric ?? 'sales';
  const period = query.period ?? 'month';
  const ties = query.ties ?? 'standard';
  const limit = query.limit ?? defaultLeaderboardLimit;
  const key: LeaderboardValueKey = `${metric}:${period}`;
  const ranked = rankEntries(
    sellers
      .filter((seller) => seller.values[key] > 0)
      .map((seller) => ({
        id: seller.userId,
        value: seller.values[key],
        reachedAt: seller.reachedAt[key],
        seller,
      })),
    ties,
  );
  let offset = query.offset ?? 0;
  let around: LeaderboardResponse['around'];
  if (query.around !== undefined) {
    const index = ranked.findIndex((item) => item.entry.id === query.around);
    const me = ranked[index];
    around = me ? { userId: me.entry.id, rank: me.rank, value: me.entry.value } : null;
    offset = me ? aroundOffset(index, limit, ranked.length) : 0;
  }
  const entries: LeaderboardEntry[] = ranked.slice(offset, offset + limit).map(({ rank, entry }) => ({
    rank,
    userId: entry.id,
    displayName: entry.seller.displayName,
    avatarUrl: entry.seller.avatarUrl,
    value: entry.value,
  }));
  const updatedAt = ranked.reduce<string | null>(
    (latest, { entry }) => (latest === null || entry.reachedAt > latest ? entry.reachedAt : latest),
    null,
  );
  return {
    board: 'sellers',
    metric,
    period: leaderboardPeriod(period, query.month ?? monthKey(now)),
    ties,
    entries,
    total: ranked.length,
    offset,
    limit,
    updatedAt,
    ...(around === undefined ? {} : { around }),
  };
}

export interface LeaderboardFixtureOptions extends LeaderboardFixtureQuery, LeaderboardSellersOptions {}

/** A board body over {@link createLeaderboardSellers}: `createLeaderboardFixture({ metric: 'views', limit: 10 })`. */
export function createLeaderboardFixture(options: LeaderboardFixtureOptions = {}): LeaderboardResponse {
  const now = options.now ?? new Date(defaultLeaderboardFixtureDate);
  return buildLeaderboardResponse(createLeaderboardSellers({ ...options, now }), options, now);
}

/** A seller's dashboard over the mock sellers: their counts, earnings and standard-ties ranks. */
export function buildSellerDashboard(
  sellers: readonly LeaderboardSeller[],
  sellerId: string,
  now: Date = new Date(),
): SellerDashboard {
  const seller = sellers.find((candidate) => candidate.userId === sellerId);
  const rankOn = (key: LeaderboardValueKey): number | null => {
    if (!seller || seller.values[key] <= 0) return null;
    // Standard ties: one more than the sellers strictly ahead.
    return sellers.filter((other) => other.values[key] > seller.values[key]).length + 1;
  };
  const value = (key: LeaderboardValueKey) => seller?.values[key] ?? 0;
  return {
    sellerId,
    month: monthKey(now),
    activeListings: seller?.activeListings ?? 0,
    views: { month: value('views:month'), allTime: value('views:all-time') },
    sales: { month: value('sales:month'), allTime: value('sales:all-time') },
    earnings: seller ? structuredClone(seller.earnings) : { month: [], allTime: [] },
    rank: {
      sales: { month: rankOn('sales:month'), allTime: rankOn('sales:all-time') },
      views: { month: rankOn('views:month'), allTime: rankOn('views:all-time') },
    },
  };
}

export interface SellerDashboardFixtureOptions extends LeaderboardSellersOptions {
  /** Whose dashboard. @default 'u_alice' */
  sellerId?: string;
}

/** A `GET /sellers/:id/dashboard` body: `createSellerDashboardFixture()` is Alice's. */
export function createSellerDashboardFixture(
  options: SellerDashboardFixtureOptions = {},
  overrides: Partial<SellerDashboard> = {},
): SellerDashboard {
  const now = options.now ?? new Date(defaultLeaderboardFixtureDate);
  const dashboard = buildSellerDashboard(
    createLeaderboardSellers({ ...options, now }),
    options.sellerId ?? leaderboardCurrentUserId,
    now,
  );
  return { ...dashboard, ...overrides };
}

/**
 * Moves `userId` up one place on the `key` board (just past the next higher value), or adds one
 * when already first; stamps the value as reached at `now`. Returns the new value, or
 * `null` when there is no such seller.
 */
export function bumpLeaderboardSeller(
  sellers: LeaderboardSeller[],
  userId: string,
  key: LeaderboardValueKey,
  now: Date,
): number | null {
  const seller = sellers.find((candidate) => candidate.userId === userId);
  if (!seller) return null;
  const mine = seller.values[key];
  const above = sellers
    .filter((other) => other.values[key] > mine)
    .reduce<number | null>(
      (lowest, other) => (lowest === null || other.values[key] < lowest ? other.values[key] : lowest),
      null,
    );
  seller.values[key] = above === null ? mine + 1 : above + 1;
  seller.reachedAt[key] = now.toISOString();
  return seller.values[key];
}

import {
  defaultTokenList,
  nativeTokenAddress,
  type TokenAmount,
  type TokenInfo,
  type UserStats,
} from 'podium-kit/core';
import type { Database, Queryable } from '../db/Database.js';
import { computeSubjects } from './calculateSubjects.js';
import {
  countMirrorChanges,
  upsertMarketEntities,
  type MarketEntities,
  type MirrorChanges,
} from './mirrorStore.js';
import { loadSubjects, subjectKeysForAddresses, type Subject, type SubjectKey } from './subjects.js';
import { saveSubjectsStats, updateSubjectsStats } from './userStatsRows.js';
import { forgetUserStats } from './userStatsVersion.js';

/**
 * Updating the cached stats by delta: from only what an upsert changed in the mirror
 * ({@link MirrorChanges}), instead of recomputing every touched subject from all of its rows.
 *
 * Counts, sums, token breakdowns, first/last times and status moves are added to the stored
 * figures. The distinct figures take one narrow query each: unique buyers / sellers by an
 * anti-join of the batch's (seller, buyer) pairs against the mirror's older trades, bids won /
 * active by reading only the batch's listings (their bids, purchases and status). A subject with
 * no stored row, or whose row was computed for other wallets (a wallet claimed since), is
 * recomputed in full. A cycle costs about a dozen statements whatever its size.
 *
 * The invariant this relies on: every stored row equals a full calculation from the mirror as it
 * was before the changes. Whoever writes the mirror must therefore update the stats of every
 * subject its changes touch, in the same transaction (the sync does it here, the per-user
 * calculation by recomputing them) under {@link lockStatsWriters}.
 */

/**
 * Serialises the writers of the mirror and the stats (until the transaction ends), so a delta is
 * never applied to a row that a concurrent full calculation is about to overwrite from an older
 * snapshot. Call it first in the transaction.
 */
export async function lockStatsWriters(tx: Queryable): Promise<void> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtext('podium_stats_writers:' || coalesce(current_schema(), '')))`,
  );
}

/** Options of {@link applyStatsDelta}. */
export interface ApplyStatsDeltaOptions {
  /** Known payment tokens. @default defaultTokenList */
  tokens?: readonly TokenInfo[];
  /** `calculated_at` of the rows written. */
  now: Date;
}

/** What {@link applyStatsDelta} did. */
export interface StatsDeltaResult {
  /** Subjects whose stored figures were updated by delta. */
  updated: number;
  /** Subjects recomputed in full (no row yet, or wallets changed). */
  recalculated: number;
}

/** Every address whose figures some changes can move, bidders on changed listings included. */
export async function addressesTouchedByChanges(
  db: Queryable,
  changes: MirrorChanges,
): Promise<{ all: Set<string>; bidders: Set<string> }> {
  const all = new Set<string>();
  for (const listing of [...changes.listings.inserted, ...changes.listings.updated]) all.add(listing.seller);
  for (const purchase of changes.purchases) all.add(purchase.buyer).add(purchase.seller);
  for (const bid of changes.bids) all.add(bid.bidder);
  for (const offer of changes.offers.inserted) all.add(offer.offerer).add(offer.seller);
  // A status change only moves the offerer's accepted / rescinded.
  for (const offer of changes.offers.updated) all.add(offer.offerer);
  // Bidders' "active bids" follow their listing's status; a missing listing counts as ACTIVE, so
  // only a listing that is (now) not active changes anything for them.
  const listingIds = [
    ...new Set(
      [...changes.listings.inserted, ...changes.listings.updated]
        .filter((listing) => listing.status !== 'ACTIVE')
        .map((listing) => listing.id),
    ),
  ];
  const bidders = new Set<string>();
  if (listingIds.length > 0) {
    const rows = await db.query<{ bidder: string }>(
      'SELECT DISTINCT bidder FROM podium_market_bids WHERE listing_id = ANY($1::text[])',
      [listingIds],
    );
    for (const row of rows) {
      bidders.add(row.bidder);
      all.add(row.bidder);
    }
  }
  return { all, bidders };
}

/**
 * Stored figures of some subjects, with the wallets they were computed for: packed by the
 * database into one JSON text (decoding one value is far faster than a thousand JSONB rows).
 */
async function readStoredRows(
  db: Queryable,
  keys: readonly SubjectKey[],
): Promise<Map<SubjectKey, { addresses: string[]; stats: UserStats }>> {
  const [row] = await db.query<{ rows: string | null }>(
    `SELECT json_agg(json_build_array(subject, addresses, stats))::text AS rows
       FROM podium_user_stats WHERE subject = ANY($1::text[])`,
    [keys],
  );
  const rows = row?.rows ? (JSON.parse(row.rows) as [string, string[], UserStats][]) : [];
  return new Map(rows.map(([subject, addresses, stats]) => [subject, { addresses, stats }]));
}

function sameAddresses(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.every((address, i) => address === sortedB[i]);
}

/**
 * Applies what changed in the mirror to the cached stats of every subject it touches. Call it in
 * the transaction that made the changes (after {@link lockStatsWriters}), so the changes and the
 * figures they move commit together: a cycle redone after a failure finds the rows stored and
 * counts nothing twice.
 */
export async function applyStatsDelta(
  tx: Queryable,
  changes: MirrorChanges,
  options: ApplyStatsDeltaOptions,
): Promise<StatsDeltaResult> {
  const tokens = options.tokens ?? defaultTokenList;
  const touched = await addressesTouchedByChanges(tx, changes);
  if (touched.all.size === 0) return { updated: 0, recalculated: 0 };
  const keyOf = await subjectKeysForAddresses(tx, [...touched.all]);
  const subjects = await loadSubjects(tx, [...new Set(keyOf.values())]);
  const stored = await readStoredRows(
    tx,
    subjects.map((subject) => subject.key),
  );

  const deltas = new Map<SubjectKey, SubjectDelta>();
  const recalculate: Subject[] = [];
  for (const subject of subjects) {
    const row = stored.get(subject.key);
    if (row && sameAddresses(row.addresses, subject.addresses)) {
      deltas.set(subject.key, {
        subject,
        stats: row.stats,
        own: new Set(subject.addresses),
        moved: new Set(),
      });
    } else {
      recalculate.push(subject);
    }
  }
  // By every wallet of the subjects updated by delta, not only the touched ones: a listing's
  // older bids and purchases may be by another wallet of the same user.
  const byWallet = new Map<string, SubjectDelta>();
  for (const delta of deltas.values())
    for (const address of delta.subject.addresses) byWallet.set(address, delta);
  const deltaOf = (address: string): SubjectDelta | undefined => byWallet.get(address);

  // Counterparty pairs new in this batch: (subject, role, counterparty), to check against the mirror.
  const pairs = new Map<string, { delta: SubjectDelta; role: 'sale' | 'purchase'; other: string }>();
  const addPair = (delta: SubjectDelta, role: 'sale' | 'purchase', other: string) => {
    if (delta.own.has(other)) return;
    pairs.set(`${delta.subject.key}\u0000${role}\u0000${other}`, { delta, role, other });
  };

  for (const listing of changes.listings.inserted) {
    const delta = deltaOf(listing.seller);
    if (!delta) continue;
    const figures = delta.stats.listings;
    delta.moved.add('listings');
    figures.created += 1;
    if (listing.status === 'ACTIVE') figures.active += 1;
    if (listing.status === 'CANCELLED') figures.cancelled += 1;
  }
  for (const listing of changes.listings.updated) {
    // The upsert only moves a listing out of ACTIVE.
    const delta = deltaOf(listing.seller);
    if (!delta) continue;
    const figures = delta.stats.listings;
    delta.moved.add('listings');
    figures.active -= 1;
    if (listing.status === 'CANCELLED') figures.cancelled += 1;
  }
  for (const purchase of changes.purchases) {
    const seller = deltaOf(purchase.seller);
    if (seller) {
      addTrade(seller.stats.sales, purchase, tokens);
      seller.moved.add('sales');
      addPair(seller, 'sale', purchase.buyer);
    }
    const buyer = deltaOf(purchase.buyer);
    if (buyer) {
      addTrade(buyer.stats.purchases, purchase, tokens);
      buyer.moved.add('purchases');
      addPair(buyer, 'purchase', purchase.seller);
    }
  }
  for (const bid of changes.bids) {
    const delta = deltaOf(bid.bidder);
    if (!delta) continue;
    const figures = delta.stats.bids;
    delta.moved.add('bids');
    figures.placed += 1;
    if (bid.erc20.toLowerCase() === nativeTokenAddress) {
      figures.volumeWei = (BigInt(figures.volumeWei) + bid.amount).toString();
    }
    figures.tokens = addToken(figures.tokens, bid.erc20, bid.amount, tokens);
  }
  for (const offer of changes.offers.inserted) {
    const offerer = deltaOf(offer.offerer);
    if (offerer) {
      offerer.moved.add('offers');
      offerer.stats.offers.made += 1;
      if (offer.status === 'ACCEPTED') offerer.stats.offers.accepted += 1;
      if (offer.status === 'RESCINDED') offerer.stats.offers.rescinded += 1;
    }
    const seller = deltaOf(offer.seller);
    if (seller) {
      seller.moved.add('offers');
      seller.stats.offers.received += 1;
    }
  }
  for (const offer of changes.offers.updated) {
    // The upsert only moves an offer out of PENDING.
    const offerer = deltaOf(offer.offerer);
    if (!offerer) continue;
    offerer.moved.add('offers');
    if (offer.status === 'ACCEPTED') offerer.stats.offers.accepted += 1;
    if (offer.status === 'RESCINDED') offerer.stats.offers.rescinded += 1;
  }

  await countNewCounterparties(tx, [...pairs.values()], changes);
  await updateBidListings(tx, changes, deltaOf, [...byWallet.keys()]);

  // Only the sections whose figures moved are written (`stats || patch`): about half the JSON.
  // Marked where they move rather than found by comparing JSON texts (a tenth of a cycle's time).
  const updated = [...deltas.values()].map(({ subject, stats, moved }) => {
    const sections = statsSections.filter((section) => moved.has(section));
    return { subject, stats: withTokenNames(stats, tokens, sections), sections };
  });
  await updateSubjectsStats(tx, updated, options.now);
  await saveSubjectsStats(tx, await computeSubjects(tx, recalculate, tokens), options.now);
  return { updated: deltas.size, recalculated: recalculate.length };
}

/** What {@link applyMarketEntities} did. */
export interface ApplyMarketEntitiesResult extends StatsDeltaResult {
  /** Mirror rows inserted or moved forward (entities seen again unchanged are not counted). */
  changed: number;
}

/**
 * Writes entities into the mirror and updates the stats they change by delta, in one
 * transaction (with `beforeCommit`, e.g. moving the sync cursor, in it too). Idempotent: the
 * same entities again change no row, so they change no figure.
 */
export async function applyMarketEntities(
  db: Database,
  entities: MarketEntities,
  options: ApplyStatsDeltaOptions & { beforeCommit?: (tx: Queryable) => Promise<void> },
): Promise<ApplyMarketEntitiesResult> {
  const applied = await db.transaction(async (tx) => {
    await lockStatsWriters(tx);
    const changes = await upsertMarketEntities(tx, entities);
    const result = await applyStatsDelta(tx, changes, options);
    await options.beforeCommit?.(tx);
    return { ...result, changed: countMirrorChanges(changes) };
  });
  forgetUserStats(db);
  return applied;
}

interface SubjectDelta {
  subject: Subject;
  /** The stored figures, updated in place. */
  stats: UserStats;
  own: ReadonlySet<string>;
  /** The sections of the figures changed so far: only those are written. */
  moved: Set<StatsSection>;
}

type StatsSection = keyof UserStats;
const statsSections: readonly StatsSection[] = ['sales', 'purchases', 'bids', 'offers', 'listings'];

type TradeFigures = UserStats['sales'] | UserStats['purchases'];

function addTrade(
  figures: TradeFigures,
  trade: { erc20: string; amount: bigint; count: number; timestamp: Date },
  tokens: readonly TokenInfo[],
): void {
  figures.count += 1;
  figures.editions += trade.count;
  if (trade.erc20.toLowerCase() === nativeTokenAddress) {
    figures.volumeWei = (BigInt(figures.volumeWei) + trade.amount).toString();
  }
  figures.tokens = addToken(figures.tokens, trade.erc20, trade.amount, tokens);
  const time = trade.timestamp.getTime();
  if (figures.firstAt === null || time < Date.parse(figures.firstAt))
    figures.firstAt = new Date(time).toISOString();
  if (figures.lastAt === null || time > Date.parse(figures.lastAt))
    figures.lastAt = new Date(time).toISOString();
}

function addToken(
  breakdown: readonly TokenAmount[],
  erc20: string,
  amount: bigint,
  tokens: readonly TokenInfo[],
): TokenAmount[] {
  const address = erc20.toLowerCase();
  const result = breakdown.map((entry) => ({ ...entry }));
  const entry = result.find((candidate) => candidate.address === address);
  if (entry) {
    entry.count += 1;
    entry.amount = (BigInt(entry.amount) + amount).toString();
  } else {
    const token = tokens.find((candidate) => candidate.address.toLowerCase() === address);
    result.push({
      address,
      symbol: token?.symbol ?? null,
      decimals: token?.decimals ?? null,
      count: 1,
      amount: amount.toString(),
    });
  }
  return result;
}

/**
 * Names every breakdown entry of the given sections from the current token list, in the full
 * calculation's order.
 */
function withTokenNames(
  stats: UserStats,
  tokenList: readonly TokenInfo[],
  sections: readonly StatsSection[],
): UserStats {
  const tokens = new Map(tokenList.map((token) => [token.address.toLowerCase(), token]));
  const name = (breakdown: readonly TokenAmount[]): TokenAmount[] =>
    breakdown
      .map((entry) => ({
        address: entry.address,
        symbol: tokens.get(entry.address)?.symbol ?? null,
        decimals: tokens.get(entry.address)?.decimals ?? null,
        count: entry.count,
        amount: entry.amount,
      }))
      .sort((a, b) => b.count - a.count || a.address.localeCompare(b.address));
  if (sections.includes('sales')) stats.sales.tokens = name(stats.sales.tokens);
  if (sections.includes('purchases')) stats.purchases.tokens = name(stats.purchases.tokens);
  if (sections.includes('bids')) stats.bids.tokens = name(stats.bids.tokens);
  return stats;
}

/**
 * Adds to unique buyers / sellers the counterparties that are new to a subject: a pair counts
 * unless the mirror already held a trade between them before this batch. An anti-join on the
 * pairs only (the `(seller, buyer)` index of migration 017), never a recount of every trade: the
 * mirror's trades of each pair are counted and those of the batch taken off.
 */
async function countNewCounterparties(
  db: Queryable,
  pairs: readonly { delta: SubjectDelta; role: 'sale' | 'purchase'; other: string }[],
  changes: MirrorChanges,
): Promise<void> {
  if (pairs.length === 0) return;
  const probes = new Map<string, { seller: string; buyer: string }>();
  const pairKey = (seller: string, buyer: string) => `${seller}\u0000${buyer}`;
  for (const pair of pairs) {
    for (const wallet of pair.delta.subject.addresses) {
      const [seller, buyer] = pair.role === 'sale' ? [wallet, pair.other] : [pair.other, wallet];
      probes.set(pairKey(seller, buyer), { seller, buyer });
    }
  }
  const rows = await db.query<{ seller: string; buyer: string; n: number | string }>(
    `SELECT m.seller, m.buyer, count(*) AS n
       FROM unnest($1::text[], $2::text[]) AS c(seller, buyer)
       JOIN podium_market_purchases m ON m.seller = c.seller AND m.buyer = c.buyer
      GROUP BY m.seller, m.buyer`,
    [[...probes.values()].map((probe) => probe.seller), [...probes.values()].map((probe) => probe.buyer)],
  );
  const older = new Map(rows.map((row) => [pairKey(row.seller, row.buyer), Number(row.n)]));
  for (const purchase of changes.purchases) {
    const key = pairKey(purchase.seller, purchase.buyer);
    const n = older.get(key);
    if (n !== undefined) older.set(key, n - 1);
  }
  for (const pair of pairs) {
    const known = pair.delta.subject.addresses.some(
      (wallet) =>
        (older.get(pair.role === 'sale' ? pairKey(wallet, pair.other) : pairKey(pair.other, wallet)) ?? 0) >
        0,
    );
    if (known) continue;
    if (pair.role === 'sale') pair.delta.stats.sales.uniqueBuyers += 1;
    else pair.delta.stats.purchases.uniqueSellers += 1;
  }
}

/**
 * Bids won and active count distinct listings across a subject's wallets. Only the listings of
 * the batch can move them for a subject: those it bid on or bought now, and those whose status
 * changed (a listing only leaves ACTIVE, and one not mirrored before counted as ACTIVE). For each
 * such (subject, listing), whether it counted before and counts now is read from the listing's
 * bids, purchases and status (by the listing indexes), the batch's rows telling before from now.
 */
async function updateBidListings(
  db: Queryable,
  changes: MirrorChanges,
  deltaOf: (address: string) => SubjectDelta | undefined,
  wallets: readonly string[],
): Promise<void> {
  const changedListings = new Set(
    [...changes.listings.inserted, ...changes.listings.updated]
      .filter((listing) => listing.status !== 'ACTIVE')
      .map((listing) => listing.id),
  );
  const listingIds = new Set(changedListings);
  for (const bid of changes.bids) if (deltaOf(bid.bidder)) listingIds.add(bid.listingId);
  for (const purchase of changes.purchases) if (deltaOf(purchase.buyer)) listingIds.add(purchase.listingId);
  if (listingIds.size === 0) return;
  // Only the bids and purchases of wallets updated by delta matter (the others are skipped below).
  // One index probe per listing: `LATERAL (… OFFSET 0)` keeps the nested loop over the listing
  // indexes; given `listing_id = ANY(…)` or a join, the planner chose sequential scans of the
  // whole mirror (no statistics yet after a backfill, and always on PGlite), 3-5x slower.
  const [row] = await db.query<{ bids: string | null; purchases: string | null; listings: string | null }>(
    `SELECT (SELECT json_agg(json_build_array(l.id, b.bidder, b.id))::text
               FROM unnest($1::text[]) AS l(id),
                    LATERAL (SELECT bidder, id FROM podium_market_bids
                              WHERE listing_id = l.id AND bidder = ANY($2::text[]) OFFSET 0) AS b) AS bids,
            (SELECT json_agg(json_build_array(l.id, p.buyer, p.id))::text
               FROM unnest($1::text[]) AS l(id),
                    LATERAL (SELECT buyer, id FROM podium_market_purchases
                              WHERE listing_id = l.id AND buyer = ANY($2::text[]) OFFSET 0) AS p) AS purchases,
            (SELECT json_agg(json_build_array(l.id, m.status))::text
               FROM unnest($1::text[]) AS l(id),
                    LATERAL (SELECT status FROM podium_market_listings WHERE id = l.id OFFSET 0) AS m) AS listings`,
    [[...listingIds], wallets],
  );
  const bids = JSON.parse(row?.bids ?? '[]') as [string, string, string][];
  const purchases = JSON.parse(row?.purchases ?? '[]') as [string, string, string][];
  const status = new Map(JSON.parse(row?.listings ?? '[]') as [string, string][]);
  const newBids = new Set(changes.bids.map((bid) => bid.id));
  const newPurchases = new Set(changes.purchases.map((purchase) => purchase.id));

  interface PairState {
    delta: SubjectDelta;
    listingId: string;
    priorBid: boolean;
    anyBid: boolean;
    priorBuy: boolean;
    anyBuy: boolean;
  }
  const pairs = new Map<string, PairState>();
  const pairOf = (delta: SubjectDelta, listingId: string) => {
    const key = `${delta.subject.key}\u0000${listingId}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { delta, listingId, priorBid: false, anyBid: false, priorBuy: false, anyBuy: false };
      pairs.set(key, pair);
    }
    return pair;
  };
  // Every (subject, listing) with a bid on a listing of interest; purchases only matter with a bid.
  for (const [listingId, bidder, id] of bids) {
    const delta = deltaOf(bidder);
    if (!delta) continue;
    const pair = pairOf(delta, listingId);
    pair.anyBid = true;
    if (!newBids.has(id)) pair.priorBid = true;
  }
  for (const [listingId, buyer, id] of purchases) {
    const delta = deltaOf(buyer);
    if (!delta) continue;
    const pair = pairs.get(`${delta.subject.key}\u0000${listingId}`);
    if (!pair) continue;
    pair.anyBuy = true;
    if (!newPurchases.has(id)) pair.priorBuy = true;
  }
  for (const pair of pairs.values()) {
    const activeNow = (status.get(pair.listingId) ?? 'ACTIVE') === 'ACTIVE';
    // A listing that changed in this batch was ACTIVE (or not mirrored, which counts as ACTIVE) before it.
    const activeBefore = changedListings.has(pair.listingId) || activeNow;
    const active = Number(pair.anyBid && activeNow) - Number(pair.priorBid && activeBefore);
    const won = Number(pair.anyBid && pair.anyBuy) - Number(pair.priorBid && pair.priorBuy);
    if (active === 0 && won === 0) continue;
    const figures = pair.delta.stats.bids;
    figures.active += active;
    figures.won += won;
    pair.delta.moved.add('bids');
  }
}

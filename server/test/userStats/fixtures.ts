import type { Queryable } from '../../src/db/Database.js';
import type { IndexedBid, IndexedListing, IndexedOffer, IndexedPurchase } from '../../src/indexer/index.js';

/** Hand-built indexed entities and identity rows for the stats tests. */

/** A lower-case address from a small number (distinct, readable in failures). */
export function wallet(n: number): string {
  return `0x${n.toString(16).padStart(40, '0')}`;
}

export const eth = '0x0000000000000000000000000000000000000000';
export const usdc = '0x00000000000000000000000000000000000000c0';

const at = (day: number) => new Date(Date.UTC(2025, 0, day, 12));

export function listing(id: string, seller: string, extra: Partial<IndexedListing> = {}): IndexedListing {
  return {
    id,
    seller,
    erc20: eth,
    tokenAddress: wallet(0xabc),
    tokenId: '1',
    listingType: 'INDIVIDUAL_AUCTION',
    status: 'ACTIVE',
    createdAt: at(1),
    ...extra,
  };
}

export function purchase(
  id: string,
  listingId: string,
  buyer: string,
  seller: string,
  amount: bigint,
  extra: Partial<IndexedPurchase> = {},
): IndexedPurchase {
  return {
    id,
    listingId,
    buyer,
    seller,
    erc20: eth,
    tokenAddress: wallet(0xabc),
    tokenId: '1',
    amount,
    count: 1,
    timestamp: at(2),
    ...extra,
  };
}

export function bid(
  id: string,
  listingId: string,
  bidder: string,
  amount: bigint,
  extra: Partial<IndexedBid> = {},
): IndexedBid {
  return { id, listingId, bidder, erc20: eth, amount, timestamp: at(3), ...extra };
}

export function offer(
  id: string,
  listingId: string,
  offerer: string,
  seller: string,
  extra: Partial<IndexedOffer> = {},
): IndexedOffer {
  return {
    id,
    listingId,
    offerer,
    seller,
    erc20: eth,
    amount: 10n,
    status: 'PENDING',
    timestamp: at(4),
    ...extra,
  };
}

/** Registers a user with wallets directly in the identity tables. */
export async function addUser(
  db: Queryable,
  id: string,
  wallets: readonly string[],
  username: string | null = null,
): Promise<void> {
  await db.query('INSERT INTO podium_users (id, username) VALUES ($1, $2)', [id, username]);
  for (const address of wallets) {
    await db.query('INSERT INTO podium_user_wallets (address, user_id) VALUES ($1, $2)', [address, id]);
  }
}

/** Row counts of the four mirror tables. */
export async function mirrorCounts(db: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['listings', 'purchases', 'bids', 'offers']) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM podium_market_${table}`);
    counts[table] = Number(row!.n);
  }
  return counts;
}

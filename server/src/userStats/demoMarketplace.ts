import type { Hono } from 'hono';
import type { Database } from '../db/Database.js';
import { createSubgraphClient, type SubgraphClient } from '../indexer/index.js';
import type { Logger } from '../logger.js';
import { backfillStats } from './syncStats.js';
import {
  appendMarketplaceEvents,
  createMarketplaceData,
  createSubgraphApp,
  generateMarketplace,
  generateWallets,
  type MarketplaceData,
} from '../subgraph/index.js';
import { nativeTokenAddress, type TokenInfo } from 'podium-kit/core';
import { demoUsers } from '../demo/demoUsers.js';

/** The collection the demo's "record a sale" lists in (any address works for the stand-in). */
const demoCollection = '0xde70000000000000000000000000000000000001';

/** Where the demo serves its subgraph stand-in (outside the API base path, like a separate service). */
export const demoSubgraphPath = '/subgraph/graphql';

/** The demo's marketplace: a local subgraph over generated data, and a client wired to it. */
export interface DemoMarketplace {
  data: MarketplaceData;
  /** The stand-in as a Hono app (mounted by the demo server at {@link demoSubgraphPath}). */
  app: Hono;
  /** A client of the stand-in. It calls the app in-process: no port is needed before listening. */
  client: SubgraphClient;
  /**
   * The generated wallets (not the demo users'), busiest sellers first: the demo's crowd owns
   * the first ones (`demoPeople`).
   */
  crowdWallets: readonly string[];
  /** Appends `events` new marketplace events (the demo's "simulate activity" button). */
  simulate(events: number): void;
  /**
   * A sale by `sellerWallet` now: a fixed-price listing and its purchase by a collector (the
   * demo's "record a sale" button). Returns the purchase id.
   */
  recordSale(sellerWallet: string): string;
  /**
   * Registers what must follow a change of the marketplace, under a name (registering a name again
   * replaces it): the stats sync, the seller boards' mirror. Features register in their demo routes.
   */
  onChange(name: string, listener: () => Promise<unknown>): void;
  /** Runs the listeners in registration order, after a change; resolves to their results by name. */
  changed(): Promise<Record<string, unknown>>;
}

/** Options of {@link createDemoMarketplace}. */
export interface DemoMarketplaceOptions {
  /** The generated history ends here. @default new Date() */
  now?: Date;
  /** @default 3000 */
  events?: number;
  /** Days of history. @default 120 */
  days?: number;
  /** @default 2026 */
  seed?: number;
}

/**
 * Generates the demo marketplace: the demo users' wallets among a crowd of 60 others, alice's
 * first wallet the busiest seller and carol among the quietest, `events` events over `days`
 * days. The same seed and day give the same activity.
 */
export function createDemoMarketplace(options: DemoMarketplaceOptions = {}): DemoMarketplace {
  const now = options.now ?? new Date();
  const days = options.days ?? 120;
  const start = new Date(now.getTime() - days * 86_400_000);
  const data = createMarketplaceData({ startTime: start });
  const [alice, bob, carol] = demoUsers;
  const crowdWallets = [...generateWallets(30, 7), ...generateWallets(30, 8)];
  // The generator skews activity towards the front of the list.
  const wallets = [
    alice!.wallets[0]!,
    ...crowdWallets.slice(0, 6),
    bob!.wallets[0]!,
    ...crowdWallets.slice(6, 30),
    alice!.wallets[1]!,
    ...crowdWallets.slice(30),
    carol!.wallets[0]!,
  ];
  generateMarketplace(data, {
    wallets,
    events: options.events ?? 3000,
    seed: options.seed ?? 2026,
    start,
    end: new Date(now.getTime() - 3_600_000),
  });
  const app = createSubgraphApp(data, { path: demoSubgraphPath });
  const client = createSubgraphClient({
    url: `http://podium-demo${demoSubgraphPath}`,
    fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
    retries: 1,
  });
  let simulations = 0;
  const listeners = new Map<string, () => Promise<unknown>>();
  return {
    data,
    app,
    client,
    crowdWallets,
    onChange(name, listener) {
      listeners.set(name, listener);
    },
    async changed() {
      const results: Record<string, unknown> = {};
      for (const [name, listener] of listeners) results[name] = await listener();
      return results;
    },
    recordSale(sellerWallet) {
      const at = { timestamp: Math.max(data.headTimestamp, Math.floor(Date.now() / 1000)) };
      const listing = data.createListing(
        {
          seller: sellerWallet.toLowerCase(),
          erc20: nativeTokenAddress,
          tokenAddress: demoCollection,
          tokenId: data.counts().listings + 1,
          listingType: 'FIXED_PRICE',
          price: 50_000_000_000_000_000n, // 0.05 ETH
        },
        at,
      );
      // The buyer: a crowd wallet that is not the seller's.
      const buyer = crowdWallets.find((wallet) => wallet !== sellerWallet.toLowerCase())!;
      return data.purchase({ listingId: listing.id, buyer }, at).id;
    },
    simulate(events) {
      simulations += 1;
      appendMarketplaceEvents(data, {
        events,
        seed: (options.seed ?? 2026) + simulations,
        start: new Date(),
        end: new Date(),
      });
    },
  };
}

/**
 * Loads the demo marketplace into the stats cache (a full backfill, started over: the stand-in is
 * regenerated on every start). The demo users are registered first (`registerDemoPeople`).
 */
export async function seedDemoStats(
  db: Database,
  market: DemoMarketplace,
  options: { tokens?: readonly TokenInfo[]; logger?: Logger; now?: Date } = {},
): Promise<{ subjects: number; entities: number }> {
  const result = await backfillStats(db, market.client, {
    restart: true,
    ...(options.tokens ? { tokens: options.tokens } : {}),
  });
  // The users were just (re)registered, which queued them; the backfill has calculated them.
  await db.query('DELETE FROM podium_stats_queue');
  return {
    subjects: result.subjects,
    entities: Object.values(result.entities).reduce((sum, n) => sum + n, 0),
  };
}

import type { Hono } from 'hono';
import type { Database } from '../db/Database.js';
import { createSubgraphClient, type SubgraphClient } from '../indexer/index.js';
import type { Logger } from '../logger.js';
import { backfillStats, syncStatsIncremental, type SyncResult } from './syncStats.js';
import {
  appendMarketplaceEvents,
  createMarketplaceData,
  createSubgraphApp,
  generateMarketplace,
  generateWallets,
  type MarketplaceData,
} from '../subgraph/index.js';
import type { TokenInfo } from 'podium-kit/core';
import { demoUsers } from '../demo/demoUsers.js';

/** Where the demo serves its subgraph stand-in (outside the API base path, like a separate service). */
export const demoSubgraphPath = '/subgraph/graphql';

/** The demo's marketplace: a local subgraph over generated data, and a client wired to it. */
export interface DemoMarketplace {
  data: MarketplaceData;
  /** The stand-in as a Hono app (mounted by the demo server at {@link demoSubgraphPath}). */
  app: Hono;
  /** A client of the stand-in. It calls the app in-process: no port is needed before listening. */
  client: SubgraphClient;
  /** Appends `events` new marketplace events (the demo's "simulate activity" button). */
  simulate(events: number): void;
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
  // The generator skews activity towards the front of the list.
  const wallets = [
    alice!.wallets[0]!,
    ...generateWallets(30, 7).slice(0, 6),
    bob!.wallets[0]!,
    ...generateWallets(30, 7).slice(6),
    alice!.wallets[1]!,
    ...generateWallets(30, 8),
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
  return {
    data,
    app,
    client,
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
 * regenerated on every start). The demo users are registered first (`registerDemoUsers`).
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

/** The demo's "simulate activity": new events, then the incremental sync that picks them up. */
export async function simulateDemoActivity(
  db: Database,
  market: DemoMarketplace,
  events: number,
  tokens?: readonly TokenInfo[],
): Promise<SyncResult> {
  market.simulate(events);
  return syncStatsIncremental(db, market.client, tokens ? { tokens } : {});
}

/**
 * The server the Postgres fault test runs in a child process (`node --import tsx`), so a crash
 * (an unhandled 'error' event) shows as the process exiting. It is the real Node adapter
 * (`startServer`) configured from the environment the test passes, plus a subgraph stand-in so
 * the background stats scheduler runs against the database during the faults too.
 *
 * It installs no `uncaughtException` / `unhandledRejection` handler: anything unhandled kills it.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { createDemoMarketplace, demoSubgraphPath } from '../../src/userStats/demoMarketplace.js';
import { consoleLogger } from '../../src/logger.js';
import { startServer } from '../../src/startServer.js';

const market = createDemoMarketplace({ events: 200 });
const subgraph = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const listening = serve({ fetch: market.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
    resolve(listening),
  );
});
const subgraphPort = (subgraph.address() as AddressInfo).port;
const config = loadConfig({
  ...process.env,
  PODIUM_SUBGRAPH_URL: `http://127.0.0.1:${subgraphPort}${demoSubgraphPath}`,
  PODIUM_STATS_SYNC_INTERVAL_SECONDS: '1',
});
const server = await startServer({ config, logger: consoleLogger });
// The test waits for this line.
process.stdout.write(`LISTENING ${server.url}\n`);

process.once('SIGTERM', () => {
  void server.close().finally(() => {
    subgraph.close();
    process.exit(0);
  });
});

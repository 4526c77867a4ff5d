/**
 * Node entry that only serves the API (`node dist/main.js`): the same as `podium-server start`.
 * Configuration comes from the environment (see config.ts).
 */
import { closeOnSignals } from './closeOnSignals.js';
import { ConfigError, loadConfig } from './config.js';
import { consoleLogger } from './logger.js';
import { startServer } from './startServer.js';

try {
  const server = await startServer({ config: loadConfig(process.env), logger: consoleLogger });
  consoleLogger.info(`Podium server listening on ${server.url}`);
  closeOnSignals(server, consoleLogger);
} catch (error) {
  consoleLogger.error(
    error instanceof ConfigError ? error.message : 'Podium server failed to start:',
    error instanceof ConfigError ? undefined : { error },
  );
  process.exitCode = 1;
}

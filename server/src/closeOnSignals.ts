import type { Logger } from './logger.js';
import type { RunningServer } from './startServer.js';

/**
 * Graceful shutdown: on SIGINT or SIGTERM stop accepting requests, let in-flight ones finish,
 * close Redis and the database (PGlite must flush its files), then exit. A second signal exits
 * at once, for when something hangs.
 */
export function closeOnSignals(
  server: Pick<RunningServer, 'close'>,
  logger: Pick<Logger, 'info' | 'error'>,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: shutting down…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('Error while shutting down', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

import type { ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createPgliteDatabase } from './createPgliteDatabase.js';
import { createPostgresDatabase } from './createPostgresDatabase.js';
import type { Database } from './Database.js';

/**
 * Opens the database the configuration names: Postgres when `DATABASE_URL` is set, otherwise
 * embedded PGlite persisted in `PODIUM_DATA_DIR`.
 */
export async function openDatabase(
  config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>,
  logger?: Pick<Logger, 'error'>,
): Promise<Database> {
  if (config.databaseUrl)
    return createPostgresDatabase({ url: config.databaseUrl, ...(logger ? { logger } : {}) });
  return createPgliteDatabase({ dataDir: config.dataDir });
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/startServer.js';
import { createRecordingLogger, testJwtSecret } from '../helpers/testApp.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/testDatabase.js';
import { openEventStream } from './sseClient.js';

/** Open streams never end by themselves: a shutdown must not wait for them. */
describe('startServer with live streams open', () => {
  let dir: string;
  let postgres: TestDatabase | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-live-shutdown-'));
    postgres = testDatabaseUrl ? await createTestDatabase({ migrated: false }) : undefined;
  });
  afterAll(async () => {
    await postgres?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('closes promptly, ending the streams (clients reconnect elsewhere)', async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      PODIUM_DATA_DIR: join(dir, 'data'),
      DATABASE_URL: postgres?.connectionUrl ?? '',
      PODIUM_JWT_SECRET: testJwtSecret,
      PODIUM_LIVE_HEARTBEAT_SECONDS: '1',
    });
    const server = await startServer({ config, logger: createRecordingLogger() });
    const streams = await Promise.all(
      [1, 2, 3].map(() => openEventStream(`${server.url}/api/events?topics=points:lifetime`)),
    );
    for (const stream of streams) await stream.next((m) => m.retry !== undefined);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(5_000);
    for (const stream of streams) await expect(stream.next(() => false, 2_000)).rejects.toThrow(/ended/);
  });
});

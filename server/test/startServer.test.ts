import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/startServer.js';
import { createRecordingLogger, signTestToken, testJwtSecret } from './helpers/testApp.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from './helpers/testDatabase.js';

/** A real listening server on port 0, on a temporary PGlite directory or a fresh Postgres schema. */
describe('startServer shutdown', () => {
  let dir: string;
  let postgres: TestDatabase | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-shutdown-'));
    postgres = testDatabaseUrl ? await createTestDatabase({ migrated: false }) : undefined;
  });
  afterAll(async () => {
    await postgres?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('lets requests in flight finish before closing the database', async () => {
    const logger = createRecordingLogger();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      PODIUM_DATA_DIR: join(dir, 'data'),
      DATABASE_URL: postgres?.connectionUrl ?? '',
      PODIUM_JWT_SECRET: testJwtSecret,
    });
    const server = await startServer({ config, logger });
    const token = await signTestToken('shutdown-user');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (let i = 0; i < 20; i += 1) {
      const body = JSON.stringify({ job_id: `shutdown-${i}`, requested_count: 3, status: 'processing' });
      expect((await fetch(`${server.url}/api/stats`, { method: 'PATCH', headers, body })).status).toBe(200);
    }

    // Many reads at once, and the shutdown starts while they are being served.
    // A connection the server has not started to handle when it stops is refused (reset); the
    // handler is attached at once so those rejections are never unhandled.
    const requests = Array.from({ length: 40 }, () =>
      fetch(`${server.url}/api/stats?limit=100`, { headers }).then(
        (response) => response.status,
        () => 'refused' as const,
      ),
    );
    // Close as soon as one answer is back: the server is then busy with the others.
    await Promise.race(requests);
    await server.close();

    const statuses = await Promise.all(requests);
    // Every request the server took was answered in full (200); one that arrived once shutdown had
    // begun got a 503 to retry, or was refused; none hit a closed database (no 500, nothing logged).
    expect(statuses.filter((status) => status !== 200 && status !== 503 && status !== 'refused')).toEqual([]);
    expect(statuses).toContain(200);
    expect(logger.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});

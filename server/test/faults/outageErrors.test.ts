import { createServer } from 'node:net';
import { errorCodes } from 'podium-kit/core';
import { Hono } from 'hono';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse } from '../../src/errors.js';
import { createRecordingLogger, createTestApp } from '../helpers/testApp.js';
import { createTestDatabase } from '../helpers/testDatabase.js';

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What node-postgres really throws when Postgres refuses the connection. */
async function refusedConnectionError(): Promise<unknown> {
  const client = new pg.Client({
    connectionString: `postgres://nobody@127.0.0.1:${await closedPort()}/none`,
  });
  return client.connect().then(
    () => new Error('expected the connection to be refused'),
    (error: unknown) => error,
  );
}

/** A route that throws `error`, behind the one error mapping. */
function appThrowing(error: unknown) {
  const logger = createRecordingLogger();
  const app = new Hono();
  app.get('/boom', () => {
    throw error;
  });
  app.onError((thrown, c) => errorResponse(c, thrown, logger));
  return { app, logger };
}

async function expectOutageAnswer(response: Response) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(errorCodes.unavailable);
  // An outage says so, without internals (no host, port or driver message).
  expect(body.error.message).toMatch(/database/i);
  expect(body.error.message).not.toMatch(/127\.0\.0\.1|ECONN|terminat/i);
}

describe('a database outage is a 503 with Retry-After, not a 500', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('maps a refused connection (ECONNREFUSED) to 503', async () => {
    const error = await refusedConnectionError();
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    const { app, logger } = appThrowing(error);
    await expectOutageAnswer(await app.request('/boom'));
    // Logged (an operator must see the outage), but as a warning: it is not a bug.
    expect(logger.entries.some((entry) => entry.level === 'warn')).toBe(true);
    expect(logger.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['53300', 'sorry, too many clients already'],
  ])('maps a Postgres %s (%s) to 503', async (code, message) => {
    const error = new pg.DatabaseError(message, 0, 'error');
    error.code = code;
    await expectOutageAnswer(await appThrowing(error).app.request('/boom'));
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ])('maps the driver error "%s" to 503', async (message) => {
    await expectOutageAnswer(await appThrowing(new Error(message)).app.request('/boom'));
  });

  it('keeps ordinary bugs and constraint errors as they were (500 / not an outage)', async () => {
    const bug = await appThrowing(new TypeError('undefined is not a function')).app.request('/boom');
    expect(bug.status).toBe(500);
    expect(bug.headers.get('retry-after')).toBeNull();
    const unique = new pg.DatabaseError('duplicate key value violates unique constraint', 0, 'error');
    unique.code = '23505';
    expect((await appThrowing(unique).app.request('/boom')).status).toBe(500);
  });

  it('answers 503 on reads and writes when the embedded database is closed mid-run', async () => {
    const test = await createTestDatabase();
    cleanups.push(test.cleanup);
    const client = createTestApp(test.db);
    expect((await client.patchJob('outage-user', { job_id: 'before', requested_count: 1 })).status).toBe(200);
    await test.db.close();
    await expectOutageAnswer(await client.getStats('outage-user'));
    await expectOutageAnswer(await client.patchJob('outage-user', { job_id: 'after', requested_count: 1 }));
    const health = await client.app.request('/api/health');
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string }).status).toBe('fail');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createSubgraphClient, SubgraphError, type SubgraphClientOptions } from '../../src/indexer/index.js';
import { serveSubgraph, type ServedSubgraph } from '../subgraph/serveSubgraph.js';
import { buildSmallMarket } from '../subgraph/smallMarket.js';

const servers: ServedSubgraph[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(options: Parameters<typeof serveSubgraph>[1] = {}) {
  const server = await serveSubgraph(buildSmallMarket(), options);
  servers.push(server);
  return server;
}

/** A client whose waits are recorded instead of slept, with a fixed jitter. */
function clientFor(url: string, options: Partial<SubgraphClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = createSubgraphClient({
    url,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { client, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<SubgraphError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SubgraphError);
  return error as SubgraphError;
}

describe('createSubgraphClient', () => {
  it('reads the head block', async () => {
    const server = await start();
    expect(await clientFor(server.url).client.headBlock()).toBe(113);
  });

  it('retries HTTP 500s with growing backoff, then succeeds', async () => {
    const server = await start();
    server.faults.failNext(3, 500);
    const { client, sleeps } = clientFor(server.url, { backoffMs: 100 });
    expect(await client.headBlock()).toBe(113);
    expect(server.requests).toHaveLength(4);
    // Equal jitter at random() = 0.5: three quarters of 100, 200, 400.
    expect(sleeps).toEqual([75, 150, 300]);
    expect(client.runStats()).toMatchObject({ pages: 1, requests: 4, retries: 3 });
  });

  it('caps the backoff', async () => {
    const server = await start();
    server.faults.failNext(4, 502);
    const { client, sleeps } = clientFor(server.url, { backoffMs: 1_000, maxBackoffMs: 1_500 });
    await client.headBlock();
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(1_500);
    // The cap bounds the step (1000, 1500, 1500, 1500); jitter then takes 50-100% of it.
    expect(sleeps).toEqual([750, 1_125, 1_125, 1_125]);
  });

  it('gives up after the configured retries, naming the URL, status and attempts', async () => {
    const server = await start();
    server.faults.failNext(10, 503);
    const { client } = clientFor(server.url, { retries: 2 });
    const error = await failure(client.headBlock());
    expect(error).toMatchObject({ kind: 'http', status: 503, retryable: true, attempts: 3 });
    expect(error.message).toContain(server.url);
    expect(error.message).toContain('HTTP 503');
    expect(error.message).toContain('3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  it('retries a request that times out, then succeeds', async () => {
    const server = await start();
    server.faults.delayNextMs(2_000, 2);
    const { client, sleeps } = clientFor(server.url, { timeoutMs: 150 });
    expect(await client.headBlock()).toBe(113);
    expect(sleeps).toHaveLength(2);
    expect(server.requests).toHaveLength(3);
  });

  it('reports a timeout once every attempt timed out', async () => {
    const server = await start();
    server.faults.delayNextMs(2_000, 3);
    const { client } = clientFor(server.url, { timeoutMs: 100, retries: 1 });
    const error = await failure(client.headBlock());
    expect(error).toMatchObject({ kind: 'timeout', retryable: true, attempts: 2 });
    expect(error.message).toMatch(/timed out after 100 ms/);
  });

  it('honours Retry-After on 429', async () => {
    const server = await start();
    server.faults.failNext(1, 429, { headers: { 'retry-after': '2' } });
    const { client, sleeps } = clientFor(server.url);
    expect(await client.headBlock()).toBe(113);
    expect(sleeps).toEqual([2_000]);
  });

  it('does not retry a 400 or other client errors', async () => {
    const server = await start();
    server.faults.failNext(1, 400, { body: '{"errors":[{"message":"bad request"}]}' });
    const { client, sleeps } = clientFor(server.url);
    const error = await failure(client.headBlock());
    expect(error).toMatchObject({ kind: 'http', status: 400, retryable: false, attempts: 1 });
    expect(error.message).toContain('bad request');
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a GraphQL error, and reports its message', async () => {
    const server = await start();
    const { client, sleeps } = clientFor(server.url);
    const error = await failure(client.query('{ listings(first: 1001) { id } }'));
    expect(error).toMatchObject({ kind: 'graphql', retryable: false, attempts: 1 });
    expect(error.message).toContain('The `first` argument must be between 0 and 1000, but is 1001');
    const unknown = await failure(client.query('{ listings { nope } }'));
    expect(unknown.message).toContain('Cannot query field "nope"');
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it("retries The Graph's transient indexer errors", async () => {
    const server = await start();
    server.faults.replyNext({ errors: [{ message: 'bad indexers: BadResponse(unattestable response)' }] });
    const { client, sleeps } = clientFor(server.url);
    expect(await client.headBlock()).toBe(113);
    expect(sleeps).toHaveLength(1);
  });

  it('retries network errors and reports them as such', async () => {
    const server = await start();
    const url = server.url;
    await servers.pop()!.close();
    const { client, sleeps } = clientFor(url, { retries: 2 });
    const error = await failure(client.headBlock());
    expect(error).toMatchObject({ kind: 'network', retryable: true, attempts: 3 });
    expect(error.message).toContain(url);
    expect(sleeps).toHaveLength(2);
  });

  it('stops a run after maxPages requests, until a new run starts', async () => {
    const server = await start();
    const { client } = clientFor(server.url, { maxPages: 3 });
    for (let i = 0; i < 3; i++) await client.headBlock();
    const error = await failure(client.headBlock());
    expect(error).toMatchObject({ kind: 'limit', retryable: false });
    expect(error.message).toMatch(/page limit reached: 3/);
    expect(server.requests).toHaveLength(3);
    client.startRun();
    expect(await client.headBlock()).toBe(113);
  });

  it('stops a run that exceeds maxDurationMs, retries included', async () => {
    const server = await start();
    let clock = 0;
    const { client } = clientFor(server.url, { maxDurationMs: 1_000, now: () => clock });
    await client.headBlock();
    clock = 1_000;
    expect(await failure(client.headBlock())).toMatchObject({ kind: 'limit' });
    client.startRun();
    server.faults.failNext(1, 500);
    const { client: slow } = clientFor(server.url, {
      maxDurationMs: 1_000,
      backoffMs: 5_000,
      now: () => clock,
    });
    const error = await failure(slow.headBlock());
    expect(error).toMatchObject({ kind: 'http', status: 500, attempts: 1 });
    expect(error.message).toMatch(/no time left/);
  });

  it('sends the API key as a bearer token, or in the configured header', async () => {
    const server = await start({ apiKey: { value: 'k-123' } });
    const { client } = clientFor(server.url, { apiKey: 'k-123' });
    expect(await client.headBlock()).toBe(113);
    expect(server.requests[0]!.headers.get('authorization')).toBe('Bearer k-123');

    const custom = await start({ apiKey: { value: 'k-456', header: 'x-api-key' } });
    const { client: other } = clientFor(custom.url, { apiKey: 'k-456', apiKeyHeader: 'x-api-key' });
    expect(await other.headBlock()).toBe(113);
    expect(custom.requests[0]!.headers.get('x-api-key')).toBe('k-456');
    expect(custom.requests[0]!.headers.get('authorization')).toBeNull();
  });

  it('never puts the API key in an error, even when it is part of the URL', async () => {
    const key = 'deadbeefcafe0123456789';
    const server = await start({ path: `/api/${key}/subgraphs/id/Qm123`, apiKey: { value: 'other' } });
    const { client } = clientFor(server.url, { apiKey: key, retries: 0 });
    const error = await failure(client.headBlock());
    expect(error).toMatchObject({ kind: 'http', status: 401 });
    expect(error.message).toContain('/api/***/subgraphs/id/Qm123');
    expect(error.message).not.toContain(key);
    expect(client.url).not.toContain(key);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(key);
  });

  it('stops at once when the caller aborts', async () => {
    const server = await start();
    server.faults.delayNextMs(2_000);
    const { client, sleeps } = clientFor(server.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 50);
    await expect(client.headBlock(controller.signal)).rejects.toThrow('shutting down');
    expect(sleeps).toEqual([]);
  });

  it('reads a head block served as a decimal string, as some indexers do', async () => {
    const server = await start();
    server.faults.replyNext({ data: { _meta: { block: { number: '12345678' } } } });
    expect(await clientFor(server.url).client.headBlock()).toBe(12_345_678);
  });

  it('rejects a malformed _meta', async () => {
    const server = await start();
    server.faults.replyNext({ data: { _meta: { block: { number: 'soon' } } } });
    const error = await failure(clientFor(server.url).client.headBlock());
    expect(error).toMatchObject({ kind: 'graphql', retryable: false });
    expect(error.message).toContain('block.number');
    for (const number of ['-1', '1e3', '1.5', -1, 1.5, '']) {
      server.faults.replyNext({ data: { _meta: { block: { number } } } });
      expect((await failure(clientFor(server.url).client.headBlock())).message).toContain('block.number');
    }
  });
});

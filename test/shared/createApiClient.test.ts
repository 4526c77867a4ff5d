import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../src/shared/createApiClient.js';
import { getJobStats, recordJob } from '../../src/jobs/api.js';
import { isPodiumApiError, type PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { fieldErrorsFromIssues } from '../../src/shared/errors.js';
import { recordJobBodySchema } from '../../src/jobs/contract.js';
import * as z from 'zod/mini';

const storedJob = {
  job_id: 'j1',
  requested_count: 5,
  successful_count: 4,
  failed_count: 1,
  status: 'completed',
  created_at: '2024-06-01T10:00:00.000Z',
  updated_at: '2024-06-01T10:05:00.000Z',
  completed_at: '2024-06-01T10:05:00.000Z',
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('createApiClient', () => {
  it('sends the token, JSON body and query, and parses the response', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => json(storedJob));
    let token = 't1';
    const client = createApiClient({ baseUrl: 'https://host.test/api/', fetch, getToken: () => token });

    await expect(recordJob(client, { job_id: 'j1', status: 'completed' })).resolves.toEqual(storedJob);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://host.test/api/stats');
    expect(init?.method).toBe('PATCH');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer t1');
    expect(JSON.parse(String(init?.body))).toEqual({ job_id: 'j1', status: 'completed' });

    token = 't2';
    // A wrong baseUrl often answers the host's own HTML page (an SPA fallback) with a 200.
    fetch.mockResolvedValueOnce(new Response('<!doctype html><div id="root"></div>', { status: 200 }));
    await expect(getJobStats(client, { from: '2024-06-01', limit: 5, tz: undefined })).rejects.toMatchObject({
      code: 'invalid_response',
      message: 'Unexpected response from GET /stats: expected a JSON body',
    });
    const [url2, init2] = fetch.mock.calls[1]!;
    expect(url2).toBe('https://host.test/api/stats?from=2024-06-01&limit=5');
    expect((init2?.headers as Record<string, string>).authorization).toBe('Bearer t2');
  });

  it('checks a body against the schema a custom request passes (any Standard Schema), naming the field', async () => {
    const client = createApiClient({ baseUrl: '/api', fetch: async () => json({ count: 'x' }) });
    const schema = z.object({ count: z.number() });
    await expect(client.request({ method: 'GET', path: '/custom', schema })).rejects.toMatchObject({
      code: 'invalid_response',
      // zod/mini alone words every issue "Invalid input": the path says where.
      message: expect.stringMatching(/^Unexpected response from GET \/custom: count: /),
    });
    const ok = createApiClient({ baseUrl: '/api', fetch: async () => json({ count: 2, extra: true }) });
    await expect(ok.request({ method: 'GET', path: '/custom', schema })).resolves.toEqual({ count: 2 });
  });

  it('omits the authorization header when there is no token', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => json(storedJob));
    await recordJob(createApiClient({ baseUrl: '/api', fetch, getToken: async () => null }), { job_id: 'j1' });
    expect((fetch.mock.calls[0]![1]?.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it('turns the server error shape into a PodiumApiError with field errors', async () => {
    const body = { error: { code: 'invalid_request', message: 'Invalid body', details: { fields: { requested_count: ['must not be negative'] } } } };
    const client = createApiClient({ baseUrl: '/api', fetch: async () => json(body, 400) });
    const error = await recordJob(client, { job_id: 'j' }).catch((e: unknown) => e);
    expect(isPodiumApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', message: 'Invalid body' });
    expect((error as PodiumApiError).fieldErrors).toEqual({ requested_count: ['must not be negative'] });
    expect((error as PodiumApiError).isRetryable).toBe(false);
  });

  it('reports non-JSON failures and unreachable servers as retryable errors', async () => {
    const html = createApiClient({ baseUrl: '/api', fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502 }) });
    await expect(recordJob(html, { job_id: 'j' })).rejects.toMatchObject({ status: 502, code: 'internal_error', isRetryable: true });

    const down = createApiClient({ baseUrl: 'http://127.0.0.1:1/api', fetch: async () => { throw new TypeError('fetch failed'); } });
    const error = (await recordJob(down, { job_id: 'j' }).catch((e: unknown) => e)) as PodiumApiError;
    expect(error).toMatchObject({ status: 0, code: 'network_error', isRetryable: true });
    expect(error.message).toContain('http://127.0.0.1:1/api');
  });

  it('rethrows an abort rather than calling it a network error', async () => {
    const controller = new AbortController();
    controller.abort();
    const client = createApiClient({
      baseUrl: '/api',
      fetch: async (_url, init) => {
        if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
        return json({});
      },
    });
    await expect(getJobStats(client, {}, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('fieldErrorsFromIssues', () => {
  it('names unknown fields and nested paths', () => {
    const result = recordJobBodySchema.safeParse({ job_id: 'j', requested_count: -1, user_id: 'x', extra: 1 });
    expect(result.success).toBe(false);
    expect(fieldErrorsFromIssues(result.error!.issues)).toEqual({
      requested_count: ['must not be negative'],
      user_id: ['is not a known field'],
      extra: ['is not a known field'],
    });
  });
});

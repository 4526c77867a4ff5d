import { SubgraphError, type SubgraphErrorKind } from './subgraphError.js';

/** Options of {@link createSubgraphClient}. */
export interface SubgraphClientOptions {
  /** The GraphQL endpoint. */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`, or raw in `apiKeyHeader` when that is set. */
  apiKey?: string;
  /** A header to carry the key instead of `Authorization` (e.g. `x-api-key`). */
  apiKeyHeader?: string;
  fetch?: typeof fetch;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff; doubles per retry, with jitter (default 250 ms). */
  backoffMs?: number;
  /** Cap of one backoff, and of a `Retry-After` the server asks for (default 30 s). */
  maxBackoffMs?: number;
  /** Requests allowed per run (default 10,000): a runaway pager stops instead of spinning. */
  maxPages?: number;
  /** Wall-clock budget of a run; none by default. */
  maxDurationMs?: number;
  /** How to wait between attempts (tests pass a recorder). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
  /** The run clock (default Date.now). */
  now?: () => number;
}

/** What a run has cost so far. */
export interface SubgraphRunStats {
  /** Requests that were answered with data (pages). */
  pages: number;
  /** Every attempt, retries included. */
  requests: number;
  retries: number;
  elapsedMs: number;
}

/** A GraphQL client for one subgraph, with timeouts, retries and a per-run budget. */
export interface SubgraphClient {
  /** The endpoint, with the API key masked if it appears in it. */
  readonly url: string;
  /** Runs one query and returns its `data`; throws {@link SubgraphError}. */
  query<T>(document: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T>;
  /** The subgraph's latest indexed block (`_meta.block.number`). */
  headBlock(signal?: AbortSignal): Promise<number>;
  /** Starts a new run: resets the page count and the clock that `maxPages` / `maxDurationMs` bound. */
  startRun(): void;
  /** What the current run has cost. */
  runStats(): SubgraphRunStats;
}

/**
 * The Graph's gateway answers 200 with these when its indexers are behind or unavailable: worth
 * another try, unlike a query the schema rejects.
 */
const transientGraphQLError =
  /bad indexers|no (suitable |available )?indexers|indexers? (is |are )?(unavailable|behind)|store error|database unavailable|service unavailable|timed? ?out/i;

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** One failed attempt, before deciding whether to retry. */
interface AttemptFailure {
  kind: SubgraphErrorKind;
  retryable: boolean;
  reason: string;
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

/** Creates a {@link SubgraphClient}. */
export function createSubgraphClient(options: SubgraphClientOptions): SubgraphClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const maxPages = options.maxPages ?? 10_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const apiKey = options.apiKey;
  // Anything we print passes through here: the key can sit in the URL path (The Graph's gateway).
  const redact = (text: string) => (apiKey ? text.split(apiKey).join('***') : text);
  const url = redact(options.url);

  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (apiKey) {
    if (options.apiKeyHeader) headers[options.apiKeyHeader] = apiKey;
    else headers.authorization = `Bearer ${apiKey}`;
  }

  let run = { startedAt: now(), pages: 0, requests: 0, retries: 0 };
  const fail = (
    reason: string,
    kind: SubgraphErrorKind,
    attempts: number,
    extra: Partial<AttemptFailure> = {},
  ) =>
    new SubgraphError(redact(reason), {
      kind,
      retryable: extra.retryable ?? false,
      url,
      attempts,
      ...(extra.status !== undefined ? { status: extra.status } : {}),
      ...(extra.cause !== undefined ? { cause: extra.cause } : {}),
    });

  const checkBudget = (attempts: number) => {
    if (run.pages >= maxPages) {
      throw fail(`page limit reached: ${maxPages} requests in this run`, 'limit', attempts);
    }
    const elapsed = now() - run.startedAt;
    if (options.maxDurationMs !== undefined && elapsed >= options.maxDurationMs) {
      throw fail(
        `time limit reached: the run has taken ${elapsed} ms of ${options.maxDurationMs} ms`,
        'limit',
        attempts,
      );
    }
  };

  /** One HTTP exchange: the `data` on success, an {@link AttemptFailure} otherwise. */
  const attempt = async (
    body: string,
    signal: AbortSignal | undefined,
  ): Promise<{ data: unknown } | { failure: AttemptFailure }> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onAbort = () => controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await fetchImpl(options.url, {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
      });
      const text = await response.text();
      if (!response.ok) {
        const retryable = response.status >= 500 || response.status === 429;
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
        return {
          failure: {
            kind: 'http',
            retryable,
            status: response.status,
            reason: `HTTP ${response.status}${statusText(response)}${snippet(text)}`,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          },
        };
      }
      let json: { data?: unknown; errors?: Array<{ message?: unknown }> };
      try {
        json = JSON.parse(text) as typeof json;
      } catch (cause) {
        // A truncated or HTML body from a proxy in between: the next attempt may get through.
        return {
          failure: {
            kind: 'http',
            retryable: true,
            status: response.status,
            reason: `invalid JSON body${snippet(text)}`,
            cause,
          },
        };
      }
      if (Array.isArray(json?.errors) && json.errors.length > 0) {
        const message = json.errors.map((error) => String(error?.message ?? 'unknown error')).join('; ');
        return {
          failure: {
            kind: 'graphql',
            retryable: transientGraphQLError.test(message),
            reason: `GraphQL error: ${message}`,
          },
        };
      }
      if (typeof json !== 'object' || json === null || json.data === undefined || json.data === null) {
        return { failure: { kind: 'graphql', retryable: false, reason: 'the response has no data' } };
      }
      return { data: json.data };
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      if (controller.signal.aborted) {
        return {
          failure: { kind: 'timeout', retryable: true, reason: `timed out after ${timeoutMs} ms`, cause },
        };
      }
      const message = cause instanceof Error ? causeMessage(cause) : String(cause);
      return { failure: { kind: 'network', retryable: true, reason: `network error: ${message}`, cause } };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };

  const query = async <T>(
    document: string,
    variables?: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<T> => {
    const body = JSON.stringify({ query: document, ...(variables ? { variables } : {}) });
    for (let attempts = 1; ; attempts++) {
      signal?.throwIfAborted();
      checkBudget(attempts - 1);
      run.requests++;
      const outcome = await attempt(body, signal);
      if ('data' in outcome) {
        run.pages++;
        return outcome.data as T;
      }
      const { failure } = outcome;
      if (!failure.retryable || attempts > retries) {
        throw fail(failure.reason, failure.kind, attempts, failure);
      }
      const exponential = Math.min(maxBackoffMs, backoffMs * 2 ** (attempts - 1));
      // Equal jitter: never less than half the step, so retries still back off under contention.
      const jittered = exponential / 2 + (random() * exponential) / 2;
      const delay = Math.min(maxBackoffMs, Math.max(jittered, failure.retryAfterMs ?? 0));
      if (options.maxDurationMs !== undefined && now() + delay - run.startedAt > options.maxDurationMs) {
        throw fail(`${failure.reason}; no time left in the run to retry`, failure.kind, attempts, failure);
      }
      run.retries++;
      await sleep(delay, signal);
    }
  };

  return {
    url,
    query,
    async headBlock(signal) {
      const data = await query<{ _meta?: { block?: { number?: unknown } } }>(
        '{ _meta { block { number } } }',
        undefined,
        signal,
      );
      const raw = data?._meta?.block?.number;
      // graph-node sends an Int; other indexers a BigInt's decimal string. Both are read alike.
      const number = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
      if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
        throw fail(`malformed _meta: block.number is ${JSON.stringify(raw)}`, 'graphql', 1);
      }
      return number;
    },
    startRun() {
      run = { startedAt: now(), pages: 0, requests: 0, retries: 0 };
    },
    runStats: () => ({
      pages: run.pages,
      requests: run.requests,
      retries: run.retries,
      elapsedMs: now() - run.startedAt,
    }),
  };
}

/** `Retry-After` as milliseconds: delta seconds or an HTTP date. */
function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function statusText(response: Response): string {
  return response.statusText ? ` ${response.statusText}` : '';
}

/** The start of a body, for the error message (a gateway's error JSON is short and telling). */
function snippet(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!trimmed) return '';
  return `: ${trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed}`;
}

/** Undici's "fetch failed" hides the reason (ECONNREFUSED, ...) in `cause`. */
function causeMessage(error: Error): string {
  const inner = error.cause;
  if (inner instanceof Error && inner.message) return `${error.message} (${inner.message})`;
  if (inner && typeof inner === 'object' && 'code' in inner)
    return `${error.message} (${String(inner.code)})`;
  return error.message;
}

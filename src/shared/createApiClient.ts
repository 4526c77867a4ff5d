import { isErrorBody } from './errors.js';
import { PodiumApiError } from './PodiumApiError.js';

export interface ApiClientOptions {
  /** Where the Podium server's API lives, e.g. `https://example.com/api` or `/api`. */
  baseUrl: string;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Returns the current user's token (a JWT the host app signs), sent as `Bearer`. Called before
   * every request so that a refreshed token is always used. Return `null` when signed out.
   */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** `fetch`'s `cache` modes (spelled out: the core compiles without the DOM types). */
export type FetchCacheMode =
  'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';

export interface ApiRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below `baseUrl`, e.g. `/stats`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /**
   * A check of the response body, for endpoints of your own: any Standard Schema (zod, zod/mini,
   * Valibot…); a body it refuses is an `invalid_response` error. Podium's endpoint functions pass
   * none: the browser parses only what it must (a JSON object, and the error shape), and the
   * contract's schemas hold the server and the mocks to the same types in their tests. Without
   * it the body must be a JSON object or array. @default none
   */
  schema?: ResponseSchema<T>;
  signal?: AbortSignal;
  /**
   * The browser's HTTP cache mode (`fetch`'s `cache`). Live updates pass `'no-cache'` after an
   * event, so the browser revalidates (`If-None-Match`, a 304 when unchanged) instead of answering
   * from its cache. @default the browser's default
   */
  cache?: FetchCacheMode;
  /** Extra headers for this request only (e.g. `If-None-Match`), over the client's own. */
  headers?: Record<string, string>;
  /**
   * Makes a `304 Not Modified` answer (which has no body) a success: the request resolves with
   * what this returns instead of throwing. Without it a 304 is an error like any non-2xx.
   */
  onNotModified?: () => T;
  /**
   * Called with the status and headers of a successful answer before its body is returned, for
   * endpoints whose 2xx statuses mean different things (e.g. 202: accepted, not ready yet).
   */
  onResponse?: (response: { status: number; headers: Headers }) => void;
}

/**
 * What `ApiRequest.schema` accepts: the Standard Schema interface (`~standard.validate`), which
 * zod 4 schemas implement, so the client itself needs no validation library.
 */
export interface ResponseSchema<T> {
  readonly '~standard': {
    readonly validate: (value: unknown) => ResponseCheck<T> | Promise<ResponseCheck<T>>;
  };
}

/** A Standard Schema result: the value, or the issues that refused it. */
export type ResponseCheck<T> =
  | { readonly value: T; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
      }>;
    };

export interface ApiClient {
  readonly baseUrl: string;
  /** Sends a request and returns its JSON body, or throws a {@link PodiumApiError}. */
  request<T>(request: ApiRequest<T>): Promise<T>;
}

/** Creates the typed client every endpoint function (and every hook) goes through. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function request<T>({
    method,
    path,
    query,
    body,
    schema,
    signal,
    cache,
    headers: requestHeaders,
    onNotModified,
    onResponse,
  }: ApiRequest<T>): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...options.headers,
      ...requestHeaders,
    };
    const token = await options.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await doFetch(buildUrl(baseUrl, path, query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        // Only when asked: some fetch stand-ins (older Node, test doubles) reject the field.
        ...(cache ? { cache } : {}),
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new PodiumApiError({
        status: 0,
        code: 'network_error',
        message: `Could not reach the Podium server at ${baseUrl}`,
        cause,
      });
    }

    if (response.status === 304 && onNotModified) {
      onResponse?.({ status: response.status, headers: response.headers });
      return onNotModified();
    }
    const payload = await readJson(response);
    if (!response.ok) throw toApiError(response, payload);
    const invalid = (problem: string, cause?: unknown) =>
      new PodiumApiError({
        status: response.status,
        code: 'invalid_response',
        message: `Unexpected response from ${method} ${path}: ${problem}`,
        cause,
      });
    let data = payload as T;
    if (schema) {
      const result = await schema['~standard'].validate(payload);
      if (result.issues) throw invalid(describeIssue(result.issues[0]), result.issues);
      data = result.value;
    } else if (typeof payload !== 'object' || payload === null) {
      // An HTML page from a wrong baseUrl (a host's SPA fallback) or an empty body.
      throw invalid('expected a JSON body');
    }
    onResponse?.({ status: response.status, headers: response.headers });
    return data;
  }

  return { baseUrl, request };
}

/** "entries.0.rank: Invalid input": zod/mini words every issue alike, so the path says where. */
function describeIssue(
  issue: Extract<ResponseCheck<unknown>, { issues: unknown }>['issues'][number] | undefined,
) {
  if (!issue) return 'invalid body';
  const path = (issue.path ?? []).map((key) => String(typeof key === 'object' ? key.key : key));
  return path.length > 0 ? `${path.join('.')}: ${issue.message}` : issue.message;
}

function buildUrl(baseUrl: string, path: string, query: ApiRequest<unknown>['query']): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const qs = search.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toApiError(response: Response, payload: unknown): PodiumApiError {
  if (isErrorBody(payload)) {
    const { code, message, details } = payload.error;
    return new PodiumApiError({ status: response.status, code, message, details });
  }
  return new PodiumApiError({
    status: response.status,
    code: response.status >= 500 ? 'internal_error' : 'http_error',
    message: `Request failed with HTTP ${response.status}`,
  });
}

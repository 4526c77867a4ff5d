import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { createPodiumMocks, type PodiumHandlersOptions, type PodiumMocks } from '../../mocks/index.js';

export interface MswServerOptions {
  /** Defaults for every `serve()` call of the file, e.g. `{ baseUrl, now }`. @default {} */
  mocks?: PodiumHandlersOptions;
  /**
   * Pins `Date` to this instant in every test (only `Date`: timers stay real, so MSW and
   * React Query run as usual). @default undefined (the real clock)
   */
  now?: Date;
}

export interface MswTestServer {
  /** The file's server, for `server.use(...)` of extra handlers and `server.events`. */
  server: SetupServer;
  /** Every request the server saw in the current test, in order; emptied before each test. */
  requests: URL[];
  /**
   * Serves a fresh set of `podium-kit/mocks` handlers (its own in-memory data) until the test
   * ends; `options` go over the file's `mocks` defaults. Returns the mocks to steer them
   * (`setScenario`, `reset`, ...).
   */
  serve: (options?: PodiumHandlersOptions) => PodiumMocks;
}

/**
 * The MSW lifecycle every test file repeated: one msw/node server for the file that fails on any
 * request no handler answers (a test must never reach the network), handlers reset after each
 * test, closed after the file. Call it once at the top level of a test file.
 */
export function setupMswServer(options: MswServerOptions = {}): MswTestServer {
  const server = setupServer();
  const requests: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(new URL(request.url));
  });

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    requests.length = 0;
    if (options.now) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(options.now);
    }
  });
  afterEach(() => {
    server.resetHandlers();
    if (options.now) vi.useRealTimers();
  });
  afterAll(() => server.close());

  const serve = (overrides: PodiumHandlersOptions = {}) => {
    const mocks = createPodiumMocks({ ...options.mocks, ...overrides });
    server.use(...mocks.handlers);
    return mocks;
  };
  return { server, requests, serve };
}

// @vitest-environment node
// Plain Node, as in a host's tests or server-side rendering: no `location`, so MSW cannot resolve
// a relative handler path against a page origin.
import { describe, expect, it } from 'vitest';
import { createPodiumHandlers } from '../../mocks/index.js';
import { setupMswServer } from './setupMswServer.js';

// A request no handler matches is the bug: the server fails it instead of reaching the network.
const { server } = setupMswServer();
const auth = { authorization: 'Bearer test-token' };

describe('the mocks in Node (no page origin)', () => {
  it('has no location to resolve relative paths against', () => {
    expect(typeof globalThis.location).toBe('undefined');
  });

  it.each(['http://localhost:1234', 'https://example.test'])(
    "a relative baseUrl ('/api') answers on %s",
    async (origin) => {
      server.use(...createPodiumHandlers({ baseUrl: '/api' }));
      const stats = await fetch(`${origin}/api/stats`, { headers: auth });
      expect(stats.status).toBe(200);
      expect(await stats.json()).toMatchObject({ totals: { jobs: expect.any(Number) } });

      const board = await fetch(`${origin}/api/leaderboards/sellers`, { headers: auth });
      expect(board.status).toBe(200);
      const user = await fetch(`${origin}/api/user/alice/stats`, { headers: auth });
      expect(user.status).toBe(200);
    },
  );

  it('the default baseUrl is the same relative /api', async () => {
    server.use(...createPodiumHandlers());
    expect((await fetch('http://127.0.0.1:9/api/stats', { headers: auth })).status).toBe(200);
  });

  it('an API at the root (baseUrl empty) answers on any origin too', async () => {
    server.use(...createPodiumHandlers({ baseUrl: '' }));
    expect((await fetch('https://example.test/stats', { headers: auth })).status).toBe(200);
  });

  it('an absolute baseUrl matches only its own origin and path', async () => {
    server.use(...createPodiumHandlers({ baseUrl: 'http://localhost:4000/api/' }));
    expect((await fetch('http://localhost:4000/api/stats', { headers: auth })).status).toBe(200);
    await expect(fetch('https://example.test/api/stats', { headers: auth })).rejects.toThrow();
  });
});

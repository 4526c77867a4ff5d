import { Hono } from 'hono';
import type { Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { createMemoRouter } from '../../src/http/memoRouter.js';

/** Hono's default router, counting the matches it computes. */
function countingRouter<T>() {
  const inner = new SmartRouter<T>({ routers: [new RegExpRouter(), new TrieRouter()] });
  const counted = {
    matches: 0,
    router: {
      name: 'counting',
      add: (method, path, handler) => inner.add(method, path, handler),
      match(method, path) {
        counted.matches += 1;
        return inner.match(method, path);
      },
    } satisfies Router<T>,
  };
  return counted;
}

/** Paths the RegExpRouter refuses (a static segment beside a parameter with more after it). */
function scoresApp(maxPaths?: number) {
  const counting = countingRouter<never>();
  const app = new Hono({ router: createMemoRouter({ maxPaths, inner: counting.router }) as never });
  app.get('/scores/leaderboard', (c) => c.text('board'));
  app.get('/scores/:userId/ledger', (c) => c.text(`ledger of ${c.req.param('userId')}`));
  app.get('/scores/:userId', (c) => c.text(`score of ${c.req.param('userId')}`));
  return { app, counting };
}

const text = async (app: Hono, path: string, method = 'GET') => (await app.request(path, { method })).text();

describe('createMemoRouter', () => {
  it('routes repeated and ambiguous paths as Hono does, computing each match once', async () => {
    const { app, counting } = scoresApp();
    for (let round = 0; round < 3; round += 1) {
      expect(await text(app, '/scores/leaderboard')).toBe('board');
      expect(await text(app, '/scores/ann/ledger')).toBe('ledger of ann');
      expect(await text(app, '/scores/ann')).toBe('score of ann');
      expect(await text(app, '/scores/bo%20b')).toBe('score of bo b');
      expect((await app.request('/scores/ann', { method: 'DELETE' })).status).toBe(404);
    }
    expect(counting.matches).toBe(5);
  });

  it('keeps routing right once more paths than it keeps have been seen, and long paths uncached', async () => {
    const { app, counting } = scoresApp(2);
    const users = ['a', 'b', 'c', 'd', 'e', 'x'.repeat(300)];
    for (let round = 0; round < 2; round += 1) {
      for (const user of users) expect(await text(app, `/scores/${user}`)).toBe(`score of ${user}`);
    }
    expect(counting.matches).toBe(12);
  });
});

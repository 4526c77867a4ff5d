import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createMemoRouter } from '../../src/http/memoRouter.js';

/** Paths the RegExpRouter refuses (a static segment beside a parameter with more after it). */
function scoresApp(maxPaths?: number) {
  const app = new Hono({ router: createMemoRouter(maxPaths) });
  app.get('/scores/leaderboard', (c) => c.text('board'));
  app.get('/scores/:userId/ledger', (c) => c.text(`ledger of ${c.req.param('userId')}`));
  app.get('/scores/:userId', (c) => c.text(`score of ${c.req.param('userId')}`));
  return app;
}

const text = async (app: Hono, path: string, method = 'GET') => (await app.request(path, { method })).text();

describe('createMemoRouter', () => {
  it('routes repeated and ambiguous paths as Hono does, parameters decoded per request', async () => {
    const app = scoresApp();
    for (let round = 0; round < 2; round += 1) {
      expect(await text(app, '/scores/leaderboard')).toBe('board');
      expect(await text(app, '/scores/ann/ledger')).toBe('ledger of ann');
      expect(await text(app, '/scores/ann')).toBe('score of ann');
      expect(await text(app, '/scores/bo%20b')).toBe('score of bo b');
      expect((await app.request('/scores/ann', { method: 'DELETE' })).status).toBe(404);
    }
  });

  it('keeps routing right once more paths than it keeps have been seen', async () => {
    const app = scoresApp(2);
    const users = ['a', 'b', 'c', 'd', 'e'];
    for (let round = 0; round < 2; round += 1) {
      for (const user of users) expect(await text(app, `/scores/${user}`)).toBe(`score of ${user}`);
    }
  });
});

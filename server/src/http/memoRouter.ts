import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

/**
 * Hono's default router (the RegExpRouter when it can take every path, else the TrieRouter),
 * remembering its answer per method and path.
 *
 * Podium's paths are ambiguous for the RegExpRouter (`/scores/leaderboard` beside
 * `/scores/:userId/ledger`), so Hono falls back to its TrieRouter, which walks the tree on every
 * request: 3-4 % of a cached member poll. Polls repeat their paths, so the answer is kept. A
 * match result is only read by Hono (handlers and raw params; decoding happens per access), so
 * one result can serve many requests. At most `maxPaths` paths of up to 256 characters are kept,
 * all dropped when full, so random paths cannot grow it.
 */
export function createMemoRouter<T>(options: { maxPaths?: number; inner?: Router<T> } = {}): Router<T> {
  const { maxPaths = 1_000 } = options;
  const inner = options.inner ?? new SmartRouter<T>({ routers: [new RegExpRouter(), new TrieRouter()] });
  const results = new Map<string, Result<T>>();
  return {
    name: 'MemoRouter',
    // No route can be added once one was matched (the SmartRouter refuses), so a kept answer
    // never misses a later route.
    add: (method, path, handler) => inner.add(method, path, handler),
    match(method, path) {
      // Podium's own paths are short; a long one is a probe, not a poll.
      if (path.length > maxKeptPathLength) return inner.match(method, path);
      const key = `${method} ${path}`;
      let result = results.get(key);
      if (result === undefined) {
        result = inner.match(method, path);
        if (results.size >= maxPaths) results.clear();
        results.set(key, result);
      }
      return result;
    },
  };
}

const maxKeptPathLength = 256;

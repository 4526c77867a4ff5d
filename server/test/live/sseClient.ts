import type { AddressInfo, Server } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/http/AppEnv.js';

/** One message of an event stream (a comment is `{ comment }`). */
export interface SseMessage {
  event?: string;
  data?: string;
  id?: string;
  retry?: string;
  comment?: string;
}

/** Serves `app` on a free loopback port (real HTTP, as browsers reach it); close it after. */
export async function listenOnFreePort(app: Hono<AppEnv>): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started as Server),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections(): void }).closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Opens a stream with fetch and reads it message by message, as a test needs it: `next` waits for
 * the first message (after those already taken) that matches, within a time limit.
 */
export async function openEventStream(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  if (response.ok && response.body) {
    void (async () => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            messages.push(...parseBlock(buffer.slice(0, end)));
            buffer = buffer.slice(end + 2);
            for (const wake of waiters) wake();
          }
        }
      } catch {
        // aborted by close()
      } finally {
        ended = true;
        for (const wake of waiters) wake();
      }
    })();
  }
  let taken = 0;
  return {
    response,
    messages,
    /** The next message matching `match`, or a rejection after `timeoutMs`. */
    async next(match: (message: SseMessage) => boolean = () => true, timeoutMs = 2_000): Promise<SseMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (taken < messages.length) {
          const message = messages[taken++]!;
          if (match(message)) return message;
        }
        if (ended) throw new Error('the stream ended');
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`no matching message within ${timeoutMs} ms (got ${JSON.stringify(messages)})`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
    close: () => abort.abort(),
  };
}

function parseBlock(block: string): SseMessage[] {
  const message: SseMessage = {};
  const comments: SseMessage[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) comments.push({ comment: line.slice(1).trim() });
    else {
      const colon = line.indexOf(':');
      const field = line.slice(0, colon) as keyof SseMessage;
      const value = line.slice(colon + 1).replace(/^ /, '');
      message[field] = field === 'data' && message.data !== undefined ? `${message.data}\n${value}` : value;
    }
  }
  return Object.keys(message).length > 0 ? [...comments, message] : comments;
}

/** The data of an event as JSON. */
export const dataOf = (message: SseMessage) => JSON.parse(message.data ?? 'null') as Record<string, unknown>;

#!/usr/bin/env node
// `npm run bench:live`: what live updates (issue 14) cost one server instance.
//
//  1. Memory: RSS and heap with --streams open SSE streams (`GET /api/events`), after a GC when
//     `node --expose-gc` runs it, against the same server with none; per stream.
//  2. Delay: --writes sequential `POST /api/scores/actions` 250 ms apart (outside the coalescing
//     window), each announced to every stream as `leaderboard.changed`; the delay from sending
//     the write to each stream's event, p50/p99/max.
// The clients run in a worker thread: the heap figures are the server's alone (a worker has its
// own heap), while RSS counts the whole process, clients and PGlite included.
// Prints figures; never fails on speed. Loopback only; everything it opens it closes.
//
//   npm run bench:live
//   node --expose-gc bench/liveEvents.mjs --streams=2000 --writes=50 --no-postgres
import { serve } from '@hono/node-server';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { benchDatabases, loadServerModule, parseFlags } from './shared.mjs';

const args = parseFlags(process.argv.slice(2));
const streamCount = Number(args.streams ?? 1_000);
const writes = Number(args.writes ?? 30);
const log = (line) => process.stdout.write(`${line}\n`);
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const apiKey = 'podium-bench-live-key';

const server = await loadServerModule('../server/src/index.ts');

log(
  `Live updates bench: ${streamCount} streams, ${writes} writes, Node ${process.version}, ${os.cpus().length} CPUs`,
);

function memory() {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

/**
 * The clients, in a worker thread so their heap is not the server's: opens `count` streams to
 * `url`, posts `opened` once they are, and `{ stream, at }` (epoch ms) for each
 * `leaderboard.changed`; stops on `close`.
 */
const clientsSource = `
const { parentPort, workerData } = require('node:worker_threads');
const readers = [];
const now = () => performance.timeOrigin + performance.now();
(async () => {
  for (let i = 0; i < workerData.count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, workerData.count - i) }, async (_, k) => {
      const response = await fetch(workerData.url);
      if (response.status !== 200) throw new Error('stream answered ' + response.status);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      readers.push(reader);
      let buffer = '';
      (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            buffer += value;
            let end;
            while ((end = buffer.indexOf('\\n\\n')) >= 0) {
              if (buffer.slice(0, end).includes('event: leaderboard.changed')) parentPort.postMessage({ stream: i + k, at: now() });
              buffer = buffer.slice(end + 2);
            }
          }
        } catch {}
      })();
    }));
  }
  parentPort.postMessage({ opened: true });
})();
parentPort.on('message', async () => {
  await Promise.all(readers.map((reader) => reader.cancel().catch(() => {})));
  parentPort.postMessage({ closed: true });
});
`;

const epochNow = () => performance.timeOrigin + performance.now();

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

for (const target of await benchDatabases(server, { noPostgres: args['no-postgres'] === 'true', log })) {
  const { db, drop } = await target.open();
  await server.migrate(db, { logger: server.silentLogger });
  const app = server.createApp({
    db,
    apiKey,
    rateLimits: false,
    logger: server.silentLogger,
    live: { maxConnectionsPerClient: streamCount + 10, maxConnections: streamCount + 10 },
  });
  const http = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const base = `http://127.0.0.1:${http.address().port}/api`;
  const closers = [];
  try {
    const before = memory();
    const received = Array.from({ length: streamCount }, () => []);
    const openedAt = performance.now();
    const clients = new Worker(clientsSource, {
      eval: true,
      workerData: { url: `${base}/events?topics=points:lifetime`, count: streamCount },
    });
    const opened = new Promise((resolve, reject) => {
      clients.on('error', reject);
      clients.on('message', (message) => {
        if (message.opened) resolve();
        else if (message.stream !== undefined) received[message.stream].push(message.at);
      });
    });
    closers.push(async () => {
      const closed = new Promise((resolve) => clients.on('message', (m) => m.closed && resolve()));
      clients.postMessage('close');
      await closed;
      await clients.terminate();
    });
    await opened;
    const openMs = performance.now() - openedAt;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const open = memory();
    log(
      `  ${target.name}: ${streamCount} streams opened in ${Math.round(openMs)} ms; RSS ${mb(before.rss)} -> ${mb(open.rss)}; server heap ${mb(before.heapUsed)} -> ${mb(open.heapUsed)} (${((open.heapUsed - before.heapUsed) / 1024 / streamCount).toFixed(1)} kB a stream)`,
    );

    const delays = [];
    let missed = 0;
    for (let w = 0; w < writes; w++) {
      const sent = epochNow();
      const response = await fetch(`${base}/scores/actions`, {
        method: 'POST',
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ eventId: `live-bench-${w}`, userId: `u${w % 50}`, action: 'TRADE_EXECUTE' }),
      });
      await response.arrayBuffer();
      const deadline = performance.now() + 5_000;
      while (received.some((times) => times.length <= w) && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      for (const times of received) {
        if (times.length > w) delays.push(times[w] - sent);
        else missed += 1;
      }
      // Past the coalescing window (200 ms a topic), so each write is announced at once.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    delays.sort((a, b) => a - b);
    const after = memory();
    log(
      `    write -> event at every stream: p50 ${percentile(delays, 50).toFixed(1)} ms, p99 ${percentile(delays, 99).toFixed(1)} ms, max ${delays.at(-1).toFixed(1)} ms over ${delays.length} deliveries${missed ? `, ${missed} missed` : ''}; RSS after the writes ${mb(after.rss)}`,
    );
  } finally {
    for (const close of closers) await close();
    await new Promise((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    });
    await db.close();
    await drop();
  }
}

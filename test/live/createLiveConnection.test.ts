import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveTopic, ownLiveTopic } from '../../src/live/contract.js';
import { createLiveConnection, type LiveConnectionOptions } from '../../src/live/createLiveConnection.js';
import { createApiClient } from '../../src/shared/createApiClient.js';
import { FakeEventSource } from './fakeEventSource.js';

const board = liveTopic.sellers('2026-11');
const score = liveTopic.score('alice');

/** A ticket as the server writes it: `<user id, base64url>.<expiry>.<mac>`. */
const ticketOf = (user: string) =>
  `${Buffer.from(user).toString('base64url')}.9999999999999.${'m'.repeat(43)}`;

function connect(options: Partial<LiveConnectionOptions> & { ticket?: () => Response } = {}) {
  const tickets: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    expect(String(input)).toBe('https://podium.test/api/events/tickets');
    expect(init?.method).toBe('POST');
    const response =
      options.ticket?.() ??
      Response.json({ ticket: ticketOf('alice'), expiresAt: '2999-01-01T00:00:00Z', userId: 'alice' });
    tickets.push(String(init?.headers && (init.headers as Record<string, string>).authorization));
    return response;
  });
  const client = createApiClient({
    baseUrl: 'https://podium.test/api',
    fetch: fetch as typeof globalThis.fetch,
    getToken: () => 'user-token',
  });
  const connection = createLiveConnection({
    client,
    EventSource: FakeEventSource,
    random: () => 1,
    ...options,
  });
  return { connection, fetch, tickets };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createLiveConnection', () => {
  it('opens one stream for every watched topic (debounced), live only once it is open', async () => {
    const { connection } = connect();
    const states: string[] = [];
    connection.subscribe(() => states.push(connection.getState()));
    connection.watch(board, () => {});
    connection.watch(score, () => {});
    connection.watch(score, () => {}); // a second widget on the same topic
    expect(FakeEventSource.made).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60);
    expect(FakeEventSource.made).toHaveLength(1);
    expect(FakeEventSource.last.url).toMatch(/^https:\/\/podium\.test\/api\/events\?/);
    expect(FakeEventSource.last.query).toEqual({ topics: [board, score], ticket: null, lastEventId: null });
    expect(connection.getState()).toBe('connecting');
    expect(connection.isLive(board)).toBe(false);
    FakeEventSource.last.open();
    expect(connection.getState()).toBe('open');
    expect(connection.isLive(board) && connection.isLive(score)).toBe(true);
    expect(connection.isLive(liveTopic.stats('bob'))).toBe(false);
    expect(states).toContain('open');
  });

  it("calls a topic's watchers on its events, everyone's on reset, and everyone's when a stream opens without a resume point", async () => {
    const { connection } = connect();
    const onBoard = vi.fn();
    const onScore = vi.fn();
    connection.watch(board, onBoard);
    connection.watch(score, onScore);
    await vi.advanceTimersByTimeAsync(60);
    FakeEventSource.last.open();
    // A change between the widgets' first fetch and the stream's open would be unseen otherwise.
    expect([onBoard.mock.calls.length, onScore.mock.calls.length]).toEqual([1, 1]);
    FakeEventSource.last.emit(
      'leaderboard.changed',
      { topic: board, version: '3', at: '2026-11-29T00:00:00Z' },
      '41',
    );
    expect([onBoard.mock.calls.length, onScore.mock.calls.length]).toEqual([2, 1]);
    FakeEventSource.last.emit('reset', { reason: 'too-old' });
    expect([onBoard.mock.calls.length, onScore.mock.calls.length]).toEqual([3, 2]);
  });

  it('reopens with lastEventId when the watched set changes, keeping the old stream live until the new one opens', async () => {
    const { connection } = connect();
    const unwatchBoard = connection.watch(board, () => {});
    await vi.advanceTimersByTimeAsync(60);
    const first = FakeEventSource.last;
    first.open();
    first.emit('leaderboard.changed', { topic: board, version: '1', at: '2026-11-29T00:00:00Z' }, '7');
    const onScore = vi.fn();
    connection.watch(score, onScore);
    await vi.advanceTimersByTimeAsync(60);
    const second = FakeEventSource.last;
    expect(second).not.toBe(first);
    expect(second.query).toEqual({ topics: [board, score], ticket: null, lastEventId: '7' });
    expect(first.closed).toBe(false);
    expect(connection.isLive(board)).toBe(true);
    second.open();
    expect(first.closed).toBe(true);
    expect(connection.isLive(score)).toBe(true);
    // Resumed: the server replays what was missed, so no blanket refetch.
    expect(onScore).not.toHaveBeenCalled();
    // An unwatched topic leaves the stream later (extra topics cost little).
    unwatchBoard();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeEventSource.last.query.topics).toEqual([score]);
  });

  it('does not put off opening a new topic because another one was just unwatched', async () => {
    const { connection } = connect();
    const unwatchBoard = connection.watch(board, () => {});
    await vi.advanceTimersByTimeAsync(60);
    FakeEventSource.last.open();
    connection.watch(score, () => {});
    unwatchBoard(); // e.g. a board switching period: the new key's watch came first
    await vi.advanceTimersByTimeAsync(60);
    expect(FakeEventSource.made).toHaveLength(2);
    expect(FakeEventSource.last.query.topics).toEqual([score]);
  });

  it('reconnects itself after a drop, resuming after the last event, not live meanwhile', async () => {
    const { connection } = connect();
    const onBoard = vi.fn();
    connection.watch(board, onBoard);
    await vi.advanceTimersByTimeAsync(60);
    FakeEventSource.last.open();
    FakeEventSource.last.emit(
      'leaderboard.changed',
      { topic: board, version: '2', at: '2026-11-29T00:00:00Z' },
      '12',
    );
    const dropped = FakeEventSource.last;
    dropped.fail();
    expect(dropped.closed).toBe(true); // not left to the native reconnect (an expired ticket)
    expect(connection.isLive(board)).toBe(false);
    expect(connection.getState()).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeEventSource.made).toHaveLength(2);
    expect(FakeEventSource.last.query.lastEventId).toBe('12');
    const calls = onBoard.mock.calls.length;
    FakeEventSource.last.open();
    expect(connection.isLive(board)).toBe(true);
    // The replay misses an event that committed late with an id below 12 (its transaction began
    // first): after a drop every widget refetches once anyway.
    expect(onBoard.mock.calls.length).toBe(calls + 1);
  });

  it('falls back (widgets poll) when the stream keeps failing before it opens, retrying with growing waits', async () => {
    const { connection } = connect({ minRetryMs: 1_000, maxRetryMs: 8_000 });
    connection.watch(board, () => {});
    await vi.advanceTimersByTimeAsync(60);
    FakeEventSource.last.fail(); // a 429 or 503 looks like this to EventSource
    expect(connection.getState()).toBe('connecting');
    const waits: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const made = FakeEventSource.made.length;
      let waited = 0;
      while (FakeEventSource.made.length === made) {
        await vi.advanceTimersByTimeAsync(100);
        waited += 100;
      }
      waits.push(waited);
      FakeEventSource.last.fail();
      expect(connection.getState()).toBe('fallback');
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    await vi.advanceTimersByTimeAsync(8_000);
    FakeEventSource.last.open();
    expect(connection.getState()).toBe('open');
  });

  it('is in fallback at once where EventSource does not exist (SSR, old browsers)', async () => {
    const { connection } = connect({ EventSource: undefined });
    const original = (globalThis as { EventSource?: unknown }).EventSource;
    expect(original).toBeUndefined();
    connection.watch(board, () => {});
    await vi.advanceTimersByTimeAsync(60);
    expect(connection.getState()).toBe('fallback');
    expect(connection.isLive(board)).toBe(false);
  });

  it("names the user's own private topic with a fresh ticket before every (re)open", async () => {
    const { connection, fetch } = connect();
    connection.watch(ownLiveTopic('jobs'), () => {});
    connection.watch(board, () => {});
    await vi.advanceTimersByTimeAsync(60);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(FakeEventSource.last.query).toMatchObject({
      topics: ['jobs:alice', board],
      ticket: ticketOf('alice'),
    });
    FakeEventSource.last.open();
    expect(connection.isLive(ownLiveTopic('jobs'))).toBe(true);
    FakeEventSource.last.fail();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('streams the public topics alone when no ticket is given (signed out)', async () => {
    const { connection } = connect({
      ticket: () => Response.json({ error: { code: 'unauthorized', message: 'no' } }, { status: 401 }),
    });
    connection.watch(ownLiveTopic('jobs'), () => {});
    connection.watch(board, () => {});
    await vi.advanceTimersByTimeAsync(60);
    expect(FakeEventSource.last.query).toEqual({ topics: [board], ticket: null, lastEventId: null });
    FakeEventSource.last.open();
    expect(connection.isLive(board)).toBe(true);
    expect(connection.isLive(ownLiveTopic('jobs'))).toBe(false);
  });

  it('closes its stream and stops retrying on close()', async () => {
    const { connection } = connect();
    connection.watch(board, () => {});
    await vi.advanceTimersByTimeAsync(60);
    FakeEventSource.last.open();
    connection.close();
    expect(FakeEventSource.last.closed).toBe(true);
    expect(connection.getState()).toBe('idle');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.made).toHaveLength(1);
  });
});

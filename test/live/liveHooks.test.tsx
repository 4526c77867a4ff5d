import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLeaderboard } from '../../hooks/index.js';
import { liveTopic } from '../../src/live/contract.js';
import { utcMonthKey } from '../../src/shared/periodKeys.js';
import { createLeaderboardFixture } from '../../mocks/index.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { FakeEventSource } from './fakeEventSource.js';

/** Every board request the hooks send: when, and with which fetch cache mode. */
let requests: Array<{ at: number; cache: RequestCache | undefined }> = [];
const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  expect(String(input)).toMatch(/\/leaderboards\/sellers\?/);
  requests.push({ at: Date.now(), cache: init?.cache });
  return Response.json(createLeaderboardFixture({ limit: 5 }), {
    headers: { etag: `W/"${requests.length}"` },
  });
});

const board = liveTopic.sellers(utcMonthKey(new Date()));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function renderBoard(live: boolean) {
  const { Wrapper } = providerWrapper({ live, fetch: fetch as typeof globalThis.fetch });
  return renderHook(() => useLeaderboard('sellers', { limit: 5, pollIntervalMs: 100 }), { wrapper: Wrapper });
}

beforeEach(() => {
  requests = [];
  FakeEventSource.reset();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('query hooks with <PodiumProvider live>', () => {
  it('do not poll while the stream carries their topic, refetch past the browser cache on its events, and poll again when it drops', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const { result, unmount } = renderBoard(true);
    await waitFor(() => expect(result.current.status).toBe('success'));
    await waitFor(() => expect(FakeEventSource.made.length).toBe(1));
    expect(FakeEventSource.last.query.topics).toEqual([board]);
    FakeEventSource.last.open();
    await sleep(50); // the refetch an open without a resume point asks for
    const settled = requests.length;
    await sleep(400); // four poll intervals
    expect(requests.length).toBe(settled);

    FakeEventSource.last.emit(
      'leaderboard.changed',
      { topic: board, version: '9', at: new Date().toISOString() },
      '5',
    );
    await waitFor(() => expect(requests.length).toBe(settled + 1));
    expect(requests.at(-1)!.cache).toBe('no-cache');
    // Another topic's event does not concern this board.
    FakeEventSource.last.emit(
      'score.changed',
      { topic: liveTopic.score('bob'), version: '1', at: new Date().toISOString() },
      '6',
    );
    FakeEventSource.last.emit('reset', { reason: 'too-old' });
    await waitFor(() => expect(requests.length).toBe(settled + 2));
    await sleep(150);
    expect(requests.length).toBe(settled + 2);

    // The stream drops and does not come back: the board polls again meanwhile.
    FakeEventSource.last.fail();
    await sleep(450);
    expect(requests.length).toBeGreaterThanOrEqual(settled + 4);
    unmount();
    expect(FakeEventSource.made.every((source) => source.closed)).toBe(true);
  });

  it('poll as before, quietly, where there is no EventSource', async () => {
    expect((globalThis as { EventSource?: unknown }).EventSource).toBeUndefined();
    const errors = vi.spyOn(console, 'error');
    const { result } = renderBoard(true);
    await waitFor(() => expect(result.current.status).toBe('success'));
    await sleep(350);
    expect(requests.length).toBeGreaterThanOrEqual(3);
    // Exactly today's polls: not even the cache mode differs.
    expect(requests.every((request) => request.cache === undefined)).toBe(true);
    expect(errors).not.toHaveBeenCalled();
  });

  it('send no cache mode and open no stream without live', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const { result } = renderBoard(false);
    await waitFor(() => expect(result.current.status).toBe('success'));
    await sleep(250);
    expect(FakeEventSource.made).toHaveLength(0);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(requests.every((request) => request.cache === undefined)).toBe(true);
  });
});

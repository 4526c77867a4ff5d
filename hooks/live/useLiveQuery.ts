import type { FetchCacheMode } from '../../src/shared/createApiClient.js';
import type { QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { usePodium } from '../usePodium.js';

/** What a query hook does with live updates: whether to poll, and how to fetch. */
export interface LiveQueryMode {
  /** True while the provider's stream carries the topic: do not poll. */
  isLive: boolean;
  /**
   * The fetch cache mode while the provider's stream is up or connecting: `'no-cache'`, so a
   * refetch after an event revalidates (ETag, 304) instead of reading a copy the browser kept;
   * else (no live updates, or fallback) the default.
   */
  cache: FetchCacheMode | undefined;
}

const noSubscription = () => () => {};
const notLive = () => false;

/**
 * Watches `topic` on the provider's live connection while mounted and `topic` is set (pass
 * `undefined` to watch nothing, e.g. while a widget is closed): after each event of the topic
 * (and after a `reset`) the query under `queryKey` is refetched. Without live updates it does
 * nothing and reports `isLive: false`, so the hook polls as before.
 */
export function useLiveQuery(topic: string | undefined, queryKey: QueryKey): LiveQueryMode {
  const { live, queryClient } = usePodium();
  // The key's identity changes every render; its hash does not.
  const keyHash = JSON.stringify(queryKey);
  useEffect(() => {
    if (!live || !topic) return;
    const key = JSON.parse(keyHash) as QueryKey;
    return live.watch(topic, () => {
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
    });
  }, [live, topic, keyHash, queryClient]);
  const subscribe = useCallback(
    (onChange: () => void) => (live ? live.subscribe(onChange) : noSubscription()),
    [live],
  );
  const isLive = useSyncExternalStore(subscribe, () => (live && topic ? live.isLive(topic) : false), notLive);
  // In fallback (no EventSource, or the stream keeps failing) the widget polls exactly as without
  // live updates; otherwise every fetch may follow an event and must not read the browser's copy.
  const fallback = useSyncExternalStore(
    subscribe,
    () => (live ? live.getState() === 'fallback' : true),
    () => true,
  );
  return { isLive, cache: fallback ? undefined : 'no-cache' };
}

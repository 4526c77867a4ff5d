import { useStore } from 'zustand';
import type { PodiumState } from './createPodiumStore.js';
import { usePodium } from './usePodium.js';

/**
 * Selects from the nearest provider's UI store and re-renders only when the selection changes.
 * Return a stable value (a field, or use zustand's `useShallow` for objects).
 */
export function usePodiumStore<T>(selector: (state: PodiumState) => T): T {
  const { store } = usePodium();
  return useStore(store, selector);
}

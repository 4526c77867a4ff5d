import { useEffect, type ReactNode } from 'react';
import { usePodium } from '../../hooks/usePodium.js';

const signal = 'podium-story-refetch';

/**
 * Refetches every Podium query once when a story's play function calls {@link refetchNow}: a
 * background refresh on demand, without polling (a poll still running when the browser suite
 * moves to the next story can reach the static server after MSW's worker is gone).
 */
export function RefetchOnSignal({ children }: { children: ReactNode }) {
  const { queryClient } = usePodium();
  useEffect(() => {
    const refetch = () => void queryClient.refetchQueries({ queryKey: ['podium'] });
    window.addEventListener(signal, refetch);
    return () => window.removeEventListener(signal, refetch);
  }, [queryClient]);
  return children;
}

/** Asks the mounted {@link RefetchOnSignal} to refetch its queries. */
export function refetchNow() {
  window.dispatchEvent(new Event(signal));
}

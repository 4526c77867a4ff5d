import { useContext } from 'react';
import { PodiumContext, type PodiumContextValue } from './PodiumContext.js';

/**
 * The nearest `PodiumProvider`'s client, query client, store, locale, time zone, labels and
 * theme. Throws when there is none, because every Podium hook needs one to reach the server.
 */
export function usePodium(): PodiumContextValue {
  const value = useContext(PodiumContext);
  if (!value) {
    throw new Error(
      'usePodium must be used inside <PodiumProvider>. Wrap your app (or the Podium widgets) in ' +
        '<PodiumProvider baseUrl="...">, e.g. <PodiumProvider baseUrl="/api" getToken={getToken}>.',
    );
  }
  return value;
}

import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';

/**
 * The request state every Podium query hook returns next to its data, with the meaning of
 * React Query's fields of the same names.
 */
export interface PodiumQueryState {
  /** `pending` (no answer yet), `error` (see `error`) or `success`. */
  status: 'pending' | 'error' | 'success';
  /** True during the first load (nothing to show yet). */
  isLoading: boolean;
  /** True whenever a request is in flight, background refreshes and polls included. */
  isFetching: boolean;
  /** The last error, or `null`. */
  error: PodiumApiError | null;
  /** When the shown data was fetched (ms since epoch), 0 before the first answer. */
  dataUpdatedAt: number;
  /** Fetches again. */
  refetch: () => Promise<unknown>;
}

/**
 * Picks the request state out of a React Query result (`useQuery` or `useInfiniteQuery`), so
 * each hook maps only its data. Reads every field now: the calling render subscribes to all of
 * them, as when a hook lists them one by one.
 */
export function podiumQueryState(query: PodiumQueryState): PodiumQueryState {
  // Spreading reads every getter once, now.
  return { ...withLazyQueryState(query, {}) };
}

/**
 * Adds the request state to `fields` as getters, for hooks whose result must not subscribe the
 * caller to what it does not read (a polled board: `isFetching` flips twice on every poll).
 * React Query tracks the fields a render reads, so the caller re-renders only for those. Keep
 * the hook's own fields getters too, and mind that spreading the result reads every field.
 */
export function withLazyQueryState<T extends object>(query: PodiumQueryState, fields: T): T & PodiumQueryState {
  const state: PodiumQueryState = {
    get status() {
      return query.status;
    },
    get isLoading() {
      return query.isLoading;
    },
    get isFetching() {
      return query.isFetching;
    },
    get error() {
      return query.error;
    },
    get dataUpdatedAt() {
      return query.dataUpdatedAt;
    },
    get refetch() {
      return query.refetch;
    },
  };
  return Object.defineProperties(fields, Object.getOwnPropertyDescriptors(state)) as T & PodiumQueryState;
}

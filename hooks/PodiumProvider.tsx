import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import {
  useContext,
  useEffect,
  useInsertionEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { LiveConnection } from '../src/live/createLiveConnection.js';
import { createApiClient, type ApiClientOptions } from '../src/shared/createApiClient.js';
import { podiumRetry } from './shared/podiumRetry.js';
import { createPodiumStore, type PodiumStoreInit } from './createPodiumStore.js';
import {
  PodiumContext,
  type PodiumContextValue,
  type PodiumLabelOverrides,
  type PodiumLabelPacks,
  type PodiumTheme,
} from './PodiumContext.js';

export interface PodiumProviderProps {
  /** Where the Podium server's API lives, e.g. `https://podium.example.com/api` or `/api`. */
  baseUrl: string;
  /**
   * Returns the signed-in user's token (a JWT your app signs), sent as `Authorization: Bearer`.
   * Called before every request, so a refreshed token is always used; return `null` when signed
   * out. It may change between renders without recreating the client.
   */
  getToken?: ApiClientOptions['getToken'];
  /** The `fetch` to use (tests, SSR, custom retries). @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * The React Query client for Podium's queries.
   * @default the host's client from `<QueryClientProvider>` if there is one, else one the
   * provider creates for itself
   */
  queryClient?: QueryClient;
  /**
   * BCP 47 locale for numbers, dates and the components' strings: the pack of its language in
   * `labelPacks` (any region: `de-AT` uses `de`), else English. @default 'en-US'
   */
  locale?: string;
  /**
   * IANA time zone for day boundaries and dates.
   * @default the browser's zone once mounted; `'UTC'` on the server
   */
  timeZone?: string;
  /** Overrides for the components' strings (see `PodiumLabels` in `podium`). @default {} */
  labels?: PodiumLabelOverrides;
  /**
   * Label packs the `locale` picks from, by language subtag: `{ de }` after
   * `import { de } from 'podium-kit/locales/de'` (also `es`, `fr`, `ja`), or a host's own. Opt-in
   * so that a bundle carries only the languages a host registers. `labels` win over the pack.
   * @default {} (English only)
   */
  labelPacks?: PodiumLabelPacks;
  /** Colour scheme of the widgets. @default 'system' */
  theme?: PodiumTheme;
  /**
   * Live updates (Server-Sent Events from `GET {baseUrl}/events`): one stream per provider carries
   * every topic its widgets watch (leaderboards, scores, achievements, user stats, the user's job
   * stats); while it is open those widgets do not poll, and refetch within a second of a change.
   * When the stream fails, is refused (429/503) or `EventSource` is missing, they poll as they do
   * without it, and the stream is retried with backoff. The code loads only when this is on.
   * @default false
   */
  live?: boolean;
  /** Initial UI state of this provider's store (read once, on mount). @default {} */
  initialState?: PodiumStoreInit;
  children?: ReactNode;
}

const emptyLabels: PodiumLabelOverrides = Object.freeze({});
const noLabelPacks: PodiumLabelPacks = Object.freeze({});

/** Retries Podium's own client only on failures worth retrying; 4xx answers will not change. */
function createOwnQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: podiumRetry(),
      },
    },
  });
}

const noopSubscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
// The server cannot know the user's zone: render UTC there and switch after hydration.
const serverTimeZone = () => 'UTC';

/**
 * Provides one API client, one UI store and the query client to every Podium hook and widget
 * below it. Two providers on one page are fully independent (e.g. two users, two servers).
 */
export function PodiumProvider({
  baseUrl,
  getToken,
  fetch: fetchProp,
  queryClient: queryClientProp,
  locale = 'en-US',
  timeZone: timeZoneProp,
  labels = emptyLabels,
  labelPacks = noLabelPacks,
  theme = 'system',
  live: liveWanted = false,
  initialState,
  children,
}: PodiumProviderProps) {
  // Hosts often pass inline functions: keep the latest in refs so that a new function identity
  // does not create a new client (and with it a new cache identity) on every render.
  const getTokenRef = useRef(getToken);
  const fetchRef = useRef(fetchProp);
  useInsertionEffect(() => {
    getTokenRef.current = getToken;
    fetchRef.current = fetchProp;
  });

  const client = useMemo(
    () =>
      createApiClient({
        baseUrl,
        getToken: () => getTokenRef.current?.(),
        fetch: (input, init) => (fetchRef.current ?? globalThis.fetch)(input, init),
      }),
    [baseUrl],
  );

  const [store] = useState(() => createPodiumStore(initialState));

  const hostQueryClient = useContext(QueryClientContext);
  // Created lazily and at most once, only when neither the prop nor a host client exists.
  const [getOwnQueryClient] = useState(() => {
    let own: QueryClient | undefined;
    return () => (own ??= createOwnQueryClient());
  });
  const queryClient = queryClientProp ?? hostQueryClient ?? getOwnQueryClient();

  // QueryClientProvider normally mounts the client (focus and online refetching); we do not
  // wrap one, so mount it here. mount() is reference-counted, so a host's client is safe too.
  useEffect(() => {
    queryClient.mount();
    return () => queryClient.unmount();
  }, [queryClient]);

  // Loaded on demand (its own chunk), so hosts without live updates do not ship the connection.
  const [live, setLive] = useState<LiveConnection | null>(null);
  useEffect(() => {
    if (!liveWanted) return;
    let connection: LiveConnection | undefined;
    let cancelled = false;
    void import('../src/live/createLiveConnection.js').then(
      ({ createLiveConnection }) => {
        if (cancelled) return;
        connection = createLiveConnection({ client });
        setLive(connection);
      },
      // The chunk did not load (offline, a deploy replaced it): the widgets keep polling.
      () => undefined,
    );
    return () => {
      cancelled = true;
      connection?.close();
      setLive(null);
    };
  }, [liveWanted, client]);

  const detectedTimeZone = useSyncExternalStore(noopSubscribe, browserTimeZone, serverTimeZone);
  const timeZone = timeZoneProp ?? detectedTimeZone;

  const value = useMemo<PodiumContextValue>(
    () => ({ client, queryClient, store, locale, timeZone, labels, labelPacks, theme, live }),
    [client, queryClient, store, locale, timeZone, labels, labelPacks, theme, live],
  );

  return <PodiumContext.Provider value={value}>{children}</PodiumContext.Provider>;
}

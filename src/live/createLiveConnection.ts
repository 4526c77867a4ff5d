import type { ApiClient } from '../shared/createApiClient.js';
import { createLiveTicket, liveEventsUrl } from './api.js';
import {
  liveEventNameOf,
  ownLiveTopic,
  liveResetEvent,
  liveTopicOf,
  maxLiveTopics,
  privateLiveTopicKinds,
  type LiveTopicKind,
} from './contract.js';

/**
 * Where a live connection stands: `idle` (nothing watched, or closed), `connecting`, `open` (the
 * watched topics are pushed: their widgets need not poll), or `fallback` (no `EventSource`, or the
 * stream keeps failing: widgets poll as without live updates while it retries now and then).
 */
export type LiveState = 'idle' | 'connecting' | 'open' | 'fallback';

/** What the connection reads of a received event. */
export interface LiveMessageEvent {
  readonly type: string;
  readonly data: string;
  readonly lastEventId: string;
}

/** The minimal `EventSource` the connection uses (the browser's, or a stand-in in tests). */
export interface LiveEventSource {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  addEventListener(type: string, listener: (event: LiveMessageEvent) => void): void;
  close(): void;
}

export type LiveEventSourceConstructor = new (url: string) => LiveEventSource;

export interface LiveConnectionOptions {
  /** The provider's API client: its `baseUrl`, and its token for private topics' tickets. */
  client: ApiClient;
  /** @default globalThis.EventSource (none during SSR or in old environments: then `fallback`) */
  EventSource?: LiveEventSourceConstructor | undefined;
  /** Watch changes within this long make one reopen, not one per widget. @default 50 */
  reopenDelayMs?: number;
  /** First wait before reconnecting after an error; doubles per failure. @default 1000 */
  minRetryMs?: number;
  /** Longest wait between reconnects. @default 30000 */
  maxRetryMs?: number;
  /** Failures in a row, before a stream opens, after which widgets poll meanwhile. @default 2 */
  failuresBeforeFallback?: number;
  /** Jitter source (tests). @default Math.random */
  random?: () => number;
}

/** One stream for every topic a provider's widgets watch. */
export interface LiveConnection {
  /**
   * Watches `topic` (see `liveTopic`, or {@link ownLiveTopic}) until the returned function is
   * called: `onChange` runs after each event of the topic, after a `reset`, and when a stream
   * opens without a resume point or after a drop (a change may have been missed): refetch then.
   */
  watch(topic: string, onChange: () => void): () => void;
  /** True while an open stream carries `topic`: its widget need not poll. */
  isLive(topic: string): boolean;
  getState(): LiveState;
  /** Calls `listener` whenever the state or the set of live topics changes. */
  subscribe(listener: () => void): () => void;
  /** Closes the stream for good. */
  close(): void;
}

const eventNames = [...new Set(Object.values(liveEventNameOf))];
const isPrivate = (topic: string) => privateLiveTopicKinds.some((kind) => topic.startsWith(`${kind}:`));
const isOwn = (topic: string) =>
  isPrivate(topic) && topic === ownLiveTopic(topic.slice(0, -1) as LiveTopicKind);

interface Stream {
  source: LiveEventSource;
  /** Watched key (as given to `watch`) of each topic the stream carries. */
  keysOf: Map<string, string[]>;
  keys: Set<string>;
  opened: boolean;
}

/**
 * A framework-free live connection: ref-counts watched topics and keeps ONE `EventSource` over
 * their union (browsers allow 6 HTTP/1.1 connections per origin, across tabs). It reconnects
 * itself rather than letting `EventSource` do it, because a reconnect needs a fresh ticket for
 * private topics and must resume (`lastEventId`) after the last event seen; a stream that fails
 * before opening (429, 503, a proxy that buffers) counts as a failure and is retried with backoff
 * and jitter while the widgets poll.
 */
export function createLiveConnection(options: LiveConnectionOptions): LiveConnection {
  const {
    client,
    reopenDelayMs = 50,
    minRetryMs = 1_000,
    maxRetryMs = 30_000,
    failuresBeforeFallback = 2,
    random = Math.random,
  } = options;
  const NativeEventSource =
    options.EventSource ??
    (globalThis as unknown as { EventSource?: LiveEventSourceConstructor }).EventSource;

  const watchers = new Map<string, Set<() => void>>();
  const stateListeners = new Set<() => void>();
  let active: Stream | undefined;
  let pending: Stream | undefined;
  let lastEventId: string | undefined;
  // An open stream dropped since the last open: what committed meanwhile may be missed by the
  // replay (an event whose transaction began before the last one seen has a lower id).
  let dropped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerDue = 0;
  let retrying = false;
  let generation = 0;
  let closed = false;
  let snapshot: LiveState = 'idle';

  const computeState = (): LiveState => {
    if (active) return 'open';
    if (!NativeEventSource) return watchers.size > 0 ? 'fallback' : 'idle';
    if (failures >= failuresBeforeFallback) return 'fallback';
    if (pending || timer !== undefined) return 'connecting';
    return 'idle';
  };
  const emit = () => {
    snapshot = closed ? 'idle' : computeState();
    for (const listener of [...stateListeners]) listener();
  };
  const notify = (keys: Iterable<string>) => {
    for (const key of keys) for (const onChange of [...(watchers.get(key) ?? [])]) onChange();
  };

  const schedule = (delayMs: number, isRetry: boolean) => {
    if (closed) return;
    if (timer !== undefined) {
      // A retry waits out its backoff: a watch change does not cut it short; and a reopen due
      // sooner (a new topic) is not put off by a later one (a topic no longer watched).
      if (retrying && !isRetry) return;
      if (!isRetry && timerDue <= Date.now() + delayMs) return;
      clearTimeout(timer);
    }
    retrying = isRetry;
    timerDue = Date.now() + delayMs;
    timer = setTimeout(() => {
      timer = undefined;
      retrying = false;
      void open();
    }, delayMs);
  };
  const retryDelay = () => {
    const base = Math.min(maxRetryMs, minRetryMs * 2 ** Math.max(0, failures - 1));
    return Math.round(base * (0.5 + random() / 2));
  };

  const drop = (stream: Stream | undefined) => {
    if (!stream) return;
    stream.source.onopen = null;
    stream.source.onerror = null;
    stream.source.close();
  };

  async function open(): Promise<void> {
    const mine = ++generation;
    const keys = [...watchers.keys()];
    if (closed) return;
    if (keys.length === 0) {
      drop(pending);
      drop(active);
      pending = active = undefined;
      return emit();
    }
    if (!NativeEventSource) return emit();

    let ticket: string | undefined;
    let user: string | undefined;
    if (keys.some(isPrivate)) {
      try {
        ({ ticket, userId: user } = await createLiveTicket(client));
      } catch {
        // Signed out, or no ticket today: the public topics still stream; private ones poll.
        ticket = undefined;
      }
      if (mine !== generation || closed) return;
    }
    const keysOf = new Map<string, string[]>();
    for (const key of keys) {
      let topic: string | undefined = key;
      if (isOwn(key))
        topic = user === undefined ? undefined : liveTopicOf(key.slice(0, -1) as LiveTopicKind, user);
      else if (isPrivate(key) && ticket === undefined) topic = undefined;
      if (topic === undefined) continue;
      if (!keysOf.has(topic) && keysOf.size >= maxLiveTopics) continue; // the rest poll
      keysOf.set(topic, [...(keysOf.get(topic) ?? []), key]);
    }
    if (keysOf.size === 0) {
      drop(pending);
      drop(active);
      pending = active = undefined;
      return emit();
    }

    const resumeFrom = lastEventId;
    const url = liveEventsUrl(client, [...keysOf.keys()], {
      ...(ticket ? { ticket } : {}),
      ...(resumeFrom ? { lastEventId: resumeFrom } : {}),
    });
    const stream: Stream = {
      source: new NativeEventSource(url),
      keysOf,
      keys: new Set([...keysOf.values()].flat()),
      opened: false,
    };
    drop(pending);
    pending = stream;

    const onEvent = (event: LiveMessageEvent) => {
      if (stream !== active && stream !== pending) return;
      if (event.lastEventId) lastEventId = event.lastEventId;
      if (event.type === liveResetEvent) return notify(stream.keys);
      let topic: unknown;
      try {
        topic = (JSON.parse(event.data) as { topic?: unknown }).topic;
      } catch {
        return;
      }
      if (typeof topic === 'string') notify(stream.keysOf.get(topic) ?? []);
    };
    for (const name of [...eventNames, liveResetEvent]) stream.source.addEventListener(name, onEvent);

    stream.source.onopen = () => {
      if (stream !== pending) return;
      stream.opened = true;
      failures = 0;
      // The previous stream kept its topics live until now; the new one resumed after its last event.
      drop(active);
      active = stream;
      pending = undefined;
      emit();
      // Without a resume point, a change between the widgets' fetch and this open is unseen; after
      // a drop, the replay covers every event but one that committed late with a lower id. Either
      // way each widget refetches once (mostly a 304).
      if (!resumeFrom || dropped) notify(stream.keys);
      dropped = false;
    };
    stream.source.onerror = () => {
      // EventSource cannot tell a 429 from a dropped stream: fail before open = a failure.
      drop(stream);
      if (stream === pending) pending = undefined;
      if (stream === active) active = undefined;
      if (!stream.opened) failures += 1;
      else dropped = true;
      // A stream that was open reconnects soon (and resumes); one that never opened backs off.
      schedule(stream.opened ? Math.round(minRetryMs * random()) : retryDelay(), true);
      emit();
    };
    emit();
  }

  return {
    watch(topic, onChange) {
      let set = watchers.get(topic);
      const added = !set;
      if (!set) watchers.set(topic, (set = new Set()));
      set.add(onChange);
      if (added) schedule(reopenDelayMs, false);
      return () => {
        const current = watchers.get(topic);
        if (!current?.delete(onChange) || current.size > 0) return;
        watchers.delete(topic);
        // Extra topics on the stream cost little: narrow it later, with the next change.
        schedule(reopenDelayMs * 20, false);
      };
    },
    isLive(topic) {
      return active?.keys.has(topic) ?? false;
    },
    getState() {
      return snapshot;
    },
    subscribe(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      generation += 1;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      drop(pending);
      drop(active);
      pending = active = undefined;
      emit();
    },
  };
}

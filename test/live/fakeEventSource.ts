import type { LiveEventSource, LiveMessageEvent } from '../../src/live/createLiveConnection.js';

/**
 * A controllable `EventSource` stand-in: the test opens, fails and feeds each instance. Every
 * instance made is kept in `FakeEventSource.made`, newest last.
 */
export class FakeEventSource implements LiveEventSource {
  static made: FakeEventSource[] = [];
  static reset() {
    FakeEventSource.made = [];
  }
  static get last(): FakeEventSource {
    const last = FakeEventSource.made.at(-1);
    if (!last) throw new Error('No EventSource was made');
    return last;
  }

  readyState = 0;
  closed = false;
  onopen: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private readonly listeners = new Map<string, Array<(event: LiveMessageEvent) => void>>();

  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }

  /** The stream's query: `topics` (as a list), `ticket`, `lastEventId`. */
  get query() {
    const params = new URL(this.url, 'http://x').searchParams;
    return {
      topics: params.get('topics')?.split(',') ?? [],
      ticket: params.get('ticket'),
      lastEventId: params.get('lastEventId'),
    };
  }

  addEventListener(type: string, listener: (event: LiveMessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  fail(): void {
    this.readyState = 0;
    this.onerror?.({});
  }

  emit(type: string, data: unknown, id = ''): void {
    const event = { type, data: JSON.stringify(data), lastEventId: id };
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** One injected misbehaviour, consumed by one request. */
export type SubgraphFault =
  | { type: 'reply'; status: number; body: string; headers: Record<string, string> }
  | { type: 'delay'; ms: number };

/**
 * Scripted failures for the stand-in, so a client's retries can be tested over real HTTP. Faults
 * queue up and each request consumes the next one: a `reply` answers instead of the subgraph, a
 * `delay` holds the request that long (or until the caller hangs up) and then answers normally.
 */
export interface SubgraphFaults {
  /** The next `count` requests fail with `status` (default 500). */
  failNext(
    count: number,
    status?: number,
    options?: { body?: string; headers?: Record<string, string> },
  ): void;
  /** The next `count` requests (default 1) wait `ms` before being answered. */
  delayNextMs(ms: number, count?: number): void;
  /** The next `count` requests (default 1) get this JSON instead (a GraphQL error, a malformed page). */
  replyNext(body: unknown, options?: { status?: number; count?: number }): void;
  /** Drops every queued fault. */
  clear(): void;
  /** Faults still queued. */
  readonly pending: number;
  /** The fault for the request being handled, if any (the app calls this). */
  take(): SubgraphFault | undefined;
}

/** Creates an empty {@link SubgraphFaults} queue. */
export function createSubgraphFaults(): SubgraphFaults {
  const queue: SubgraphFault[] = [];
  const repeat = (count: number, fault: SubgraphFault) => {
    for (let i = 0; i < count; i++) queue.push(fault);
  };
  return {
    failNext(count, status = 500, options = {}) {
      const body =
        options.body ?? JSON.stringify({ errors: [{ message: `Injected failure (HTTP ${status})` }] });
      repeat(count, { type: 'reply', status, body, headers: options.headers ?? {} });
    },
    delayNextMs(ms, count = 1) {
      repeat(count, { type: 'delay', ms });
    },
    replyNext(body, options = {}) {
      repeat(options.count ?? 1, {
        type: 'reply',
        status: options.status ?? 200,
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: {},
      });
    },
    clear() {
      queue.length = 0;
    },
    get pending() {
      return queue.length;
    },
    take: () => queue.shift(),
  };
}

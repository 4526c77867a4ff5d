import { performance } from 'node:perf_hooks';
import type { Database } from '../db/Database.js';
import type { Logger } from '../logger.js';
import { releaseLease, takeLease } from './leaseStore.js';

/*
 * Why a lease row (issue 13, "several instances as one"):
 *
 * - A session advisory lock lives on one connection: it needs a dedicated session outside the
 *   pool, is silently dropped (or held by the wrong client) behind a pooler in transaction mode,
 *   and a half-dead TCP connection keeps it held until keepalive notices.
 * - pg-boss and graphile-worker model jobs, not "this loop runs on one instance", and both want
 *   a `pg` pool of their own (graphile-worker also a LISTEN connection) plus their own schema.
 *   On the embedded database they would have to go through @electric-sql/pglite-socket, which
 *   serves one client at a time while holding PGlite exclusively (the multiplexer of newer
 *   versions is "not guaranteed for all use cases"), so the server's own queries would queue
 *   behind them. Their crash recovery is also slow by default (a job locked by a dead
 *   graphile-worker stays locked for hours; pg-boss waits for the job's expiry, 15 min by
 *   default), where the issue wants seconds. No dependency wins here.
 * - A row with an expiry renewed by a heartbeat is one statement on any connection, runs the
 *   same on PGlite and Postgres, survives PgBouncer in transaction mode, and its expiry is judged
 *   by the database's clock alone.
 *
 * Safety: a term is trusted locally only until `sent + 0.9 × leaseMs`, where `sent` is when the
 * successful take/renew statement was sent. The database set the expiry to (its execution time +
 * leaseMs), which is later, so this instance stops believing it holds the lease before any other
 * instance can take it, whatever the network or the database did meanwhile.
 */

/** A named lease this instance tries to hold for as long as it runs. */
export interface Lease {
  readonly name: string;
  /** Whether this instance holds the lease now (its local deadline has not passed). */
  held(): boolean;
  /**
   * Aborted when the current term ends (lost, ran out unrenewed, or stopped); work started under
   * the lease passes it on. When the lease is not held, an already aborted signal.
   */
  signal(): AbortSignal;
  /** The current term (grows each time the lease changes hands), or `undefined` when not held. */
  term(): number | undefined;
  /**
   * Stops the heartbeat. `release` (the default) gives the lease up at once so another instance
   * takes over without waiting for it to run out; `release: false` leaves the row as a crashed
   * process would (tests).
   */
  stop(options?: { release?: boolean }): Promise<void>;
}

/** Options of {@link keepLease}. */
export interface KeepLeaseOptions {
  db: Database;
  name: string;
  /** Who this instance is (unique per process, see `createBackgroundLeases`). */
  holder: string;
  /** How long a take or renewal lasts, in milliseconds. */
  leaseMs: number;
  /** How often the heartbeat renews (or, not holding, tries to take). @default leaseMs / 3 */
  heartbeatMs?: number;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

const aborted = AbortSignal.abort();

/** Waits for `promise`, but no longer than `ms`. */
async function withinMs(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!promise) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * Keeps trying to hold the lease `name`: every heartbeat takes it (when free or run out) or
 * renews it (when held). Whoever holds it does the work; the others wait for it to run out.
 */
export function keepLease(options: KeepLeaseOptions): Lease {
  const { db, name, holder, leaseMs, logger } = options;
  const heartbeatMs = Math.max(10, options.heartbeatMs ?? Math.floor(leaseMs / 3));
  // The share of the lease this instance trusts: leaves room for clock-rate drift.
  const trustedMs = leaseMs * 0.9;
  let current: { term: number; validUntil: number; controller: AbortController } | undefined;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let beating: Promise<void> | undefined;
  let stopped = false;
  let failureWarned = false;

  const endTerm = (why: string) => {
    if (!current) return;
    const { term, controller } = current;
    current = undefined;
    if (expiryTimer) clearTimeout(expiryTimer);
    expiryTimer = undefined;
    controller.abort(new Error(`Lease ${name} ${why}`));
    if (!stopped) logger?.warn(`Background lease ${name}: term ${term} ${why}; the work pauses here.`);
  };

  // The deadline is judged whenever anyone asks, not only by the expiry timer: on a busy event
  // loop the timer fires late, and work must not see an untrusted term as still running.
  const currentTerm = () => {
    if (current && performance.now() >= current.validUntil) endTerm('ran out (not renewed in time)');
    return current;
  };

  const watchExpiry = () => {
    if (expiryTimer) clearTimeout(expiryTimer);
    if (!current) return;
    expiryTimer = setTimeout(
      () => currentTerm(),
      Math.max(0, current.validUntil - performance.now()) + 1,
    );
    expiryTimer.unref?.();
  };

  const beat = async () => {
    const sentAt = performance.now();
    try {
      const taken = await takeLease(db, name, holder, leaseMs);
      failureWarned = false;
      if (stopped) {
        // Stopping meanwhile: the stop releases whatever this took.
        if (taken) current = { term: taken.term, validUntil: 0, controller: new AbortController() };
        return;
      }
      if (!taken) return endTerm('was taken by another instance');
      const validUntil = sentAt + trustedMs;
      if (validUntil <= performance.now()) return; // answered too late to be trusted
      if (current?.term !== taken.term) {
        endTerm('ended');
        current = { term: taken.term, validUntil, controller: new AbortController() };
        // The first term is the usual start of a single instance: said only when it moved.
        if (taken.term > 1)
          logger?.info(`Background lease ${name}: this instance runs it now (term ${taken.term}).`);
      } else {
        current.validUntil = validUntil;
      }
      watchExpiry();
    } catch (error) {
      // The term (if any) lasts until its deadline; the expiry timer ends it then.
      if (!failureWarned && !stopped) logger?.warn(`Background lease ${name}: heartbeat failed`, { error });
      failureWarned = true;
    }
  };

  const tick = () => {
    if (stopped || beating) return;
    beating = beat().finally(() => (beating = undefined));
  };
  const timer = setInterval(tick, heartbeatMs);
  timer.unref?.();
  tick();

  return {
    name,
    held: () => currentTerm() !== undefined,
    signal: () => currentTerm()?.controller.signal ?? aborted,
    term: () => currentTerm()?.term,
    async stop({ release = true } = {}) {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      // A heartbeat stuck on a dead connection must not hold the shutdown: the lease runs out.
      await withinMs(beating, leaseMs);
      const term = current?.term;
      endTerm('stopped');
      if (release && term !== undefined) {
        await withinMs(
          releaseLease(db, name, holder, term).catch(() => {}),
          leaseMs,
        );
      }
    },
  };
}

import type { CreateAppOptions } from '../app.js';
import { consoleLogger } from '../logger.js';
import { createLiveHub, type LiveHub } from './liveHub.js';
import { createLivePublisher, type LivePublisher } from './livePublisher.js';
import { createLiveTickets, type LiveTickets } from './liveTickets.js';

/** Live updates' settings (`createApp`'s `live` option; environment names in the README). */
export interface LiveOptions {
  /** Turns `GET /events` off (it answers 404; writes still publish). @default true */
  enabled?: boolean | undefined;
  /** A comment line this often keeps proxies from closing an idle stream (`PODIUM_LIVE_HEARTBEAT_SECONDS`). @default 15_000 */
  heartbeatMs?: number | undefined;
  /** The `retry:` browsers wait before reconnecting. @default 2_000 */
  retryMs?: number | undefined;
  /** Open streams per user (with a ticket or token) or per client IP (`PODIUM_LIVE_MAX_PER_CLIENT`). @default 8 */
  maxConnectionsPerClient?: number | undefined;
  /** Open streams per instance (`PODIUM_LIVE_MAX_CONNECTIONS`). @default 10_000 */
  maxConnections?: number | undefined;
  /** How long events are kept for `Last-Event-ID` resumes. @default 300_000 */
  retentionMs?: number | undefined;
  /** At most one event per topic this often from one instance (the first at once, the latest at the end). @default 200 */
  coalesceMs?: number | undefined;
  /** Tickets' key (`PODIUM_LIVE_SECRET`). @default a random key kept in the database */
  ticketSecret?: string | undefined;
  /** Tickets' lifetime. @default 60_000 */
  ticketTtlMs?: number | undefined;
}

/** One app's live updates: the hub its streams share, the publisher its writes call, tickets. */
export interface LiveContext {
  hub: LiveHub;
  publisher: LivePublisher;
  tickets: LiveTickets;
  settings: Required<
    Pick<LiveOptions, 'heartbeatMs' | 'retryMs' | 'maxConnectionsPerClient' | 'maxConnections'>
  >;
}

const contexts = new WeakMap<CreateAppOptions, LiveContext>();

/**
 * The live updates of one app (its routes, health check and writers share them), made on first
 * use like the referral analytics cache: features are values, and this is the app's state.
 */
export function liveOf(options: CreateAppOptions): LiveContext {
  let context = contexts.get(options);
  if (!context) {
    const live = options.live ?? {};
    const logger = options.logger ?? consoleLogger;
    context = {
      hub: createLiveHub(options.db, logger),
      publisher: createLivePublisher(options.db, logger, {
        retentionMs: live.retentionMs,
        coalesceMs: live.coalesceMs,
      }),
      tickets: createLiveTickets({
        db: options.db,
        secret: live.ticketSecret,
        ttlMs: live.ticketTtlMs,
        now: options.now ?? (() => new Date()),
      }),
      settings: {
        heartbeatMs: live.heartbeatMs ?? 15_000,
        retryMs: live.retryMs ?? 2_000,
        maxConnectionsPerClient: live.maxConnectionsPerClient ?? 8,
        maxConnections: live.maxConnections ?? 10_000,
      },
    };
    contexts.set(options, context);
  }
  return context;
}

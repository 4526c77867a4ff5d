import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../db/Database.js';
import type { Logger } from '../logger.js';
import { keepLease, type Lease } from './keepLease.js';

/** How long a background lease lasts unless configured (`PODIUM_BACKGROUND_LEASE_SECONDS`). */
export const defaultBackgroundLeaseMs = 10_000;

/** The leases of one server instance: one per kind of background work, all under one holder id. */
export interface BackgroundLeases {
  /** This instance's holder id (`host:pid:random`), as stored in `podium_background_leases`. */
  readonly holder: string;
  /** The lease `name`, kept from the first call on (later calls return the same one). */
  lease(name: string): Lease;
  /** Stops every heartbeat and releases what is held (see {@link Lease.stop}). */
  stop(options?: { release?: boolean }): Promise<void>;
}

/** Options of {@link createBackgroundLeases}. */
export interface BackgroundLeasesOptions {
  db: Database;
  /** @default defaultBackgroundLeaseMs (10 s) */
  leaseMs?: number;
  /** @default `${hostname()}:${process.pid}:${random}` */
  holder?: string;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

/**
 * One per server instance (`startServer` makes it): background work asks it for a named lease and
 * runs only while `lease.held()`. A crashed instance's leases run out after `leaseMs`; another
 * instance's heartbeat (every `leaseMs / 3`) then takes them, so work moves within about
 * 1.3 × `leaseMs`. A clean shutdown releases them at once.
 */
export function createBackgroundLeases(options: BackgroundLeasesOptions): BackgroundLeases {
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? defaultBackgroundLeaseMs;
  const leases = new Map<string, Lease>();
  return {
    holder,
    lease(name) {
      let lease = leases.get(name);
      if (!lease) {
        lease = keepLease({
          db: options.db,
          name,
          holder,
          leaseMs,
          ...(options.logger ? { logger: options.logger } : {}),
        });
        leases.set(name, lease);
      }
      return lease;
    },
    async stop(stopOptions) {
      await Promise.all([...leases.values()].map((lease) => lease.stop(stopOptions)));
    },
  };
}

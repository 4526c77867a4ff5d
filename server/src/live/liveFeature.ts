import { Hono } from 'hono';
import type { ServerFeature } from '../feature.js';
import type { AppEnv } from '../http/AppEnv.js';
import { createLiveRoutes } from './liveRoutes.js';
import { liveOf } from './liveOf.js';
import { liveOpenApi } from './liveOpenApi.js';

/**
 * Live updates (issue 14): `GET /events` streams what changed (Server-Sent Events) to the widgets,
 * which then refetch; `POST /events/tickets` lets a browser open private topics. The writes of the
 * other features publish through `liveOf(options).publisher`; user stats through a trigger.
 */
export const liveFeature: ServerFeature = {
  name: 'live',
  openApi: liveOpenApi,

  routes(context) {
    const { options, userTokens } = context;
    if (options.live?.enabled === false) return new Hono<AppEnv>();
    return createLiveRoutes({ live: liveOf(options), userTokens, trustProxy: options.trustProxy ?? false });
  },

  // Reports the streams this instance holds; never fails (a stream is a convenience over polling).
  healthChecks({ options }) {
    if (options.live?.enabled === false) return [];
    const { hub, settings } = liveOf(options);
    return [
      {
        key: 'live:connections',
        componentId: 'live-events',
        componentType: 'component',
        failStatus: 'warn',
        run: async () => undefined,
        details: () => ({ observedValue: hub.openConnections(), limit: settings.maxConnections }),
      },
    ];
  },
};

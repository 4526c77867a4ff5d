import { http, HttpResponse, type RequestHandler } from 'msw';
import { liveEventsRoute, liveTicketsRoute } from '../../src/live/contract.js';

/**
 * The mocks have no event stream: `GET /events` answers 204, which tells `EventSource` to stop
 * (no reconnect, and unlike a 4xx or 5xx nothing in the console), so a `<PodiumProvider live>`
 * over the mocks falls back to polling quietly. Tickets are handed out so private topics take
 * the same path as public ones.
 */
export function createLiveHandlers(options: { baseUrl: string; clock: () => Date }): RequestHandler[] {
  return [
    http.get(`${options.baseUrl}${liveEventsRoute}`, () => new HttpResponse(null, { status: 204 })),
    http.post(`${options.baseUrl}${liveTicketsRoute}`, () =>
      HttpResponse.json(
        {
          // `<user id, base64url>.<expiry>.<mac>` as the server writes it; the mocks check nothing.
          ticket: `bW9jaw.${options.clock().getTime() + 60_000}.${'0'.repeat(43)}`,
          expiresAt: new Date(options.clock().getTime() + 60_000).toISOString(),
          userId: 'mock',
        },
        { headers: { 'cache-control': 'no-store' } },
      ),
    ),
  ];
}

import type { ApiClient } from '../shared/createApiClient.js';
import { liveEventsPath, liveTicketsRoute, type LiveTicketResponse } from './contract.js';

/**
 * `POST /events/tickets` (user token): a 60-second ticket for the user's private topics, to put
 * in the stream's URL (`EventSource` cannot send the token). Ask again before each (re)connect.
 */
export function createLiveTicket(
  client: ApiClient,
  options: { signal?: AbortSignal } = {},
): Promise<LiveTicketResponse> {
  return client.request<LiveTicketResponse>({
    method: 'POST',
    path: liveTicketsRoute,
    signal: options.signal,
  });
}

/** The absolute URL of a stream over `topics`, for `new EventSource(url)`. */
export function liveEventsUrl(
  client: Pick<ApiClient, 'baseUrl'>,
  topics: readonly string[],
  options: { ticket?: string; lastEventId?: string } = {},
): string {
  return `${client.baseUrl.replace(/\/+$/, '')}${liveEventsPath(topics, options)}`;
}

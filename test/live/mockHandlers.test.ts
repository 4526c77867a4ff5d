import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveTicket, liveEventsUrl } from '../../src/live/api.js';
import { liveTopic } from '../../src/live/contract.js';
import { createApiClient } from '../../src/shared/createApiClient.js';
import { createPodiumHandlers } from '../../mocks/index.js';

const baseUrl = 'http://mocks.test/api';
const server = setupServer(...createPodiumHandlers({ baseUrl }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the mocks and live updates', () => {
  it('answer the stream with 204 (EventSource stops quietly; widgets poll) and hand out tickets', async () => {
    const client = createApiClient({ baseUrl, getToken: () => 'token' });
    const stream = await fetch(liveEventsUrl(client, [liveTopic.sellers('all-time')]));
    expect(stream.status).toBe(204);
    const ticket = await createLiveTicket(client);
    expect(ticket.ticket).toMatch(/^[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(ticket.expiresAt)).toBeGreaterThan(Date.now());
  });
});

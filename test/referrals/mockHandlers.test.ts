import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPodiumMocks, referralCreatorId, referralCurrentUserId } from '../../mocks/index.js';
import { memberSchema, shareSchema } from '../../src/referrals/contract.js';

const baseUrl = 'http://podium.test/api';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function serve(scenario: 'success' | 'empty' | 'error' = 'success') {
  const mocks = createPodiumMocks({ baseUrl, scenario });
  server.use(...mocks.handlers);
  return mocks;
}

const auth = (user = referralCurrentUserId) => ({ authorization: `Bearer ${user}` });
const me = (headers: Record<string, string> = auth()) =>
  fetch(`${baseUrl}/members/me?creatorId=${referralCreatorId}`, { headers });
const share = (body: unknown, headers: Record<string, string> = auth()) =>
  fetch(`${baseUrl}/shares`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('referral mock handlers (registered in createPodiumMocks)', () => {
  it("answers the signed-in user's member in the contract's shape", async () => {
    serve();
    const response = await me();
    expect(response.status).toBe(200);
    const member = memberSchema.parse(await response.json());
    expect(member).toMatchObject({ userId: referralCurrentUserId, creatorId: referralCreatorId });
  });

  it('answers 401 without a token, 404 when not a member, 500 in the error scenario', async () => {
    serve();
    expect((await me({})).status).toBe(401);
    expect((await me(auth('u_stranger'))).status).toBe(404);
    server.resetHandlers();
    serve('empty');
    const empty = await me();
    expect(empty.status).toBe(404);
    expect(await empty.json()).toMatchObject({ error: { code: 'not_found' } });
    server.resetHandlers();
    serve('error');
    expect((await me()).status).toBe(500);
  });

  it('records a share and answers the tracked link (201)', async () => {
    const mocks = serve();
    const response = await share({ memberId: 'm_alice', platform: 'whatsapp' });
    expect(response.status).toBe(201);
    const tracked = shareSchema.parse(await response.json());
    expect(tracked.url).toBe(`https://podium.example/r/ALC7K2QZ?p=whatsapp&s=${tracked.shareId}`);
    // The world starts with 30 days of seeded shares; the new one is appended, stamped now.
    expect(mocks.referralWorld().shares.at(-1)).toEqual({
      ...tracked,
      memberId: 'm_alice',
      createdAt: expect.any(String),
    });
  });

  it("refuses another user's member (403), an unknown one (404) and names a bad field (400)", async () => {
    serve();
    expect((await share({ memberId: 'm_bob', platform: 'x' })).status).toBe(403);
    expect((await share({ memberId: 'm_nobody', platform: 'x' })).status).toBe(404);
    const bad = await share({ memberId: 'm_alice', platform: 'fax' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { details: { fields: { platform: [expect.any(String)] } } },
    });
    expect((await share({ memberId: 'm_alice', platform: 'x' }, {})).status).toBe(401);
  });
});

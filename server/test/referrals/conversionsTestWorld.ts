import { conversionSchema, errorBodySchema, type Conversion } from 'podium-kit/core';
import type { CreateAppOptions } from '../../src/app.js';
import type { Database } from '../../src/db/Database.js';
import { createTestApp } from '../helpers/testApp.js';

export const apiKey = 'conversions-api-key-0123456789';
export const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36';
/** Where each test member's own device is (registered through PUT /members signals). */
export const memberDevice = { ip: '198.51.100.7', fingerprint: 'fp-member-device', userAgent: browser };

/**
 * A conversions test app over `db` with a settable clock, and helpers that go through HTTP only:
 * a community per test (`setUp`), clicks on its link, conversions, reversals, reviews.
 */
export function createConversionsWorld(db: Database, options: Partial<CreateAppOptions> = {}) {
  const state = { clock: new Date('2026-11-27T12:00:00.000Z') };
  const { app } = createTestApp(db, {
    apiKey,
    now: () => state.clock,
    trustProxy: true,
    referrals: { publicUrl: 'https://podium.example.com', secret: 'conversion-test-secret-0123' },
    ...options,
  });
  const send = (method: string, path: string, body?: unknown, key: string | null = apiKey) =>
    app.request(`/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const fields = async (response: Response) =>
    Object.keys(errorBodySchema.parse(await response.json()).error.details?.fields ?? {});

  /** A creator (10 % commission unless told) with one member whose device is {@link memberDevice}. */
  async function setUp(name: string, creator: Record<string, unknown> = {}) {
    const created = await send('PUT', `/creators/${name}`, {
      name: `Community ${name}`,
      destinationUrl: `https://${name}.example.com/join`,
      commission: { type: 'percent', value: 10 },
      ...creator,
    });
    if (created.status !== 201) throw new Error(`PUT /creators: ${created.status} ${await created.text()}`);
    const memberId = `${name}-member`;
    const member = await send('PUT', `/members/${memberId}`, {
      creatorId: name,
      userId: `${name}-user`,
      signals: memberDevice,
    });
    if (member.status !== 201) throw new Error(`PUT /members: ${member.status} ${await member.text()}`);
    const { referralCode } = (await member.json()) as { referralCode: string };
    return { creatorId: name, memberId, memberUserId: `${name}-user`, code: referralCode };
  }

  /** A visitor follows the member's link; the click id the redirect carries. */
  async function clickOn(code: string, ip = '203.0.113.9', userAgent = browser, platform = 'x') {
    const response = await app.request(`/api/r/${code}?p=${platform}`, {
      headers: { accept: 'text/html', 'x-forwarded-for': ip, 'user-agent': userAgent },
    });
    if (response.status !== 302) throw new Error(`GET /r: ${response.status}`);
    return new URL(response.headers.get('location')!).searchParams.get('click')!;
  }

  /** POST /conversions; the answer parsed when it is a conversion. */
  async function convert(body: Record<string, unknown>) {
    const response = await send('POST', '/conversions', { amount: 49.99, currency: 'USD', ...body });
    const json = (await response.json()) as unknown;
    return {
      status: response.status,
      json,
      conversion: response.status < 300 ? conversionSchema.parse(json) : (undefined as unknown as Conversion),
    };
  }

  const auditOf = (conversionId: string) =>
    db.query<{
      action: string;
      from_status: string | null;
      to_status: string;
      actor: string | null;
      note: string | null;
    }>(
      'SELECT action, from_status, to_status, actor, note FROM podium_referral_conversion_audit WHERE conversion_id = $1 ORDER BY id',
      [conversionId],
    );

  return { app, state, send, fields, setUp, clickOn, convert, auditOf };
}

import {
  creatorSchema,
  errorBodySchema,
  memberSchema,
  referralCodePattern,
  shareSchema,
} from 'podium-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashIp } from '../../src/referrals/referralSecret.js';
import { createReferralsStore } from '../../src/referrals/referralsStore.js';
import { createTestApp, signTestToken } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const apiKey = 'referrals-api-key-0123456789';
const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36';

describe('referral sharing', () => {
  let test: TestDatabase;
  let clock = new Date('2026-11-27T12:00:00.000Z');
  let client: ReturnType<typeof createTestApp>;

  const put = (path: string, body: unknown, key: string | null = apiKey) =>
    client.app.request(`/api${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
      body: JSON.stringify(body),
    });
  const asUser = async (userId: string, path: string, init: RequestInit = {}) =>
    client.app.request(`/api${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${await client.tokenFor(userId)}`,
        'content-type': 'application/json',
        'user-agent': browser,
        'x-forwarded-for': '198.51.100.7',
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const click = (url: string, ip = '203.0.113.9', userAgent: string | null = browser) =>
    client.app.request(url, {
      headers: {
        accept: 'text/html,application/xhtml+xml',
        'x-forwarded-for': ip,
        ...(userAgent === null ? {} : { 'user-agent': userAgent }),
      },
    });
  const fields = async (response: Response) =>
    Object.keys(errorBodySchema.parse(await response.json()).error.details?.fields ?? {});
  const counted = async (memberId: string) => {
    const [row] = await test.db.query<{ n: unknown; all: unknown }>(
      'SELECT count(*) FILTER (WHERE counted) AS n, count(*) AS all FROM podium_referral_clicks WHERE member_id = $1',
      [memberId],
    );
    return { counted: Number(row!.n), all: Number(row!.all) };
  };

  beforeAll(async () => {
    test = await createTestDatabase();
    client = createTestApp(test.db, {
      apiKey,
      now: () => clock,
      trustProxy: true,
      referrals: {
        publicUrl: 'https://podium.example.com/',
        secret: 'referral-test-secret-0123',
      },
    });
    expect(
      (
        await put('/creators/c1', {
          name: 'Chess Club',
          destinationUrl: 'https://chess.example.com/join?utm=podium',
          commission: { type: 'percent', value: 10 },
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => test.cleanup());

  describe('PUT /creators/:id', () => {
    it('creates then replaces a creator (idempotent upsert)', async () => {
      const body = {
        name: 'Guitar Lab',
        destinationUrl: 'http://guitar.example.com/',
        commission: { type: 'fixed', amount: 5, currency: 'EUR' },
      };
      const first = await put('/creators/c2', body);
      expect(first.status).toBe(201);
      expect(creatorSchema.parse(await first.json())).toMatchObject({ id: 'c2', ...body });
      const again = await put('/creators/c2', { ...body, name: 'Guitar Lab 2' });
      expect(again.status).toBe(200);
      expect(creatorSchema.parse(await again.json()).name).toBe('Guitar Lab 2');
    });

    it('answers 400 naming the field for bad input, never a 500', async () => {
      const cases: Array<[unknown, string]> = [
        [
          { name: 'x', destinationUrl: 'javascript:alert(1)', commission: { type: 'percent', value: 5 } },
          'destinationUrl',
        ],
        [
          { name: 'x', destinationUrl: 'ftp://a.example', commission: { type: 'percent', value: 5 } },
          'destinationUrl',
        ],
        [
          { name: 'x', destinationUrl: 'https://a.example', commission: { type: 'percent', value: 101 } },
          'commission.value',
        ],
        [
          {
            name: 'x',
            destinationUrl: 'https://a.example',
            commission: { type: 'fixed', amount: 1, currency: 'usd' },
          },
          'commission.currency',
        ],
        [{ name: 'x', destinationUrl: 'https://a.example', commission: { type: 'gift' } }, 'commission.type'],
        [{ destinationUrl: 'https://a.example', commission: { type: 'percent', value: 1 } }, 'name'],
      ];
      for (const [body, field] of cases) {
        const response = await put('/creators/c3', body);
        expect(response.status, field).toBe(400);
        expect(await fields(response)).toContain(field);
      }
      const badId = await put('/creators/a%20b', {
        name: 'x',
        destinationUrl: 'https://a.example',
        commission: { type: 'percent', value: 1 },
      });
      expect(badId.status).toBe(400);
      expect(await fields(badId)).toEqual(['id']);
    });

    it('needs the API key', async () => {
      const body = {
        name: 'x',
        destinationUrl: 'https://a.example',
        commission: { type: 'percent', value: 1 },
      };
      expect((await put('/creators/c4', body, null)).status).toBe(401);
      expect((await put('/creators/c4', body, 'wrong-key')).status).toBe(401);
    });
  });

  describe('PUT /members/:id and GET /members/me', () => {
    it('makes a code once and keeps it; the link is absolute', async () => {
      const first = await put('/members/m1', { creatorId: 'c1', userId: 'alice', displayName: 'Alice' });
      expect(first.status).toBe(201);
      const member = memberSchema.parse(await first.json());
      expect(member.referralCode).toMatch(referralCodePattern);
      expect(member.referralLink).toBe(`https://podium.example.com/api/r/${member.referralCode}`);

      const again = await put('/members/m1', { creatorId: 'c1', userId: 'alice', displayName: 'Alice B' });
      expect(again.status).toBe(200);
      const updated = memberSchema.parse(await again.json());
      expect(updated.referralCode).toBe(member.referralCode);
      expect(updated.displayName).toBe('Alice B');

      const me = await asUser('alice', '/members/me?creatorId=c1');
      expect(me.status).toBe(200);
      expect(memberSchema.parse(await me.json())).toMatchObject({
        id: 'm1',
        referralCode: member.referralCode,
      });
    });

    it('gives every member a distinct code from the unambiguous alphabet', async () => {
      const codes = new Set<string>();
      await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const response = await put(`/members/many-${i}`, { creatorId: 'c1', userId: `user-${i}` });
          codes.add(memberSchema.parse(await response.json()).referralCode);
        }),
      );
      expect(codes.size).toBe(30);
      for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    });

    it('a user in two communities is two members; a member never changes creator or user', async () => {
      await put('/creators/c5', {
        name: 'Other',
        destinationUrl: 'https://other.example',
        commission: { type: 'percent', value: 1 },
      });
      expect((await put('/members/m5', { creatorId: 'c5', userId: 'alice' })).status).toBe(201);
      expect((await put('/members/m1', { creatorId: 'c5', userId: 'alice' })).status).toBe(409);
      expect((await put('/members/m6', { creatorId: 'c1', userId: 'alice' })).status).toBe(409);
    });

    it('records the signals the host passes (IP hashed, never in clear)', async () => {
      const response = await put('/members/m7', {
        creatorId: 'c1',
        userId: 'carol',
        signals: { ip: '192.0.2.44', fingerprint: 'fp-carol', userAgent: 'Carol Browser' },
      });
      expect(response.status).toBe(201);
      const rows = await test.db.query<{ ip_hash: string; fingerprint: string }>(
        'SELECT ip_hash, fingerprint FROM podium_referral_member_signals WHERE member_id = $1',
        ['m7'],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.fingerprint).toBe('fp-carol');
      expect(rows[0]!.ip_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]!.ip_hash).not.toContain('192.0.2.44');
    });

    it('answers 400 naming the field, 404 for an unknown creator or non-member, 401 without credentials', async () => {
      const cases: Array<[string, unknown, string]> = [
        ['/members/m8', { creatorId: 'c1' }, 'userId'],
        ['/members/m8', { creatorId: 'c1', userId: 'x', signals: { ip: 'not an ip' } }, 'signals.ip'],
        ['/members/m8', { creatorId: 'no such', userId: 'x' }, 'creatorId'],
        ['/members/m8', { creatorId: 'unknown-creator', userId: 'x' }, 'creatorId'],
        ['/members/m8', { creatorId: 'c1', userId: 'x', extra: 1 }, 'extra'],
        ['/members/me', { creatorId: 'c1', userId: 'x' }, 'id'],
      ];
      for (const [path, body, field] of cases) {
        const response = await put(path, body);
        expect(response.status, field).toBe(400);
        expect(await fields(response)).toContain(field);
      }
      expect((await put('/members/m8', { creatorId: 'c1', userId: 'x' }, null)).status).toBe(401);

      const missing = await asUser('alice', '/members/me');
      expect(missing.status).toBe(400);
      expect(await fields(missing)).toEqual(['creatorId']);
      expect((await asUser('nobody', '/members/me?creatorId=c1')).status).toBe(404);
      expect((await client.app.request('/api/members/me?creatorId=c1')).status).toBe(401);
    });
  });

  describe('POST /shares', () => {
    it("answers the absolute tracked link and records the member's own signals", async () => {
      const response = await asUser('alice', '/shares', {
        method: 'POST',
        body: JSON.stringify({
          memberId: 'm1',
          platform: 'whatsapp',
          templateId: 'wa-1',
          fingerprint: 'fp-alice',
        }),
      });
      expect(response.status).toBe(201);
      const share = shareSchema.parse(await response.json());
      const member = memberSchema.parse(await (await asUser('alice', '/members/me?creatorId=c1')).json());
      expect(share.platform).toBe('whatsapp');
      expect(share.url).toBe(
        `https://podium.example.com/api/r/${member.referralCode}?p=whatsapp&s=${share.shareId}`,
      );
      const signals = await test.db.query<{ fingerprint: string; user_agent: string; ip_hash: string }>(
        "SELECT fingerprint, user_agent, ip_hash FROM podium_referral_member_signals WHERE member_id = 'm1'",
      );
      expect(signals).toEqual([
        { fingerprint: 'fp-alice', user_agent: browser, ip_hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]);
    });

    it("is the member's own: 403 for another user, 401 without a token, 404 for no member, 400 naming the field", async () => {
      const body = JSON.stringify({ memberId: 'm1', platform: 'copy' });
      expect((await asUser('bob', '/shares', { method: 'POST', body })).status).toBe(403);
      expect(
        (
          await client.app.request('/api/shares', {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json' },
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await asUser('alice', '/shares', {
            method: 'POST',
            body: JSON.stringify({ memberId: 'nope', platform: 'qr' }),
          })
        ).status,
      ).toBe(404);
      for (const [payload, field] of [
        [{ memberId: 'm1', platform: 'discord' }, 'platform'],
        [{ memberId: 'm1' }, 'platform'],
        [{ platform: 'x' }, 'memberId'],
        [{ memberId: 'm1', platform: 'x', shareType: 'NOT OK' }, 'shareType'],
        [{ memberId: 'm1', platform: 'x', fingerprint: 42 }, 'fingerprint'],
      ] as const) {
        const response = await asUser('alice', '/shares', { method: 'POST', body: JSON.stringify(payload) });
        expect(response.status, field).toBe(400);
        expect(await fields(response)).toContain(field);
      }
    });
  });

  describe('GET /r/:code', () => {
    let code: string;
    let shareId: string;
    beforeAll(async () => {
      const member = memberSchema.parse(
        await (await put('/members/r1', { creatorId: 'c1', userId: 'dave' })).json(),
      );
      code = member.referralCode;
      const share = shareSchema.parse(
        await (
          await asUser('dave', '/shares', {
            method: 'POST',
            body: JSON.stringify({ memberId: 'r1', platform: 'x' }),
          })
        ).json(),
      );
      shareId = share.shareId;
    });

    it('redirects to the destination with ref and click added (its own query kept) and sets the cookie', async () => {
      const response = await click(`/api/r/${code}?p=x&s=${shareId}`, '203.0.113.1');
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe('https://chess.example.com/join');
      expect(location.searchParams.get('utm')).toBe('podium');
      expect(location.searchParams.get('ref')).toBe(code);
      const clickId = location.searchParams.get('click')!;
      expect(clickId).toMatch(/^clk_/);

      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).toContain(`podium_ref=${clickId}`);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Path=/');
      expect(cookie).toContain(`Max-Age=${30 * 86_400}`);
      expect(cookie).toContain('Secure');

      const [row] = await test.db.query<Record<string, unknown>>(
        'SELECT share_id, platform, counted, is_bot, ip_hash FROM podium_referral_clicks WHERE click_id = $1',
        [clickId],
      );
      expect(row).toMatchObject({ share_id: shareId, platform: 'x', counted: true, is_bot: false });
      expect(String(row!.ip_hash)).not.toContain('203.0.113.1');
    });

    it('ignores a share of another member and an unknown platform', async () => {
      const response = await click(`/api/r/${code}?p=evil&s=shr_unknown`, '203.0.113.2');
      const clickId = new URL(response.headers.get('location')!).searchParams.get('click');
      const [row] = await test.db.query<Record<string, unknown>>(
        'SELECT share_id, platform FROM podium_referral_clicks WHERE click_id = $1',
        [clickId],
      );
      expect(row).toEqual({ share_id: null, platform: null });
    });

    it('still redirects and counts a click whose share id holds a NUL (the share is ignored)', async () => {
      const response = await click(`/api/r/${code}?p=x&s=shr_a%00b`, '203.0.113.4');
      expect(response.status).toBe(302);
      const clickId = new URL(response.headers.get('location')!).searchParams.get('click');
      const [row] = await test.db.query<Record<string, unknown>>(
        'SELECT share_id, platform FROM podium_referral_clicks WHERE click_id = $1',
        [clickId],
      );
      expect(row).toEqual({ share_id: null, platform: 'x' });
    });

    it('redirects bots but does not count them', async () => {
      const before = await counted('r1');
      for (const agent of [
        'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
        'facebookexternalhit/1.1',
        'Slackbot-LinkExpanding 1.0',
        'curl/8.4.0',
        'python-requests/2.31',
        'Mozilla/5.0 HeadlessChrome/120',
        null,
      ]) {
        const response = await click(`/api/r/${code}`, '203.0.113.3', agent);
        expect(response.status).toBe(302);
      }
      const head = await client.app.request(`/api/r/${code}`, {
        method: 'HEAD',
        headers: { 'user-agent': browser, 'x-forwarded-for': '203.0.113.4' },
      });
      expect(head.status).toBe(302);
      const after = await counted('r1');
      expect(after.counted).toBe(before.counted);
      expect(after.all).toBe(before.all + 8);
    });

    it('counts exactly one of 20 concurrent clicks from one IP, and again in the next hour', async () => {
      const before = await counted('r1');
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => click(`/api/r/${code}`, '203.0.113.50')),
      );
      expect(responses.every((response) => response.status === 302)).toBe(true);
      const after = await counted('r1');
      expect(after.counted - before.counted).toBe(1);
      expect(after.all - before.all).toBe(20);

      clock = new Date(clock.getTime() + 3_600_000);
      await click(`/api/r/${code}`, '203.0.113.50');
      expect((await counted('r1')).counted - after.counted).toBe(1);
    });

    it('accepts the code in lower case', async () => {
      const response = await click(`/api/r/${code.toLowerCase()}`);
      expect(new URL(response.headers.get('location')!).searchParams.get('ref')).toBe(code);
    });

    it('answers a plain 404 page for an unknown code and never follows a URL from the request', async () => {
      for (const path of [
        '/api/r/ZZZZZZZZ',
        '/api/r/x?next=https://evil.example',
        '/api/r/%2F%2Fevil.example',
      ]) {
        const response = await click(path);
        expect(response.status, path).toBe(404);
        expect(response.headers.get('location')).toBeNull();
        expect(response.headers.get('content-type')).toContain('text/html');
        expect(await response.text()).not.toContain('evil');
      }
      // An API client (no HTML accepted) gets the JSON error shape instead of the page.
      const json = await client.app.request('/api/r/x?next=https://evil.example');
      expect(json.status).toBe(404);
      expect(errorBodySchema.parse(await json.json()).error.code).toBe('not_found');
      const known = await click(`/api/r/${code}?next=https://evil.example&url=https://evil.example`);
      expect(new URL(known.headers.get('location')!).origin).toBe('https://chess.example.com');
    });

    it('sends unknown codes to the fallback URL when one is set, with the configured cookie window', async () => {
      const other = createTestApp(test.db, {
        apiKey,
        trustProxy: true,
        referrals: {
          fallbackUrl: 'https://example.com/welcome',
          cookieDays: 7,
          secret: 'referral-test-secret-0123',
        },
      });
      const unknown = await other.app.request('/api/r/x?next=https://evil.example', {
        headers: { 'user-agent': browser },
      });
      expect(unknown.status).toBe(302);
      expect(unknown.headers.get('location')).toBe('https://example.com/welcome');
      expect(unknown.headers.get('set-cookie')).toBeNull();

      const known = await other.app.request(`http://localhost/api/r/${code}`, {
        headers: { 'user-agent': browser },
      });
      expect(known.status).toBe(302);
      const cookie = known.headers.get('set-cookie')!;
      expect(cookie).toContain(`Max-Age=${7 * 86_400}`);
      expect(cookie).not.toContain('Secure');
    });
  });
});

describe('referral secret', () => {
  it('without PODIUM_REFERRAL_SECRET still never stores the IP, and says nothing', async () => {
    const test = await createTestDatabase();
    try {
      const { app, logger } = createTestApp(test.db, { apiKey, trustProxy: true });
      await app.request('/api/creators/c', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({
          name: 'c',
          destinationUrl: 'https://c.example',
          commission: { type: 'percent', value: 1 },
        }),
      });
      const member = memberSchema.parse(
        await (
          await app.request('/api/members/m', {
            method: 'PUT',
            headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
            body: JSON.stringify({ creatorId: 'c', userId: 'u' }),
          })
        ).json(),
      );
      // Links default to the origin the request reached.
      expect(member.referralLink).toBe(`http://localhost/api/r/${member.referralCode}`);
      for (let i = 0; i < 3; i += 1)
        await app.request(`/api/r/${member.referralCode}`, {
          headers: { 'user-agent': browser, 'x-forwarded-for': '192.0.2.9' },
        });
      const [row] = await test.db.query<{ ip_hash: string }>(
        'SELECT ip_hash FROM podium_referral_clicks LIMIT 1',
      );
      expect(row!.ip_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(logger.entries.filter((entry) => entry.message.includes('PODIUM_REFERRAL_SECRET'))).toEqual([]);
    } finally {
      await test.cleanup();
    }
  });
});

describe('referral secret kept in the database', () => {
  it('without PODIUM_REFERRAL_SECRET, hashes with a key made once per database, so restarts and other instances agree', async () => {
    const test = await createTestDatabase();
    try {
      const click = async (app: ReturnType<typeof createTestApp>['app'], code: string) =>
        app.request(`/api/r/${code}`, {
          headers: { 'user-agent': browser, 'x-forwarded-for': '192.0.2.44' },
        });
      const first = createTestApp(test.db, { apiKey, trustProxy: true });
      await first.app.request('/api/creators/c', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({
          name: 'c',
          destinationUrl: 'https://c.example',
          commission: { type: 'percent', value: 1 },
        }),
      });
      const member = memberSchema.parse(
        await (
          await first.app.request('/api/members/m', {
            method: 'PUT',
            headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
            body: JSON.stringify({ creatorId: 'c', userId: 'u' }),
          })
        ).json(),
      );
      await click(first.app, member.referralCode);
      const [secretRow] = await test.db.query<{ value: string }>(
        "SELECT value FROM podium_server_secrets WHERE name = 'referral_secret'",
      );
      expect(secretRow?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [row] = await test.db.query<{ ip_hash: string }>('SELECT ip_hash FROM podium_referral_clicks');
      expect(row!.ip_hash).toBe(hashIp(secretRow!.value, '192.0.2.44'));
      // A second instance (or the next start) counts the same visitor as the same visitor.
      const second = createTestApp(test.db, { apiKey, trustProxy: true });
      await click(second.app, member.referralCode);
      const counted = await test.db.query('SELECT 1 FROM podium_referral_clicks WHERE counted');
      expect(counted).toHaveLength(1);
      expect(first.logger.entries.some((entry) => entry.message.includes('PODIUM_REFERRAL_SECRET'))).toBe(
        false,
      );
    } finally {
      await test.cleanup();
    }
  });
});

describe('referral codes', () => {
  it('tries another code when the one drawn is taken, and never reuses it', async () => {
    const test = await createTestDatabase();
    try {
      const draws = ['AAAAAAAA', 'AAAAAAAA', 'BBBBBBBB'];
      const store = createReferralsStore(test.db, { generateCode: () => draws.shift()! });
      const at = new Date('2026-11-27T12:00:00.000Z');
      await store.putCreator(
        'c',
        { name: 'c', destinationUrl: 'https://c.example', commission: { type: 'percent', value: 1 } },
        at,
      );
      const first = await store.putMember('m1', { creatorId: 'c', userId: 'u1', displayName: null }, at);
      const second = await store.putMember('m2', { creatorId: 'c', userId: 'u2', displayName: null }, at);
      expect(first.member.referralCode).toBe('AAAAAAAA');
      expect(second.member.referralCode).toBe('BBBBBBBB');
      expect(draws).toEqual([]);
    } finally {
      await test.cleanup();
    }
  });

  it('hashes a host-passed IPv6 address like a request-derived one (its /64)', async () => {
    const test = await createTestDatabase();
    try {
      const { app } = createTestApp(test.db, {
        apiKey,
        trustProxy: true,
        referrals: { secret: 'referral-test-secret-0123' },
      });
      const send = (path: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
        app.request(`/api${path}`, {
          method,
          headers: { 'content-type': 'application/json', 'x-api-key': apiKey, ...headers },
          body: JSON.stringify(body),
        });
      await send('/creators/c', 'PUT', {
        name: 'c',
        destinationUrl: 'https://c.example',
        commission: { type: 'percent', value: 1 },
      });
      await send('/members/m', 'PUT', { creatorId: 'c', userId: 'u', signals: { ip: '2001:db8:1:2::10' } });
      const token = await signTestToken('u');
      await app.request('/api/shares', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-forwarded-for': '2001:db8:1:2::99',
        },
        body: JSON.stringify({ memberId: 'm', platform: 'copy' }),
      });
      const rows = await test.db.query<{ ip_hash: string }>(
        'SELECT DISTINCT ip_hash FROM podium_referral_member_signals WHERE member_id = $1',
        ['m'],
      );
      expect(rows).toHaveLength(1);
    } finally {
      await test.cleanup();
    }
  });
});

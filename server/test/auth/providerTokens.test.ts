import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ConfigError } from '../../src/config.js';
import { createTestApp, signTestToken } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * Tokens from a host's sign-in provider (issue 14): keys this test generates, published by a
 * local JWKS server the way Clerk, Auth0 or Supabase publish theirs.
 */
interface ProviderKey {
  alg: 'RS256' | 'ES256' | 'EdDSA';
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function providerKey(alg: ProviderKey['alg'], kid: string): Promise<ProviderKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

const issuer = 'https://clerk.example.test';
const clock = new Date('2026-11-27T12:00:00.000Z');
const seconds = Math.floor(clock.getTime() / 1000);

function sign(key: ProviderKey, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
  const jwt = new SignJWT({ sub: 'user_2Nk9aBcD', ...claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...header })
    .setIssuedAt(seconds);
  if (!('exp' in claims)) jwt.setExpirationTime(seconds + 3600);
  if (!('iss' in claims)) jwt.setIssuer(issuer);
  return jwt.sign(key.privateKey);
}

describe('user tokens from a sign-in provider (JWKS)', () => {
  let test: TestDatabase;
  let server: Server;
  let published: ProviderKey[] = [];
  let fetches = 0;
  let jwksUrl: string;
  let rsa: ProviderKey;
  let ec: ProviderKey;
  let ed: ProviderKey;

  beforeAll(async () => {
    test = await createTestDatabase();
    [rsa, ec, ed] = await Promise.all([
      providerKey('RS256', 'rsa-1'),
      providerKey('ES256', 'ec-1'),
      providerKey('EdDSA', 'ed-1'),
    ]);
    published = [rsa, ec, ed];
    server = createServer((request, response) => {
      fetches += 1;
      if (request.url === '/down') {
        response.writeHead(500).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: published.map((key) => key.jwk) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await test.cleanup();
  });

  const appWith = (userTokens: Record<string, unknown> = {}, jwtSecret?: string) =>
    createTestApp(test.db, {
      now: () => clock,
      jwtSecret,
      userTokens: { jwksUrl, issuer, jwksCooldownMs: 0, ...userTokens },
    }).app;
  const statsAs = async (app: ReturnType<typeof appWith>, token: string) => {
    const response = await app.request('/api/stats', { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { error?: { message: string } };
    return { status: response.status, message: body.error?.message ?? '' };
  };

  it("accepts RS256, ES256 and EdDSA tokens signed by the published keys, with providers' user ids", async () => {
    const app = appWith();
    for (const key of [rsa, ec, ed]) expect((await statsAs(app, await sign(key))).status).toBe(200);
    expect((await statsAs(app, await sign(rsa, { sub: 'auth0|65f0c0ffee' }))).status).toBe(200);
  });

  it('refuses alg none, a key the token does not name, a forged HS256 with the public key, and a wrong key', async () => {
    const app = appWith();
    const payload = Buffer.from(JSON.stringify({ sub: 'mallory', iss: issuer, exp: seconds + 60 })).toString(
      'base64url',
    );
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await statsAs(app, none)).toMatchObject({ status: 401, message: /signed with none/ });
    // ES256 header, but the kid names the RSA key: the key does not allow it.
    const mismatched = await sign(ec, {}, { kid: 'rsa-1' });
    expect((await statsAs(app, mismatched)).status).toBe(401);
    // The classic confusion: HS256 "signed" with the provider's public key as the secret.
    const publicPem = await exportSPKI((await generateKeyPair('RS256', { extractable: true })).publicKey);
    const confused = await new SignJWT({ sub: 'mallory' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setExpirationTime(seconds + 60)
      .sign(new TextEncoder().encode(publicPem));
    expect(await statsAs(app, confused)).toMatchObject({ status: 401, message: /RS256, ES256, EdDSA/ });
    const stranger = await providerKey('RS256', 'rsa-1');
    expect(await statsAs(app, await sign(stranger))).toMatchObject({ status: 401, message: /signature/ });
  });

  it('refuses a wrong issuer or audience, an expired or not-yet-valid token, each named', async () => {
    expect(await statsAs(appWith(), await sign(rsa, { iss: 'https://other.example.test' }))).toMatchObject({
      status: 401,
      message: /PODIUM_JWT_ISSUER/,
    });
    const withAudience = appWith({ audience: 'podium' });
    expect(await statsAs(withAudience, await sign(rsa))).toMatchObject({ status: 401, message: /audience/ });
    expect((await statsAs(withAudience, await sign(rsa, { aud: 'podium' }))).status).toBe(200);
    expect(await statsAs(appWith(), await sign(rsa, { exp: seconds - 1 }))).toMatchObject({
      status: 401,
      message: /expired/,
    });
    expect(await statsAs(appWith(), await sign(rsa, { nbf: seconds + 600 }))).toMatchObject({
      status: 401,
      message: /not valid yet/,
    });
  });

  it('follows a key rotation: a new key id fetches the keys again', async () => {
    const app = appWith();
    expect((await statsAs(app, await sign(rsa))).status).toBe(200);
    const before = fetches;
    // Known tokens are remembered; an unknown kid is looked up again.
    expect((await statsAs(app, await sign(rsa))).status).toBe(200);
    const rotated = await providerKey('RS256', 'rsa-2');
    published = [rotated, ec, ed];
    try {
      expect((await statsAs(app, await sign(rotated))).status).toBe(200);
      expect(fetches).toBeGreaterThan(before);
      // The retired key's new tokens no longer pass.
      expect((await statsAs(app, await sign(rsa, { sub: 'user_after_rotation' }))).status).toBe(401);
    } finally {
      published = [rsa, ec, ed];
    }
  });

  it('reads the user id from another claim when configured', async () => {
    const app = appWith({ userIdClaim: 'user_id' });
    expect((await statsAs(app, await sign(rsa, { user_id: 'firebase-uid-42' }))).status).toBe(200);
    expect(await statsAs(app, await sign(ed))).toMatchObject({ status: 401, message: /"user_id" claim/ });
  });

  it('keeps HS256 tokens of the shared secret working beside the provider', async () => {
    const secret = 'a-host-secret-of-at-least-32-characters!!';
    const app = appWith({}, secret);
    expect((await statsAs(app, await signTestToken('alice', { now: clock, secret }))).status).toBe(200);
    expect((await statsAs(app, await sign(ec))).status).toBe(200);
  });

  it("answers 503 when the provider's keys cannot be fetched", async () => {
    const app = appWith({ jwksUrl: jwksUrl.replace('/.well-known/jwks.json', '/down') });
    const response = await app.request('/api/stats', {
      headers: { authorization: `Bearer ${await sign(rsa)}` },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeTruthy();
  });

  it('checks the variables at start, naming each problem', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ PODIUM_JWKS_URL: jwksUrl })).toEqual([
      expect.stringMatching(/PODIUM_JWT_ISSUER is required/),
    ]);
    expect(
      problems({ PODIUM_JWKS_URL: 'http://clerk.example.test/jwks', PODIUM_JWT_ISSUER: issuer }),
    ).toEqual([expect.stringMatching(/PODIUM_JWKS_URL must be an https/)]);
    expect(problems({ PODIUM_JWT_ISSUER: issuer })).toEqual([
      expect.stringMatching(/PODIUM_JWKS_URL, which is not set/),
    ]);
    expect(loadConfig({ PODIUM_JWKS_URL: jwksUrl, PODIUM_JWT_ISSUER: issuer }).userTokens).toEqual({
      jwksUrl,
      issuer,
      audience: undefined,
      userIdClaim: 'sub',
    });
  });
});

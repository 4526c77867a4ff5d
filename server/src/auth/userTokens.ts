import { errorCodes, isUserId, maxUserIdLength } from 'podium-kit/core';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { HttpError } from '../errors.js';

/**
 * User tokens: who the end user is. Two sources, either or both:
 *
 * - HS256 with the secret the host shares with Podium (`PODIUM_JWT_SECRET`): the host's backend
 *   signs a token per user;
 * - the host's sign-in provider (Clerk, Auth0, Supabase Auth, Firebase, Cognito…): RS256, ES256
 *   or EdDSA tokens checked against the provider's published keys (`PODIUM_JWKS_URL`), its issuer
 *   (`PODIUM_JWT_ISSUER`, required: another tenant of the same provider must not pass) and, when
 *   set, audience (`PODIUM_JWT_AUDIENCE`: Clerk's tokens carry none by default, Cognito's access
 *   tokens use `client_id`). The user id is the `sub` claim, or `PODIUM_JWT_USER_CLAIM`.
 *
 * The token's header picks the path (an HS256 token is never checked against the provider's
 * keys, and no other algorithm against the secret), so a provider's public key can never be used
 * as an HMAC secret. Verified tokens are remembered until they expire: the rate limiter and the
 * route ask about the same token, and a user sends the same one for an hour.
 */

/** The asymmetric algorithms a provider's keys may sign with. */
export const providerAlgorithms = ['RS256', 'ES256', 'EdDSA'] as const;

/** Options of {@link createUserTokenVerifier}. */
export interface UserTokenOptions {
  /** HS256 secret (`PODIUM_JWT_SECRET`). */
  jwtSecret?: string | undefined;
  /** The provider's JWKS (`PODIUM_JWKS_URL`); needs `issuer`. */
  jwksUrl?: string | undefined;
  /** The `iss` a provider's tokens must carry (`PODIUM_JWT_ISSUER`). */
  issuer?: string | undefined;
  /** The `aud` they must carry, when set (`PODIUM_JWT_AUDIENCE`). */
  audience?: string | undefined;
  /** The claim holding the user id (`PODIUM_JWT_USER_CLAIM`). @default 'sub' */
  userIdClaim?: string | undefined;
  /** Time limit of one JWKS request. @default 5000 */
  jwksTimeoutMs?: number | undefined;
  /** How soon a token with an unknown key id may fetch the keys again. @default 30000 */
  jwksCooldownMs?: number | undefined;
  /** The app clock, for `exp` and `nbf`. */
  now: () => Date;
}

/** Verifies user tokens; built once per app. */
export interface UserTokenVerifier {
  /** Whether any source is configured (else every user endpoint answers 401 saying so). */
  readonly configured: boolean;
  /** The user id of a valid token; throws a 401 `HttpError` naming what is wrong (503 when the provider's keys cannot be fetched). */
  verify(token: string): Promise<string>;
}

const maxRemembered = 10_000;

export function createUserTokenVerifier(options: UserTokenOptions): UserTokenVerifier {
  const { now } = options;
  const claim = options.userIdClaim ?? 'sub';
  const secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : undefined;
  if (options.jwksUrl && !options.issuer) {
    throw new Error('A JWKS URL needs the issuer its tokens must carry (PODIUM_JWT_ISSUER)');
  }
  const providerKeys: JWTVerifyGetKey | undefined = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl), {
        timeoutDuration: options.jwksTimeoutMs ?? 5_000,
        cooldownDuration: options.jwksCooldownMs ?? 30_000,
      })
    : undefined;
  // Tokens that verified, with their user and expiry (forged ones never get in). Cleared when full.
  const remembered = new Map<string, { userId: string; expiresAt: number }>();

  const check = async (token: string): Promise<JWTPayload> => {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw unauthorized('The token is malformed: expected a JWT (three base64url parts)');
    }
    const currentDate = now();
    if (alg === 'HS256' && secret) {
      return (await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate })).payload;
    }
    if (providerKeys && alg !== undefined && (providerAlgorithms as readonly string[]).includes(alg)) {
      return (
        await jwtVerify(token, providerKeys, {
          algorithms: [...providerAlgorithms],
          issuer: options.issuer,
          ...(options.audience ? { audience: options.audience } : {}),
          currentDate,
        })
      ).payload;
    }
    const accepted = [...(secret ? ['HS256'] : []), ...(providerKeys ? providerAlgorithms : [])];
    throw unauthorized(
      `The token is signed with ${alg ?? 'no algorithm'}; this server accepts ${accepted.join(', ')}`,
    );
  };

  return {
    configured: secret !== undefined || providerKeys !== undefined,
    async verify(token) {
      if (!secret && !providerKeys) {
        throw unauthorized(
          'This Podium server has no PODIUM_JWT_SECRET or PODIUM_JWKS_URL configured, so it cannot verify user tokens',
        );
      }
      const known = remembered.get(token);
      if (known && known.expiresAt > now().getTime()) return known.userId;
      let payload: JWTPayload;
      try {
        payload = await check(token);
      } catch (error) {
        throw describe(error);
      }
      const userId = payload[claim];
      if (typeof userId !== 'string' || userId.length === 0) {
        throw unauthorized(`The token has no "${claim}" claim: it must carry the user id`);
      }
      // Same grammar as every user id: a token whose id could never name a user here is not
      // valid for this server, and nothing unbounded reaches an index.
      if (!isUserId(userId)) {
        throw unauthorized(
          `The token's "${claim}" claim is not a valid user id: 1 to ${maxUserIdLength} printable characters, no control characters, no space at either end`,
        );
      }
      // Without exp it is remembered for a minute (it stays valid, but is checked again now and then).
      const expiresAt = payload.exp !== undefined ? payload.exp * 1000 : now().getTime() + 60_000;
      if (remembered.size >= maxRemembered) remembered.clear();
      remembered.set(token, { userId, expiresAt });
      return userId;
    },
  };
}

/** A 401 (or 503 when the provider cannot be reached) naming what is wrong with the token. */
function describe(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof joseErrors.JWTExpired)
    return unauthorized('The token has expired: get a fresh one from your app');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return unauthorized('The token is not valid yet ("nbf" is in the future)');
    if (error.claim === 'iss')
      return unauthorized('The token was issued by another issuer than PODIUM_JWT_ISSUER');
    if (error.claim === 'aud')
      return unauthorized('The token is for another audience than PODIUM_JWT_AUDIENCE');
    return unauthorized(`The token's "${error.claim}" claim is invalid`);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return unauthorized(
      "The token signature does not match its key (PODIUM_JWT_SECRET, or the provider's keys)",
    );
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return unauthorized("The token's key is not among the provider's keys (PODIUM_JWKS_URL)");
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return unauthorized('The token is signed with an algorithm its key does not allow');
  // The provider's keys could not be fetched: not the client's fault, and it may pass shortly.
  if (
    error instanceof joseErrors.JWKSTimeout ||
    error instanceof joseErrors.JWKSInvalid ||
    isFetchFailure(error)
  ) {
    return new HttpError(
      503,
      errorCodes.unavailable,
      "The sign-in provider's keys could not be fetched; try again shortly",
    );
  }
  return unauthorized('The token is malformed: expected a signed JWT');
}

function isFetchFailure(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    (error instanceof joseErrors.JOSEError && /JSON Web Key Set|fetch/i.test(error.message))
  );
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, errorCodes.unauthorized, message);
}

import { SignJWT } from 'jose';
import { createApp, type CreateAppOptions } from '../../src/app.js';
import type { Database } from '../../src/db/Database.js';
import type { Logger } from '../../src/logger.js';

/** The HS256 secret test apps verify and test tokens are signed with. */
export const testJwtSecret = 'podium-test-secret-0123456789abcdef0123456789';

/** Options of {@link signTestToken}. */
export interface TestTokenOptions {
  /** Clock the claims are relative to. @default new Date() */
  now?: Date;
  /** Seconds until `exp` (negative: already expired). @default 3600 */
  expiresIn?: number;
  /** Seconds until `nbf`, when set. */
  notBefore?: number;
  secret?: string;
}

/** Signs a user token the way a host backend would (`sub` = user id; omitted when `undefined`). */
export async function signTestToken(
  sub: string | undefined,
  options: TestTokenOptions = {},
): Promise<string> {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 3600));
  if (sub !== undefined) jwt.setSubject(sub);
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(new TextEncoder().encode(options.secret ?? testJwtSecret));
}

/** A logger that keeps what it is given, for assertions (and keeps test output clean). */
export function createRecordingLogger(): Logger & {
  entries: Array<{ level: string; message: string; meta?: Record<string, unknown> }>;
} {
  const entries: Array<{ level: string; message: string; meta?: Record<string, unknown> }> = [];
  const record = (level: string) => (message: string, meta?: Record<string, unknown>) =>
    void entries.push({ level, message, ...(meta ? { meta } : {}) });
  return { entries, info: record('info'), warn: record('warn'), error: record('error') };
}

/** A test app over `db` with the test secret and a quiet logger, plus request helpers. */
export function createTestApp(db: Database, options: Partial<CreateAppOptions> = {}) {
  // Recorded, for assertions, and so expected errors do not clutter the test output.
  const logger = createRecordingLogger();
  // Rate limits off unless a test asks for them: every app.request() shares one "unknown" client
  // address, so suites that send hundreds of requests would meet the public limit.
  const app = createApp({ db, jwtSecret: testJwtSecret, logger, rateLimits: false, ...options });
  const clock = options.now ?? (() => new Date());
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (userId: string) => {
    let token = tokens.get(userId);
    if (!token)
      tokens.set(userId, (token = signTestToken(userId, { now: clock(), expiresIn: 86_400 * 365 })));
    return token;
  };

  return {
    app,
    logger,
    tokenFor,
    /** `PATCH /api/stats` as `userId` with a JSON body. */
    async patchJob(userId: string, body: unknown): Promise<Response> {
      return app.request('/api/stats', {
        method: 'PATCH',
        headers: { authorization: `Bearer ${await tokenFor(userId)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    },
    /** `GET /api/stats` as `userId`. */
    async getStats(userId: string, query: Record<string, string | number> = {}): Promise<Response> {
      const search = new URLSearchParams(
        Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
      );
      return app.request(`/api/stats${search.size > 0 ? `?${search}` : ''}`, {
        headers: { authorization: `Bearer ${await tokenFor(userId)}` },
      });
    },
  };
}

import { readFileSync } from 'node:fs';
import {
  defaultScoringRules,
  defaultTokenList,
  fieldPath,
  isAddress,
  scoringRulesSchema,
  type FraudRulesOverride,
  type ScoringRules,
  type TokenInfo,
} from 'podium-kit/core';
import type { RateLimitRule, RateLimitRules } from './http/rateLimit.js';
import { parseFraudRulesEnv } from './referrals/parseFraudRulesEnv.js';

/**
 * Server configuration from environment variables. `loadConfig` is pure (it takes the env as an
 * argument) so tests and embedders never have to mutate `process.env`.
 */

/** One documented environment variable. The README's table mirrors {@link configVariables}. */
export interface ConfigVariable {
  name: string;
  description: string;
  /** Human-readable default, or `undefined` when the variable is unset by default. */
  default?: string;
}

/** Every variable the server reads, in the order the README lists them. */
export const configVariables: readonly ConfigVariable[] = [
  { name: 'PORT', description: 'port to listen on', default: '4000' },
  {
    name: 'HOST',
    description:
      'interface to listen on (loopback by default so a demo is never exposed by accident; use 0.0.0.0 in containers)',
    default: '127.0.0.1',
  },
  { name: 'DATABASE_URL', description: 'Postgres connection string; when absent, embedded PGlite is used' },
  { name: 'PODIUM_DATA_DIR', description: 'where embedded PGlite keeps its data', default: './.podium-data' },
  {
    name: 'REDIS_URL',
    description:
      'Redis (optional): shares the rate limits between server instances (memory when unset or unreachable); reported by the health check',
  },
  {
    name: 'PODIUM_API_KEY',
    description: 'key for server-to-server writes (`x-api-key` or `Authorization: Bearer`)',
  },
  {
    name: 'PODIUM_JWT_SECRET',
    description:
      'HS256 secret (at least 32 characters) the host signs user tokens with; the user id is the `sub` claim',
  },
  {
    name: 'PODIUM_JWKS_URL',
    description:
      "the sign-in provider's JWKS (Clerk, Auth0, Supabase Auth, Firebase, Cognito): RS256, ES256 and EdDSA user tokens are checked against its keys (cached; fetched again for an unknown key id); needs PODIUM_JWT_ISSUER",
  },
  {
    name: 'PODIUM_JWT_ISSUER',
    description: "the `iss` the provider's tokens must carry (its issuer URL)",
  },
  {
    name: 'PODIUM_JWT_AUDIENCE',
    description: "the `aud` the provider's tokens must carry, when set (Clerk's carry none by default)",
  },
  {
    name: 'PODIUM_JWT_USER_CLAIM',
    description: "the claim of the provider's tokens that holds the user id",
    default: 'sub',
  },
  { name: 'CRON_SECRET', description: 'bearer secret of the cron endpoints' },
  { name: 'PODIUM_BASE_PATH', description: 'where the API is mounted', default: '/api' },
  {
    name: 'PODIUM_CORS_ORIGINS',
    description: 'comma-separated origins allowed to call the API from browsers, or `*`',
    default: '(none; `*` in demo mode)',
  },
  {
    name: 'PODIUM_DEMO_DIR',
    description: 'the built demo page `podium-server demo` serves',
    default: 'examples/demo/dist',
  },
  {
    name: 'PODIUM_SUBGRAPH_URL',
    description:
      'GraphQL endpoint of the marketplace subgraph user stats are computed from (the demo serves a local stand-in)',
  },
  {
    name: 'PODIUM_SUBGRAPH_API_KEY',
    description: 'sent to the subgraph as `Authorization: Bearer <key>` (e.g. a Graph Studio key)',
  },
  {
    name: 'PODIUM_TOKENS',
    description:
      'payment tokens as JSON: `[{"address":"0x…","symbol":"USDC","decimals":6}]`; the zero address is always ETH (18 decimals)',
  },
  {
    name: 'PODIUM_STATS_STALE_HOURS',
    description: 'age after which cached user stats are flagged `stale` and refreshed',
    default: '24',
  },
  {
    name: 'PODIUM_STATS_SYNC_INTERVAL_SECONDS',
    description:
      'run the incremental stats sync this often; 0 leaves syncing to the cron endpoint or the CLI (the calculation queue is worked either way when a subgraph is set)',
    default: '0 (off; 60 in demo mode)',
  },
  {
    name: 'PODIUM_BACKGROUND_LEASE_SECONDS',
    description:
      'background work (stats sync, view refresh, outbox, webhooks) runs on one instance at a time under a lease this long; another instance takes it over about this long after the holder dies',
    default: '10',
  },
  {
    name: 'PODIUM_RATE_LIMITS',
    description:
      '`off`, or JSON overriding some limits, as requests a minute or `{"limit":n,"windowSeconds":s}`: `{"public":300,"failedAuth":30,"user":600,"apiKey":6000}` (public and failed authentications per client IP, per user, per API key)',
    default: 'those four, a minute each (loopback exempt in demo mode)',
  },
  {
    name: 'PODIUM_TRUST_PROXY',
    description:
      '`true` behind a reverse proxy: the client IP is then the right-most `X-Forwarded-For` address; otherwise the TCP peer',
    default: 'false',
  },
  {
    name: 'PODIUM_VIEWS_PER_CLIENT_PER_DAY',
    description:
      'at most this many counted product views per client IP (hashed) and product per UTC day; 0: no cap',
    default: '20',
  },
  {
    name: 'PODIUM_SCORING_RULES',
    description:
      'path of a JSON file of scoring rules replacing the defaults (actions, multipliers, achievements, caps, streaks; served at `GET /api/scores/rules`)',
  },
  {
    name: 'PODIUM_REDIS_PREFIX',
    description:
      'prefix of every Redis key Podium writes (points boards), so several apps and test runs can share one Redis',
    default: 'podium:',
  },
  {
    name: 'PODIUM_WEBHOOK_URL',
    description:
      'where to POST signed webhooks (achievement.unlocked, leaderboard.rank_changed into the top 10, streak.changed); needs PODIUM_WEBHOOK_SECRET',
  },
  {
    name: 'PODIUM_WEBHOOK_SECRET',
    description:
      'the HMAC-SHA256 secret of the `Podium-Signature` header (verify with `verifyWebhookSignature`)',
  },
  {
    name: 'PODIUM_SCORES_BACKDATE_DAYS',
    description:
      'events whose `occurredAt` is older than this many days are refused (raise it to import history)',
    default: '30',
  },
  {
    name: 'PODIUM_PUBLIC_URL',
    description:
      'where visitors reach Podium: the origin and any path it is mounted under (`https://example.com`); referral links are absolute, `<PODIUM_PUBLIC_URL><PODIUM_BASE_PATH>/r/<code>`',
    default: "(the request's origin)",
  },
  {
    name: 'PODIUM_REFERRAL_FALLBACK_URL',
    description: 'where a referral link with an unknown code redirects',
    default: '(none: a plain 404 page)',
  },
  {
    name: 'PODIUM_REFERRAL_COOKIE_DAYS',
    description: 'lifetime of the `podium_ref` attribution cookie set by a referral link, in days',
    default: '30',
  },
  {
    name: 'PODIUM_REFERRAL_SECRET',
    description:
      "key (at least 16 characters) of the HMAC-SHA256 hashes stored instead of referral visitors' and members' IP addresses and referees' e-mails; set it to keep the key outside the database (a leaked dump then cannot test guesses against the hashes); keep it stable",
    default: '(a random key made once per database)',
  },
  {
    name: 'PODIUM_FRAUD_RULES',
    description:
      'JSON of conversion fraud rules over the defaults, each part optional: `weights` (points per signal), `thresholds` (`flagAbove` 30, `blockAbove` 70), `clickVelocity`, `suspiciousTiming`, `refundPattern`, `chargebackHistory`, `disposableEmail.extraDomains`',
    default: '(the built-in rules)',
  },
  {
    name: 'PODIUM_HEALTH_TIMEOUT_MS',
    description: 'time limit of each health check, in milliseconds',
    default: '2000',
  },
  {
    name: 'PODIUM_LIVE_HEARTBEAT_SECONDS',
    description:
      'a comment line this often on each live-update stream (`GET /api/events`), so proxies keep it open',
    default: '15',
  },
  {
    name: 'PODIUM_LIVE_MAX_PER_CLIENT',
    description:
      'open live-update streams per user (ticket or token) or, without one, per client IP; more answer 429',
    default: '8',
  },
  {
    name: 'PODIUM_LIVE_MAX_CONNECTIONS',
    description: 'open live-update streams per instance; more answer 429',
    default: '10000',
  },
  {
    name: 'PODIUM_LIVE_SECRET',
    description:
      'key (16+ characters) of the HMAC-signed live-update tickets (`POST /api/events/tickets`); every instance must share it',
    default: '(a random key kept in the database)',
  },
];

/** The validated configuration. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Postgres URL; `undefined` selects embedded PGlite in {@link ServerConfig.dataDir}. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  apiKey: string | undefined;
  jwtSecret: string | undefined;
  /** The sign-in provider's tokens (`PODIUM_JWKS_URL` and its issuer, audience, user id claim). */
  userTokens:
    { jwksUrl: string; issuer: string; audience: string | undefined; userIdClaim: string } | undefined;
  cronSecret: string | undefined;
  /** Normalised: starts with `/`, no trailing slash; `''` mounts the API at the root. */
  basePath: string;
  /** `['*']`, a list of origins, or `[]` (no cross-origin access). */
  corsOrigins: string[];
  demoDir: string | undefined;
  healthTimeoutMs: number;
  subgraphUrl: string | undefined;
  subgraphApiKey: string | undefined;
  /** Known payment tokens, ETH (the zero address) first. */
  tokens: TokenInfo[];
  statsStaleAfterMs: number;
  /** 0: the built-in stats scheduler is off. */
  statsSyncIntervalMs: number;
  /** How long a background lease lasts (`PODIUM_BACKGROUND_LEASE_SECONDS`). */
  backgroundLeaseMs: number;
  /** Overrides of the default rate limits, or `false` (off). */
  rateLimits: Partial<RateLimitRules> | false;
  trustProxy: boolean;
  /** 0: views are not capped per client. */
  viewsPerClientPerDay: number;
  /** The rules of `PODIUM_SCORING_RULES`, else the defaults. */
  scoringRules: ScoringRules;
  scoresBackdateDays: number;
  redisPrefix: string;
  /** Both set, or neither. */
  webhook: { url: string; secret: string } | undefined;
  /** `PODIUM_PUBLIC_URL` without a trailing slash; `undefined`: the request's origin. */
  publicUrl: string | undefined;
  referralFallbackUrl: string | undefined;
  referralCookieDays: number;
  /** `undefined`: a random key made once per database (see `createReferralSecret`). */
  referralSecret: string | undefined;
  /** `PODIUM_FRAUD_RULES`, validated; `undefined`: the defaults. */
  fraudRules: FraudRulesOverride | undefined;
  /** Live updates (`PODIUM_LIVE_*`); `ticketSecret` `undefined`: a random key kept in the database. */
  live: {
    heartbeatMs: number;
    maxConnectionsPerClient: number;
    maxConnections: number;
    ticketSecret: string | undefined;
  };
}

/** Thrown by {@link loadConfig}; `problems` lists every bad variable, not just the first. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output (256 bits). */
export const minJwtSecretLength = 32;

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the configuration. Empty values count as unset (a blank line in a `.env`
 * file must not mean "the empty secret"). Throws a {@link ConfigError} naming every bad variable.
 */
export function loadConfig(env: Env = process.env): ServerConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const port = readInteger(read('PORT'), 'PORT', 4000, 0, 65_535, problems);
  const healthTimeoutMs = readInteger(
    read('PODIUM_HEALTH_TIMEOUT_MS'),
    'PODIUM_HEALTH_TIMEOUT_MS',
    2000,
    1,
    60_000,
    problems,
  );

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset to use the embedded database)',
    );
  }
  const redisUrl = read('REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//i.test(redisUrl)) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  }

  const jwtSecret = read('PODIUM_JWT_SECRET');
  if (jwtSecret && jwtSecret.length < minJwtSecretLength) {
    problems.push(
      `PODIUM_JWT_SECRET must be at least ${minJwtSecretLength} characters (HS256 needs a 256-bit key, RFC 7518 §3.2); got ${jwtSecret.length}`,
    );
  }

  const userTokens = parseUserTokens(read, problems);

  let basePath = read('PODIUM_BASE_PATH') ?? '/api';
  if (!basePath.startsWith('/') || /[\s?#*:]/.test(basePath)) {
    problems.push(`PODIUM_BASE_PATH must be a path starting with "/" such as /api, got "${basePath}"`);
  }
  basePath = basePath.replace(/\/+$/, '');

  const corsOrigins = parseCorsOrigins(read('PODIUM_CORS_ORIGINS'), problems);

  const subgraphUrl = read('PODIUM_SUBGRAPH_URL');
  if (subgraphUrl && !/^https?:\/\//i.test(subgraphUrl)) {
    problems.push(`PODIUM_SUBGRAPH_URL must be an http(s) URL, got "${subgraphUrl}"`);
  }
  const tokens = parseTokens(read('PODIUM_TOKENS'), problems);
  const staleHours = readInteger(
    read('PODIUM_STATS_STALE_HOURS'),
    'PODIUM_STATS_STALE_HOURS',
    24,
    1,
    24 * 365,
    problems,
  );
  const syncSeconds = readInteger(
    read('PODIUM_STATS_SYNC_INTERVAL_SECONDS'),
    'PODIUM_STATS_SYNC_INTERVAL_SECONDS',
    0,
    0,
    7 * 86_400,
    problems,
  );
  const leaseSeconds = readInteger(
    read('PODIUM_BACKGROUND_LEASE_SECONDS'),
    'PODIUM_BACKGROUND_LEASE_SECONDS',
    10,
    1,
    3_600,
    problems,
  );

  const rateLimits = parseRateLimits(read('PODIUM_RATE_LIMITS'), problems);
  const trustProxy = read('PODIUM_TRUST_PROXY')?.toLowerCase() ?? 'false';
  if (!['true', 'false'].includes(trustProxy)) {
    problems.push(`PODIUM_TRUST_PROXY must be true or false, got "${trustProxy}"`);
  }
  const viewsPerClientPerDay = readInteger(
    read('PODIUM_VIEWS_PER_CLIENT_PER_DAY'),
    'PODIUM_VIEWS_PER_CLIENT_PER_DAY',
    20,
    0,
    1_000_000,
    problems,
  );

  const liveHeartbeatSeconds = readInteger(
    read('PODIUM_LIVE_HEARTBEAT_SECONDS'),
    'PODIUM_LIVE_HEARTBEAT_SECONDS',
    15,
    1,
    3_600,
    problems,
  );
  const liveMaxPerClient = readInteger(
    read('PODIUM_LIVE_MAX_PER_CLIENT'),
    'PODIUM_LIVE_MAX_PER_CLIENT',
    8,
    1,
    10_000,
    problems,
  );
  const liveMaxConnections = readInteger(
    read('PODIUM_LIVE_MAX_CONNECTIONS'),
    'PODIUM_LIVE_MAX_CONNECTIONS',
    10_000,
    1,
    1_000_000,
    problems,
  );
  const liveSecret = read('PODIUM_LIVE_SECRET');
  if (liveSecret && liveSecret.length < 16) {
    problems.push(`PODIUM_LIVE_SECRET must be at least 16 characters; got ${liveSecret.length}`);
  }

  const scoringRules = readScoringRules(read('PODIUM_SCORING_RULES'), problems);
  const scoresBackdateDays = readInteger(
    read('PODIUM_SCORES_BACKDATE_DAYS'),
    'PODIUM_SCORES_BACKDATE_DAYS',
    30,
    0,
    36_500,
    problems,
  );

  const webhookUrl = read('PODIUM_WEBHOOK_URL');
  const webhookSecret = read('PODIUM_WEBHOOK_SECRET');
  if (webhookUrl && !/^https?:\/\/[^\s]+$/.test(webhookUrl))
    problems.push('PODIUM_WEBHOOK_URL must be an http(s) URL');
  if (!!webhookUrl !== !!webhookSecret)
    problems.push('PODIUM_WEBHOOK_URL and PODIUM_WEBHOOK_SECRET must be set together');
  if (webhookSecret && webhookSecret.length < 16)
    problems.push('PODIUM_WEBHOOK_SECRET must be at least 16 characters');

  const publicUrl = read('PODIUM_PUBLIC_URL');
  if (publicUrl && !isHttpUrlWithoutQuery(publicUrl))
    problems.push(
      `PODIUM_PUBLIC_URL must be an http(s) URL without query or fragment such as https://example.com, got "${publicUrl}"`,
    );
  const referralFallbackUrl = read('PODIUM_REFERRAL_FALLBACK_URL');
  if (referralFallbackUrl && !isHttpUrlWithoutQuery(referralFallbackUrl, true))
    problems.push(`PODIUM_REFERRAL_FALLBACK_URL must be an http(s) URL, got "${referralFallbackUrl}"`);
  const referralCookieDays = readInteger(
    read('PODIUM_REFERRAL_COOKIE_DAYS'),
    'PODIUM_REFERRAL_COOKIE_DAYS',
    30,
    1,
    400,
    problems,
  );
  const referralSecret = read('PODIUM_REFERRAL_SECRET');
  if (referralSecret && referralSecret.length < 16)
    problems.push('PODIUM_REFERRAL_SECRET must be at least 16 characters');
  const fraudRules = parseFraudRulesEnv(read('PODIUM_FRAUD_RULES'), problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host: read('HOST') ?? '127.0.0.1',
    databaseUrl,
    dataDir: read('PODIUM_DATA_DIR') ?? './.podium-data',
    redisUrl,
    apiKey: read('PODIUM_API_KEY'),
    jwtSecret,
    userTokens,
    cronSecret: read('CRON_SECRET'),
    basePath,
    corsOrigins,
    demoDir: read('PODIUM_DEMO_DIR'),
    healthTimeoutMs,
    subgraphUrl,
    subgraphApiKey: read('PODIUM_SUBGRAPH_API_KEY'),
    tokens,
    statsStaleAfterMs: staleHours * 3_600_000,
    statsSyncIntervalMs: syncSeconds * 1000,
    backgroundLeaseMs: leaseSeconds * 1000,
    rateLimits,
    trustProxy: trustProxy === 'true',
    viewsPerClientPerDay,
    scoringRules,
    scoresBackdateDays,
    redisPrefix: read('PODIUM_REDIS_PREFIX') ?? 'podium:',
    webhook: webhookUrl && webhookSecret ? { url: webhookUrl, secret: webhookSecret } : undefined,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    referralFallbackUrl,
    referralCookieDays,
    referralSecret,
    fraudRules,
    live: {
      heartbeatMs: liveHeartbeatSeconds * 1000,
      maxConnectionsPerClient: liveMaxPerClient,
      maxConnections: liveMaxConnections,
      ticketSecret: liveSecret,
    },
  };
}

/** An absolute http(s) URL; without a query or fragment unless `allowQuery`. */
function isHttpUrlWithoutQuery(value: string, allowQuery = false): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (!['http:', 'https:'].includes(url.protocol) || /\s/.test(value)) return false;
  return allowQuery || (url.search === '' && url.hash === '' && !value.includes('?') && !value.includes('#'));
}

/** The rule set of the file at `path` (validated: each problem names its place), else the defaults. */
function readScoringRules(path: string | undefined, problems: string[]): ScoringRules {
  if (path === undefined) return defaultScoringRules;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`PODIUM_SCORING_RULES: cannot read ${path} as JSON (${(error as Error).message})`);
    return defaultScoringRules;
  }
  const parsed = scoringRulesSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues.slice(0, 10)) {
    problems.push(`PODIUM_SCORING_RULES: ${fieldPath(issue.path) || 'rules'} ${issue.message}`);
  }
  return defaultScoringRules;
}

const rateLimitFamilies = ['public', 'failedAuth', 'user', 'apiKey'] as const;

/** `PODIUM_RATE_LIMITS`: `off`, or JSON of families -> requests a minute or `{limit, windowSeconds}`. */
function parseRateLimits(raw: string | undefined, problems: string[]): Partial<RateLimitRules> | false {
  if (raw === undefined) return {};
  if (raw.toLowerCase() === 'off') return false;
  const example = '{"public":300,"failedAuth":30,"user":600,"apiKey":6000}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(`PODIUM_RATE_LIMITS must be off or JSON such as ${example}`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`PODIUM_RATE_LIMITS must be off or a JSON object such as ${example}`);
    return {};
  }
  const rules: Partial<RateLimitRules> = {};
  for (const [family, value] of Object.entries(parsed)) {
    if (!(rateLimitFamilies as readonly string[]).includes(family)) {
      problems.push(`PODIUM_RATE_LIMITS: unknown limit "${family}" (known: ${rateLimitFamilies.join(', ')})`);
      continue;
    }
    const rule: Partial<RateLimitRule> =
      typeof value === 'number'
        ? { limit: value, windowSeconds: 60 }
        : ((value ?? {}) as Partial<RateLimitRule>);
    const whole = (n: unknown, max: number) =>
      Number.isInteger(n) && (n as number) >= 1 && (n as number) <= max;
    if (!whole(rule.limit, 10_000_000) || !whole(rule.windowSeconds, 86_400)) {
      problems.push(
        `PODIUM_RATE_LIMITS.${family} must be requests a minute (a whole number from 1 to 10000000) or {"limit": 1 to 10000000, "windowSeconds": 1 to 86400}`,
      );
      continue;
    }
    rules[family as keyof RateLimitRules] = { limit: rule.limit!, windowSeconds: rule.windowSeconds! };
  }
  return rules;
}

/** `PODIUM_TOKENS`: a JSON list of tokens. ETH at the zero address is always known. */
function parseTokens(raw: string | undefined, problems: string[]): TokenInfo[] {
  const tokens: TokenInfo[] = [...defaultTokenList];
  if (raw === undefined) return tokens;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push('PODIUM_TOKENS must be JSON such as [{"address":"0x…","symbol":"USDC","decimals":6}]');
    return tokens;
  }
  if (!Array.isArray(parsed)) {
    problems.push('PODIUM_TOKENS must be a JSON array of {address, symbol, decimals}');
    return tokens;
  }
  parsed.forEach((entry: unknown, index) => {
    const token = entry as Partial<TokenInfo> | null;
    if (
      !token ||
      typeof token.address !== 'string' ||
      !isAddress(token.address) ||
      typeof token.symbol !== 'string' ||
      token.symbol.length === 0 ||
      !Number.isInteger(token.decimals) ||
      (token.decimals as number) < 0 ||
      (token.decimals as number) > 36
    ) {
      problems.push(
        `PODIUM_TOKENS[${index}] must be {"address": "0x" + 40 hex digits, "symbol": text, "decimals": 0 to 36}`,
      );
      return;
    }
    const address = token.address.toLowerCase();
    const known = tokens.findIndex((existing) => existing.address === address);
    const info = { address, symbol: token.symbol, decimals: token.decimals as number };
    if (known >= 0) tokens[known] = info;
    else tokens.push(info);
  });
  return tokens;
}

function readInteger(
  raw: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function parseCorsOrigins(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined) return [];
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (origins.includes('*')) return ['*'];
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    // Browsers send the bare origin (scheme://host[:port]); anything else would never match.
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
      problems.push(`PODIUM_CORS_ORIGINS: "${origin}" is not an origin such as https://app.example.com`);
    }
  }
  return origins.map((origin) => origin.replace(/\/$/, ''));
}

/** `PODIUM_JWKS_URL` with its issuer (required), audience and user id claim. */
function parseUserTokens(
  read: (name: string) => string | undefined,
  problems: string[],
): ServerConfig['userTokens'] {
  const jwksUrl = read('PODIUM_JWKS_URL');
  const issuer = read('PODIUM_JWT_ISSUER');
  const audience = read('PODIUM_JWT_AUDIENCE');
  const userIdClaim = read('PODIUM_JWT_USER_CLAIM') ?? 'sub';
  if (!jwksUrl) {
    if (issuer || audience || read('PODIUM_JWT_USER_CLAIM'))
      problems.push(
        'PODIUM_JWT_ISSUER, PODIUM_JWT_AUDIENCE and PODIUM_JWT_USER_CLAIM apply to PODIUM_JWKS_URL, which is not set',
      );
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(jwksUrl);
  } catch {
    // reported below
  }
  // Keys fetched in clear could be swapped on the way; plain http only to this machine (tests, a local provider).
  const local = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && local))) {
    problems.push(`PODIUM_JWKS_URL must be an https:// URL (http:// only on localhost), got "${jwksUrl}"`);
  }
  if (!issuer) {
    problems.push(
      "PODIUM_JWT_ISSUER is required with PODIUM_JWKS_URL: the issuer the provider's tokens carry (e.g. https://your-app.clerk.accounts.dev)",
    );
  }
  if (!/^[A-Za-z_][A-Za-z0-9_:.-]{0,99}$/.test(userIdClaim)) {
    problems.push(`PODIUM_JWT_USER_CLAIM must be a claim name such as sub or user_id, got "${userIdClaim}"`);
  }
  return issuer ? { jwksUrl, issuer, audience, userIdClaim } : undefined;
}

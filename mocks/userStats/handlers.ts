import { errorResponse, validationErrorResponse } from '../shared/errorResponses.js';
import { jsonWithEtag } from '../shared/etag.js';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { errorCodes } from '../../src/shared/errors.js';
import { parseIdentifier } from '../../src/identity/contract.js';
import {
  maxStatsHistoryDays,
  statsHistoryQuerySchema,
  statsLeadersQuerySchema,
  statsLeadersRoute,
  userStatsHistoryRoute,
  userStatsRoute,
  userTransactionsCsvRoute,
  type StatsSubject,
  type UserStatsResponse,
  transactionsCsvColumns,
} from '../../src/userStats/contract.js';
import { addDays, dayKey } from '../../src/shared/periods.js';
import {
  createPendingUserStatsFixture,
  createStatsHistoryFixture,
  createStatsLeadersFixture,
  defaultStatsSubject,
  usdcToken,
  userStatsScenarios,
  type UserStatsScenarioName,
} from './fixtures.js';

/**
 * The server's `Cache-Control` for calculated stats and history: browsers keep a copy but
 * revalidate it every time (by `ETag`, a cheap 304), so a refetch never shows old figures.
 */
export const userStatsCacheControl = 'no-cache';
/** The server's `CDN-Cache-Control` for calculated stats and history: CDNs cache for an hour. */
export const userStatsCdnCacheControl = 'public, s-maxage=3600, stale-while-revalidate=7200';

const calculatedCacheHeaders = {
  'Cache-Control': userStatsCacheControl,
  'CDN-Cache-Control': userStatsCdnCacheControl,
};

/** What the user-stats handlers need from the handler set they belong to. */
export interface UserStatsHandlersContext {
  baseUrl: string;
  clock: () => Date;
  /** Which data to serve, or `pending` (202 first). Read on every request, so it can switch. */
  scenario: () => UserStatsScenarioName | 'pending';
  /** Latency and failure scenarios shared with the other handlers; a Response ends the request. */
  throttle: () => Promise<Response | undefined>;
  /** Serve this body (for its subject) instead of the scenario's data. */
  userStats?: UserStatsResponse;
  /** In `pending`, how many requests answer 202 before the 200. */
  pendingResponses: number;
  /** `retryAfterSeconds` (and `Retry-After`) of each 202. */
  retryAfterSeconds: number;
}

/** Handlers for the user-stats endpoints, and a reset for their per-set state. */
export interface UserStatsHandlers {
  handlers: RequestHandler[];
  reset(): void;
}

/**
 * `GET {base}/user/:identifier/stats`, `.../stats/history`, `.../transactions.csv` and
 * `GET {base}/stats/leaders`, answering like the server: 400 for a malformed identifier, 404 for
 * an unknown user id or username, any well-formed address is a subject of its own (or the known
 * user's, for one of their wallets). Public endpoints: no token needed.
 */
export function createUserStatsHandlers(context: UserStatsHandlersContext): UserStatsHandlers {
  const { baseUrl, clock } = context;
  let pendingLeft = context.pendingResponses;
  const known = context.userStats?.subject ?? defaultStatsSubject;

  /** The subject an identifier names, or the error Response the server would give. */
  function resolve(raw: string): StatsSubject | Response {
    const parsed = parseIdentifier(raw);
    if (parsed.kind === 'invalid') {
      return errorResponse(400, errorCodes.invalidRequest, `Invalid identifier: ${parsed.reason}`, {
        identifier: [parsed.reason],
      });
    }
    if (parsed.kind === 'address') {
      if (known.addresses.includes(parsed.address)) return known;
      return {
        kind: 'address',
        userId: null,
        username: null,
        displayName: null,
        avatarUrl: null,
        addresses: [parsed.address],
      };
    }
    const handle = parsed.handle;
    if (handle === known.userId || handle.toLowerCase() === known.username?.toLowerCase()) return known;
    return errorResponse(404, errorCodes.notFound, `No user with the id or username "${handle}"`);
  }

  async function front(identifier: unknown): Promise<StatsSubject | Response> {
    const stopped = await context.throttle();
    return stopped ?? resolve(decodeSegment(String(identifier)));
  }

  const stats = http.get(`${baseUrl}${userStatsRoute}`, async ({ params, request }) => {
    const subject = await front(params.identifier);
    if (subject instanceof Response) return subject;
    const scenario = context.scenario();
    if (scenario === 'pending' && pendingLeft > 0) {
      pendingLeft -= 1;
      return HttpResponse.json(createPendingUserStatsFixture(subject, context.retryAfterSeconds), {
        status: 202,
        headers: { 'Retry-After': String(context.retryAfterSeconds), 'Cache-Control': 'no-store' },
      });
    }
    const data =
      context.userStats ??
      userStatsScenarios[scenario === 'pending' ? 'success' : scenario].createResponse({ now: clock() });
    return jsonWithEtag(request, { ...data, subject }, calculatedCacheHeaders);
  });

  const history = http.get(`${baseUrl}${userStatsHistoryRoute}`, async ({ params, request }) => {
    const subject = await front(params.identifier);
    if (subject instanceof Response) return subject;
    const search = new URL(request.url).searchParams;
    const parsed = statsHistoryQuerySchema.safeParse({
      from: search.get('from') ?? undefined,
      to: search.get('to') ?? undefined,
    });
    if (!parsed.success) return validationErrorResponse(parsed.error.issues);
    const to = parsed.data.to ?? dayKey(clock(), 'UTC');
    const from = parsed.data.from ?? addDays(to, -89);
    // The same checks and messages as the server; the span is measured before any list of
    // days is built, so a range of centuries answers at once.
    if (from > to)
      return errorResponse(400, errorCodes.invalidRequest, 'The range is empty', {
        from: ['must not be after to'],
      });
    if (
      (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1 >
      maxStatsHistoryDays
    ) {
      return errorResponse(400, errorCodes.invalidRequest, 'The range is too long', {
        to: [`must be at most ${maxStatsHistoryDays} days from from (both included)`],
      });
    }
    const scenario = context.scenario();
    const activity = scenario === 'empty' ? 'quiet' : scenario === 'largeNumbers' ? 'heavy' : 'active';
    return jsonWithEtag(
      request,
      createStatsHistoryFixture({ subject, from, to, activity }),
      calculatedCacheHeaders,
    );
  });

  const leaders = http.get(`${baseUrl}${statsLeadersRoute}`, async ({ request }) => {
    const stopped = await context.throttle();
    if (stopped) return stopped;
    const search = new URL(request.url).searchParams;
    const parsed = statsLeadersQuerySchema.safeParse({
      metric: search.get('metric') ?? undefined,
      limit: search.get('limit') ?? undefined,
    });
    if (!parsed.success) return validationErrorResponse(parsed.error.issues);
    const scenario = context.scenario();
    return HttpResponse.json(
      createStatsLeadersFixture({
        ...parsed.data,
        total: scenario === 'empty' ? 0 : 24,
        scale: scenario === 'largeNumbers' ? 10n ** 12n : 1n,
        now: clock(),
      }),
    );
  });

  const csv = http.get(`${baseUrl}${userTransactionsCsvRoute}`, async ({ params }) => {
    const subject = await front(params.identifier);
    if (subject instanceof Response) return subject;
    const name = subject.username ?? subject.addresses[0] ?? 'user';
    const rows = context.scenario() === 'empty' ? [] : transactionRows(subject, clock());
    return new HttpResponse([csvHeader, ...rows].join('\r\n') + '\r\n', {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}-transactions.csv"`,
      },
    });
  });

  return {
    handlers: [stats, history, csv, leaders],
    reset: () => {
      pendingLeft = context.pendingResponses;
    },
  };
}

function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const csvHeader = transactionsCsvColumns.join(',');

function transactionRows(subject: StatsSubject, now: Date): string[] {
  const wallet = subject.addresses[1] ?? '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
  const nft = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
  const at = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  return [
    `${at(20)},sale,0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc,1042,${nft},7,1,ETH,0x0000000000000000000000000000000000000000,1.2345,1234500000000000000,p-1042`,
    `${at(52)},purchase,0x90f79bf6eb2c4f870365e785982e1f101e93b906,987,${nft},12,2,USDC,${usdcToken.address},99.99,99990000,p-987`,
    `${at(75)},sale,${wallet},1040,${nft},3,1,ETH,0x0000000000000000000000000000000000000000,0.08,80000000000000000,p-1040`,
  ];
}

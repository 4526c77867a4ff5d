import { errorResponse, validationErrorResponse } from '../shared/errorResponses.js';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { ifNoneMatchMatches } from '../shared/etag.js';
import { hashString } from '../../src/shared/random.js';
import { errorCodes, fieldErrorsFromIssues } from '../../src/shared/errors.js';
import { sellerDashboardRoute, sellerLeaderboardQuerySchema, sellerLeaderboardRoute } from '../../src/sellerBoards/contract.js';
import { type LeaderboardResponse } from '../../src/shared/leaderboard.js';
import { userIdSchema } from '../../src/shared/text.js';
import {
  buildLeaderboardResponse,
  buildSellerDashboard,
  bumpLeaderboardSeller,
  createLeaderboardSellers,
  leaderboardCurrentUserId,
  type LeaderboardSeller,
  type LeaderboardValueKey,
} from './fixtures.js';

/** Which board data the mocks serve. */
export type LeaderboardScenarioName = 'success' | 'empty' | 'largeNumbers';

/**
 * A board that changes over time: each poll (a request with `If-None-Match`) moves `userId` up
 * one place on the board it asks for, so a story sees the board update and hears "You moved up".
 */
export interface LeaderboardLiveOptions {
  /** Who climbs. @default 'u_alice' */
  userId?: string;
}

/** What the leaderboard handlers need from the handler set they belong to. */
export interface LeaderboardHandlersContext {
  baseUrl: string;
  clock: () => Date;
  /** Which data to serve. Read on every request, so it can switch. */
  scenario: () => LeaderboardScenarioName;
  /** Latency and failure scenarios shared with the other handlers; a Response ends the request. */
  throttle: () => Promise<Response | undefined>;
  /** Serve these sellers instead of the scenario's. */
  sellers?: readonly LeaderboardSeller[];
  /** Make every poll change the board (see {@link LeaderboardLiveOptions}). @default false */
  live?: boolean | LeaderboardLiveOptions;
}

/** Handlers for the board and dashboard endpoints, with their per-set state. */
export interface LeaderboardHandlers {
  handlers: RequestHandler[];
  /** Moves `userId` up one place on a board now (as a live poll would). */
  bump(userId?: string, key?: LeaderboardValueKey): void;
  /** The stored sellers of the current scenario (copies). */
  sellers(): LeaderboardSeller[];
  reset(): void;
}

/**
 * A weak ETag of a body: FNV-1a over its JSON. The body includes the stable `updatedAt`, so an
 * unchanged board always hashes the same, as on the server.
 */
export function leaderboardEtag(body: LeaderboardResponse): string {
  const text = JSON.stringify(body);
  const hash = hashString(text);
  return `W/"${hash.toString(16).padStart(8, '0')}-${text.length.toString(16)}"`;
}

/**
 * `GET {base}/leaderboards/sellers` and `GET {base}/sellers/:id/dashboard`, answering like the
 * server: the contract's validation with its error shape, ranks with ties (`rankEntries`),
 * `limit`/`offset` pages, `around` windows, an `ETag` on every board and a bodiless 304 for an
 * `If-None-Match` that still matches. Public endpoints: no token needed.
 */
export function createLeaderboardHandlers(context: LeaderboardHandlersContext): LeaderboardHandlers {
  const { baseUrl, clock } = context;
  const live = context.live ? (context.live === true ? {} : context.live) : null;
  let data = new Map<LeaderboardScenarioName, LeaderboardSeller[]>();
  // Created on first use (not when the handlers are built) so the values sit just before "now".
  const sellers = (): LeaderboardSeller[] => {
    const scenario = context.scenario();
    let list = data.get(scenario);
    if (!list) {
      list = context.sellers
        ? structuredClone([...context.sellers])
        : scenario === 'empty'
          ? []
          : createLeaderboardSellers({ now: clock(), scale: scenario === 'largeNumbers' ? 1e9 : 1 });
      data.set(scenario, list);
    }
    return list;
  };

  const board = http.get(`${baseUrl}${sellerLeaderboardRoute}`, async ({ request }) => {
    const stopped = await context.throttle();
    if (stopped) return stopped;
    const search = new URL(request.url).searchParams;
    const raw: Record<string, string> = {};
    for (const key of ['metric', 'period', 'month', 'limit', 'offset', 'around', 'ties'] as const) {
      const value = search.get(key);
      if (value !== null) raw[key] = value;
    }
    const parsed = sellerLeaderboardQuerySchema.safeParse(raw);
    if (!parsed.success) return validationErrorResponse(parsed.error.issues);
    const query = parsed.data;
    const ifNoneMatch = request.headers.get('if-none-match');
    if (live && ifNoneMatch) {
      bumpLeaderboardSeller(
        sellers(),
        live.userId ?? leaderboardCurrentUserId,
        `${query.metric}:${query.period}`,
        clock(),
      );
    }
    const body = buildLeaderboardResponse(sellers(), query, clock());
    const etag = leaderboardEtag(body);
    const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
    if (ifNoneMatchMatches(ifNoneMatch, etag)) return new HttpResponse(null, { status: 304, headers });
    return HttpResponse.json(body, { headers });
  });

  const dashboard = http.get(`${baseUrl}${sellerDashboardRoute}`, async ({ params }) => {
    const stopped = await context.throttle();
    if (stopped) return stopped;
    const parsed = userIdSchema.safeParse(decodeSegment(String(params.id)));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ['id', ...issue.path] }));
      return errorResponse(
        400,
        errorCodes.invalidRequest,
        'Invalid seller id',
        fieldErrorsFromIssues(issues),
      );
    }
    const id = parsed.data;
    // A seller without products is a seller with zeros, as on the server.
    return HttpResponse.json(buildSellerDashboard(sellers(), id, clock()));
  });

  return {
    handlers: [board, dashboard],
    bump: (userId = live?.userId ?? leaderboardCurrentUserId, key = 'sales:month') => {
      bumpLeaderboardSeller(sellers(), userId, key, clock());
    },
    sellers: () => structuredClone(sellers()),
    reset: () => {
      data = new Map();
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

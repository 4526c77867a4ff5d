import { http, HttpResponse, type RequestHandler } from 'msw';
import {
  creatorAnalyticsRoute,
  memberStatsRoute,
  referrersLeaderboardQuerySchema,
  referrersLeaderboardRoute,
  shareAnalyticsQuerySchema,
  shareAnalyticsRoute,
} from '../../src/referrals/analyticsContract.js';
import {
  createShareBodySchema,
  creatorRoute,
  memberRoute,
  myMemberQuerySchema,
  myMemberRoute,
  putCreatorBodySchema,
  putMemberBodySchema,
  referralCodeAlphabet,
  referralCodeLength,
  sharesRoute,
  type Member,
} from '../../src/referrals/contract.js';
import {
  conversionsRoute,
  fraudReviewRoute,
  fraudReviewsQuerySchema,
  fraudReviewsRoute,
  recordConversionBodySchema,
  reviewDecisionBodySchema,
  type Conversion,
} from '../../src/referrals/conversionContract.js';
import { normalizeEmail } from '../../src/referrals/normalizeEmail.js';
import { errorCodes } from '../../src/shared/errors.js';
import { hashString } from '../../src/shared/random.js';
import { errorResponse, validationErrorResponse } from '../shared/errorResponses.js';
import { jsonWithEtag } from '../shared/etag.js';
import { readMockJsonBody } from '../shared/readMockJsonBody.js';
import { mockConversionRisk } from './mockRisk.js';
import {
  deriveCreatorAnalytics,
  deriveMemberStats,
  deriveReferrersBoard,
  deriveShareAnalytics,
} from './analytics.js';
import {
  commissionOf,
  createReferralWorld,
  referralPublicUrl,
  trackedShareUrl,
  type RecordedConversion,
  type ReferralWorld,
} from './fixtures.js';

/** Which referral data the mocks serve: the fixture members, or none (not a member: 404). */
export type ReferralScenarioName = 'success' | 'empty';

export interface ReferralHandlersContext {
  /** The API base, relative (`/api`) or absolute, without a trailing slash. */
  baseUrl: string;
  /** Read on every request, so it can switch. @default () => 'success' */
  scenario?: () => ReferralScenarioName;
  /** Latency and failure scenarios shared with the other handlers; a Response ends the request. */
  throttle?: () => Promise<Response | undefined>;
  /** "Now": the seeded 30 days of activity end here, and new records are stamped with it. @default the real clock */
  clock?: () => Date;
}

export interface ReferralHandlers {
  handlers: RequestHandler[];
  /** The current scenario's world (created on first use): read the recorded shares. */
  world(): ReferralWorld;
  reset(): void;
}

/**
 * The referral routes answering like the server. User routes (`GET /members/me`, `POST /shares`)
 * need a user token (401 without one; the mocks take the bearer token as the user id), 404 for an
 * unknown member or a user who is not a member, 403 for another user's member, 400 naming the
 * field. A member's stats and share analytics take the member's own token or an API key
 * (`x-api-key`). The API-key routes (`PUT /creators/:id`, `PUT /members/:id`, `POST /conversions`,
 * the fraud reviews, a creator's analytics and referrers board) take any `x-api-key` or bearer
 * token, as the other mocks do: a browser prototype has no key to send.
 *
 * `POST /conversions` attributes by click or code and is idempotent by `conversionId` (the same
 * body answers the first result, another body a 409); it is scored by the core's fraud rules on
 * the facts the mocks have (see `mockConversionRisk`: no IPs or devices). Seeded flagged
 * conversions fill the review queue.
 */
export function createReferralHandlers(context: ReferralHandlersContext): ReferralHandlers {
  const scenario = context.scenario ?? (() => 'success' as const);
  let worlds = new Map<ReferralScenarioName, ReferralWorld>();
  const clock = context.clock ?? (() => new Date());
  const world = () => {
    const name = scenario();
    let found = worlds.get(name);
    if (!found) worlds.set(name, (found = createReferralWorld({ empty: name === 'empty', now: clock() })));
    return found;
  };
  const base = context.baseUrl;
  /** Throttle, then the member's own token or an API key: the member, or the Response that ends it. */
  const memberReader = async (request: Request, id: string): Promise<Member | Response> => {
    const early = (await context.throttle?.()) ?? (hasApiKey(request) ? null : userOf(request));
    if (early instanceof Response) return early;
    const found = world().members.get(id);
    if (!found) return errorResponse(404, errorCodes.notFound, `No member "${id}"`);
    if (early !== null && found.userId !== early)
      return errorResponse(
        403,
        errorCodes.forbidden,
        "Only the member themselves (or the API key) can read a member's analytics",
      );
    return found;
  };
  const keyed = async (request: Request): Promise<Response | undefined> =>
    (await context.throttle?.()) ?? denyWithoutKey(request);
  const handlers = [
    http.get(`${context.baseUrl}${myMemberRoute}`, async ({ request }) => {
      const early = (await context.throttle?.()) ?? userOf(request);
      if (early instanceof Response) return early;
      const parsed = myMemberQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) return validationErrorResponse(parsed.error.issues);
      const { creatorId } = parsed.data;
      const mine = [...world().members.values()].find((m) => m.creatorId === creatorId && m.userId === early);
      if (!mine)
        return errorResponse(404, errorCodes.notFound, `You are not a member of creator "${creatorId}"`);
      return HttpResponse.json(mine);
    }),
    http.post(`${context.baseUrl}${sharesRoute}`, async ({ request }) => {
      const early = (await context.throttle?.()) ?? userOf(request);
      if (early instanceof Response) return early;
      const read = await readMockJsonBody(request);
      if (read instanceof Response) return read;
      const parsed = createShareBodySchema.safeParse(read.value);
      if (!parsed.success) return validationErrorResponse(parsed.error.issues);
      const body = parsed.data;
      const member = world().members.get(body.memberId);
      if (!member) return errorResponse(404, errorCodes.notFound, `No member "${body.memberId}"`);
      if (member.userId !== early)
        return errorResponse(403, errorCodes.forbidden, 'Only the member themselves can share their link');
      const shares = world().shares;
      // Numbered apart from the seeded shares (`sh_alice_3`), so the first recorded one is `sh_1`.
      const shareId = `sh_${shares.filter((recorded) => /^sh_\d+$/.test(recorded.shareId)).length + 1}`;
      const share = {
        shareId,
        platform: body.platform,
        url: trackedShareUrl(member, body.platform, shareId),
      };
      shares.push({
        ...share,
        memberId: member.id,
        ...(body.templateId ? { templateId: body.templateId } : {}),
        createdAt: clock().toISOString(),
      });
      return HttpResponse.json(share, { status: 201 });
    }),
    http.get(`${base}${memberStatsRoute}`, async ({ request, params }) => {
      const found = await memberReader(request, String(params.id));
      if (found instanceof Response) return found;
      return HttpResponse.json(deriveMemberStats(world(), found.id));
    }),
    http.get(`${base}${shareAnalyticsRoute}`, async ({ request, params }) => {
      const found = await memberReader(request, String(params.id));
      if (found instanceof Response) return found;
      const parsed = shareAnalyticsQuerySchema.safeParse(
        Object.fromEntries(new URL(request.url).searchParams),
      );
      if (!parsed.success) return validationErrorResponse(parsed.error.issues);
      return HttpResponse.json(deriveShareAnalytics(world(), found.id, parsed.data.timeZone ?? 'UTC'));
    }),
    http.get(`${base}${creatorAnalyticsRoute}`, async ({ request, params }) => {
      const early = await keyed(request);
      if (early) return early;
      const id = String(params.id);
      if (!world().creators.has(id)) return errorResponse(404, errorCodes.notFound, `No creator "${id}"`);
      return HttpResponse.json(deriveCreatorAnalytics(world(), id));
    }),
    http.get(`${base}${referrersLeaderboardRoute}`, async ({ request, params }) => {
      const early = await keyed(request);
      if (early) return early;
      const id = String(params.id);
      const parsed = referrersLeaderboardQuerySchema.safeParse(
        Object.fromEntries(new URL(request.url).searchParams),
      );
      if (!parsed.success) return validationErrorResponse(parsed.error.issues);
      if (!world().creators.has(id)) return errorResponse(404, errorCodes.notFound, `No creator "${id}"`);
      return jsonWithEtag(request, deriveReferrersBoard(world(), id, parsed.data), {
        'Cache-Control': 'no-cache',
      });
    }),
    http.put(`${base}${creatorRoute}`, async ({ request, params }) => {
      const early = await keyed(request);
      if (early) return early;
      const read = await readMockJsonBody(request);
      if (read instanceof Response) return read;
      const parsed = putCreatorBodySchema.safeParse(read.value);
      if (!parsed.success) return validationErrorResponse(parsed.error.issues);
      const body = parsed.data;
      const id = String(params.id);
      const creators = world().creators;
      const before = creators.get(id);
      const now = clock().toISOString();
      const creator = {
        id,
        name: body.name,
        destinationUrl: body.destinationUrl,
        commission: body.commission,
        currency: body.currency ?? (body.commission.type === 'fixed' ? body.commission.currency : 'USD'),
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      creators.set(id, creator);
      return HttpResponse.json(creator, { status: before ? 200 : 201 });
    }),
    http.put(`${base}${memberRoute}`, async ({ request, params }) => {
      const early = await keyed(request);
      if (early) return early;
      const id = String(params.id);
      // Static `/members/me` is a user route; as a member id the word is refused, like the server.
      const read = await readMockJsonBody(request);
      if (read instanceof Response) return read;
      const parsed = putMemberBodySchema.safeParse(read.value);
      if (!parsed.success) return validationErrorResponse(parsed.error.issues);
      const body = parsed.data;
      if (!world().creators.has(body.creatorId))
        return errorResponse(404, errorCodes.notFound, `No creator "${body.creatorId}"`);
      const members = world().members;
      const before = members.get(id);
      if (before && (before.creatorId !== body.creatorId || before.userId !== body.userId))
        return errorResponse(409, errorCodes.conflict, "A member's creator and user never change");
      if (
        !before &&
        [...members.values()].some((m) => m.creatorId === body.creatorId && m.userId === body.userId)
      )
        return errorResponse(
          409,
          errorCodes.conflict,
          `User "${body.userId}" is already a member of "${body.creatorId}"`,
        );
      const now = clock().toISOString();
      const referralCode = before?.referralCode ?? newReferralCode(id, members);
      const saved: Member = {
        id,
        creatorId: body.creatorId,
        userId: body.userId,
        displayName: body.displayName === undefined ? (before?.displayName ?? null) : body.displayName,
        referralCode,
        referralLink: `${referralPublicUrl}/r/${referralCode}`,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      members.set(id, saved);
      return HttpResponse.json(saved, { status: before ? 200 : 201 });
    }),
    http.post(`${base}${conversionsRoute}`, async ({ request }) => {
      const early = await keyed(request);
      if (early) return early;
      const read = await readMockJsonBody(request);
      if (read instanceof Response) return read;
      const parsed = recordConversionBodySchema.safeParse(read.value);
      if (!parsed.success) return validationErrorResponse(parsed.error.issues);
      const body = parsed.data;
      const w = world();
      const requestJson = JSON.stringify(body);
      const existing = w.conversions.find((c) => c.conversionId === body.conversionId);
      if (existing) {
        if (existing.requestJson !== requestJson)
          return errorResponse(
            409,
            errorCodes.conflict,
            `Conversion "${body.conversionId}" was recorded with another body`,
          );
        return HttpResponse.json(publicConversion(existing));
      }
      const click = body.clickId ? w.clicks.find((c) => c.clickId === body.clickId) : undefined;
      if (body.clickId && !click)
        return errorResponse(422, errorCodes.invalidRequest, `No click "${body.clickId}"`, {
          clickId: ['must be a click id a referral link gave'],
        });
      const member = click
        ? w.members.get(click.memberId)
        : [...w.members.values()].find((m) => m.referralCode === body.referralCode);
      if (!member)
        return errorResponse(
          422,
          errorCodes.invalidRequest,
          `No member has the code "${body.referralCode}"`,
          { referralCode: ['must be a member’s referral code'] },
        );
      const creator = w.creators.get(member.creatorId)!;
      if (body.currency !== creator.currency)
        return validationErrorResponse([
          {
            code: 'custom',
            path: ['currency'],
            message: `must be ${creator.currency}, the creator's currency`,
          },
        ]);
      const now = clock().toISOString();
      const occurredAt = body.occurredAt ?? now;
      const risk = mockConversionRisk(w, member, click, body.referee, new Date(occurredAt));
      const recorded: RecordedConversion = {
        conversionId: body.conversionId,
        creatorId: creator.id,
        memberId: member.id,
        clickId: click?.clickId ?? null,
        shareId: click?.shareId ?? null,
        platform: click?.platform ?? null,
        amount: { amount: body.amount, currency: creator.currency },
        commission: { amount: commissionOf(creator, body.amount), currency: creator.currency },
        ...risk,
        review: null,
        occurredAt,
        createdAt: now,
        reversedAt: null,
        refereeUserId: body.referee.userId ?? body.referee.email ?? null,
        refereeEmail: body.referee.email === undefined ? undefined : normalizeEmail(body.referee.email),
        requestJson,
      };
      w.conversions.push(recorded);
      return HttpResponse.json(publicConversion(recorded), { status: 201 });
    }),
    http.get(`${base}${fraudReviewsRoute}`, async ({ request }) => {
      const early = await keyed(request);
      if (early) return early;
      const parsed = fraudReviewsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) return validationErrorResponse(parsed.error.issues);
      const { creatorId, limit, offset } = parsed.data;
      const queue = world()
        .conversions.filter((c) => c.status === 'flagged' && (!creatorId || c.creatorId === creatorId))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return HttpResponse.json({
        reviews: queue.slice(offset, offset + limit).map(publicConversion),
        total: queue.length,
        offset,
        limit,
      });
    }),
    http.post(`${base}${fraudReviewRoute}`, async ({ request, params }) => {
      const early = await keyed(request);
      if (early) return early;
      const read = await readMockJsonBody(request);
      if (read instanceof Response) return read;
      const parsed = reviewDecisionBodySchema.safeParse(read.value);
      if (!parsed.success) return validationErrorResponse(parsed.error.issues);
      const id = String(params.conversionId);
      const found = world().conversions.find((c) => c.conversionId === id);
      if (!found) return errorResponse(404, errorCodes.notFound, `No conversion "${id}"`);
      if (found.status !== 'flagged')
        return errorResponse(
          409,
          errorCodes.conflict,
          `Conversion "${id}" is ${found.status}, not waiting for review`,
        );
      const { decision, reviewer, note } = parsed.data;
      found.review = {
        decision,
        reviewer: reviewer ?? null,
        note: note ?? null,
        decidedAt: clock().toISOString(),
      };
      found.status = decision === 'approve' ? 'approved' : 'rejected';
      // A rejected conversion earns nothing; an approved one releases the held commission.
      if (decision === 'reject') found.commission = { ...found.commission, amount: 0 };
      return HttpResponse.json(publicConversion(found));
    }),
  ];
  return { handlers, world, reset: () => (worlds = new Map()) };
}

/** A conversion as the API answers it (without what the mocks keep for themselves). */
function publicConversion(recorded: RecordedConversion): Conversion {
  const { refereeUserId: _referee, requestJson: _request, ...conversion } = recorded;
  return conversion;
}

/** A new 8-character code from the member id, in the code alphabet, never one already taken. */
function newReferralCode(id: string, members: Map<string, Member>): string {
  const taken = new Set([...members.values()].map((m) => m.referralCode));
  for (let attempt = 0; ; attempt++) {
    let n = hashString(`${id}:${attempt}`);
    let code = '';
    for (let i = 0; i < referralCodeLength; i++) {
      code += referralCodeAlphabet[n % referralCodeAlphabet.length];
      n = Math.floor(n / referralCodeAlphabet.length) + hashString(`${code}${i}`);
    }
    if (!taken.has(code)) return code;
  }
}

const hasApiKey = (request: Request) => Boolean(request.headers.get('x-api-key')?.trim());

/** 401 unless the request carries a key (`x-api-key` or a bearer token): the mocks take any. */
function denyWithoutKey(request: Request): Response | undefined {
  if (hasApiKey(request) || /^Bearer\s+\S+\s*$/i.test(request.headers.get('authorization') ?? ''))
    return undefined;
  return errorResponse(
    401,
    errorCodes.unauthorized,
    'Missing or wrong API key: send it as "x-api-key" or "Authorization: Bearer <key>"',
  );
}

/** The bearer token (the user id in the mocks), or the server's 401 without one. */
function userOf(request: Request): string | Response {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (match) return match[1]!;
  return errorResponse(
    401,
    errorCodes.unauthorized,
    'Sign in: send the user token as "Authorization: Bearer <token>"',
  );
}

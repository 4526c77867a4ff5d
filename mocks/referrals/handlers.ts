import { http, HttpResponse, type RequestHandler } from 'msw';
import {
  createShareBodySchema,
  myMemberQuerySchema,
  myMemberRoute,
  sharesRoute,
} from '../../src/referrals/contract.js';
import { errorCodes } from '../../src/shared/errors.js';
import { errorResponse, validationErrorResponse } from '../shared/errorResponses.js';
import { readMockJsonBody } from '../shared/readMockJsonBody.js';
import { createReferralWorld, trackedShareUrl, type ReferralWorld } from './fixtures.js';

/** Which referral data the mocks serve: the fixture members, or none (not a member: 404). */
export type ReferralScenarioName = 'success' | 'empty';

export interface ReferralHandlersContext {
  /** The API base, relative (`/api`) or absolute, without a trailing slash. */
  baseUrl: string;
  /** Read on every request, so it can switch. @default () => 'success' */
  scenario?: () => ReferralScenarioName;
  /** Latency and failure scenarios shared with the other handlers; a Response ends the request. */
  throttle?: () => Promise<Response | undefined>;
}

export interface ReferralHandlers {
  handlers: RequestHandler[];
  /** The current scenario's world (created on first use): read the recorded shares. */
  world(): ReferralWorld;
  reset(): void;
}

/**
 * `GET /members/me` and `POST /shares` answering like the server: a user token is required (401
 * without one; the mocks take the bearer token as the user id), 404 for an unknown member or a
 * user who is not a member, 403 for another user's member, 400 naming the field.
 */
export function createReferralHandlers(context: ReferralHandlersContext): ReferralHandlers {
  const scenario = context.scenario ?? (() => 'success' as const);
  let worlds = new Map<ReferralScenarioName, ReferralWorld>();
  const world = () => {
    const name = scenario();
    let found = worlds.get(name);
    if (!found) worlds.set(name, (found = createReferralWorld({ empty: name === 'empty' })));
    return found;
  };
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
      const shareId = `sh_${shares.length + 1}`;
      const share = {
        shareId,
        platform: body.platform,
        url: trackedShareUrl(member, body.platform, shareId),
      };
      shares.push({
        ...share,
        memberId: member.id,
        ...(body.templateId ? { templateId: body.templateId } : {}),
      });
      return HttpResponse.json(share, { status: 201 });
    }),
  ];
  return { handlers, world, reset: () => (worlds = new Map()) };
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

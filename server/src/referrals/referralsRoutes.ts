import {
  createShareBodySchema,
  creatorIdSchema,
  creatorRoute,
  errorCodes,
  isShareChannel,
  memberIdSchema,
  memberRoute,
  myMemberQuerySchema,
  myMemberRoute,
  putCreatorBodySchema,
  putMemberBodySchema,
  referralCodePattern,
  referralRedirectRoute,
  sharesRoute,
  type Member,
  type Share,
} from 'podium-kit/core';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { requireApiKey, requireUser } from '../auth/guards.js';
import { HttpError } from '../errors.js';
import type { AppEnv } from '../http/AppEnv.js';
import { clientIp } from '../http/clientIp.js';
import { parsePathParam } from '../http/pathParam.js';
import { readJsonBody } from '../http/readJsonBody.js';
import type { Logger } from '../logger.js';
import type { AnalyticsCache } from './analytics/analyticsCache.js';
import { hashGivenIp } from './refereeHashes.js';
import { hashIp, isBotUserAgent } from './referralSecret.js';
import type { ReferralsStore, StoredMember } from './referralsStore.js';
import type { UserTokenVerifier } from '../auth/userTokens.js';

/** Options of {@link createReferralsRoutes}. */
export interface ReferralsRoutesOptions {
  store: ReferralsStore;
  apiKey: string | undefined;
  /** The app's user-token verifier. */
  userTokens: UserTokenVerifier;
  now: () => Date;
  logger: Pick<Logger, 'warn'>;
  /** Where the API is mounted (`/api`): links are `<publicUrl><basePath>/r/<code>`. */
  basePath: string;
  /** `PODIUM_PUBLIC_URL`; without it, the origin the request reached. */
  publicUrl: string | undefined;
  /** `PODIUM_REFERRAL_FALLBACK_URL`: where unknown codes go; without it, a 404 page. */
  fallbackUrl: string | undefined;
  /** Lifetime of the `podium_ref` cookie (`PODIUM_REFERRAL_COOKIE_DAYS`). */
  cookieDays: number;
  /** The key of the IP hashes (see `createReferralSecret`). */
  secret: () => Promise<string>;
  trustProxy: boolean;
  /** Made stale by the share and counted-click writes (the member's live counts change). */
  analyticsCache?: AnalyticsCache | undefined;
}

/** The name of the attribution cookie set on Podium's origin by `GET /r/:code`. */
export const referralCookieName = 'podium_ref';

const maxUserAgentLength = 512;

/** The user agent as stored: control characters dropped, at most 512 characters. */
function userAgentOf(c: Context): string | undefined {
  const raw = c.req.header('user-agent');
  if (!raw) return undefined;
  const clean = raw
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, maxUserAgentLength);
  return clean || undefined;
}

const notFoundPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link not found</title></head>' +
  '<body><h1>Link not found</h1><p>This referral link does not exist.</p></body></html>';

/**
 * The referral endpoints: creators and members (API key), the signed-in member's record and
 * tracked shares (user token), and the tracked link's redirect (public).
 */
/**
 * A `s=` share id worth looking up: printable ASCII, at most 64 long. Anything else (a NUL, which
 * Postgres refuses in text, or a mangled link) is ignored and the click still counts.
 */
const shareIdParamPattern = /^[\x21-\x7e]{1,64}$/;

export function createReferralsRoutes(options: ReferralsRoutesOptions): Hono<AppEnv> {
  const { store, apiKey, userTokens, now, basePath, fallbackUrl, trustProxy } = options;
  const routes = new Hono<AppEnv>();
  const apiKeyOnly = requireApiKey(apiKey);
  const user = requireUser(userTokens);
  const currentSecret = options.secret;
  const ipHashOf = async (ip: string) => hashIp(await currentSecret(), ip);

  const linkBase = (c: Context) =>
    `${(options.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '')}${basePath}`;
  const withLink = (c: Context, member: StoredMember): Member => ({
    ...member,
    referralLink: `${linkBase(c)}/r/${member.referralCode}`,
  });

  routes.put(creatorRoute, apiKeyOnly, async (c) => {
    const id = parsePathParam(creatorIdSchema, 'id', c.req.param('id'), 'Invalid creator id');
    const body = putCreatorBodySchema.parse(await readJsonBody(c));
    const { creator, created } = await store.putCreator(id, body, now());
    return c.json(creator, created ? 201 : 200);
  });

  // Registered before `/members/:id` (which has no GET): `me` is refused as a member id anyway.
  routes.get(myMemberRoute, user, async (c) => {
    const { creatorId } = myMemberQuerySchema.parse(c.req.query());
    const member = await store.getMemberOfUser(creatorId, c.var.userId);
    if (!member) {
      throw new HttpError(404, errorCodes.notFound, `You are not a member of creator "${creatorId}"`);
    }
    return c.json(withLink(c, member));
  });

  routes.put(memberRoute, apiKeyOnly, async (c) => {
    const id = parsePathParam(memberIdSchema, 'id', c.req.param('id'), 'Invalid member id');
    const body = putMemberBodySchema.parse(await readJsonBody(c));
    const at = now();
    const { member, created } = await store.putMember(
      id,
      { creatorId: body.creatorId, userId: body.userId, displayName: body.displayName ?? null },
      at,
    );
    if (body.signals) {
      await store.recordSignals(
        member.id,
        {
          // Keyed like the request-derived addresses (an IPv6 client is its /64), so they compare.
          ipHash:
            body.signals.ip === undefined ? undefined : hashGivenIp(await currentSecret(), body.signals.ip),
          fingerprint: body.signals.fingerprint,
          userAgent: body.signals.userAgent,
        },
        at,
      );
    }
    return c.json(withLink(c, member), created ? 201 : 200);
  });

  routes.post(sharesRoute, user, async (c) => {
    const body = createShareBodySchema.parse(await readJsonBody(c));
    const member = await store.getMember(body.memberId);
    if (!member) throw new HttpError(404, errorCodes.notFound, `No member "${body.memberId}"`);
    if (member.userId !== c.var.userId) {
      throw new HttpError(403, errorCodes.forbidden, 'Only the member themselves can share their link');
    }
    const at = now();
    // The member's own device, for the self-referral checks of later conversions.
    await store.recordSignals(
      member.id,
      {
        ipHash: await ipHashOf(clientIp(c, trustProxy)),
        fingerprint: body.fingerprint,
        userAgent: userAgentOf(c),
      },
      at,
    );
    const shareId = await store.createShare(member.id, body, at);
    await options.analyticsCache?.invalidate({ memberId: member.id, creatorId: member.creatorId });
    const search = new URLSearchParams({ p: body.platform, s: shareId });
    const share: Share = {
      shareId,
      platform: body.platform,
      url: `${linkBase(c)}/r/${member.referralCode}?${search}`,
    };
    return c.json(share, 201);
  });

  // Public: a visitor's browser follows it. Never redirects to a URL taken from the request.
  routes.get(referralRedirectRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const code = c.req.param('code').toUpperCase();
    const platform = c.req.query('p');
    const shareId = c.req.query('s');
    const userAgent = userAgentOf(c);
    const click = referralCodePattern.test(code)
      ? await store.recordClick(
          {
            code,
            platform: isShareChannel(platform) ? platform : undefined,
            shareId: shareId && shareIdParamPattern.test(shareId) ? shareId : undefined,
            ipHash: await ipHashOf(clientIp(c, trustProxy)),
            userAgent,
            // A HEAD is a link checker or previewer, never a visitor following the link.
            isBot: c.req.method === 'HEAD' || isBotUserAgent(userAgent),
          },
          now(),
        )
      : null;
    if (click?.counted) await options.analyticsCache?.invalidate({ memberId: click.memberId });
    if (!click) {
      if (fallbackUrl) return c.redirect(fallbackUrl, 302);
      // A browser (a visitor) gets a plain page; an API client the one error shape.
      if ((c.req.header('accept') ?? '').includes('text/html')) return c.html(notFoundPage, 404);
      throw new HttpError(404, errorCodes.notFound, 'No referral link with this code');
    }
    setCookie(c, referralCookieName, click.clickId, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: Math.round(options.cookieDays * 86_400),
      secure: new URL(options.publicUrl ?? c.req.url).protocol === 'https:',
    });
    const destination = new URL(click.destinationUrl);
    destination.searchParams.set('ref', code);
    destination.searchParams.set('click', click.clickId);
    return c.redirect(destination.toString(), 302);
  });

  return routes;
}

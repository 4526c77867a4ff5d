import {
  createShareBodySchema,
  creatorIdSchema,
  creatorRoute,
  creatorSchema,
  memberIdSchema,
  memberRoute,
  memberSchema,
  myMemberQuerySchema,
  myMemberRoute,
  putCreatorBodySchema,
  putMemberBodySchema,
  referralRedirectRoute,
  shareChannels,
  shareSchema,
  sharesRoute,
} from 'podium-kit/core';
import * as z from 'zod/mini';
import type { OpenApiRoute } from '../http/openapi/OpenApiRoute.js';

const creator = {
  id: 'acme',
  name: 'Acme',
  destinationUrl: 'https://acme.example/signup',
  commission: { type: 'percent', value: 10 },
  currency: 'USD',
  createdAt: '2026-11-01T09:30:00.000Z',
  updatedAt: '2026-11-01T09:30:00.000Z',
};
const member = {
  id: 'm_alice',
  creatorId: 'acme',
  userId: 'u_alice',
  displayName: 'Alice',
  referralCode: 'K7M2Q9XB',
  referralLink: 'https://podium.example/api/r/K7M2Q9XB',
  createdAt: '2026-11-02T09:30:00.000Z',
  updatedAt: '2026-11-02T09:30:00.000Z',
};

/** The routes of `referralsRoutes.ts`: creators, members, shares and the tracked link. */
export const referralsOpenApi: readonly OpenApiRoute[] = [
  {
    method: 'put',
    path: creatorRoute,
    summary: 'Create or update a creator',
    description:
      'A creator runs a referral programme: where referred visitors land and the commission members earn.',
    auth: ['apiKey'],
    pathParams: { id: { schema: creatorIdSchema } },
    body: {
      schema: putCreatorBodySchema,
      example: {
        name: 'Acme',
        destinationUrl: 'https://acme.example/signup',
        commission: { type: 'percent', value: 10 },
      },
    },
    responses: {
      200: { description: 'Updated', schema: creatorSchema, example: creator },
      201: { description: 'Created', schema: creatorSchema, example: creator },
    },
  },
  {
    method: 'get',
    path: myMemberRoute,
    summary: "The signed-in user's membership of a creator",
    description: 'With the referral code and the absolute referral link; 404 when the user is not a member.',
    auth: ['user'],
    query: myMemberQuerySchema,
    responses: { 200: { description: 'The membership', schema: memberSchema, example: member } },
    errors: [404],
  },
  {
    method: 'put',
    path: memberRoute,
    summary: 'Create or update a member',
    description:
      'Makes a user a referrer of a creator, with a stable referral code. `signals` (IP, fingerprint, user agent) feed the fraud rules; IPs are stored hashed.',
    auth: ['apiKey'],
    pathParams: { id: { schema: memberIdSchema } },
    body: {
      schema: putMemberBodySchema,
      example: { creatorId: 'acme', userId: 'u_alice', displayName: 'Alice' },
    },
    responses: {
      200: { description: 'Updated', schema: memberSchema, example: member },
      201: { description: 'Created', schema: memberSchema, example: member },
    },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: sharesRoute,
    summary: 'Track a share',
    description:
      "Records that the signed-in member shared their link on a platform and answers the link to share (it carries the share's id).",
    auth: ['user'],
    body: {
      schema: createShareBodySchema,
      example: { memberId: 'm_alice', platform: 'x', templateId: 'launch' },
    },
    responses: {
      201: {
        description: 'The tracked share',
        schema: shareSchema,
        example: {
          shareId: 'shr_8f2k1',
          platform: 'x',
          url: 'https://podium.example/api/r/K7M2Q9XB?p=x&s=shr_8f2k1',
        },
      },
    },
    errors: [403, 404],
  },
  {
    method: 'get',
    path: referralRedirectRoute,
    summary: 'Follow a referral link',
    description:
      "Public: a visitor's browser follows it. Counts the click (bots and `HEAD` are not counted), sets the `podium_ref` cookie and redirects to the creator's destination with `ref` and `click` added. An unknown code redirects to `PODIUM_REFERRAL_FALLBACK_URL` when set, else answers 404 (an HTML page to browsers). `p` and `s` attribute the click to a platform and a tracked share (ignored when malformed, never an error).",
    pathParams: { code: { description: 'The 8-character referral code (case-insensitive)' } },
    // The handler reads these leniently, without a contract schema: a link must never fail.
    query: z.object({
      p: z.optional(z.enum(shareChannels)),
      s: z.optional(z.string().check(z.maxLength(64))),
    }),
    responses: {
      302: {
        description: 'To the destination (or the fallback URL)',
        headers: {
          Location: 'The destination, e.g. `https://acme.example/signup?ref=K7M2Q9XB&click=clk_…`',
          'Set-Cookie': '`podium_ref`: the click id',
        },
      },
    },
    errors: [404],
    lenientInput: true,
  },
];

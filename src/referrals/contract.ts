import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { requiredFieldError } from '../shared/errors.js';
import { hasUnsafeCharacter, printableTextSchema, userIdSchema } from '../shared/text.js';

/**
 * Referral sharing (issue 12, design note 004): a host registers its creators (communities) and
 * their members (API key); a signed-in member asks for their referral link and tracked share
 * links (user token); visitors follow `GET /r/:code` to the creator's destination. Relative to
 * the API base path.
 */
export const creatorRoute = '/creators/:id';
export const memberRoute = '/members/:id';
/** Static, so it wins over `/members/:id`; `me` is refused as a member id. */
export const myMemberRoute = '/members/me';
export const sharesRoute = '/shares';
/** The tracked link a share carries: records the click and redirects (302). */
export const referralRedirectRoute = '/r/:code';

/** Words of the static `/members/...` paths: never member ids. */
export const reservedMemberWords = ['me'] as const;

/** Creator and member ids: 1 to 128 of letters, digits and `_ . : @ -`. */
export const referralIdPattern = /^[A-Za-z0-9_.:@-]{1,128}$/;
const referralIdMessage = 'must be 1 to 128 letters, digits or _ . : @ -';

export const creatorIdSchema = /* @__PURE__ */ defineSchema(() =>
  z.string({ error: requiredFieldError }).check(z.regex(referralIdPattern, referralIdMessage)),
);

export const memberIdSchema = /* @__PURE__ */ defineSchema(() =>
  z.string({ error: requiredFieldError }).check(
    z.regex(referralIdPattern, referralIdMessage),
    z.refine(
      (value) => !(reservedMemberWords as readonly string[]).includes(value),
      `must not be one of the reserved words ${reservedMemberWords.join(', ')}`,
    ),
  ),
);

/**
 * Referral codes: 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L), so a code read
 * aloud or typed from a poster is typed right.
 */
export const referralCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const referralCodeLength = 8;
export const referralCodePattern = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

/**
 * Where a share was made: the eight share platforms, or copied, shown as a QR code, shared
 * natively. Written out like the lists in platforms.ts (a literal a bundler can drop); a test
 * holds it equal to `sharePlatforms` plus the three.
 */
export const shareChannels = [
  'x',
  'facebook',
  'linkedin',
  'whatsapp',
  'telegram',
  'reddit',
  'email',
  'sms',
  'copy',
  'qr',
  'native',
] as const;
export type ShareChannel = (typeof shareChannels)[number];

/** True when `value` names a share channel (a platform of `POST /shares` and `?p=`). */
export function isShareChannel(value: unknown): value is ShareChannel {
  return (shareChannels as readonly unknown[]).includes(value);
}

/** An http(s) URL of at most 2048 characters without control characters. */
const httpUrlSchema = () =>
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).check(
    z.maxLength(2048, 'must be at most 2048 characters'),
    // The URL parser accepts (and escapes) some control characters; the stored string keeps them.
    z.refine((value) => !hasUnsafeCharacter(value), 'must not contain control characters'),
  );

/** An ISO 4217 currency code such as `USD`. */
export const currencyCodeSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .string({ error: requiredFieldError })
    .check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as USD')),
);

/** A click's id (`clk_…`): what a referral link's redirect adds as `click` and the cookie holds. */
export const clickIdSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .string({ error: requiredFieldError })
    .check(z.regex(/^clk_[A-Za-z0-9_-]{1,60}$/, 'must be a click id such as clk_…')),
);

/** A commission of a share of the sale, in percent. */
export const percentCommissionSchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    type: z.literal('percent'),
    value: z
      .number({ error: requiredFieldError })
      .check(
        z.refine(Number.isFinite, 'must be a finite number'),
        z.minimum(0, 'must be at least 0'),
        z.maximum(100, 'must be at most 100'),
      ),
  }),
);

/** A fixed commission per conversion, in an ISO 4217 currency. */
export const fixedCommissionSchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    type: z.literal('fixed'),
    amount: z
      .number({ error: requiredFieldError })
      .check(
        z.refine(Number.isFinite, 'must be a finite number'),
        z.minimum(0, 'must be at least 0'),
        z.maximum(1_000_000_000, 'must be at most 1000000000'),
      ),
    currency: currencyCodeSchema,
  }),
);

/** The creator's commission rule: `{ type: "percent", value }` or `{ type: "fixed", amount, currency }`. */
export const commissionSchema = /* @__PURE__ */ defineSchema(() =>
  z.discriminatedUnion('type', [percentCommissionSchema, fixedCommissionSchema], {
    error: 'must be { type: "percent", value } or { type: "fixed", amount, currency }',
  }),
);
export type Commission = z.infer<typeof commissionSchema>;

/** Body of `PUT /creators/:id` (API key): the whole creator (a PUT replaces). */
export const putCreatorBodySchema = /* @__PURE__ */ defineSchema(() =>
  z
    .strictObject({
      name: printableTextSchema(100),
      /** Where a referral link lands; its own query is kept, `ref` and `click` are added. */
      destinationUrl: httpUrlSchema(),
      commission: commissionSchema,
      /**
       * The currency of the creator's sales and commissions (ISO 4217); conversions in another one
       * are refused. Defaults to a fixed commission's currency, else USD.
       */
      currency: z.optional(currencyCodeSchema),
    })
    .check(
      z.superRefine((body, ctx) => {
        const { commission, currency } = body;
        if (commission.type === 'fixed' && currency !== undefined && currency !== commission.currency) {
          ctx.issues.push({
            code: 'custom',
            message: `must be ${currency}, the creator's currency`,
            path: ['commission', 'currency'],
            input: body,
          });
        }
      }),
    ),
);
export type PutCreatorBody = z.input<typeof putCreatorBodySchema>;

export const creatorSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    destinationUrl: z.string(),
    commission: commissionSchema,
    currency: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);
export type Creator = z.infer<typeof creatorSchema>;

/**
 * What a host saw of a member's own device, for the self-referral checks: the IP address, a
 * device fingerprint and the user agent. Podium also learns them from the member's own requests.
 */
export const memberSignalsSchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    ip: z.optional(
      z
        .string({ error: 'must be a string' })
        .check(z.regex(/^[0-9A-Fa-f:.]{2,45}$/, 'must be an IPv4 or IPv6 address')),
    ),
    fingerprint: z.optional(printableTextSchema(256)),
    userAgent: z.optional(printableTextSchema(512)),
  }),
);
export type MemberSignals = z.infer<typeof memberSignalsSchema>;

/**
 * Body of `PUT /members/:id` (API key): a member is one user in one creator's community. The
 * referral code is made on the first PUT and kept; the creator and user of a member never change.
 */
export const putMemberBodySchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    creatorId: creatorIdSchema,
    userId: userIdSchema,
    displayName: z.optional(z.nullable(printableTextSchema(100))),
    signals: z.optional(memberSignalsSchema),
  }),
);
export type PutMemberBody = z.input<typeof putMemberBodySchema>;

export const memberSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    id: z.string(),
    creatorId: z.string(),
    userId: z.string(),
    displayName: z.nullable(z.string()),
    referralCode: z.string(),
    /** Absolute: `<PODIUM_PUBLIC_URL>/r/<code>`. */
    referralLink: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);
export type Member = z.infer<typeof memberSchema>;

/** Query of `GET /members/me` (user token): the signed-in user's member record in one community. */
export const myMemberQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({ creatorId: creatorIdSchema }),
);
export type MyMemberQuery = z.infer<typeof myMemberQuerySchema>;

/** Body of `POST /shares` (the member's own user token). */
export const createShareBodySchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    memberId: memberIdSchema,
    platform: z.enum(shareChannels, {
      error: `must be one of ${shareChannels.join(', ')}`,
    }),
    /** The message template shared, when one was. */
    templateId: z.optional(
      z
        .string({ error: 'must be a string' })
        .check(z.regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be 1 to 128 letters, digits or _ . : -')),
    ),
    /** What was shared (`link`, `message`, …), for the analytics. */
    shareType: z.optional(
      z
        .string({ error: 'must be a string' })
        .check(z.regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be 1 to 32 lower-case letters, digits, _ or -')),
    ),
    /** The member's device fingerprint, for the self-referral checks. */
    fingerprint: z.optional(printableTextSchema(256)),
  }),
);
export type CreateShareBody = z.input<typeof createShareBodySchema>;

/** The answer of `POST /shares`: the absolute tracked link to share. */
export const shareSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    shareId: z.string(),
    platform: z.enum(shareChannels),
    /** `<PODIUM_PUBLIC_URL>/r/<code>?p=<platform>&s=<shareId>`. */
    url: z.string(),
  }),
);
export type Share = z.infer<typeof shareSchema>;

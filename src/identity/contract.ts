import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { isValidTimeZone } from '../shared/periods.js';
import { hasUnsafeCharacter, isUserId, maxUserIdLength, printableTextSchema } from '../shared/text.js';

/**
 * Identity: the host tells Podium who its users are (`PUT /users/:id`, API key) so that stats
 * can be asked for by user id, username or any of the user's wallet addresses, and so that a
 * user with several wallets gets one set of stats over all of them.
 */

/** `PUT` creates or replaces a user. Relative to the API base path; `:id` is the host's user id. */
export const userRoute = '/users/:id';

/** Ethereum address: `0x` + 40 hex digits, any case (addresses are compared lower-cased). */
export const addressPattern = /^0x[0-9a-fA-F]{40}$/;
/**
 * Usernames: letters, digits, `_`, `.`, `-`, 1 to 64 characters. Stricter than user ids (see
 * `userIdSchema`): a username is a public handle, shown and typed in URLs, while a user id is
 * whatever the host's identity provider issues.
 */
export const usernamePattern = /^[A-Za-z0-9_.-]{1,64}$/;
/** @deprecated User ids now follow `userIdSchema` (1 to 255 printable characters); this is {@link usernamePattern}. */
export const userHandlePattern = usernamePattern;
/** Most wallets one user may have. */
export const maxWalletsPerUser = 20;

/** True for a well-formed address. Checksum casing is not enforced: addresses match case-insensitively. */
export function isAddress(value: string): boolean {
  return addressPattern.test(value);
}

/** The canonical (lower-case) form of an address. */
export function normalizeAddress(value: string): string {
  return value.toLowerCase();
}

export const addressSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .string({ error: 'must be a string' })
    .check(
      z.regex(addressPattern, 'must be an address: 0x followed by 40 hexadecimal digits'),
      z.overwrite(normalizeAddress),
    ),
);

/**
 * Body of `PUT /users/:id`: the whole user (a PUT replaces; a field left out is cleared, and the
 * wallet list replaces the stored one). Unknown fields are rejected.
 */
export const putUserBodySchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    /** Unique, compared case-insensitively. A username that looks like an address is refused. */
    username: z.optional(
      z.nullable(
        z.string({ error: 'must be a string' }).check(
          z.regex(usernamePattern, 'must be a username of 1 to 64 letters, digits, "_", "." or "-"'),
          z.refine((value) => !value.toLowerCase().startsWith('0x'), 'must not start with "0x"'),
        ),
      ),
    ),
    displayName: z.optional(z.nullable(printableTextSchema(100))),
    avatarUrl: z.optional(
      z.nullable(
        z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).check(
          z.maxLength(2048, 'must be at most 2048 characters'),
          // The URL parser accepts (and escapes) some control characters; the stored string keeps them.
          z.refine((value) => !hasUnsafeCharacter(value), 'must not contain control characters'),
        ),
      ),
    ),
    /**
     * The user's IANA time zone (`Europe/Paris`): their streak days are counted in it. A PUT
     * replaces, so leaving it out sets UTC.
     */
    timeZone: z.optional(
      z
        .string({ error: 'must be a string' })
        .check(z.refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Paris or UTC')),
    ),
    /** Verified wallet addresses; each may belong to one user only. */
    wallets: z._default(
      z
        .array(addressSchema)
        .check(z.maxLength(maxWalletsPerUser, `must list at most ${maxWalletsPerUser} wallets`)),
      [],
    ),
  }),
);

export type PutUserBody = z.input<typeof putUserBodySchema>;

export const userSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    id: z.string(),
    username: z.nullable(z.string()),
    displayName: z.nullable(z.string()),
    avatarUrl: z.nullable(z.string()),
    /** IANA zone of the user's streak days (`UTC` unless set). */
    timeZone: z.optional(z.string()),
    /** Lower-case addresses, sorted. */
    wallets: z.array(z.string()),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);

export type User = z.infer<typeof userSchema>;

/** How an `:identifier` path segment reads. */
export type ParsedIdentifier =
  | { kind: 'address'; address: string }
  | { kind: 'handle'; handle: string }
  | { kind: 'invalid'; reason: string };

/**
 * Reads a stats `:identifier`: an address (any case), else a user id or username (the server
 * tries the id first, then the username). Anything else is malformed (a 400, not a 404).
 */
export function parseIdentifier(raw: string): ParsedIdentifier {
  const value = raw.trim();
  if (isAddress(value)) return { kind: 'address', address: normalizeAddress(value) };
  if (/^0x/i.test(value)) {
    return {
      kind: 'invalid',
      reason: 'looks like an address but is not 0x followed by 40 hexadecimal digits',
    };
  }
  if (isUserId(value)) return { kind: 'handle', handle: value };
  return {
    kind: 'invalid',
    reason: `must be a user id, a username or a wallet address (at most ${maxUserIdLength} characters, no control characters)`,
  };
}

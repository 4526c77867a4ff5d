import * as z from 'zod/mini';
import { defineSchema } from './defineSchema.js';
import { requiredFieldError } from './errors.js';

/**
 * The one grammar of text that reaches storage. Postgres refuses `\u0000` in text (a 500 if it
 * got that far), and control characters in an id, a name or a URL are never meant; an id also
 * needs a length bound before it reaches a btree index. Every id and text field of the
 * contracts is built from these, so the server and the mocks refuse the same input, with the
 * same message, before anything touches a database.
 */

/** C0 controls (NUL, tab, newline, ESC…), DEL and the C1 controls: Unicode's `Cc` category. */
export const controlCharacterPattern = /\p{Cc}/u;

/** True when `value` has a control character or an unpaired UTF-16 surrogate (not valid Unicode). */
export function hasUnsafeCharacter(value: string): boolean {
  return controlCharacterPattern.test(value) || /\p{Cs}/u.test(value);
}

/**
 * Longest host id (user ids, seller and viewer ids): 255 characters keeps a btree index row far
 * below Postgres's limit (about 2.7 kB) even at 4 bytes a character.
 */
export const maxUserIdLength = 255;

const noUnsafeCharacters = 'must not contain control characters';

/**
 * A string of printable text, trimmed, 1 to `max` characters, no control characters, valid
 * Unicode. Use it for every free-text field that is stored (display names, opaque ids).
 */
export function printableTextSchema(max: number) {
  // Only "is required" is set here (see requiredFieldError); `fieldErrorsFromIssues` words a
  // wrong type ("must be a string").
  return z.string({ error: requiredFieldError }).check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(max, `must be at most ${max} characters`),
    z.refine((value) => !hasUnsafeCharacter(value), noUnsafeCharacters),
  );
}

/**
 * True for a user id: 1 to {@link maxUserIdLength} printable characters with no space at either
 * end. Identity providers' ids (`auth0|65f…`, `user_2Nk…`, UUIDs, emails) all qualify.
 */
export function isUserId(value: string): boolean {
  return (
    value.length >= 1 &&
    value.length <= maxUserIdLength &&
    !hasUnsafeCharacter(value) &&
    value.trim() === value
  );
}

/**
 * A host's user id, wherever one is given: `PUT /users/:id`, a token's `sub`, seller and viewer
 * ids, `around`, `:id` path params. Opaque to Podium; only its length and characters are checked.
 */
export const userIdSchema = /* @__PURE__ */ defineSchema(() =>
  z.string({ error: requiredFieldError }).check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(maxUserIdLength, `must be at most ${maxUserIdLength} characters`),
    z.refine((value) => !hasUnsafeCharacter(value), noUnsafeCharacters),
    z.refine((value) => value.trim() === value, 'must not start or end with a space'),
  ),
);

// zod/mini: the same schemas as zod with functions instead of methods, so a bundle keeps only the
// parts of zod it uses (see "Bundle size" in the README and npm run budgets).
import * as z from 'zod/mini';
import { defineSchema } from './defineSchema.js';

/**
 * Every error the server returns has this one shape:
 * `{ "error": { "code", "message", "details"? } }`.
 * Validation failures carry `details.fields`: field path -> messages.
 */
export const errorBodySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.optional(
        z.catchall(z.object({ fields: z.optional(z.record(z.string(), z.array(z.string()))) }), z.unknown()),
      ),
    }),
  }),
);

export type ErrorBody = z.infer<typeof errorBodySchema>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True when `payload` matches {@link errorBodySchema}. The API client reads error bodies with
 * this check rather than the schema so that a browser bundle needs no zod (see "Bundle size" in
 * the README); a property test holds the two to the same answer.
 */
export function isErrorBody(payload: unknown): payload is ErrorBody {
  if (!isRecord(payload) || !isRecord(payload.error)) return false;
  const { code, message, details } = payload.error;
  if (typeof code !== 'string' || typeof message !== 'string') return false;
  if (details === undefined) return true;
  if (!isRecord(details)) return false;
  const { fields } = details;
  return (
    fields === undefined ||
    (isRecord(fields) &&
      Object.values(fields).every(
        (messages) => Array.isArray(messages) && messages.every((m) => typeof m === 'string'),
      ))
  );
}

/** Error codes the server uses. Hosts can switch on them; messages are for humans. */
export const errorCodes = {
  invalidRequest: 'invalid_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  internal: 'internal_error',
  unavailable: 'service_unavailable',
  rateLimited: 'rate_limited',
} as const;

export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

/** The parts of a zod issue the mapping below reads (kept structural so it works with any zod 4 error). */
interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
  expected?: string;
  values?: readonly unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  divisor?: number | bigint;
}

/**
 * The message of a field a caller left out: "is required". Pass it as the `error` of a schema
 * whose field may be missing (`z.string({ error: requiredFieldError })`; the ids and texts of
 * `text.ts` do). Only the issue as it is raised still has the `input`: zod/mini ships no English
 * messages (every issue reads "Invalid input" unless zod's locale is loaded), so once the issue
 * is finished nothing tells a missing field from a wrong type. Returns `undefined` (zod's own
 * message, worded by {@link friendlyIssueMessage}) for every other issue.
 */
export function requiredFieldError(issue: { code: string; input?: unknown }): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;
}

/**
 * Turns validation issues into `details.fields`: field path (`events[3].action`) -> messages. An unknown field
 * is named itself ("user_id": ["is not a known field"]) rather than reported on the whole body.
 * The server and the mocks both use this, so a host sees the same errors from either.
 *
 * Field names come from the request, so they are collected in a Map: a plain object indexed
 * with `constructor` or `__proto__` would reach its prototype. The result has own properties
 * only (`Object.fromEntries` defines them), so it serializes with every name, `__proto__` too.
 */
export function fieldErrorsFromIssues(issues: readonly IssueLike[]): Record<string, string[]> {
  const fields = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const key = path || 'body';
    const messages = fields.get(key) ?? [];
    if (!messages.includes(message)) messages.push(message);
    fields.set(key, messages);
  };
  for (const issue of issues) {
    const base = fieldPath(issue.path);
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, 'is not a known field');
    } else {
      add(base, friendlyIssueMessage(issue));
    }
  }
  return Object.fromEntries(fields);
}

/** A field path as a caller writes it: `events[3].action` (list indexes in brackets). */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text ? `.${String(segment)}` : String(segment);
  }
  return text;
}

/**
 * The message of one issue as a caller should read it ("must be a string"). A message a schema
 * set itself is kept; zod's own wording ("Invalid input: expected string, received number") is
 * replaced, from the issue's code, so every 400 reads alike. This is the one place that wording
 * is decided, for the server and the mocks.
 */
export function friendlyIssueMessage(issue: IssueLike): string {
  if (!isZodDefaultMessage(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return / received undefined$/.test(issue.message)
        ? 'is required'
        : (typeNames[issue.expected ?? ''] ?? 'has the wrong type');
    case 'invalid_value':
      return issue.values && issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of: ${(issue.values ?? []).map(String).join(', ')}`;
    case 'too_small':
      return boundMessage(issue, 'least');
    case 'too_big':
      return boundMessage(issue, 'most');
    case 'invalid_format':
      return formatNames[issue.format ?? ''] ?? 'is not in the expected format';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return 'is not a known field';
    default:
      return 'is not valid';
  }
}

/**
 * Zod 4's English messages all start like this, and so does zod/mini's "Invalid input" when no
 * locale is loaded; the schemas' own messages never do.
 */
function isZodDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized key|Expected|Required)\b/.test(message);
}

const typeNames: Record<string, string> = {
  string: 'must be a string',
  number: 'must be a number',
  int: 'must be a whole number',
  bigint: 'must be a whole number',
  boolean: 'must be true or false',
  object: 'must be a JSON object',
  array: 'must be a list',
  record: 'must be a JSON object',
  date: 'must be a date',
  null: 'must be null',
};

const formatNames: Record<string, string> = {
  url: 'must be a URL',
  email: 'must be an email address',
  uuid: 'must be a UUID',
  datetime: 'must be an ISO 8601 date and time with an offset',
  date: 'must be a date (YYYY-MM-DD)',
  regex: 'is not in the expected format',
};

function boundMessage(issue: IssueLike, side: 'least' | 'most'): string {
  const bound = side === 'least' ? issue.minimum : issue.maximum;
  const strict = issue.inclusive === false;
  switch (issue.origin) {
    case 'string':
      if (side === 'least' && Number(bound) === 1) return 'must not be empty';
      return `must be at ${side} ${String(bound)} characters`;
    case 'array':
    case 'set':
      if (side === 'least' && Number(bound) === 1) return 'must not be empty';
      return `must have at ${side} ${String(bound)} items`;
    default:
      if (strict) return `must be ${side === 'least' ? 'greater' : 'less'} than ${String(bound)}`;
      return `must be at ${side} ${String(bound)}`;
  }
}

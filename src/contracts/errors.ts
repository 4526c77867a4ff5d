// A namespace import lets bundlers drop the parts of zod Podium does not use (about 70 kB gz
// less than `import { z }`, which keeps the whole namespace object); see npm run budgets.
import * as z from 'zod';

/**
 * Every error the server returns has this one shape:
 * `{ "error": { "code", "message", "details"? } }`.
 * Validation failures carry `details.fields`: field path -> messages.
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .object({
        fields: z.record(z.string(), z.array(z.string())).optional(),
      })
      .catchall(z.unknown())
      .optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

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
}

/**
 * Turns validation issues into `details.fields`: dotted field path -> messages. An unknown field
 * is named itself ("user_id": ["is not a known field"]) rather than reported on the whole body.
 * The server and the mocks both use this, so a host sees the same errors from either.
 */
export function fieldErrorsFromIssues(issues: readonly IssueLike[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (path: string, message: string) => (fields[path || 'body'] ??= []).push(message);
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, 'is not a known field');
    } else {
      add(base, issue.message);
    }
  }
  return fields;
}

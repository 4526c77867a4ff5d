import { z } from 'zod';

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
} as const;

export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

import { fieldErrorsFromIssues } from 'podium-kit/core';
import type * as z from 'zod';
import { invalidRequest } from '../errors.js';

/**
 * Validates one path parameter with its contract schema, or throws a 400 naming it (`id`,
 * `identifier`…) with the same friendly messages as a body field. Path parameters arrive
 * percent-decoded, so `%00` is a NUL here and the schema refuses it before any query runs.
 */
export function parsePathParam<T extends z.ZodType>(
  schema: T,
  name: string,
  raw: string,
  message: string,
): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields = fieldErrorsFromIssues(
    result.error.issues.map((issue) => ({ ...issue, path: [name, ...issue.path] })),
  );
  throw invalidRequest(message, fields);
}

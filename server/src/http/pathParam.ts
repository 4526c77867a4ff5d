import { fieldErrorsFromIssues } from 'podium-kit/core';
import { safeParse, type $ZodType, type output } from 'zod/v4/core';
import { invalidRequest } from '../errors.js';

/**
 * Validates one path parameter with its contract schema, or throws a 400 naming it (`id`,
 * `identifier`…) with the same friendly messages as a body field. Path parameters arrive
 * percent-decoded, so `%00` is a NUL here and the schema refuses it before any query runs.
 */
export function parsePathParam<T extends $ZodType>(
  schema: T,
  name: string,
  raw: string,
  message: string,
): output<T> {
  // Any zod 4 schema: the shared contracts are zod/mini, the server's own ones classic zod.
  const result = safeParse(schema, raw);
  if (result.success) return result.data;
  const fields = fieldErrorsFromIssues(
    result.error.issues.map((issue) => ({ ...issue, path: [name, ...issue.path] })),
  );
  throw invalidRequest(message, fields);
}

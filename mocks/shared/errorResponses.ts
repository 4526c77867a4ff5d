import { HttpResponse } from 'msw';
import { errorCodes, fieldErrorsFromIssues, type ErrorBody } from '../../src/shared/errors.js';

/** An error in the server's one shape: `{ error: { code, message, details?: { fields } } }`. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string[]>,
): Response {
  const body: ErrorBody = { error: { code, message, ...(fields ? { details: { fields } } : {}) } };
  return HttpResponse.json(body, { status });
}

/** A 400 naming the offending fields. */
export function invalidResponse(message: string, fields: Record<string, string[]>): Response {
  return errorResponse(400, errorCodes.invalidRequest, message, fields);
}

/** Validation issues as the server answers them, through the same shared field mapping. */
export function validationErrorResponse(issues: Parameters<typeof fieldErrorsFromIssues>[0]): Response {
  const fields = fieldErrorsFromIssues(issues);
  return invalidResponse(`Invalid request: ${Object.keys(fields).join(', ')}`, fields);
}

import { toJSONSchema, type $ZodType } from 'zod/v4/core';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as the document carries it. */
export type JsonSchema = Record<string, unknown>;

/**
 * Zod 4's own conversion of a contract schema: `input` for what a caller sends (defaults make a
 * field optional, coerced query numbers stay numbers), `output` for what the server answers.
 * Refinements have no JSON Schema form and are left out (the description says them in words);
 * the `$schema` line is dropped, the document's dialect applies.
 */
export function jsonSchemaOf(schema: $ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return json as JsonSchema;
}

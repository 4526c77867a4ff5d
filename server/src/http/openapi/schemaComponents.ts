import * as core from 'podium-kit/core';
import { registry, toJSONSchema, type $ZodType } from 'zod/v4/core';
import type { JsonSchema } from './jsonSchemaOf.js';

/**
 * The contract's schemas by their exported names (`leaderboardResponseSchema` -> `LeaderboardResponse`),
 * so the document's `components.schemas` are named as a reader of `podium-kit/core` knows them.
 */
function contractSchemaNames(): Map<$ZodType, string> {
  const names = new Map<$ZodType, string>();
  for (const [exportName, value] of Object.entries(core)) {
    if (!exportName.endsWith('Schema') || typeof value !== 'object' || value === null || !('_zod' in value))
      continue;
    const name = exportName[0]!.toUpperCase() + exportName.slice(1, -'Schema'.length);
    if (!names.has(value as $ZodType)) names.set(value as $ZodType, name);
  }
  return names;
}

/** What {@link createSchemaComponents} returns. */
export interface SchemaComponents {
  /** The JSON Schema of a body or response; each named contract schema in it becomes a `$ref`. */
  of(schema: $ZodType, io: 'input' | 'output'): JsonSchema;
  /** Every named schema referred to so far, for `components.schemas`. */
  readonly schemas: Record<string, JsonSchema>;
}

/**
 * Converts with zod's `toJSONSchema` and a registry naming the contract's schemas: zod puts each
 * named one in `$defs`, and they are moved to `components.schemas` (inputs and outputs differ,
 * e.g. by defaults, so an input of a response type is named `…Input`).
 */
export function createSchemaComponents(): SchemaComponents {
  const names = contractSchemaNames();
  const registries = { input: registry<{ id: string }>(), output: registry<{ id: string }>() };
  for (const [schema, name] of names) {
    registries.output.add(schema, { id: name });
    registries.input.add(schema, { id: /(Body|Query)$/.test(name) ? name : `${name}Input` });
  }
  const schemas: Record<string, JsonSchema> = {};
  const toComponents = (json: JsonSchema): JsonSchema =>
    JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  return {
    schemas,
    of(schema, io) {
      const converted = toJSONSchema(schema, {
        io,
        target: 'draft-2020-12',
        unrepresentable: 'any',
        metadata: registries[io],
      }) as JsonSchema;
      const { $schema: _dialect, $defs, ...root } = converted;
      for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
        schemas[id] ??= toComponents(definition);
      }
      return toComponents(root);
    },
  };
}

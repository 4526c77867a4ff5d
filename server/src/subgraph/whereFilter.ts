import {
  type EntityKind,
  type EntityRecord,
  type FieldSpec,
  entityFields,
  isOrderedKind,
} from './entityFields.js';

/**
 * A `where` argument as The Graph spells it: `field`, `field_not`, `field_gt`, `field_gte`,
 * `field_lt`, `field_lte`, `field_in`, `field_not_in`, a nested `listing_: { ... }`,
 * `_change_block: { number_gte }`, and `and` / `or` lists.
 */
export type SubgraphWhere = { [key: string]: unknown };

/** The comparison operators a key's suffix names. */
export type FilterOperator = 'eq' | 'not' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'not_in';

/** One `field_op: value` condition, the value normalised to the field's stored form. */
export interface FieldCondition {
  field: string;
  spec: FieldSpec;
  op: FilterOperator;
  value: unknown;
}

const operators: Record<string, FilterOperator> = {
  not: 'not',
  gt: 'gt',
  gte: 'gte',
  lt: 'lt',
  lte: 'lte',
  in: 'in',
  not_in: 'not_in',
};

/** Thrown for a `where` the engine cannot apply (the GraphQL layer reports it as an error). */
export class FilterError extends Error {
  override readonly name = 'FilterError';
}

/** Splits `seller_not_in` into the field and the operator (field names never contain `_`). */
export function parseFilterKey(kind: EntityKind, key: string): FieldCondition | undefined {
  const cut = key.indexOf('_');
  const field = cut < 0 ? key : key.slice(0, cut);
  const op = cut < 0 ? 'eq' : operators[key.slice(cut + 1)];
  const spec = entityFields[kind][field];
  if (!spec || !op) return undefined;
  if (!isOrderedKind(spec.kind) && op !== 'eq' && op !== 'not' && op !== 'in' && op !== 'not_in') {
    return undefined;
  }
  return { field, spec, op, value: undefined };
}

/** A value in the form records store it: bigint for BigInt fields, lower-case hex for Bytes. */
export function normaliseValue(spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'bigint':
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value))) {
        return BigInt(value);
      }
      throw new FilterError(`Expected a BigInt, got ${JSON.stringify(value)}`);
    case 'bytes':
      if (typeof value === 'string') return value.toLowerCase();
      throw new FilterError(`Expected Bytes, got ${JSON.stringify(value)}`);
    case 'int':
      if (typeof value === 'number') return value;
      throw new FilterError(`Expected an Int, got ${JSON.stringify(value)}`);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      throw new FilterError(`Expected a Boolean, got ${JSON.stringify(value)}`);
    default:
      if (typeof value === 'string') return value;
      throw new FilterError(`Expected a string, got ${JSON.stringify(value)}`);
  }
}

/** Orders two stored values of one field (numbers and bigints numerically, strings as strings). */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return (a as number | bigint | string) < (b as number | bigint | string)
    ? -1
    : (a as number | bigint | string) > (b as number | bigint | string)
      ? 1
      : 0;
}

/** Every `field_op` condition of a where (not `and`/`or`/nested), values normalised. */
export function fieldConditions(kind: EntityKind, where: SubgraphWhere): FieldCondition[] {
  const conditions: FieldCondition[] = [];
  for (const [key, raw] of Object.entries(where)) {
    if (raw === undefined || raw === null) continue;
    if (key === 'and' || key === 'or' || key === '_change_block' || key.endsWith('_')) continue;
    const condition = parseFilterKey(kind, key);
    if (!condition) throw new FilterError(`Unknown filter \`${key}\` on ${kind}`);
    if (condition.op === 'in' || condition.op === 'not_in') {
      if (!Array.isArray(raw)) throw new FilterError(`\`${key}\` must be a list`);
      condition.value = raw.map((item) => normaliseValue(condition.spec, item));
    } else {
      condition.value = normaliseValue(condition.spec, raw);
    }
    conditions.push(condition);
  }
  return conditions;
}

/** Looks up the listing a child entity points at (for nested `listing_` filters). */
export type ListingLookup = (id: string) => EntityRecord | undefined;

/** The lowest block of a `_change_block: { number_gte }` condition, if the where has one. */
export function changeBlockFloor(where: SubgraphWhere): number | undefined {
  const filter = where._change_block as { number_gte?: unknown } | undefined | null;
  if (filter === undefined || filter === null) return undefined;
  if (typeof filter.number_gte !== 'number')
    throw new FilterError('`_change_block.number_gte` must be an Int');
  return filter.number_gte;
}

/** Compiles a where into a predicate over records of `kind`. */
export function compileWhere(
  kind: EntityKind,
  where: SubgraphWhere,
  lookupListing: ListingLookup,
): (record: EntityRecord) => boolean {
  const tests: Array<(record: EntityRecord) => boolean> = [];
  for (const condition of fieldConditions(kind, where)) tests.push(conditionTest(condition));

  const floor = changeBlockFloor(where);
  if (floor !== undefined) tests.push((record) => record.changeBlock >= floor);

  for (const [key, nested] of Object.entries(where)) {
    if (!key.endsWith('_') || key === '_change_block' || nested === undefined || nested === null) continue;
    const field = key.slice(0, -1);
    if (entityFields[kind][field]?.kind !== 'ref')
      throw new FilterError(`Unknown filter \`${key}\` on ${kind}`);
    const inner = compileWhere('listings', nested as SubgraphWhere, lookupListing);
    tests.push((record) => {
      const listing = lookupListing(String(fieldOf(record, field)));
      return listing !== undefined && inner(listing);
    });
  }

  const and = where.and as SubgraphWhere[] | undefined | null;
  if (Array.isArray(and)) for (const part of and) tests.push(compileWhere(kind, part, lookupListing));
  const or = where.or as SubgraphWhere[] | undefined | null;
  if (Array.isArray(or)) {
    const parts = or.map((part) => compileWhere(kind, part, lookupListing));
    tests.push((record) => parts.some((part) => part(record)));
  }

  return (record) => tests.every((test) => test(record));
}

function fieldOf(record: EntityRecord, field: string): unknown {
  return (record as unknown as Record<string, unknown>)[field];
}

function conditionTest({ field, op, value }: FieldCondition): (record: EntityRecord) => boolean {
  switch (op) {
    // Compared by value, not identity: a BigInt field may be stored as a number (purchase counts)
    // and filtered with a bigint.
    case 'eq':
      return (record) => compareValues(fieldOf(record, field), value) === 0;
    case 'not':
      return (record) => compareValues(fieldOf(record, field), value) !== 0;
    case 'gt':
      return (record) => compareValues(fieldOf(record, field), value) > 0;
    case 'gte':
      return (record) => compareValues(fieldOf(record, field), value) >= 0;
    case 'lt':
      return (record) => compareValues(fieldOf(record, field), value) < 0;
    case 'lte':
      return (record) => compareValues(fieldOf(record, field), value) <= 0;
    case 'in': {
      const set = new Set((value as unknown[]).map(setKey));
      return (record) => set.has(setKey(fieldOf(record, field)));
    }
    case 'not_in': {
      const set = new Set((value as unknown[]).map(setKey));
      return (record) => !set.has(setKey(fieldOf(record, field)));
    }
  }
}

/** A set member that equals across number and bigint (3 and 3n), as the filters compare them. */
function setKey(value: unknown): unknown {
  return typeof value === 'bigint' && Number.isSafeInteger(Number(value)) ? Number(value) : value;
}
